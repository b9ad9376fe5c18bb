package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.AuditApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code foreign_keys=ON} changes for a legacy schema: the first audit, JMX and {@code check}
 * name the foreign keys whose actions delete or change rows only while enforcement is on.
 */
class ForeignKeyActionsTest {

    private static final String ACTIONS = "notes.order_id->orders:SET_NULL+ON_UPDATE_CASCADE,orders.customer_id->customers:CASCADE";

    @TempDir
    Path dir;

    @Test
    void theFirstAuditAndJmxNameTheActionsThatEnforcementSwitchesOn() throws Exception {
        Path db = Databases.createWithForeignKeyActions(dir.resolve("legacy.db"));
        String bean = "io.github.sqlitepragmaagent:type=Database,path=\"" + db + "\"";

        AppResult result = AppJvm.withAgent().agentArguments("audit.delay=0s")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "1500", "--jmx",
                        bean + "#ForeignKeyActions", bean + "#ForeignKeyActionCount");

        assertEquals(0, result.exitStatus(), result::toString);
        List<String> lines = result.agentLinesContaining("audit db=" + db + " kind=first");
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).contains(" fk_actions=" + ACTIONS + " fk_action_count=2 "), lines.get(0));
        assertEquals(ACTIONS, result.get("jmx.ForeignKeyActions"), result::toString);
        assertEquals("2", result.get("jmx.ForeignKeyActionCount"), result::toString);
    }

    @Test
    void checkShowsThemInItsTextAndItsJson() throws Exception {
        Path db = Databases.createWithForeignKeyActions(dir.resolve("legacy.db"));

        AppResult text = AppJvm.cli("check", db.toString());
        AppResult json = AppJvm.cli("check", "--json", db.toString());

        assertTrue(text.stdout().contains("fk actions       2 run only with foreign_keys=ON: " + ACTIONS), text::toString);
        assertTrue(json.stdout().contains("\"fk_actions\":\"" + ACTIONS + "\",\"fk_action_count\":2"), json::toString);
    }
}
