package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.IdleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that commits and then idles with its connection open: under the agent (WAL) the newest
 * commits live in {@code app.db-wal} until something checkpoints them. The agent's idle checkpoint
 * makes the operators' single-file habits work as they do without the agent (rollback journal): a
 * copy of {@code app.db} alone is complete, and a copy-restore after kill -9 is not spoiled by a stale
 * WAL. Before it, the copy had no table at all and the restore read "database disk image is malformed".
 *
 * <p>The test waits for the {@code -wal} to be empty (the idle checkpoint's visible effect) rather than
 * for a time: without the agent there is no {@code -wal}, so the same wait ends at once.
 */
class IdleCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCopyOfTheDatabaseFileAloneTakenAfterTheIdlePeriodHoldsEveryCommittedRow() throws Exception {
        long without = rowsInACopyAfterIdle(false);
        assertEquals(200, without, "without the agent (rollback journal) the file alone holds every row");
        assertEquals(without, rowsInACopyAfterIdle(true), "the same under the agent, at its default checkpoint.idle");
    }

    private long rowsInACopyAfterIdle(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "copy-agent.db" : "copy-plain.db");
        Path control = Files.createDirectories(dir.resolve(db.getFileName() + ".control"));
        AppJvm.Running app = (agent ? AppJvm.withAgent() : AppJvm.withoutAgent()).timeout(Duration.ofMinutes(3))
                .start(IdleApp.class, "jdbc:sqlite:" + db, control.toString(), "200");
        awaitStep(app, "committed");
        awaitEmptyWal(app, db);
        Path copy = dir.resolve(db.getFileName() + ".copy");
        Files.copy(db, copy); // what a legacy backup script does: the database file alone, the app still up
        Files.createFile(control.resolve("more"));
        awaitStep(app, "more");
        Files.createFile(control.resolve("stop"));
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        if (agent) {
            assertTrue(result.stderr().contains("checkpoint db=" + db + " reason=idle result=truncated"), result::toString);
        }
        return count(copy);
    }

    @Test
    void aKillAfterTheIdlePeriodLeavesNoWalFramesAndACopyRestoreGivesTheBackupsRows() throws Exception {
        String without = restoreAfterKill(false);
        assertEquals("100 ok", without, "without the agent the restored file is the backup");
        assertEquals(without, restoreAfterKill(true), "the same under the agent");
    }

    /** Rows and integrity of the database after: 100 rows, a file copy as backup, 100 more, idle, kill -9, copy back. */
    private String restoreAfterKill(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "kill-agent.db" : "kill-plain.db");
        Path control = Files.createDirectories(dir.resolve(db.getFileName() + ".control"));
        AppJvm.Running app = (agent ? AppJvm.withAgent().agentArguments("checkpoint.idle=1s") : AppJvm.withoutAgent())
                .timeout(Duration.ofMinutes(3)).start(IdleApp.class, "jdbc:sqlite:" + db, control.toString(), "100");
        awaitStep(app, "committed");
        awaitEmptyWal(app, db);
        Path backup = dir.resolve(db.getFileName() + ".backup");
        Files.copy(db, backup);
        Files.createFile(control.resolve("more"));
        awaitStep(app, "more");
        awaitEmptyWal(app, db);
        app.process().destroyForcibly().waitFor();
        assertEquals(0, walBytes(db), "a kill after the idle period leaves no WAL frames");
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING); // the usual restore: the -wal and -shm stay
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            return count(statement, "SELECT count(*) FROM rows") + " " + text(statement, "PRAGMA integrity_check");
        }
    }

    @Test
    void aDatabaseLitestreamManagesIsNotCheckpointedByTheAgent() throws Exception {
        Path db = dir.resolve("litestream.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            // What Litestream creates in each database it replicates.
            statement.executeUpdate("CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)");
            statement.executeUpdate("CREATE TABLE _litestream_lock (id INTEGER)");
        }
        Path control = Files.createDirectories(dir.resolve("litestream.control"));
        AppJvm.Running app = AppJvm.withAgent().agentArguments("checkpoint.idle=1s").timeout(Duration.ofMinutes(3))
                .start(IdleApp.class, "jdbc:sqlite:" + db, control.toString(), "100");
        awaitStep(app, "committed");
        String off = "checkpoint.idle is off for " + db + ": Litestream manages it";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!app.stderrSoFar().contains(off)) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the agent never said it leaves the checkpoints to Litestream: " + app.stop());
            }
            Thread.sleep(50);
        }
        // Said where the idle checkpoint would have run: the WAL still holds the app's frames.
        assertTrue(walBytes(db) > 0, "the agent left the WAL to Litestream");
        Files.createFile(control.resolve("more"));
        awaitStep(app, "more");
        Files.createFile(control.resolve("stop"));
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(1, result.agentLinesContaining("checkpoint.idle is off for").size(), "said once: " + result);
        assertEquals(0, result.agentLinesContaining("checkpoint db=").size(), result::toString);
    }

    private static void awaitStep(AppJvm.Running app, String step) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!app.stdoutSoFar().contains("app.step=" + step + "\n")) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the app did not reach step " + step + ": " + app.stop());
            }
            Thread.sleep(20);
        }
    }

    /** Waits (generously) until the database's {@code -wal} is absent or empty. */
    private static void awaitEmptyWal(AppJvm.Running app, Path db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (walBytes(db) > 0) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the WAL of " + db + " was never checkpointed: " + app.stop());
            }
            Thread.sleep(50);
        }
    }

    private static long walBytes(Path db) throws Exception {
        Path wal = Path.of(db + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static long count(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'rows'")) {
            tables.next();
            return tables.getLong(1) == 0 ? -1 : count(statement, "SELECT count(*) FROM rows");
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        return Long.parseLong(text(statement, sql));
    }

    private static String text(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
