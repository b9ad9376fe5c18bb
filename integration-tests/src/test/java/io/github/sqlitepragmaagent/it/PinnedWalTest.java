package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.BurstWriterApp;
import io.github.sqlitepragmaagent.it.apps.PinnedReaderApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader keeps a result set open while a writer writes 2 MB: the WAL cannot be checkpointed past
 * the reader's snapshot and grows. The agent says so once, naming the reader's thread, its statement
 * and the method that holds it; the app's rows are those it has without the agent. Low thresholds are
 * set by keys; the test waits for the warning (the app holds the reader open until told), never for a time.
 * The app asks for WAL itself: with a rollback journal its writer could not write past the open reader
 * at all ("database is locked"), so the comparison without the agent would say nothing.
 */
class PinnedWalTest {

    private static final String KEYS = "checkpoint.idle=1s,checkpoint.burst=256KiB,wal.pinned.size=512KiB,wal.pinned.percent=50";

    @TempDir
    Path dir;

    @Test
    void thePinnedWalWarningNamesTheReadersThreadStatementAndMethod() throws Exception {
        AppResult without = run(false);
        assertEquals("502", without.get("app.rows"), without::toString);
        AppResult with = run(true);
        assertEquals(without.get("app.rows"), with.get("app.rows"), with::toString);
        List<String> warnings = with.agentLinesContaining("wal_pinned=true");
        assertEquals(1, warnings.size(), "once per episode: " + with);
        String warning = warnings.get(0);
        assertTrue(warning.contains("thread \"report-reader\""), warning);
        assertTrue(warning.contains("'SELECT n, length(payload) FROM rows ORDER BY n'"), warning);
        assertTrue(warning.contains("PinnedReaderApp.holdMonthlyReportOpen("), warning);
    }

    @Test
    void fromTheFirstWarningOnReadsRecordWhereTheyBeganSoTheSecondNamesWhereThePinningReadWasOpened() throws Exception {
        Path db = dir.resolve("twice.db");
        Path control = Files.createDirectories(dir.resolve("twice.control"));
        AppJvm.Running app = AppJvm.withAgent().agentArguments(KEYS).timeout(Duration.ofMinutes(3))
                .start(PinnedReaderApp.class, "jdbc:sqlite:" + db + "?journal_mode=WAL", control.toString(), "500", "2");
        awaitWarnings(app, 1);
        Files.createFile(control.resolve("release"));
        awaitWarnings(app, 2);
        Files.createFile(control.resolve("release-2"));
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("1002", result.get("app.rows"), result::toString);
        List<String> warnings = result.agentLinesContaining("wal_pinned=true");
        assertEquals(2, warnings.size(), "one per episode: " + result);
        assertFalse(warnings.get(0).contains("opened at"), warnings.get(0));
        assertTrue(warnings.get(0).contains("from now on the agent records where reads of this database begin"), warnings.get(0));
        assertTrue(warnings.get(1).contains("opened at ") && warnings.get(1).contains("PinnedReaderApp.openMonthlyReport("),
                warnings.get(1));
        assertTrue(warnings.get(1).contains("its thread now at ") && warnings.get(1).contains("PinnedReaderApp.holdMonthlyReportOpen("),
                warnings.get(1));
    }

    private static void awaitWarnings(AppJvm.Running app, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (app.stderrSoFar().split("wal_pinned=true", -1).length - 1 < count) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no pinned-WAL warning number " + count + ": " + app.stop());
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aReadOfAnotherProcessIsNamedAsSuch() throws Exception {
        Path db = dir.resolve("other.db");
        Path control = Files.createDirectories(dir.resolve("other.control"));
        AppJvm.Running app = AppJvm.withAgent().agentArguments(KEYS).timeout(Duration.ofMinutes(3))
                .start(BurstWriterApp.class, "jdbc:sqlite:" + db, control.toString());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!app.stdoutSoFar().contains("app.step=writing\n")) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the app did not start writing: " + app.stop());
            }
            Thread.sleep(20);
        }
        // This test's JVM is the other process: its open result set pins the WAL the app writes to.
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = reader.createStatement();
                ResultSet rows = statement.executeQuery("SELECT n FROM rows")) {
            assertTrue(rows.next());
            while (!app.stderrSoFar().contains("wal_pinned=true")) {
                if (!app.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no pinned-WAL warning: " + app.stop());
                }
                Thread.sleep(50);
            }
        }
        Files.createFile(control.resolve("stop"));
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        List<String> warnings = result.agentLinesContaining("wal_pinned=true");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("no read of this JVM's connections is open, so another process"), warnings.get(0));
    }

    private AppResult run(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "agent.db" : "plain.db");
        Path control = Files.createDirectories(dir.resolve(db.getFileName() + ".control"));
        AppJvm.Running app = (agent ? AppJvm.withAgent().agentArguments(KEYS) : AppJvm.withoutAgent())
                .timeout(Duration.ofMinutes(3)).start(PinnedReaderApp.class, "jdbc:sqlite:" + db + "?journal_mode=WAL",
                        control.toString(), "500");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // Under the agent the reader is released once the warning is out; without it, once the writer is done.
        while (agent ? !app.stderrSoFar().contains("wal_pinned=true") : !app.stdoutSoFar().contains("app.step=written\n")) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no pinned-WAL warning: " + app.stop());
            }
            Thread.sleep(50);
        }
        Files.createFile(control.resolve("release"));
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        return result;
    }
}
