package io.github.sqlitepragmaagent.testapps.tx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks SQLite, without waiting, whether some connection holds the database's write lock: a
 * connection of its own (outside the pool) with busy_timeout 0 tries {@code BEGIN IMMEDIATE}, which
 * fails at once with SQLITE_BUSY exactly when another connection holds the lock, and rolls back.
 * No clock is involved: the answer is SQLite's lock state at that moment.
 */
final class WriteLockProbe {

    private final String url;
    /** The probes SQLite refused: lock errors the app caught, beside its failed requests. */
    private final Failures refusals = new Failures();

    WriteLockProbe(String url) {
        this.url = url;
    }

    long refusals() {
        return refusals.locked();
    }

    /** True if another connection holds the write lock now. A refusal is counted as a lock error the app caught. */
    boolean writeLockHeld() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
            try {
                s.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                if (!refusals.count(e)) {
                    throw e;
                }
                return true;
            }
            s.execute("ROLLBACK");
            return false;
        }
    }
}
