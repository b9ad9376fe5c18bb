package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.config.BooleanWords;
import io.github.sqlitepragmaagent.config.TransactionMode;
import io.github.sqlitepragmaagent.driver.DriverHandles;
import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;

/**
 * When and how a connection's transactions begin under the agent.
 *
 * <p>sqlite-jdbc begins eagerly: {@code setAutoCommit(false)}, {@code commit()} and {@code rollback()}
 * each run the next {@code begin} at once, so an idle pooled connection with autoCommit=false sits
 * in a transaction; with IMMEDIATE it holds the write lock while idle. The agent delays the driver's
 * begin to the connection's first statement, and runs it then in the agent's mode: IMMEDIATE by
 * default for read-write work, so that a transaction that reads and then writes takes the write lock
 * where busy_timeout waits for it, instead of failing at its first write (SQLite cannot wait there);
 * DEFERRED on a connection the app marked read-only, whose readers never need the write lock. A begin
 * or commit that fails leaves the connection as it was, so the app's rollback and retry work.
 */
final class Transactions {

    private static final String DEFERRED_BEGIN = "begin;";
    /** What {@code transaction_mode=DEFERRED} begins with: takes no lock until the first write. */
    private static final String DEFERRED_MODE_BEGIN = beginFor(TransactionMode.DEFERRED);

    private final LockErrorRegistry lockErrors;
    private final Logger log;
    private final OnceLog once = new OnceLog();
    /**
     * Per database, the session whose transaction the agent began IMMEDIATE or EXCLUSIVE and which holds
     * the write lock now: named when another connection meets the lock, and kept so that a second
     * connection used by the very same thread is never made to wait for a lock only that thread can release.
     */
    private final WriteLockHolders holders;

    /** Times the begins that wait for a write lock held in this JVM; null when {@code lock.wait.report=off}. */
    private final LockWaitAlarm waitAlarm;

    /** The writers' line per database ({@code writers.queue}); null when off. */
    private final WriterTurns turns;

    Transactions(LockErrorRegistry lockErrors, Logger log, long lockWaitReportMillis) {
        this(lockErrors, log, lockWaitReportMillis, false);
    }

    Transactions(LockErrorRegistry lockErrors, Logger log, long lockWaitReportMillis, boolean writersQueue) {
        this.lockErrors = lockErrors;
        this.log = log;
        this.holders = new WriteLockHolders(log);
        this.waitAlarm = lockWaitReportMillis > 0 ? new LockWaitAlarm(holders, lockWaitReportMillis) : null;
        this.turns = writersQueue ? new WriterTurns(log) : null;
    }

    /** The writers' line of {@code database}, or null when {@code writers.queue} is off: for tests. */
    WriterLine writerLineOf(String database) {
        return turns == null ? null : turns.lineOf(database);
    }

    /** The begin statement for {@code mode}, or null for none (the driver's begin stays). */
    static String beginFor(TransactionMode mode) {
        // Spelled as sqlite-jdbc spells its own begin, so a log or trace shows the same statement.
        return mode == null ? null : "begin " + mode.name().toLowerCase(Locale.ROOT) + ";";
    }

    /**
     * The driver is about to run {@code sql} on its own (begin, commit, rollback, savepoints); returns
     * true when the agent took care of it and the driver must skip it.
     */
    boolean beforeDriverExec(Session session, Object db, String sql) throws SQLException {
        if (SqlText.startsWithWord(sql, "BEGIN")) {
            if (session.inTransaction) {
                return false;
            }
            session.pendingBegin = sql;
            return true;
        }
        if (isEnd(sql)) {
            boolean believedOpen = session.inTransaction;
            boolean delayedBeginNeverRan = !believedOpen && session.pendingBegin != null;
            session.pendingBegin = null;
            if (delayedBeginNeverRan) {
                return true; // the agent holds the only begin since the last end, and never ran it
            }
            session.operation = LockErrors.Kind.COMMIT;
            // Where the agent did not hold back the begin itself, SQLite, not the agent's bookkeeping,
            // decides whether there is a transaction to end: a commit is never skipped while one is open.
            try {
                DriverHandles.exec(db, sql, false);
            } catch (SQLException e) {
                if (!believedOpen && isMessage(e, "no transaction is active")) {
                    return true; // nothing began since the last end (the begin was still delayed)
                }
                countIfLocked(session, e, LockErrors.Kind.COMMIT);
                throw e;
            } finally {
                // Even after a failed end: a turn given back early only sends the next writer to SQLite's own
                // wait, while a turn kept by a transaction SQLite already ended would hold everyone up.
                if (turns != null) {
                    turns.release(session);
                }
            }
            session.inTransaction = false;
            if (session.writerThreadId != 0 && !session.mayHaveWritten && !SqlText.startsWithWord(sql, "ROLLBACK")) {
                lockErrors.readOnlyImmediates().committed(session);
            }
            holders.released(session);
            return true;
        }
        // Savepoints and the driver's other statements ran inside the eager transaction: begin it first.
        beginIfPending(session, db, sql);
        return false;
    }

    /** A statement is about to run: the delayed begin happens now, unless it is a foreign_keys pragma. */
    void beforeStatement(Session session, Object db, String sql) throws SQLException {
        if (SqlText.firstLetter(sql) == 'P') {
            noteQueryOnly(session, sql);
            noteBusyTimeout(session, sql);
        }
        if (session.pendingBegin != null && !session.inTransaction && (isConnectionPragma(sql) || readsNoTable(sql))) {
            // A pragma that sets or reads this connection only (busy_timeout, query_only, ...) runs the
            // same before the transaction as inside it, and must not take the write lock an IMMEDIATE begin
            // takes. PRAGMA foreign_keys even does nothing inside a transaction: the app that writes it
            // first in a migration means it, so it runs before the transaction begins. A SELECT that reads no
            // table (a pool's "SELECT 1" validation, JDBC isValid) needs no transaction either.
            return;
        }
        beginIfPending(session, db, sql);
        if (session.writerThreadId != 0) {
            if (!session.mayHaveWritten && !WriteLockHolders.plainRead(sql)) {
                session.mayHaveWritten = true;
            }
        } else if (session.nestedUnder != null || !session.inTransaction) {
            try {
                holders.refuseSelfWait(session, sql);
            } catch (SQLException e) {
                lockErrors.record(session.database, LockErrors.Kind.STATEMENT);
                throw e;
            }
        }
        session.operation = session.inTransaction ? LockErrors.Kind.UPGRADE : LockErrors.Kind.STATEMENT;
    }

    /** Counts a lock error the driver is about to throw to the app, and names who holds the lock. */
    void error(Session session, int code) {
        if (LockErrors.isLockError(code)) {
            lockErrors.record(session.database, session.operation);
            holders.lockError(session);
        }
    }

    /**
     * {@code setReadOnly(flag)} on an open connection, which sqlite-jdbc refuses unless explicit_readonly
     * is on: the agent switches SQLite's own per-connection {@code query_only} instead, and begins that
     * connection's transactions DEFERRED so that readers never take the write lock. Like the driver's
     * explicit read-only support, it refuses a change once the transaction's first statement ran (SQLite
     * cannot make a transaction that read or wrote read-only, nor the reverse). Returns false to leave a
     * closed connection to the driver, whose answer there the app gets without the agent too.
     */
    boolean setReadOnly(Session session, Connection connection, boolean flag) throws SQLException {
        if (connection.isClosed()) {
            return false;
        }
        if (flag == session.readOnly) {
            return true; // the driver too changes nothing then, and the app's own query_only stays as it is
        }
        if (session.inTransaction) {
            // The driver's own words for the same refusal (sqlite-jdbc 3.41 on, explicit_readonly).
            throw new SQLException("Cannot change Read-Only status of this connection: the first statement was already"
                    + " executed and the transaction is open.");
        }
        Statements.execute(connection, "PRAGMA query_only=" + (flag ? "1" : "0"));
        session.readOnly = flag;
        return true;
    }

    private void beginIfPending(Session session, Object db, String firstStatement) throws SQLException {
        String driverBegin = session.pendingBegin;
        if (driverBegin == null || session.inTransaction) {
            return;
        }
        String begin = beginStatement(session, driverBegin);
        // The agent's own IMMEDIATE or EXCLUSIVE begin: it takes the write lock until the transaction ends.
        boolean takesWriteLock = begin.equals(session.beginSql) && !begin.equals(DEFERRED_MODE_BEGIN);
        Session nestedUnder = takesWriteLock ? heldByThisThreadElsewhere(session) : null;
        if (nestedUnder != null) {
            begin = DEFERRED_BEGIN;
            takesWriteLock = false;
        }
        session.operation = LockErrors.Kind.BEGIN;
        // Only a begin that may wait for a holder of this JVM is watched: an uncontended one costs one map lookup.
        boolean watched = takesWriteLock && waitAlarm != null && holders.holderOf(session.database) != null;
        if (watched) {
            waitAlarm.waits(session);
        }
        // Its turn first (nested transactions of this thread never got here: they begin DEFERRED), so that the
        // begin below finds the lock free instead of polling for it.
        boolean turn = takesWriteLock && turns != null && turns.take(session);
        boolean begun = false;
        try {
            DriverHandles.exec(db, begin, false);
            begun = true;
        } catch (SQLException e) {
            if (!isMessage(e, "within a transaction")) {
                // The connection stays as the app left it (autoCommit=false, no transaction, the begin still
                // due), so its rollback succeeds and its retry begins afresh: sqlite-jdbc issue 683.
                countIfLocked(session, e, LockErrors.Kind.BEGIN);
                throw e;
            }
            // A transaction is already open (begun by the app itself): that one is the transaction now.
            takesWriteLock = false;
        } finally {
            if (watched) {
                waitAlarm.done(session);
            }
            if (turn && !(begun && takesWriteLock)) {
                turns.release(session); // no transaction of its own holds the lock: the next in line goes
            }
        }
        session.pendingBegin = null;
        session.inTransaction = true;
        session.nestedUnder = nestedUnder;
        if (takesWriteLock) {
            holders.took(session, firstStatement);
        }
        if (turn && takesWriteLock) {
            turns.began(session); // its open transaction holds the turn until it ends
        }
    }

    /**
     * True when this thread already holds {@code session}'s database's write lock through another
     * connection's transaction (a nested transaction on a second connection: Spring's REQUIRES_NEW inside
     * a {@code @Transactional} method, a second JDBI handle). An IMMEDIATE begin here would wait for a lock
     * that only this waiting thread can release: it would fail after the whole busy timeout. Such a
     * transaction begins DEFERRED, as without the agent, and the reason is logged once per database; a
     * write in it is refused at once ({@link WriteLockHolders#refuseSelfWait}). Returns the holder, or null.
     */
    private Session heldByThisThreadElsewhere(Session session) {
        Session holder = holders.heldByThisThreadElsewhere(session);
        if (holder == null) {
            return null;
        }
        if (once.first("nested-writer|" + session.database)) {
            log.warn("thread '{}' began a transaction on a second connection to {} while its own transaction on another"
                    + " connection, begun IMMEDIATE by the agent, holds the write lock (a nested transaction such as Spring's"
                    + " REQUIRES_NEW): the new one begins DEFERRED, as without the agent; it can read, but a write in it could"
                    + " only wait for the outer transaction, which this same thread must end first, so it fails at once. Without the agent the"
                    + " outer transaction would take the write lock only at its first write; transaction_mode=DEFERRED for"
                    + " this database (a rule) gives that back, at the cost of read-then-write transactions failing on busy",
                    Thread.currentThread().getName(), session.database);
        }
        return holder;
    }

    /** A connection the app dropped or closed mid-transaction holds no lock any more (SQLite rolled it back). */
    static boolean isClosed(Connection connection) {
        try {
            return connection == null || connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * DEFERRED for a read-only connection (a reader never needs the write lock, and on a connection
     * opened read-only BEGIN IMMEDIATE fails); where sqlite-jdbc handles read-only itself, the driver's
     * own begin (it upgrades its read-write transactions itself); otherwise the agent's mode, if any.
     */
    private static String beginStatement(Session session, String driverBegin) {
        if (session.readOnly || session.openedReadOnly || session.appQueryOnly) {
            return DEFERRED_BEGIN;
        }
        if (session.driverHandlesReadOnly) {
            Connection connection = session.connection();
            try {
                return connection != null && connection.isReadOnly() ? DEFERRED_BEGIN : driverBegin;
            } catch (SQLException e) {
                return driverBegin;
            }
        }
        return session.beginSql != null ? session.beginSql : driverBegin;
    }

    private static boolean isMessage(SQLException e, String text) {
        return String.valueOf(e.getMessage()).contains(text);
    }

    private void countIfLocked(Session session, SQLException e, LockErrors.Kind kind) {
        if (LockErrors.isLockError(e.getErrorCode()) || String.valueOf(e.getMessage()).contains("SQLITE_BUSY")
                || String.valueOf(e.getMessage()).contains("SQLITE_LOCKED")) {
            lockErrors.record(session.database, kind);
            holders.lockError(session);
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

    /**
     * Pragmas that concern the connection, not the database file: running one before or inside the
     * transaction is the same, except foreign_keys, which only works before it.
     */
    private static final Set<String> CONNECTION_PRAGMAS = new HashSet<String>(Arrays.asList(
            "foreign_keys", "busy_timeout", "query_only", "cache_size", "cache_spill", "temp_store", "read_uncommitted",
            "recursive_triggers", "automatic_index", "case_sensitive_like", "reverse_unordered_selects", "analysis_limit",
            "threads", "soft_heap_limit", "hard_heap_limit", "synchronous", "trusted_schema", "cell_size_check",
            "ignore_check_constraints", "count_changes", "short_column_names", "full_column_names", "empty_result_callbacks"));

    /** True for {@code PRAGMA x[=v]} where x is one of {@link #CONNECTION_PRAGMAS}. */
    static boolean isConnectionPragma(String sql) {
        if (sql == null || !SqlText.startsWithWord(sql, "PRAGMA")) {
            return false;
        }
        String[] words = SqlText.firstWords(sql, 2);
        return words[1] != null && CONNECTION_PRAGMAS.contains(words[1].toLowerCase(Locale.ROOT));
    }

    /** A SELECT of expressions only ({@code SELECT 1}): no FROM anywhere in its text. */
    static boolean readsNoTable(String sql) {
        if (sql == null || !SqlText.startsWithWord(sql, "SELECT")) {
            return false;
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        for (int at = upper.indexOf("FROM"); at >= 0; at = upper.indexOf("FROM", at + 4)) {
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(upper.charAt(at - 1)) && upper.charAt(at - 1) != '_';
            int end = at + 4;
            boolean wordEnd = end == upper.length() || !Character.isLetterOrDigit(upper.charAt(end)) && upper.charAt(end) != '_';
            if (wordStart && wordEnd) {
                return false;
            }
        }
        return true;
    }

    /** The app's own {@code PRAGMA query_only=v} (or {@code (v)}): the connection is read-only while it is on. */
    private static void noteQueryOnly(Session session, String sql) {
        Boolean queryOnly = queryOnlyValue(sql);
        if (queryOnly != null) {
            session.appQueryOnly = queryOnly;
        }
    }

    /** The app's own {@code PRAGMA busy_timeout = N}: SQLite's wait, which the driver's configuration does not show. */
    private static void noteBusyTimeout(Session session, String sql) {
        if (!SqlText.startsWithWord(sql, "PRAGMA")) {
            return;
        }
        String[] words = SqlText.firstWords(sql, 4);
        if (!"busy_timeout".equalsIgnoreCase(words[1]) || !("=".equals(words[2]) || "(".equals(words[2])) || words[3] == null) {
            return;
        }
        try {
            session.appBusyTimeoutMillis = Math.max(0, Long.parseLong(SqlText.unquote(words[3])));
        } catch (NumberFormatException e) {
            // not a number SQLite would take either: the driver's value stays the bound
        }
    }

    /** The value a {@code PRAGMA query_only = v} or {@code PRAGMA query_only(v)} sets; null for anything else. */
    static Boolean queryOnlyValue(String sql) {
        if (!SqlText.startsWithWord(sql, "PRAGMA")) {
            return null;
        }
        String[] words = SqlText.firstWords(sql, 4);
        if (!"query_only".equalsIgnoreCase(words[1]) || !("=".equals(words[2]) || "(".equals(words[2])) || words[3] == null) {
            return null;
        }
        return BooleanWords.parse(SqlText.unquote(words[3]));
    }

    /** True for {@code PRAGMA foreign_keys ...} (with or without a schema). */
    static boolean isForeignKeysPragma(String sql) {
        String[] words = SqlText.firstWords(sql, 4);
        return "foreign_keys".equalsIgnoreCase(words[1])
                || (".".equals(words[2]) && "foreign_keys".equalsIgnoreCase(words[3]));
    }
}
