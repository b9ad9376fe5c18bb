package io.github.sqlitepragmaagent.txn;

import io.github.sqlitepragmaagent.session.DriverCalls;
import io.github.sqlitepragmaagent.session.Session;
import io.github.sqlitepragmaagent.session.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When and how a connection's transactions begin under the agent.
 *
 * <p>sqlite-jdbc begins eagerly: {@code setAutoCommit(false)}, {@code commit()} and {@code rollback()}
 * each run the next {@code begin} at once, so an idle pooled connection with autoCommit=false sits
 * in a transaction; with IMMEDIATE it holds the write lock while idle. The agent delays the driver's
 * begin to the connection's first statement, and runs it then in the mode the agent was configured
 * with (IMMEDIATE for read-write work, DEFERRED on a connection the app marked read-only). A begin or
 * commit that fails leaves the connection as it was, so the app's rollback and retry work.
 */
public final class Transactions {

    private static final String DEFERRED_BEGIN = "begin;";

    private final LockErrorRegistry lockErrors;

    public Transactions(LockErrorRegistry lockErrors) {
        this.lockErrors = lockErrors;
    }

    /**
     * The driver is about to run {@code sql} on its own (begin, commit, rollback, savepoints); returns
     * true when the agent took care of it and the driver must skip it.
     */
    public boolean beforeDriverExec(Session session, Object db, String sql) throws SQLException {
        if (SqlText.startsWithWord(sql, "BEGIN")) {
            if (session.inTransaction) {
                return false;
            }
            session.pendingBegin = sql;
            return true;
        }
        if (isEnd(sql)) {
            if (!session.inTransaction) {
                // Nothing began since the last end: there is nothing to commit or roll back.
                session.pendingBegin = null;
                return true;
            }
            session.operation = LockErrors.Kind.COMMIT;
            try {
                DriverCalls.exec(db, sql, false);
            } catch (SQLException e) {
                countIfLocked(session, e, LockErrors.Kind.COMMIT);
                throw e;
            }
            session.inTransaction = false;
            session.pendingBegin = null;
            return true;
        }
        // Savepoints and the driver's other statements ran inside the eager transaction: begin it first.
        beginIfPending(session, db);
        return false;
    }

    /** A statement is about to run: the delayed begin happens now, unless it is a foreign_keys pragma. */
    public void beforeStatement(Session session, Object db, String sql) throws SQLException {
        if (session.pendingBegin != null && !session.inTransaction && SqlText.startsWithWord(sql, "PRAGMA")
                && isForeignKeysPragma(sql)) {
            // PRAGMA foreign_keys does nothing inside a transaction; without the agent's delay the app's
            // own "PRAGMA foreign_keys=OFF" first in a migration would be ignored just the same, but the
            // app that writes it means it: run it before the transaction begins.
            return;
        }
        beginIfPending(session, db);
        session.operation = session.inTransaction ? LockErrors.Kind.UPGRADE : LockErrors.Kind.STATEMENT;
    }

    /** Counts a lock error the driver is about to throw to the app. */
    public void error(Session session, int code) {
        if (LockErrors.isLockError(code)) {
            lockErrors.record(session.database, session.operation);
        }
    }

    /**
     * {@code setReadOnly(flag)} on an open connection, which sqlite-jdbc refuses: the agent switches
     * SQLite's own per-connection {@code query_only} instead, and begins that connection's
     * transactions DEFERRED so that readers never take the write lock.
     */
    public void setReadOnly(Session session, Connection connection, boolean flag) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            statement.execute("PRAGMA query_only=" + (flag ? "1" : "0"));
        } finally {
            statement.close();
        }
        session.readOnly = flag;
    }

    private void beginIfPending(Session session, Object db) throws SQLException {
        String driverBegin = session.pendingBegin;
        if (driverBegin == null || session.inTransaction) {
            return;
        }
        String begin = session.readOnly ? DEFERRED_BEGIN : session.beginSql != null ? session.beginSql : driverBegin;
        session.operation = LockErrors.Kind.BEGIN;
        try {
            DriverCalls.exec(db, begin, false);
        } catch (SQLException e) {
            // The connection stays as the app left it (autoCommit=false, no transaction, the begin still
            // due), so its rollback succeeds and its retry begins afresh: sqlite-jdbc issue 683.
            countIfLocked(session, e, LockErrors.Kind.BEGIN);
            throw e;
        }
        session.pendingBegin = null;
        session.inTransaction = true;
    }

    private void countIfLocked(Session session, SQLException e, LockErrors.Kind kind) {
        if (LockErrors.isLockError(e.getErrorCode()) || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")
                || String.valueOf(e.getMessage()).contains("SQLITE_LOCKED")) {
            lockErrors.record(session.database, kind);
        }
    }

    /** {@code commit}, {@code end} or {@code rollback}, but not {@code rollback to} a savepoint. */
    private static boolean isEnd(String sql) {
        if (SqlText.startsWithWord(sql, "COMMIT") || SqlText.startsWithWord(sql, "END")) {
            return true;
        }
        if (!SqlText.startsWithWord(sql, "ROLLBACK")) {
            return false;
        }
        String[] words = SqlText.firstWords(sql, 3);
        String second = words[1] == null ? "" : words[1];
        String third = words[2] == null ? "" : words[2];
        return !second.equalsIgnoreCase("TO") && !(second.equalsIgnoreCase("TRANSACTION") && third.equalsIgnoreCase("TO"));
    }

    /** True for {@code PRAGMA foreign_keys ...} (with or without a schema). */
    public static boolean isForeignKeysPragma(String sql) {
        String[] words = SqlText.firstWords(sql, 4);
        return "foreign_keys".equalsIgnoreCase(words[1])
                || (".".equals(words[2]) && "foreign_keys".equalsIgnoreCase(words[3]));
    }
}
