package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Statements;
import io.github.sqlitepragmaagent.support.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Runs a schema migration's transaction with foreign keys off, as it runs without the agent, where the
 * agent alone turned them on.
 *
 * <p>SQLite rebuilds a table (create x_new, copy, {@code DROP TABLE x}, rename) and, with foreign keys
 * enforced, that DROP first deletes every row of x and fires the children's {@code ON DELETE} actions.
 * Migration tools run each migration in one transaction, where {@code PRAGMA foreign_keys=OFF} does
 * nothing. The agent delays the driver's begin to the transaction's first statement; when that
 * statement shows a migration ({@link MigrationStart}), the agent switches foreign keys off before the
 * begin runs. Then it follows SQLite's own procedure for schema changes (lang_altertable.html): before
 * the commit, {@code PRAGMA foreign_key_check}, whose new findings are logged (the commit goes ahead,
 * as it would without the agent); after the transaction ends, however it ends, enforcement comes back.
 */
final class MigrationTransactions {

    private final Logger log;
    private final OnceLog once = new OnceLog();

    MigrationTransactions(Logger log) {
        this.log = log;
    }

    /**
     * Before {@code sql} runs, ahead of the delayed begin: a migration's first statement switches
     * foreign keys off; in a migration, the first statement that may write takes the "before" check
     * (for the first statement itself just before the begin: a row another connection commits in
     * between counts as "before").
     */
    void beforeStatement(Session session, String sql) {
        Migration migration = session.migration;
        if (migration == null) {
            migration = startIfMigration(session, sql);
            if (migration == null) {
                return;
            }
        }
        if (migration.before == null && MigrationStart.mayWrite(sql)) {
            migration.firstWrite = sql;
            migration.before = check(session, migration);
        }
    }

    /** The migration that begins with {@code sql}, its foreign keys now off; null for any other statement. */
    private Migration startIfMigration(Session session, String sql) {
        if (session.pendingBegin == null || session.inTransaction || !session.agentForeignKeys || session.appForeignKeys) {
            return null;
        }
        String reason = MigrationStart.reasonOf(sql);
        Connection connection = session.connection();
        if (reason == null || connection == null) {
            return null;
        }
        try {
            Statements.execute(connection, "PRAGMA foreign_keys=OFF");
        } catch (SQLException e) {
            // Enforcement stays on: a DROP that would cascade is then refused, and nothing is lost.
            log.debug("db={} could not switch foreign keys off for a migration: {}", session.database, e.toString());
            return null;
        }
        return began(session, reason, sql);
    }

    /** The driver is about to commit a migration's transaction: what does the check find that was not there before? */
    void beforeCommit(Session session) {
        Migration migration = session.migration;
        Connection connection = session.connection();
        if (migration == null || migration.before == null || connection == null) {
            return; // a migration that wrote nothing changed nothing foreign keys could object to
        }
        Map<String, ForeignKeyCheck.Violations> after = check(session, migration);
        for (ForeignKeyCheck.Violations violations : after.values()) {
            ForeignKeyCheck.Violations earlier = migration.before.get(violations.table + "->" + violations.parent);
            long before = earlier == null ? 0 : earlier.rows;
            if (violations.rows > before) {
                log.warn("db={} a schema migration commits with {} row(s) of {} that reference no row of {} (rowid {}{}){}: foreign"
                        + " keys were off for it, as they are without the agent, so nothing stopped it. PRAGMA"
                        + " foreign_key_check lists the rows to fix. The migration's first write: {}",
                        session.database, violations.rows,
                        violations.table, violations.parent, String.join(",", violations.firstRowids),
                        violations.rows > violations.firstRowids.size() ? ",..." : "",
                        before > 0 ? " (" + before + " before it)" : "", Text.quote(migration.firstWrite));
            }
        }
    }

    /**
     * The migration's transaction ended (committed, rolled back, or never begun): hands foreign keys back
     * to the guard, which switches them on again (or leaves them off where the schema now references a
     * table that is gone, as after a guarded DROP).
     */
    void ended(Session session) {
        session.migration = null;
        if (session.foreignKeysOffFor == null) {
            session.foreignKeysOffFor = this;
        }
    }

    private Migration began(Session session, String reason, String sql) {
        Migration migration = new Migration(reason);
        session.migration = migration;
        // Foreign keys are the migration's now: a DROP that the guard switched them off for ends with it.
        session.foreignKeysOffFor = null;
        if (once.first("migration|" + session.database + "|" + reason)) {
            log.info("db={} a transaction runs as a schema migration, as {}: {}. Foreign keys are off for it, as without the"
                    + " agent, so a table rebuild's DROP TABLE deletes no child rows; PRAGMA foreign_key_check runs before its"
                    + " commit, and enforcement is back on after it", session.database, reason, Text.quote(sql));
        }
        return migration;
    }

    /** The check's findings; none when it cannot run (the migration goes on: the check only informs). */
    private Map<String, ForeignKeyCheck.Violations> check(Session session, Migration migration) {
        Connection connection = session.connection();
        if (connection == null) {
            return Collections.emptyMap();
        }
        try {
            return ForeignKeyCheck.run(connection);
        } catch (SQLException e) {
            log.debug("db={} PRAGMA foreign_key_check failed in a migration ({}): {}", session.database, migration.reason,
                    e.toString());
            return Collections.emptyMap();
        }
    }
}
