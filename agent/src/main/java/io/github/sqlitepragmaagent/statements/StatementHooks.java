package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.bridge.StatementListener;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;

/**
 * The agent's side of the statement hooks, in the order things must happen on a connection: first the
 * foreign-key guard (before the statement is compiled or its transaction begins), then the delayed
 * begin, and after a transaction ends, whatever the guard switched off comes back.
 *
 * <p>The statement layer's front door: it builds the layer, and its {@link #sessions()} is what the
 * tuner hands each tuned connection to.
 */
public final class StatementHooks implements StatementListener {

    private final Sessions sessions;
    private final ForeignKeyDropGuard foreignKeys;
    private final Transactions transactions;

    public StatementHooks(Logger log, LockErrorRegistry lockErrors) {
        this(log, lockErrors, 0);
    }

    /** {@code lockWaitReportMillis}: how long a begin waits for a lock held in this JVM before its holder is named (0: never). */
    public StatementHooks(Logger log, LockErrorRegistry lockErrors, long lockWaitReportMillis) {
        DanglingReferences dangling = new DanglingReferences(log);
        this.sessions = new Sessions(dangling);
        this.foreignKeys = new ForeignKeyDropGuard(log, dangling);
        this.transactions = new Transactions(lockErrors, log, lockWaitReportMillis);
    }

    /** The sessions of the connections these hooks follow: give it to the tuner as its next step. */
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public void beforePrepare(Object db, Object statement, String sql) throws SQLException {
        Session session = sessions.ofDatabaseHandle(db);
        if (session != null && sql != null) {
            noteOwnForeignKeys(session, sql);
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
            noteOwnForeignKeys(session, sql);
            foreignKeys.beforeStatement(session, statement, sql);
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
        boolean handled = transactions.beforeDriverExec(session, db, sql);
        if (wasInTransaction && !session.inTransaction) {
            foreignKeys.transactionEnded(session);
        }
        return handled;
    }

    @Override
    public void error(Object db, int code) {
        Session session = sessions.ofDatabaseHandle(db);
        if (session != null) {
            transactions.error(session, code);
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

    /** The app's own {@code PRAGMA foreign_keys}: from then on the setting is the app's business. */
    private static void noteOwnForeignKeys(Session session, String sql) {
        if (!session.appForeignKeys && SqlText.firstLetter(sql) == 'P' && SqlText.startsWithWord(sql, "PRAGMA")
                && Transactions.isForeignKeysPragma(sql)
                && sql.indexOf('=') > 0) {
            session.appForeignKeys = true;
        }
    }
}
