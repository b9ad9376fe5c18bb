package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An invalid configuration: one error line naming key, value and what is allowed; nothing applied;
 * the app's exit status untouched. With strict=true the JVM stops before main. (Unknown keys are only
 * warnings: see UnknownKeysAndBoundedInputTest.)
 */
class InvalidConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cache_size=lots            | cache_size='lots' from agent argument is not allowed; allowed: a whole number from",
        "synchronous=SOMETIMES      | synchronous='SOMETIMES' from agent argument is not allowed; allowed: OFF (0), NORMAL (1)",
        "busy_timeout=-5            | busy_timeout='-5' from agent argument is not allowed; allowed: a whole number from 0",
        "cache_size=1,verbose       | agent argument piece 'verbose' is not key=value",
        "log.level=loud             | log.level='loud' from agent argument is not allowed; allowed: trace, debug, info",
        "config=/nonexistent/a.properties | config file '/nonexistent/a.properties' from agent argument cannot be read",
    })
    void anInvalidArgumentIsOneErrorLineAndNothingIsApplied(String arguments, String expectedMessage) throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments(arguments)
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("x.db"));

        assertUntunedAndExitedNormally(result);
        List<String> errors = result.agentLinesContaining("[ERROR]");
        assertEquals(1, errors.size(), result::toString);
        assertTrue(errors.get(0).contains("invalid configuration, the agent applies nothing: " + expectedMessage),
                errors.get(0));
    }

    @Test
    void sqlInAValueIsRefusedAndTheTableStays() throws Exception {
        Path db = Databases.create(dir.resolve("t.db"), "delete");

        AppResult result = AppJvm.withAgent().agentArguments("journal_mode=WAL; DROP TABLE t")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + db);

        assertUntunedAndExitedNormally(result);
        assertEquals(1, result.agentLinesContaining("journal_mode='WAL; DROP TABLE t' from agent argument is not allowed;"
                + " allowed: WAL, DELETE, TRUNCATE, PERSIST, MEMORY, OFF, or keep").size(), result::toString);
        assertEquals(1, Databases.rows(db, "t"));
    }

    @Test
    void badSystemPropertiesAndEnvironmentVariablesAreNamed() throws Exception {
        AppResult result = AppJvm.withAgent().jvmOption("-Dsqlite.agent.foreign_keys=sure")
                .env("SQLITE_AGENT_TEMP_STORE", "RAM")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("y.db"));

        assertUntunedAndExitedNormally(result);
        assertEquals(1, result.agentLinesContaining("foreign_keys='sure' from -Dsqlite.agent.foreign_keys").size(),
                result::toString);
        assertEquals(1, result.agentLinesContaining("temp_store='RAM' from environment SQLITE_AGENT_TEMP_STORE").size(),
                result::toString);
    }

    @Test
    void strictStopsTheJvmBeforeMainWithExitStatus78() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("strict=true,cache_size=lots")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("z.db"));

        assertEquals(78, result.exitStatus(), result::toString);
        assertNull(result.get("app.done"), "main must not have run: " + result);
        assertEquals(1, result.agentLinesContaining("invalid configuration, stopping the JVM (strict=true, exit status 78):"
                + " cache_size='lots'").size(), result::toString);
    }

    @Test
    void strictFromTheEnvironmentCountsToo() throws Exception {
        AppResult result = AppJvm.withAgent().env("SQLITE_AGENT_STRICT", "true").env("SQLITE_AGENT_SYNCHRONUS", "OFF")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("z2.db"));

        assertEquals(78, result.exitStatus(), result::toString);
        assertEquals(1, result.agentLinesContaining("unknown key 'synchronus' from environment SQLITE_AGENT_SYNCHRONUS"
                + " (did you mean 'synchronous'?)").size(), result::toString);
    }

    @Test
    void aValidStrictConfigurationRunsNormally() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("strict=true")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("ok.db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("wal", result.get("app.journal_mode"), result::toString);
    }

    @Test
    void enabledFalseInstallsNothing() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("enabled=false")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("off.db"));

        assertUntunedAndExitedNormally(result);
        assertEquals(List.of(), result.agentLinesContaining("[ERROR]"), result::toString);
        assertEquals(1, result.agentLinesContaining("disabled by enabled=false (agent argument)").size(), result::toString);
    }

    private static void assertUntunedAndExitedNormally(AppResult result) {
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.done"), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("app").entrySet().stream()
                .filter(e -> ConnectionPathsTest.DRIVER_DEFAULTS.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)),
                result::toString);
        assertEquals(List.of(), result.agentLinesContaining("tuned db="), result::toString);
    }
}
