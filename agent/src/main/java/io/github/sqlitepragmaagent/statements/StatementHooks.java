package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.bridge.StatementListener;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;

/**
 * The agent's side of the statement hooks, in the order things must happen on a connection: first the
 * foreign-key guard (before the statement is compiled or its transaction begins), with a migration's
 * foreign keys switched off ahead of it, then the delayed begin; before a migration commits, its
 * foreign key check; and after a transaction ends, whatever the guard or the migration switched off
 * comes back.
 *
 * <p>The statement layer's front door: it builds the layer, and its {@link #sessions()} is what the
 * tuner hands each tuned connection to.
 */
public final class StatementHooks implements StatementListener {

    private final Logger log;
    private final Sessions sessions;
    private final ForeignKeyDropGuard foreignKeys;
    private final MigrationTransactions migrations;
    private final Transactions transactions;
    private final OpenReads openReads = new OpenReads();
    private final DiskSpace diskSpace;
    private final LowSpaceJournal lowSpaceJournal;

    public StatementHooks(Logger log, LockErrorRegistry lockErrors) {
        this(log, lockErrors, 0);
    }

    /** {@code lockWaitReportMillis}: how long a begin waits for a lock held in this JVM before its holder is named (0: never). */
    public StatementHooks(Logger log, LockErrorRegistry lockErrors, long lockWaitReportMillis) {
        this(log, lockErrors, lockWaitReportMillis, false);
    }

    /** {@code writersQueue}: the agent's read-write transactions take turns at each database ({@code writers.queue}). */
    public StatementHooks(Logger log, LockErrorRegistry lockErrors, long lockWaitReportMillis, boolean writersQueue) {
        this.log = log;
        DanglingReferences dangling = new DanglingReferences(log);
        this.sessions = new Sessions(dangling, openReads);
        this.diskSpace = new DiskSpace();
        this.lowSpaceJournal = new LowSpaceJournal(log);
        this.foreignKeys = new ForeignKeyDropGuard(log, dangling);
        this.migrations = new MigrationTransactions(log);
        this.transactions = new Transactions(lockErrors, log, lockWaitReportMillis, writersQueue);
    }

    /** The reads open on each database in this JVM, for the audits' pinned-WAL warning. */
    public OpenReads openReads() {
        return openReads;
    }

    /** Where transaction starts and disk-full errors on the app's connections are passed on (to the audits' checkpoints). */
    public DiskSpace diskSpace() {
        return diskSpace;
    }

    /** The sessions of the connections these hooks follow: give it to the tuner as its next step. */
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public void beforePrepare(Object db, Object statement, String sql) throws SQLException {
        Session session = sessions.ofDatabaseHandle(db);
        if (session != null && sql != null) {
            noteOwnPragmas(session, sql);
            foreignKeys.beforeStatement(session, statement, sql);
        }
    }

    @Override
    public void beforeExecute(Object db, Object statement, String sql) throws SQLException {
        Session session = sessions.ofDatabaseHandle(db);
        if (session == null) {
            return;
        }
        if (sql != null) {
            noteOwnPragmas(session, sql);
        }
        migrations.beforeStatement(session, sql);
        if (sql != null) {
            foreignKeys.beforeStatement(session, statement, sql);
        }
        if (statement != null) {
            session.reads.started(statement, sql);
        }
        if (!session.inTransaction) {
            // Before its begin, delayed or SQLite's own: a checkpoint (or leaving WAL) now cannot wait for this transaction.
            if (diskSpace.transactionStarting(session.database)) {
                lowSpaceJournal.shortOfSpace(session);
            }
        }
        transactions.beforeStatement(session, db, sql);
    }

    @Override
    public boolean beforeDriverExec(Object db, String sql) throws SQLException {
        Session session = sessions.ofDatabaseHandle(db);
        if (session == null || sql == null) {
            return false;
        }
        boolean wasInTransaction = session.inTransaction;
        if (wasInTransaction && session.migration != null && isCommit(sql)) {
            migrations.beforeCommit(session);
        }
        boolean handled = transactions.beforeDriverExec(session, db, sql);
        boolean ended = wasInTransaction && !session.inTransaction;
        if (session.migration != null && !session.inTransaction && session.pendingBegin == null) {
            // Committed, rolled back, or ended before its delayed begin ever ran (no begin is due any more).
            migrations.ended(session);
            ended = true;
        }
        if (ended) {
            try {
                foreignKeys.transactionEnded(session);
            } catch (SQLException e) {
                // The transaction ended as the app asked; foreign keys stay off on this connection, as without the agent.
                log.debug("db={} foreign keys not switched back on after a transaction: {}", session.database, e.toString());
            }
        }
        return handled;
    }

    @Override
    public void error(Object db, int code) {
        Session session = sessions.ofDatabaseHandle(db);
        if (session != null) {
            transactions.error(session, code);
            diskSpace.error(session.database, code);
        }
    }

    @Override
    public boolean setReadOnly(Object connection, boolean readOnly) throws SQLException {
        Session session = sessions.ofConnection(connection);
        if (session == null || session.driverHandlesReadOnly || !(connection instanceof Connection)) {
            return false;
        }
        return transactions.setReadOnly(session, (Connection) connection, readOnly);
    }

    @Override
    public Boolean isReadOnly(Object connection) {
        Session session = sessions.ofConnection(connection);
        if (session == null || session.driverHandlesReadOnly) {
            return null;
        }
        return session.readOnly;
    }

    /**
     * The app's own {@code PRAGMA foreign_keys=...} or {@code PRAGMA journal_mode=...}: from then on that setting
     * is the app's business. A {@code foreign_keys} written as a transaction's first statement runs before the
     * delayed begin, so it works there; the agent does not switch enforcement back on after such a transaction:
     * the app said what it wants. A journal mode of the app's own stays on a nearly full disk too.
     */
    private static void noteOwnPragmas(Session session, String sql) {
        if (SqlText.firstLetter(sql) != 'P' || !SqlText.startsWithWord(sql, "PRAGMA") || sql.indexOf('=') < 0) {
            return;
        }
        if (!session.appForeignKeys && Transactions.isForeignKeysPragma(sql)) {
            session.appForeignKeys = true;
        }
        if (session.agentWal && !session.appJournalMode && sql.toLowerCase(java.util.Locale.ROOT).contains("journal_mode")) {
            session.appJournalMode = true;
        }
    }

    /** {@code commit} or {@code end}: the statements that make a transaction's changes last. */
    private static boolean isCommit(String sql) {
        return SqlText.startsWithWord(sql, "COMMIT") || SqlText.startsWithWord(sql, "END");
    }
}
