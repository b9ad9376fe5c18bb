package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;

/**
 * Keeps {@code foreign_keys=ON}, when the agent turned it on, from deleting rows in a schema migration.
 *
 * <p>With foreign keys enforced, {@code DROP TABLE x} first deletes every row of {@code x}, which fires
 * the {@code ON DELETE} actions of the tables that reference it (or fails on their rows): the usual
 * table-rebuild migration (create x_new, copy, drop x, rename) then empties or changes the children.
 * Without the agent, sqlite-jdbc runs with foreign keys off and the same migration loses nothing. So
 * before such a DROP is compiled (SQLite decides the cascade then), the agent turns foreign keys off
 * for that statement and back on afterwards. Inside a transaction SQLite ignores that switch: a
 * transaction recognised as a migration when it began runs with foreign keys off throughout
 * ({@link MigrationTransactions}); in any other, the agent refuses the DROP with an SQLException (the
 * transaction rolls back, nothing is lost) and says how to run the migration instead.
 */
final class ForeignKeyDropGuard {

    /**
     * Statements after a guarded DROP at which the agent checks whether the children reference an
     * existing table again (a rebuild renames its new table into place a statement or two later).
     */
    private static final int RESTORE_ATTEMPTS = 8;

    private final Logger log;
    private final DanglingReferences dangling;
    private final OnceLog once = new OnceLog();

    ForeignKeyDropGuard(Logger log, DanglingReferences dangling) {
        this.log = log;
        this.dangling = dangling;
    }

    /** Before {@code sql} is compiled or run on the session's connection. */
    void beforeStatement(Session session, Object statement, String sql) throws SQLException {
        // Runs before every statement: the first letter rules out everything but DDL at once.
        char first = SqlText.firstLetter(sql);
        boolean ddl = first == 'D' || first == 'A' || first == 'C';
        if (ddl && isSchemaChange(sql)) {
            dangling.schemaChanged(session.database);
        }
        if (!session.agentForeignKeys || session.appForeignKeys || session.migration != null) {
            return; // in a migration foreign keys are off until its transaction ends: nothing can cascade
        }
        if (session.foreignKeysOffFor != null && session.foreignKeysOffFor != statement && !session.inTransaction) {
            restore(session);
        }
        if (first != 'D') {
            return;
        }
        String table = DropTable.tableOf(sql);
        if (table == null || session.foreignKeysOffFor != null) {
            return;
        }
        Connection connection = session.connection();
        if (connection == null) {
            return;
        }
        List<ChildRows.Reference> atStake = ChildRows.referencing(connection, table);
        if (atStake.isEmpty()) {
            return;
        }
        if (session.inTransaction) {
            String message = "sqlite-pragma-agent refused DROP TABLE " + table + " on " + session.database
                    + ": foreign_keys=ON (set by the agent, not by the app) would delete, change or block " + atStake
                    + ", and SQLite cannot turn foreign keys off inside a transaction once it has begun. The agent turns"
                    + " them off for a transaction it recognises as a migration by its first statement (DDL, or a read"
                    + " of sqlite_master); this one began with something else. Nothing was"
                    + " changed; the transaction should roll back. Fix: run PRAGMA foreign_keys=OFF before the transaction"
                    + " or as its first statement (or begin it with the migration's DDL), or leave foreign keys as the app"
                    + " has them with foreign_keys=keep (or rule.N.foreign_keys=keep for this database)";
            log.error("db={} {}", session.database, message);
            throw new SQLException(message, "55000");
        }
        Statements.execute(connection, "PRAGMA foreign_keys=OFF");
        session.foreignKeysOffFor = statement == null ? sql : statement;
        session.restoreAttemptsLeft = RESTORE_ATTEMPTS;
        if (once.first("drop|" + session.database + "|" + table)) {
            log.warn("db={} DROP TABLE {}: foreign keys switched off for this statement, so {} stay as they would without"
                    + " the agent (foreign_keys=ON is the agent's setting; it is back on for the next statement)",
                    session.database, table, atStake);
        }
    }

    /** After a transaction ended: foreign keys can be switched back on now. */
    void transactionEnded(Session session) throws SQLException {
        session.restoreAttemptsLeft = Math.max(session.restoreAttemptsLeft, 1);
        if (session.foreignKeysOffFor != null) {
            restore(session);
        }
    }

    /**
     * Switches foreign keys back on, unless children still reference a table that is gone (enforcing
     * then would fail every write to them): then it tries again at the next statements, and after a few
     * leaves them off on this connection, as they would be without the agent.
     */
    private void restore(Session session) throws SQLException {
        Connection connection = session.connection();
        if (connection == null) {
            session.foreignKeysOffFor = null;
            return;
        }
        List<String> missing = DanglingReferences.find(connection);
        if (missing.isEmpty()) {
            session.foreignKeysOffFor = null;
            Statements.execute(connection, "PRAGMA foreign_keys=ON");
            return;
        }
        if (--session.restoreAttemptsLeft <= 0) {
            session.foreignKeysOffFor = null;
            session.agentForeignKeys = false;
            log.warn("db={} foreign keys stay OFF on this connection: after a DROP TABLE, foreign keys reference tables that"
                    + " do not exist ({}), and enforcing them would fail every write to those tables", session.database,
                    String.join(",", missing));
        }
    }

    /** DDL that can change which tables foreign keys reference. */
    private static boolean isSchemaChange(String sql) {
        return SqlText.startsWithWord(sql, "DROP") || SqlText.startsWithWord(sql, "ALTER") || SqlText.startsWithWord(sql, "CREATE");
    }
}
