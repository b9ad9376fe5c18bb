package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.MigrationApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * foreign_keys=ON is the agent's default: a legacy table-rebuild migration must keep every child row,
 * as it does without the agent (where sqlite-jdbc runs with foreign keys off).
 */
class MigrationSafetyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"autocommit", "transaction-pragma-off", "transaction", "rename"})
    void aRebuildMigrationKeepsEveryChildRowAndMigrates(String shape) throws Exception {
        Path db = dir.resolve(shape + ".db");

        AppResult without = AppJvm.withoutAgent().run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("plain-" + shape + ".db"), shape);
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false").run(MigrationApp.class, "jdbc:sqlite:" + db, shape);

        assertEquals("50", without.get("app.orders_with_customer"), without::toString);
        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("10", with.get("app.customers"), with::toString);
        assertEquals("3", with.get("app.customer_columns"), "the migration itself happened: " + with);
    }

    @org.junit.jupiter.api.Test
    void foreignKeysAreBackOnAfterTheGuardedDropOfARebuild() throws Exception {
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("rebuild.db"), "autocommit");

        assertEquals("1", with.get("app.foreign_keys"), with::toString);
        assertEquals("ok", with.get("app.insert_after"), with::toString);
        assertEquals("1", with.get("app.next_connection_foreign_keys"), with::toString);
        assertTrue(with.agentLinesContaining("DROP TABLE").get(0).contains("50 row(s) of orders(customer_id) ON DELETE CASCADE"),
                with::toString);
    }

    /**
     * Renaming the old table away first makes SQLite (3.26+) point the children at the renamed table,
     * which the migration then drops: enforcing foreign keys afterwards would fail every insert into the
     * children. The agent leaves them off there, as they are without it.
     */
    @org.junit.jupiter.api.Test
    void aRenameFirstMigrationLeavesForeignKeysOffWhereEnforcingThemWouldBreakWrites() throws Exception {
        AppResult without = AppJvm.withoutAgent().run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("plain.db"), "rename");
        assertEquals("ok", without.get("app.next_connection_insert"), without::toString);

        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("rename.db"), "rename");

        assertEquals("ok", with.get("app.insert_after"), with::toString);
        assertEquals("ok", with.get("app.next_connection_insert"), with::toString);
        assertEquals("0", with.get("app.next_connection_foreign_keys"), with::toString);
        assertEquals(1, with.agentLinesContaining("foreign_keys left OFF: foreign keys reference tables that do not exist"
                + " (orders.customer_id->customers_old)").size(), with::toString);
    }

    /**
     * A transaction that begins with the rebuild's DDL runs with foreign keys off, as without the agent;
     * once it ends (committed, rolled back, or its connection closed), the agent enforces them again on
     * the same connection and the next.
     */
    @ParameterizedTest
    @ValueSource(strings = {"transaction", "transaction-rolled-back", "transaction-closed"})
    void foreignKeysAreBackOnAfterAMigrationTransactionEnds(String shape) throws Exception {
        AppResult without = AppJvm.withoutAgent().run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("plain-" + shape + ".db"), shape);
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve(shape + ".db"), shape);

        assertEquals(without.get("app.migrated"), with.get("app.migrated"), with::toString);
        assertEquals(without.get("app.customer_columns"), with.get("app.customer_columns"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("1", with.get("app.foreign_keys"), "enforced again on the migration's own connection: " + with);
        assertEquals("ok", with.get("app.insert_after"), with::toString);
        assertEquals("1", with.get("app.next_connection_foreign_keys"), with::toString);
        assertEquals("ok", with.get("app.next_connection_insert"), with::toString);
        assertEquals(List.of(), with.agentLinesContaining("[ERROR]"), with::toString);
    }

    /** The app's own PRAGMA foreign_keys=OFF as the transaction's first statement: the setting stays the app's. */
    @org.junit.jupiter.api.Test
    void theAppsOwnPragmaFirstKeepsForeignKeysAsTheAppSetThem() throws Exception {
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("pragma-off.db"), "transaction-pragma-off");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("0", with.get("app.foreign_keys"), "as the app set them on this connection: " + with);
        assertEquals("1", with.get("app.next_connection_foreign_keys"), with::toString);
    }

    @org.junit.jupiter.api.Test
    void aRebuildInATransactionThatBeganWithSomethingElseIsRefusedWithTheFixAndNothingIsLost() throws Exception {
        Path db = dir.resolve("tx.db");
        AppResult without = AppJvm.withoutAgent().run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve("plain-tx.db"),
                "transaction-read-first");
        assertEquals("true", without.get("app.migrated"), without::toString);

        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false").run(MigrationApp.class, "jdbc:sqlite:" + db,
                "transaction-read-first");

        assertEquals("false", with.get("app.migrated"), with::toString);
        String error = with.stdout().lines().filter(line -> line.startsWith("app.error=")).findFirst().orElse("");
        assertTrue(error.contains("refused DROP TABLE customers"), error);
        assertTrue(error.contains("50 row(s) of orders(customer_id) ON DELETE CASCADE"), error);
        assertTrue(error.contains("run PRAGMA foreign_keys=OFF before the transaction or as its first statement"), error);
        assertTrue(error.contains("foreign_keys=keep"), error);
        assertEquals("50", with.get("app.orders"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("2", with.get("app.customer_columns"), "rolled back to the old table: " + with);
        assertEquals(1, with.agentLinesContaining("[ERROR] sqlite-pragma-agent - db=").size(), with::toString);
    }
}
