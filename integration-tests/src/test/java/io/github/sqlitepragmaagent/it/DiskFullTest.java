package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.DiskFullApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that writes until its 8 MiB filesystem is full (a tmpfs the test mounts: root only, skipped
 * with the reason elsewhere). Under the agent the {@code SQLITE_FULL} is answered with a checkpoint
 * from the agent's connection and one warning giving the WAL's size; every row the app committed is
 * there after it exits, as without the agent. What this does not achieve, and the test records
 * rather than hides: the checkpoint cannot succeed while the database file cannot grow, so the app
 * fits fewer rows than with a rollback journal and the {@code -wal} stays (README, Backups and WAL files).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aDiskFullErrorIsAnsweredWithACheckpointAndOneWarningAndNoCommittedRowIsLost() throws Exception {
        Run without = run(false);
        Run with = run(true);
        assertEquals(without.committed, without.readBack, "without the agent every committed row is there");
        assertEquals(with.committed, with.readBack, "under the agent every committed row is there: " + with.result);
        List<String> warnings = with.result.agentLinesContaining("the app's disk is full (SQLITE_FULL)");
        assertEquals(1, warnings.size(), "said once: " + with.result);
        assertTrue(warnings.get(0).contains("the WAL holds ") || warnings.get(0).contains("wal_bytes_before="),
                warnings.get(0));
        System.out.println("disk-full rows fitted: without the agent " + without.committed + ", under it " + with.committed
                + "; -wal after exit: without " + without.walLeft + " bytes, under " + with.walLeft + " bytes");
    }

    private Run run(boolean agent) throws Exception {
        Path mount = Files.createDirectories(dir.resolve(agent ? "agent-fs" : "plain-fs"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes()).trim();
        Assumptions.assumeTrue(mounting.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + said);
        try {
            Path db = mount.resolve("app.db");
            Path control = Files.createDirectories(dir.resolve(agent ? "agent.control" : "plain.control"));
            AppJvm.Running app = (agent ? AppJvm.withAgent() : AppJvm.withoutAgent()).timeout(Duration.ofMinutes(3))
                    .start(DiskFullApp.class, "jdbc:sqlite:" + db, control.toString());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            // Under the agent the app stays up until the agent has answered the error; without it, until it is full.
            while (agent ? !app.stderrSoFar().contains("the app's disk is full") : !app.stdoutSoFar().contains("app.step=full\n")) {
                if (!app.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no disk-full answer: " + app.stop());
                }
                Thread.sleep(50);
            }
            Files.createFile(control.resolve("stop"));
            AppResult result = app.await();
            assertEquals(0, result.exitStatus(), result::toString);
            Path wal = Path.of(db + "-wal");
            long walLeft = Files.exists(wal) ? Files.size(wal) : 0;
            long readBack;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM rows")) {
                count.next();
                readBack = count.getLong(1);
            }
            return new Run(result, Long.parseLong(result.get("app.rows")), readBack, walLeft);
        } finally {
            new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    private static final class Run {
        final AppResult result;
        final long committed;
        final long readBack;
        final long walLeft;

        Run(AppResult result, long committed, long readBack, long walLeft) {
            this.result = result;
            this.committed = committed;
            this.readBack = readBack;
            this.walLeft = walLeft;
        }
    }
}
