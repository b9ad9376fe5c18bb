package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.BurstWriterApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that writes without ever pausing never gets an idle checkpoint; {@code checkpoint.burst}
 * checkpoints its WAL while it writes (a low threshold set by the key). The app writes until the test
 * has seen the agent's burst checkpoint, then stops; every row it committed is there, as without the agent.
 * The checkpoints begin once {@code audit.delay} has passed, not with the first audit, which waits for the
 * app to pause ({@code audit.quiet}) and so has not run by then.
 */
class BurstCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aWalThatGrewWhileTheAppWritesIsCheckpointedWithoutWaitingForIdle() throws Exception {
        long[] without = run(false);
        assertEquals(without[0], without[1], "without the agent every committed row is there");
        long[] with = run(true);
        assertEquals(with[0], with[1], "under the agent every committed row is there");
    }

    /** Rows the app committed, and rows read back after it exited. */
    private long[] run(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "agent.db" : "plain.db");
        Path control = Files.createDirectories(dir.resolve(db.getFileName() + ".control"));
        AppJvm.Running app = (agent ? AppJvm.withAgent().agentArguments("checkpoint.idle=1s,checkpoint.burst=256KiB")
                : AppJvm.withoutAgent()).timeout(Duration.ofMinutes(3))
                .start(BurstWriterApp.class, "jdbc:sqlite:" + db, control.toString());
        String burst = "checkpoint db=" + db + " reason=burst";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (agent ? !app.stderrSoFar().contains(burst) : !app.stdoutSoFar().contains("app.step=writing\n")) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no burst checkpoint while the app writes: " + app.stop());
            }
            Thread.sleep(20);
        }
        String logSoFar = app.stderrSoFar();
        Files.createFile(control.resolve("stop"));
        AppResult result = app.await();
        if (agent) {
            assertFalse(logSoFar.contains("kind=first"), "the burst checkpoint did not wait for the first audit: " + logSoFar);
        }
        assertEquals(0, result.exitStatus(), result::toString);
        if (agent) {
            assertEquals(0, result.agentLinesContaining("reason=idle").size(), "the app never paused: " + result);
            assertTrue(result.agentLinesContaining(burst).get(0).contains("[INFO]"), result::toString);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM rows")) {
            count.next();
            return new long[] {Long.parseLong(result.get("app.rows")), count.getLong(1)};
        }
    }
}
