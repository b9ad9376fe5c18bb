package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an app opens a connection ends with the defaults on the app's own connection. */
class ConnectionPathsTest {

    static final Map<String, String> DEFAULTS = Map.of(
            "journal_mode", "wal",
            "synchronous", "1",
            "cache_size", "-20000",
            "foreign_keys", "1",
            "busy_timeout", "5000",
            "temp_store", "2");

    static final Map<String, String> DRIVER_DEFAULTS = Map.of(
            "journal_mode", "delete",
            "synchronous", "2",
            "cache_size", "-2000",
            "foreign_keys", "0",
            "busy_timeout", "3000",
            "temp_store", "0");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"driver", "datasource", "config", "pool", "hikari-url", "hikari-datasource"})
    void everyPathGetsTheDefaults(String via) throws Exception {
        AppResult result = AppJvm.withAgent().libs("HikariCP.jar", "slf4j-api.jar")
                .run(OpenApp.class, "--via", via, "--url", "jdbc:sqlite:" + dir.resolve(via + ".db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(DEFAULTS, result.section("app").entrySet().stream()
                .filter(e -> DEFAULTS.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), result::toString);
        assertEquals(1, result.agentLinesContaining("tuned db=" + dir.resolve(via + ".db")).size(), result::toString);
        CompatibilityMatrix.passed("deployment", PATH_NAMES.get(via), result.get("jvm.version"), null);
    }

    static final Map<String, String> PATH_NAMES = Map.of(
            "driver", "DriverManager (JDBC.connect)",
            "datasource", "SQLiteDataSource",
            "config", "SQLiteConfig.createConnection",
            "pool", "SQLiteConnectionPoolDataSource",
            "hikari-url", "HikariCP with jdbcUrl",
            "hikari-datasource", "HikariCP with dataSourceClassName=org.sqlite.SQLiteDataSource");

    @Test
    void withoutTheAgentTheSameAppGetsTheDriverDefaults() throws Exception {
        AppResult result = AppJvm.withoutAgent().run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("plain.db"));

        assertEquals(0, result.exitStatus(), result::toString);
        for (Map.Entry<String, String> expected : DRIVER_DEFAULTS.entrySet()) {
            assertEquals(expected.getValue(), result.get("app." + expected.getKey()), result::toString);
        }
    }

    @Test
    void theBusyTimeoutSurvivesAQueryTimeout() throws Exception {
        AppResult result = AppJvm.withAgent()
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("timeout.db"), "--query-timeout", "2");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("5000", result.get("app.busy_timeout"), result::toString);
    }

    @Test
    void manyConnectionsGiveOneTunedLinePerDatabase() throws Exception {
        AppResult result = AppJvm.withAgent()
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("many.db"), "--connections", "200");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(1, result.agentLinesContaining("tuned db=").size(), result::toString);
        assertEquals(2, result.agentLines().size(), "a start line and a tuned line only: " + result);
    }
}
