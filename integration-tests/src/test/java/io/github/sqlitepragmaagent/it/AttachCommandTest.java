package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.WaitingApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attach} and {@code list} against a JVM the test starts without the agent. */
class AttachCommandTest {

    @TempDir
    Path dir;

    @Test
    void attachTunesConnectionsOpenedAfterItAndRefusesASecondTime() throws Exception {
        Path trigger = dir.resolve("go");
        AppJvm.Running app = AppJvm.withoutAgent().start(WaitingApp.class, "jdbc:sqlite:" + dir.resolve("app.db"),
                trigger.toString());
        waitFor(app, "app.waiting=true");
        String pid = String.valueOf(app.process().pid());

        AppResult listed = AppJvm.cli("list");
        AppResult badSettings = AppJvm.cli("attach", pid, "synchronous=SOMETIMES");
        AppResult attached = AppJvm.cli("attach", pid, "cache_size=-7777");
        AppResult again = AppJvm.cli("attach", pid);
        AppResult listedAfter = AppJvm.cli("list");
        Files.createFile(trigger);
        AppResult result = app.await();

        assertEquals(0, listed.exitStatus(), listed::toString);
        assertTrue(listed.stdout().matches("(?s).*\n" + pid + " +- +.*WaitingApp.*"), listed::toString);
        assertEquals(2, badSettings.exitStatus(), badSettings::toString);
        assertTrue(badSettings.stderr().contains("invalid settings, nothing attached: synchronous='SOMETIMES'"), badSettings::toString);
        assertEquals(0, attached.exitStatus(), attached::toString);
        assertTrue(attached.stdout().startsWith("attached sqlite-pragma-agent "), attached::toString);
        assertTrue(attached.stdout().contains("connections already open are left alone"), attached::toString);
        assertEquals(1, again.exitStatus(), again::toString);
        assertTrue(again.stdout().contains("already runs sqlite-pragma-agent"), again::toString);
        assertTrue(listedAfter.stdout().matches("(?s).*\n" + pid + " +sqlite-pragma-agent \\S+ +.*WaitingApp.*"),
                listedAfter::toString);

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("before"), result::toString);
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("still_open"), result::toString);
        assertEquals("wal", result.get("after.journal_mode"), result::toString);
        assertEquals("-7777", result.get("after.cache_size"), result::toString);
        assertEquals("5000", result.get("after.busy_timeout"), result::toString);
        assertEquals("1", result.get("after.foreign_keys"), result::toString);
        CompatibilityMatrix.passed("deployment", "attach command to a running app", result.get("jvm.version"), null);
    }

    @Test
    void attachingToSomethingThatIsNotAJvmIsExplained() throws Exception {
        AppResult result = AppJvm.cli("attach", "999999999");

        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stderr().startsWith("sqlite-pragma-agent attach: cannot attach to 999999999"), result::toString);
    }

    private static void waitFor(AppJvm.Running app, String line) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!app.stdoutSoFar().contains(line)) {
            assertTrue(System.currentTimeMillis() < deadline, "the app did not start");
            Thread.sleep(50);
        }
    }
}
