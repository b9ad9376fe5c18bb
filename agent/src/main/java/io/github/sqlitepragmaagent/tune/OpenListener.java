package io.github.sqlitepragmaagent.tune;

import java.sql.Connection;

/**
 * Told of the connections the tuner tuned: the first time this JVM opens each database, then of every
 * further connection to it (the audits use both: the first to audit it, the others to know it is still
 * in use), and the first time another copy of sqlite-jdbc opens a database one copy already opened.
 */
public interface OpenListener {

    /** A listener that does nothing. */
    OpenListener NONE = new OpenListener() {
        @Override
        public void firstOpen(OpenRequest request, Connection connection) {}

        @Override
        public void opened(OpenRequest request, Connection connection) {}
    };

    /**
     * Called on the app's thread, right after the database's first connection is tuned: must return at
     * once (hand any work to another thread) and must not keep {@code connection}, which belongs to the
     * app (a weak reference is fine).
     */
    void firstOpen(OpenRequest request, Connection connection);

    /** Every other tuned connection, on the app's thread, under the same rules as {@link #firstOpen}. */
    void opened(OpenRequest request, Connection connection);

    /**
     * {@code connection} was opened through a copy of sqlite-jdbc (its class loader) other than
     * {@code other}'s, which opened the same database before and is still loaded. Same rules as
     * {@link #firstOpen}. Nothing by default: only the audits open databases of their own.
     */
    default void anotherDriverCopy(OpenRequest request, Connection connection, ClassLoader other) {}
}
