package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.driver.DriverVersion;
import io.github.sqlitepragmaagent.it.apps.MatrixApp;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The core cases against every supported sqlite-jdbc version, and a version too old to support. */
class VersionMatrixTest {

    @TempDir
    Path dir;

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("matrix.sqlite.versions").split(","));
    }

    /** slf4j-api is on the class path as in real apps: sqlite-jdbc 3.45 cannot load without it. */
    @ParameterizedTest(name = "sqlite-jdbc {0}")
    @MethodSource("versions")
    void theCoreCasesWorkWith(String version) throws Exception {
        AppResult result = AppJvm.withAgent().onlyLibs("sqlite-jdbc-" + version + ".jar", "slf4j-api.jar").agentArguments("audit.delay=0s")
                .run(MatrixApp.class, dir.toString(), "1500");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(ConnectionPathsTest.DEFAULTS, defaults(result, "driver"), result::toString);
        assertEquals(ConnectionPathsTest.DEFAULTS, defaults(result, "datasource"), result::toString);
        assertEquals("wal", result.get("readonly.journal_mode"), result::toString);
        assertEquals("5000", result.get("readonly.busy_timeout"), result::toString);
        assertEquals("1", result.get("readonly.foreign_keys"), result::toString);
        assertEquals("memory", result.get("memory.journal_mode"), result::toString);
        assertEquals("1", result.get("memory.foreign_keys"), result::toString);
        assertEquals("2", result.get("app_pragma.synchronous"), "the app's own value is kept: " + result);
        assertEquals("-20000", result.get("app_pragma.cache_size"), result::toString);
        String afterQueryTimeout = result.get("query_timeout.busy_timeout");
        String sqlite = result.agentLinesContaining("audit db=").get(0).replaceAll(".* sqlite_version=(\\S+) .*", "$1");
        boolean walResetBug = !sqlite.matches("3\\.(5[1-9]\\.[3-9]|5[2-9]\\.\\d+|50\\.[7-9]|44\\.[6-9])");
        assertEquals(walResetBug ? 1 : 0, result.agentLinesContaining("has the WAL-reset bug").size(), result::toString);
        assertEquals(walResetBug ? 1 : 0, result.agentLinesContaining("[WARN]").size(), "no other warning: " + result);
        String note = "SQLite " + sqlite + (walResetBug ? ", WAL-reset bug warned" : "")
                + ("5000".equals(afterQueryTimeout) ? "" : "; setQueryTimeout(2) leaves busy_timeout=" + afterQueryTimeout
                        + " (driver behaviour)");
        if (DriverVersion.compare(version, "3.41") >= 0) {
            assertEquals("5000", afterQueryTimeout, "a query timeout must not undo the busy timeout: " + result);
        }
        CompatibilityMatrix.passed("sqlite-jdbc", version, result.get("jvm.version"), note);
    }

    @Test
    void aDriverOlderThanSupportedIsRefusedWithOneWarningAndLeftUntuned() throws Exception {
        String version = System.getProperty("matrix.sqlite.refused");

        AppResult result = AppJvm.withAgent().onlyLibs("sqlite-jdbc-" + version + ".jar")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("old.db"), "--connections", "20");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, defaults(result, "app"), result::toString);
        List<String> warnings = result.agentLinesContaining("[WARN]");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("sqlite-jdbc " + version + " ("), warnings.get(0));
        assertTrue(warnings.get(0).contains("is older than the oldest supported sqlite-jdbc (3.25.2): its connections are"
                + " left untuned"), warnings.get(0));
        CompatibilityMatrix.passed("sqlite-jdbc", version, result.get("jvm.version"), "refused (older than 3.25.2): one warning, untuned");
    }

    private static Map<String, String> defaults(AppResult result, String label) {
        return result.section(label).entrySet().stream().filter(e -> ConnectionPathsTest.DEFAULTS.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
