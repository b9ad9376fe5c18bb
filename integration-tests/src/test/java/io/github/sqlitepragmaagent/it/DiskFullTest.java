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
 * with the reason elsewhere), compared with the same app without the agent. A filesystem that small is
 * below {@code checkpoint.low.space} (16 MiB) from the start, so the agent checkpoints before each of
 * the app's transactions: the WAL stays one transaction long and the app fits about as many rows as with
 * a rollback journal (it fitted 1,326 of 2,038 before, with a 4 MiB {@code -wal} left after exit). The
 * {@code SQLITE_FULL} itself is answered with a checkpoint and one warning, and every row the app
 * committed is there after it exits. What WAL cannot avoid, and the test bounds rather than hides: the
 * last commit before the disk filled may stay in the {@code -wal} (a checkpoint must grow the database
 * file to take it), one transaction's frames where it was the whole WAL before.
 */
class DiskFullTest {

    /** One transaction of the app (three 4 KiB pages and their headers), on a filesystem that allocates 4 KiB pages. */
    private static final long ONE_TRANSACTION_OF_WAL = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void aNearlyFullDiskIsFilledWithTheDatabaseNotItsWalAndNoCommittedRowIsLost() throws Exception {
        Run without = run(false);
        Run with = run(true);
        System.out.println("disk-full rows fitted: without the agent " + without.committed + ", under it " + with.committed
                + "; -wal after exit: without " + without.walLeft + " bytes, under " + with.walLeft + " bytes");
        assertEquals(without.committed, without.readBack, "without the agent every committed row is there");
        assertEquals(with.committed, with.readBack, "under the agent every committed row is there: " + with.result);
        assertEquals(1, with.result.agentLinesContaining("less than checkpoint.low.space").size(),
                "the low space is said once: " + with.result);
        List<String> warnings = with.result.agentLinesContaining("the app's disk is full (SQLITE_FULL)");
        assertEquals(1, warnings.size(), "said once: " + with.result);
        assertTrue(warnings.get(0).contains("the WAL holds ") || warnings.get(0).contains("wal_bytes_before="),
                warnings.get(0));
        assertTrue(with.committed >= without.committed * 0.98, "the app fits about as many rows as without the agent: "
                + with.committed + " vs " + without.committed);
        assertTrue(with.walLeft <= ONE_TRANSACTION_OF_WAL, "at most the last transaction stays in the -wal, not the WAL's"
                + " worth of commits: " + with.walLeft + " bytes");
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
