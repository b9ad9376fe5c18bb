package io.github.sqlitepragmaagent.tune;

import java.sql.Connection;

/**
 * Told the first time this JVM opens each database, right after that first connection is tuned, and
 * the first time another copy of sqlite-jdbc opens a database that one copy already opened.
 */
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

    /**
     * {@code connection} was opened through a copy of sqlite-jdbc (its class loader) other than
     * {@code other}'s, which opened the same database before and is still loaded. Same rules as
     * {@link #firstOpen}. Nothing by default: only the audits open databases of their own.
     */
    default void anotherDriverCopy(OpenRequest request, Connection connection, ClassLoader other) {}
}
