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

    /** Liquibase and its dependencies, as copied to app-libs/liquibase by the build. */
    private static final String[] LIQUIBASE = {"liquibase/liquibase-core.jar", "liquibase/opencsv.jar",
        "liquibase/snakeyaml.jar", "liquibase/jaxb-api.jar", "liquibase/commons-collections4.jar",
        "liquibase/commons-text.jar", "liquibase/commons-lang3.jar", "liquibase/commons-io.jar"};

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

    /**
     * Liquibase's own dropColumn rebuilds the table by renaming it away first; since SQLite 3.26 the
     * rename points the children at the renamed table, which the changeset then drops (with foreign keys
     * enforced, that DROP would delete every order). The changeset migrates as without the agent, every
     * order kept; the children now reference a table that is gone, so the agent leaves foreign keys off
     * there, as they are without it, and says why.
     */
    @Test
    void liquibasesOwnDropColumnMigratesAsWithoutTheAgent() throws Exception {
        AppResult without = run(false, "drop-column.xml");
        assertEquals("true", without.get("app.migrated"), without::toString);

        AppResult with = run(true, "drop-column.xml");

        assertEquals("true", with.get("app.migrated"), with::toString);
        assertEquals("50", with.get("app.orders"), with::toString);
        assertEquals(without.get("app.orders_with_customer"), with.get("app.orders_with_customer"), with::toString);
        assertEquals(without.get("app.customer_columns"), with.get("app.customer_columns"), with::toString);
        assertEquals(without.get("app.next_connection_orphan_insert"), with.get("app.next_connection_orphan_insert"),
                "writes to the children work as without the agent: " + with);
        assertEquals(1, with.agentLinesContaining("foreign_keys left OFF: foreign keys reference tables that do not exist"
                + " (orders.customer_id->customers_temporary)").size(), with::toString);
        assertEquals(List.of(), with.agentLinesContaining("[ERROR]"), with::toString);
    }
}
