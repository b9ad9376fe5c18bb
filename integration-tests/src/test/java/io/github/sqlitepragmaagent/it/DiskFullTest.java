package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.DiskFullApp;
import io.github.sqlitepragmaagent.it.apps.DiskFullPoolApp;
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
 * An app that writes until its small filesystem is full (a tmpfs the test mounts: root only, skipped
 * with the reason elsewhere), compared with the same app without the agent. {@code checkpoint.low.space}
 * is 16 MiB.
 *
 * <p>Where WAL is the agent's default, the database is in the rollback journal it would have without the
 * agent whenever the disk is nearly full: not switched to WAL when it opens on an 8 MiB filesystem, and
 * taken out of WAL at the app's next transaction when a 24 MiB one fills while the app runs. The app fits
 * as many rows as without the agent and nothing stays beside the database after it exits (under WAL, the
 * commit that took the disk's last bytes stayed in a {@code -wal}: the database file could not grow to
 * take it).
 *
 * <p>Where the app asked for WAL itself, WAL stays and, once the disk is nearly full, the agent checkpoints
 * before each of the app's transactions: the WAL stays one transaction long, and the app fits about as many
 * rows as with a rollback journal (on 8 MiB: 1,326 of 2,038 before, with a 4 MiB {@code -wal} left after exit). The {@code SQLITE_FULL}
 * itself is answered with a checkpoint and one warning. What WAL cannot avoid, and the test bounds rather
 * than hides: the last commit may stay in the {@code -wal}, one transaction's frames where it was the whole
 * WAL before. In every case every row the app committed is there after it exits.
 */
class DiskFullTest {

    /** One transaction of the app (three 4 KiB pages and their headers), on a filesystem that allocates 4 KiB pages. */
    private static final long ONE_TRANSACTION_OF_WAL = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void aDatabaseOpenedOnANearlyFullDiskIsNotSwitchedToWalAndNothingStaysBesideIt() throws Exception {
        Run without = run(false, 8, "", false);
        Run with = run(true, 8, "", false);
        say("opened short of space", without, with);
        assertEquals(1, with.result.agentLinesContaining("is not switched to WAL for now").size(),
                "keeping the rollback journal is said once: " + with.result);
        assertLikeWithoutTheAgent(without, with);
    }

    @Test
    void aDiskThatFillsWhileTheAppRunsTakesTheAgentsWalBackToTheRollbackJournal() throws Exception {
        Run without = run(false, 24, "", false);
        Run with = run(true, 24, "", false);
        say("filled while running", without, with);
        assertTrue(with.result.agentLinesContaining("is not switched to WAL").isEmpty(), "opened in WAL: " + with.result);
        assertEquals(1, with.result.agentLinesContaining("to journal_mode=DELETE, as it is without the agent").size(),
                "leaving WAL is said once: " + with.result);
        assertLikeWithoutTheAgent(without, with);
    }

    @Test
    void aPoolWhoseDiskFillsWhileItWritesKeepsItsWalShort() throws Exception {
        Run without = run(false, 24, "", false, DiskFullPoolApp.class);
        Run with = run(true, 24, "", false, DiskFullPoolApp.class);
        say("pool of 4, 4 writers", without, with);
        assertEquals(without.committed, without.readBack, "without the agent every committed row is there");
        assertEquals(with.committed, with.readBack, "under the agent every committed row is there: " + with.result);
        assertTrue(with.committed >= without.committed * 0.98, "the pool fits as many rows as without the agent: "
                + with.committed + " vs " + without.committed);
        // Leaving WAL needs the last connection to the database; the pool's others may hold it in WAL, and then
        // the checkpoints keep the WAL about one transaction per writer long.
        assertTrue(with.walLeft <= DiskFullPoolApp.WRITERS * ONE_TRANSACTION_OF_WAL, "at most the last transactions stay"
                + " in the -wal: " + with.walLeft + " bytes: " + with.result);
    }

    private static void say(String scenario, Run without, Run with) {
        System.out.println("disk-full rows fitted (" + scenario + "): without the agent " + without.committed + ", under it "
                + with.committed + "; -wal after exit: without " + without.walLeft + " bytes, under " + with.walLeft + " bytes");
    }

    private static void assertLikeWithoutTheAgent(Run without, Run with) {
        assertEquals(without.committed, without.readBack, "without the agent every committed row is there");
        assertEquals(with.committed, with.readBack, "under the agent every committed row is there: " + with.result);
        assertTrue(with.committed >= without.committed * 0.98, "the app fits as many rows as without the agent: "
                + with.committed + " vs " + without.committed);
        assertFalse(with.walExisted, "no -wal stays after the app exits: " + with.walLeft + " bytes");
        assertEquals("delete", with.journalMode, "the database is left as it is without the agent");
    }

    @Test
    void walTheAppAskedForStaysAndIsKeptOneTransactionLongSoTheDiskFillsWithTheDatabase() throws Exception {
        // 24 MiB: the disk fills while the app runs, so the low-space episode begins mid-run; the checkpoints that give
        // the WAL's space back must not end it (a 4 MiB -wal stayed and 5,173 rows fitted before that was so).
        Run without = run(false, 24, "?journal_mode=WAL", false);
        Run with = run(true, 24, "?journal_mode=WAL", true);
        say("app's own WAL", without, with);
        assertEquals(without.committed, without.readBack, "without the agent every committed row is there");
        assertEquals(with.committed, with.readBack, "under the agent every committed row is there: " + with.result);
        assertEquals(1, with.result.agentLinesContaining("less than checkpoint.low.space").size(),
                "the low space is said once: " + with.result);
        List<String> warnings = with.result.agentLinesContaining("the app's disk is full (SQLITE_FULL)");
        assertEquals(1, warnings.size(), "said once: " + with.result);
        assertTrue(warnings.get(0).contains("the WAL holds ") || warnings.get(0).contains("wal_bytes_before="),
                warnings.get(0));
        assertTrue(with.result.agentLinesContaining("to journal_mode=DELETE, as it is without the agent").isEmpty(),
                "the app's WAL stays: " + with.result);
        assertEquals("wal", with.journalMode);
        assertTrue(with.committed > without.committed, "the app fits more rows than without the agent: "
                + with.committed + " vs " + without.committed);
        assertTrue(with.walLeft <= ONE_TRANSACTION_OF_WAL, "at most the last transaction stays in the -wal, not the WAL's"
                + " worth of commits: " + with.walLeft + " bytes");
    }

    /** {@code awaitAgentsAnswer}: the app stays up until the agent answered its disk-full error with a checkpoint. */
    private Run run(boolean agent, int mebibytes, String urlSuffix, boolean awaitAgentsAnswer) throws Exception {
        return run(agent, mebibytes, urlSuffix, awaitAgentsAnswer, DiskFullApp.class);
    }

    private Run run(boolean agent, int mebibytes, String urlSuffix, boolean awaitAgentsAnswer, Class<?> appClass)
            throws Exception {
        String name = (agent ? "agent" : "plain") + (urlSuffix.isEmpty() ? "" : "-own-wal");
        Path mount = Files.createDirectories(dir.resolve(name + "-fs"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes()).trim();
        Assumptions.assumeTrue(mounting.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + said);
        try {
            Path db = mount.resolve("app.db");
            Path control = Files.createDirectories(dir.resolve(name + ".control"));
            AppJvm jvm = agent ? AppJvm.withAgent() : AppJvm.withoutAgent();
            if (appClass == DiskFullPoolApp.class) {
                jvm.libs("HikariCP.jar", "slf4j-api.jar");
            }
            AppJvm.Running app = jvm.timeout(Duration.ofMinutes(3))
                    .start(appClass, "jdbc:sqlite:" + db + urlSuffix, control.toString());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (awaitAgentsAnswer ? !app.stderrSoFar().contains("the app's disk is full")
                    : !app.stdoutSoFar().contains("app.step=full\n")) {
                if (!app.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no disk-full answer: " + app.stop());
                }
                Thread.sleep(50);
            }
            Files.createFile(control.resolve("stop"));
            AppResult result = app.await();
            assertEquals(0, result.exitStatus(), result::toString);
            Path wal = Path.of(db + "-wal");
            boolean walExisted = Files.exists(wal);
            long walLeft = walExisted ? Files.size(wal) : 0;
            long readBack;
            String journalMode;
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement statement = connection.createStatement()) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM rows")) {
                    count.next();
                    readBack = count.getLong(1);
                }
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                    mode.next();
                    journalMode = mode.getString(1);
                }
            }
            return new Run(result, Long.parseLong(result.get("app.rows")), readBack, walExisted, walLeft, journalMode);
        } finally {
            new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    private static final class Run {
        final AppResult result;
        final long committed;
        final long readBack;
        /** Whether a {@code -wal} was there after the app exited, and its size (before the test's own reads). */
        final boolean walExisted;
        final long walLeft;
        /** The journal mode the database was left in (read after the app exited). */
        final String journalMode;

        Run(AppResult result, long committed, long readBack, boolean walExisted, long walLeft, String journalMode) {
            this.result = result;
            this.committed = committed;
            this.readBack = readBack;
            this.walExisted = walExisted;
            this.walLeft = walLeft;
            this.journalMode = journalMode;
        }
    }
}
