package io.github.sqlitepragmaagent.statements;

/**
 * {@code SQLITE_FULL} errors on the app's connections, handed to whoever can free the WAL's space
 * (the audits, which checkpoint from their own connection on their own thread: nothing is done on the
 * app's thread, inside the driver's lock, but a hand-over).
 */
public final class DiskFull {

    private static final int SQLITE_FULL = 13;

    /** What to tell of a disk-full error on a database. */
    public interface Listener {
        void diskFull(String database);
    }

    private volatile Listener listener;

    public void listen(Listener listener) {
        this.listener = listener;
    }

    void error(String database, int code) {
        Listener current = listener;
        if ((code & 0xff) == SQLITE_FULL && current != null) {
            current.diskFull(database);
        }
    }
}
