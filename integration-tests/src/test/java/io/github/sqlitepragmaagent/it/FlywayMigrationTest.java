package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.FlywayApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs each migration in a transaction, where SQLite ignores PRAGMA foreign_keys: a table
 * rebuild under the agent's foreign_keys=ON must either keep every child row or be refused loudly with
 * nothing lost — never cascade silently.
 */
class FlywayMigrationTest {

    @TempDir
    Path dir;

    private AppResult run(boolean agent, String set) throws Exception {
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments("audit.enabled=false") : AppJvm.withoutAgent();
        return jvm.libs("flyway-core.jar").run(FlywayApp.class, dir.resolve(set + "-" + agent + ".db").toString(), set);
    }

    @Test
    void aRebuildInOneTransactionIsRefusedWithTheFixAndLosesNothing() throws Exception {
        AppResult without = run(false, "one-transaction");
        assertEquals("true", without.get("app.migrated"), without::toString);
        assertEquals("50", without.get("app.orders_with_customer"), without::toString);

        AppResult with = run(true, "one-transaction");
        assertEquals("false", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("2", with.get("app.customer_columns"), "Flyway rolled the migration back: " + with);
        String cause = with.stdout().lines().filter(line -> line.startsWith("app.cause=")).findFirst().orElse("");
        assertTrue(cause.contains("refused DROP TABLE customers"), cause);
        assertTrue(cause.contains("foreign_keys=keep"), cause);
    }

    @Test
    void aPragmaMigrationOfItsOwnBeforeTheRebuildMigratesAndKeepsEveryRow() throws Exception {
        AppResult with = run(true, "pragma-first");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("3", with.get("app.customer_columns"), with::toString);
    }
}
