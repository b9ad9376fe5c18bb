package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.FlywayApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs each migration in a transaction, where SQLite ignores PRAGMA foreign_keys. The agent
 * recognises the migration's transaction at its first statement and runs it with foreign keys off, as
 * without the agent: a table rebuild migrates and keeps every child row, and foreign keys are enforced
 * again afterwards.
 */
class FlywayMigrationTest {

    @TempDir
    Path dir;

    private AppResult run(boolean agent, String set) throws Exception {
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments("audit.enabled=false") : AppJvm.withoutAgent();
        return jvm.libs("flyway-core.jar").run(FlywayApp.class, dir.resolve(set + "-" + agent + ".db").toString(), set);
    }

    @Test
    void aRebuildInOneTransactionMigratesKeepsEveryRowAndForeignKeysAreEnforcedAfterwards() throws Exception {
        AppResult without = run(false, "one-transaction");
        assertEquals("true", without.get("app.migrated"), without::toString);
        assertEquals("50", without.get("app.orders_with_customer"), without::toString);

        AppResult with = run(true, "one-transaction");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("10", with.get("app.customers"), with::toString);
        assertEquals("3", with.get("app.customer_columns"), "the migration itself happened: " + with);
        assertEquals("1", with.get("app.next_connection_foreign_keys"), with::toString);
        assertTrue(with.get("app.next_connection_orphan_insert").startsWith("refused:"), with::toString);
        assertEquals("ok", without.get("app.next_connection_orphan_insert"), "without the agent nothing is enforced: " + without);
        assertEquals(List.of(), with.agentLinesContaining("reference no row of"), "the rebuild broke no foreign key");
        assertEquals(List.of(), with.agentLinesContaining("[ERROR]"), with::toString);
    }

    @Test
    void aMigrationThatOrphansRowsSucceedsAsWithoutTheAgentAndTheAgentNamesThem() throws Exception {
        AppResult without = run(false, "orphans");
        assertEquals("true", without.get("app.migrated"), without::toString);
        assertEquals("5", without.get("app.orphans"), without::toString);

        AppResult with = run(true, "orphans");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders"), "no order deleted: " + with);
        assertEquals("5", with.get("app.orphans"), "the orders of the customer the migration left out: " + with);
        assertEquals("9", with.get("app.customers"), with::toString);
        List<String> warnings = with.agentLinesContaining("reference no row of");
        assertEquals(1, warnings.size(), with::toString);
        assertTrue(warnings.get(0).contains("[WARN]"), warnings.get(0));
        assertTrue(warnings.get(0).contains("5 row(s) of orders that reference no row of customers (rowid 2,12,22,32,42)"),
                warnings.get(0));
        assertTrue(with.get("app.next_connection_orphan_insert").startsWith("refused:"), with::toString);
    }

    @Test
    void aPragmaMigrationOfItsOwnBeforeTheRebuildMigratesAndKeepsEveryRow() throws Exception {
        AppResult with = run(true, "pragma-first");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("3", with.get("app.customer_columns"), with::toString);
    }
}
