package io.github.sqlitepragmaagent.statements;

/**
 * What the app's connections tell about a database's disk space, handed to the audits, which own the
 * checkpoints: each transaction about to start (while the disk is nearly full, a checkpoint then keeps
 * the WAL one transaction long) and each {@code SQLITE_FULL} error (answered with a checkpoint from the
 * audit thread).
 */
public final class DiskSpace {

    private static final int SQLITE_FULL = 13;

    /** Who is told. */
    public interface Listener {
        /**
         * On the app's thread, inside the driver's lock on the connection: must be cheap unless the disk is nearly
         * full. True while the database's filesystem is short of space ({@code checkpoint.low.space}).
         */
        boolean transactionStarting(String database);

        void diskFull(String database);
    }

    private volatile Listener listener;

    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** True while the database's filesystem is short of space. */
    boolean transactionStarting(String database) {
        Listener current = listener;
        return current != null && current.transactionStarting(database);
    }

    void error(String database, int code) {
        Listener current = listener;
        if ((code & 0xff) == SQLITE_FULL && current != null) {
            current.diskFull(database);
        }
    }
}
