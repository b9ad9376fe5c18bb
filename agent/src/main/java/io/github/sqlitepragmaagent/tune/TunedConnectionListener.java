package io.github.sqlitepragmaagent.tune;

/**
 * Told of every connection the tuner resolved, while the tuning's busy deadline still holds. An
 * interface so that the tuner needs nothing of the layer above it (the statement layer's sessions).
 */
public interface TunedConnectionListener {

    /** A listener that does nothing (the {@code check} command, tests). */
    TunedConnectionListener NONE = new TunedConnectionListener() {
        @Override
        public void connectionTuned(TunedConnection connection) {}
    };

    /** Called on the app's thread; what it throws is its own failure, passed on after the tuner is done. */
    void connectionTuned(TunedConnection connection);
}
