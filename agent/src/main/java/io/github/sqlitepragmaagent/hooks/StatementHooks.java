package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.bridge.StatementListener;
import io.github.sqlitepragmaagent.guard.ForeignKeyDropGuard;
import io.github.sqlitepragmaagent.session.Session;
import io.github.sqlitepragmaagent.session.SqlText;
import io.github.sqlitepragmaagent.txn.Transactions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The agent's side of the statement hooks, in the order things must happen on a connection: first the
 * foreign-key guard (before the statement is compiled or its transaction begins), then the delayed
 * begin, and after a transaction ends, whatever the guard switched off comes back.
 */
public final class StatementHooks implements StatementListener {

    private final Sessions sessions;
    private final ForeignKeyDropGuard foreignKeys;
    private final Transactions transactions;

    public StatementHooks(Sessions sessions, ForeignKeyDropGuard foreignKeys, Transactions transactions) {
        this.sessions = sessions;
        this.foreignKeys = foreignKeys;
        this.transactions = transactions;
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
        if (session == null || !(connection instanceof Connection)) {
            return false;
        }
        transactions.setReadOnly(session, (Connection) connection, readOnly);
        return true;
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
