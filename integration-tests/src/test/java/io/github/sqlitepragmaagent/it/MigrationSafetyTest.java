package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.MigrationApp;
import java.nio.file.Path;
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
    @ValueSource(strings = {"autocommit", "transaction-pragma-off", "rename"})
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

    @ParameterizedTest
    @ValueSource(strings = {"autocommit", "rename"})
    void foreignKeysAreBackOnAfterTheGuardedDrop(String shape) throws Exception {
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(MigrationApp.class, "jdbc:sqlite:" + dir.resolve(shape + ".db"), shape);

        assertEquals("1", with.get("app.foreign_keys"), with::toString);
        assertTrue(with.agentLinesContaining("DROP TABLE").get(0).contains("50 row(s) of orders(customer_id) ON DELETE CASCADE"),
                with::toString);
    }

    @org.junit.jupiter.api.Test
    void aRebuildInsideATransactionIsRefusedWithTheRowsAtStakeAndNothingIsLost() throws Exception {
        Path db = dir.resolve("tx.db");

        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false").run(MigrationApp.class, "jdbc:sqlite:" + db,
                "transaction");

        assertEquals("false", with.get("app.migrated"), with::toString);
        String error = with.stdout().lines().filter(line -> line.startsWith("app.error=")).findFirst().orElse("");
        assertTrue(error.contains("refused DROP TABLE customers"), error);
        assertTrue(error.contains("50 row(s) of orders(customer_id) ON DELETE CASCADE"), error);
        assertTrue(error.contains("run PRAGMA foreign_keys=OFF before the transaction or as its first statement"), error);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("2", with.get("app.customer_columns"), "rolled back to the old table: " + with);
        assertEquals(1, with.agentLinesContaining("[ERROR] sqlite-pragma-agent - db=").size(), with::toString);
    }
}
