package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.support.Statements;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a statement again while SQLite answers BUSY or LOCKED, until the deadline.
 *
 * <p>Switching to WAL upgrades a shared lock to an exclusive one, and when several connections
 * upgrade at once SQLite reports BUSY at once instead of calling the busy handler (it would
 * deadlock): without retrying, some of many connections opening a new file at the same instant
 * would stay out of WAL.
 */
final class BusyRetry {

    private static final long LONGEST_PAUSE_MILLIS = 50;

    private BusyRetry() {}

    /** The first column of {@code sql}'s first row, retried on BUSY until {@code deadline}. */
    static String firstColumn(Statement statement, String sql, BusyDeadline deadline) throws SQLException {
        long pauseMillis = 1;
        while (true) {
            deadline.beforeStatement();
            try {
                return Statements.firstColumn(statement, sql);
            } catch (SQLException e) {
                if (!isBusy(e) || deadline.remainingMillis() < pauseMillis) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for another connection's lock", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    /** SQLITE_BUSY (5) or SQLITE_LOCKED (6), extended codes included. */
    static boolean isBusy(Throwable t) {
        if (!(t instanceof SQLException)) {
            return false;
        }
        int code = ((SQLException) t).getErrorCode() & 0xff;
        String message = String.valueOf(t.getMessage());
        return code == 5 || code == 6 || message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
    }
}
