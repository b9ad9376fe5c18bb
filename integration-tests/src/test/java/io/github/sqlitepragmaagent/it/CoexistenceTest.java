package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.LoggingApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own SLF4J, logback and Byte Buddy never meet the agent's relocated copies. */
class CoexistenceTest {

    @TempDir
    Path dir;

    @Test
    void theAppsLoggingAndByteBuddyWorkAsWithoutTheAgent() throws Exception {
        String[] libs = {"sqlite-jdbc.jar", "slf4j-api.jar", "logback-classic.jar", "logback-core.jar", "app-byte-buddy.jar"};
        String url = "jdbc:sqlite:" + dir.resolve("app.db");

        AppResult plain = AppJvm.withoutAgent().onlyLibs(libs).run(LoggingApp.class, url);
        AppResult tuned = AppJvm.withAgent().onlyLibs(libs).run(LoggingApp.class, url);

        assertEquals(0, tuned.exitStatus(), tuned::toString);
        assertEquals(System.getProperty("app.bytebuddy.version"), tuned.get("app.bytebuddy_version"), tuned::toString);
        assertEquals("legacy.app.Generated", tuned.get("app.generated"), tuned::toString);
        assertEquals(plain.get("app.slf4j_provider"), tuned.get("app.slf4j_provider"), tuned::toString);
        assertEquals(appLogLines(plain), appLogLines(tuned), "the app's log format is unchanged");
        assertEquals(List.of("APPLOG|INFO|legacy.app|app starting", "APPLOG|INFO|legacy.app|app done"), appLogLines(tuned));
        assertEquals("wal", tuned.get("app.journal_mode"), tuned::toString);
        assertFalse(tuned.stderr().contains("SLF4J"), "no SLF4J binding warnings: " + tuned);
        assertTrue(tuned.agentLines().stream().allMatch(line -> line.contains("] sqlite-pragma-agent - ")), tuned::toString);
    }

    private static List<String> appLogLines(AppResult result) {
        return result.stdout().lines().filter(line -> line.startsWith("APPLOG|")).toList();
    }
}
