package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.LiquibaseApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase runs each changeset in one transaction and commits it: a changeset that rebuilds a parent
 * table migrates under the agent as without it, keeping every child row, and foreign keys are enforced
 * again afterwards.
 */
class LiquibaseMigrationTest {

    /** Liquibase and the libraries it loads, as copied to app-libs/liquibase by the build. */
    private static final String[] LIQUIBASE = {"liquibase/liquibase-core.jar", "liquibase/snakeyaml.jar",
        "liquibase/commons-lang3.jar", "liquibase/commons-text.jar", "liquibase/commons-collections4.jar",
        "liquibase/commons-io.jar"};

    @TempDir
    Path dir;

    private AppResult run(boolean agent, String changelog) throws Exception {
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments("audit.enabled=false") : AppJvm.withoutAgent();
        return jvm.libs(LIQUIBASE).run(LiquibaseApp.class, dir.resolve(changelog + "-" + agent + ".db").toString(), changelog);
    }

    @Test
    void aRebuildChangesetMigratesKeepsEveryRowAndForeignKeysAreEnforcedAfterwards() throws Exception {
        AppResult without = run(false, "rebuild.sql");
        assertEquals("true", without.get("app.migrated"), without::toString);
        assertEquals("50", without.get("app.orders_with_customer"), without::toString);
        assertEquals("3", without.get("app.customer_columns"), without::toString);

        AppResult with = run(true, "rebuild.sql");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders"), with::toString);
        assertEquals("50", with.get("app.orders_with_customer"), with::toString);
        assertEquals("10", with.get("app.customers"), with::toString);
        assertEquals("3", with.get("app.customer_columns"), "the changeset itself ran: " + with);
        assertEquals("1", with.get("app.next_connection_foreign_keys"), with::toString);
        assertTrue(with.get("app.next_connection_orphan_insert").startsWith("refused:"), with::toString);
        assertEquals(List.of(), with.agentLinesContaining("reference no row of"), "the rebuild broke no foreign key");
        assertEquals(List.of(), with.agentLinesContaining("[ERROR]"), with::toString);
    }
}
