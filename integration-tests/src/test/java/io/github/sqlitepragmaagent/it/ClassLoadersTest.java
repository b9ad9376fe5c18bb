package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.AttachApp;
import io.github.sqlitepragmaagent.it.apps.LoaderApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver in class loaders that cannot see the agent, and a driver loaded before the agent. */
class ClassLoadersTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"child", "isolated"})
    void aDriverInItsOwnClassLoaderIsTuned(String loader) throws Exception {
        AppResult result = AppJvm.withAgent().onlyLibs()
                .run(LoaderApp.class, loader, AppJvm.APP_LIBS.resolve("sqlite-jdbc.jar").toString(),
                        "jdbc:sqlite:" + dir.resolve(loader + ".db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(result.get("app.driver_loader").startsWith("java.net.URLClassLoader"), result::toString);
        assertEquals("wal", result.get("app.journal_mode"), result::toString);
        assertEquals("5000", result.get("app.busy_timeout"), result::toString);
        assertEquals("1", result.get("app.foreign_keys"), result::toString);
        CompatibilityMatrix.passed("deployment", loader.equals("child")
                ? "sqlite-jdbc in a child URLClassLoader created after the agent started"
                : "sqlite-jdbc in an isolated loader (parent: the platform loader)", result.get("jvm.version"), null);
    }

    @Test
    void aDriverLoadedBeforeADynamicAttachIsRetransformed() throws Exception {
        AppResult result = AppJvm.withoutAgent().jvmOption("-Djdk.attach.allowAttachSelf=true")
                .run(AttachApp.class, AppJvm.AGENT_JAR.toString(), "jdbc:sqlite:" + dir.resolve("before.db"),
                        "jdbc:sqlite:" + dir.resolve("after.db"), "cache_size=-7777");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("before"), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("still_open"), "an open connection is left alone");
        assertEquals("wal", result.get("after.journal_mode"), result::toString);
        assertEquals("-7777", result.get("after.cache_size"), result::toString);
        assertEquals("5000", result.get("after.busy_timeout"), result::toString);
        assertEquals(1, result.agentLinesContaining("started (attached to a running JVM)").size(), result::toString);
        CompatibilityMatrix.passed("deployment", "dynamic attach (self) after sqlite-jdbc was loaded", result.get("jvm.version"),
                "open connections left alone");
    }
}
