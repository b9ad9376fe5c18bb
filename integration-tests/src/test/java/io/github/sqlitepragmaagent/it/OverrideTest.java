package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pragmas the app sets itself: kept by default, replaced with override=true. */
class OverrideTest {

    @TempDir
    Path dir;

    private AppResult run(String agentArguments, String name) throws Exception {
        return AppJvm.withAgent().agentArguments(agentArguments).run(OpenApp.class,
                "--url", "jdbc:sqlite:" + dir.resolve(name) + "?journal_mode=DELETE&synchronous=FULL",
                "--prop", "cache_size=-500", "--connections", "20");
    }

    @Test
    void byDefaultTheAppsOwnValuesWinAndTheRestIsApplied() throws Exception {
        AppResult result = run(null, "kept.db");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("delete", result.get("app.journal_mode"), result::toString);
        assertEquals("2", result.get("app.synchronous"), result::toString);
        assertEquals("-500", result.get("app.cache_size"), result::toString);
        assertEquals("1", result.get("app.foreign_keys"), result::toString);
        assertEquals("5000", result.get("app.busy_timeout"), result::toString);
        assertEquals("2", result.get("app.temp_store"), result::toString);
        assertEquals(3, result.agentLinesContaining("keeps the app's own").size(), "once per setting: " + result);
    }

    @Test
    void withOverrideTheAgentsValuesWin() throws Exception {
        AppResult result = run("override=true", "overridden.db");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(ConnectionPathsTest.DEFAULTS.get("journal_mode"), result.get("app.journal_mode"), result::toString);
        assertEquals("1", result.get("app.synchronous"), result::toString);
        assertEquals("-20000", result.get("app.cache_size"), result::toString);
        assertEquals(0, result.agentLinesContaining("keeps the app's own").size(), result::toString);
    }
}
