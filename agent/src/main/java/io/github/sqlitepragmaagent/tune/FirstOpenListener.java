package io.github.sqlitepragmaagent.tune;

import java.sql.Connection;

/** Told the first time this JVM opens each database, right after that first connection is tuned. */
public interface FirstOpenListener {

    /** A listener that does nothing. */
    FirstOpenListener NONE = new FirstOpenListener() {
        @Override
        public void firstOpen(OpenRequest request, Connection connection) {}
    };

    /**
     * Called on the app's thread: must return at once (hand any work to another thread) and must not
     * keep {@code connection}, which belongs to the app.
     */
    void firstOpen(OpenRequest request, Connection connection);
}
