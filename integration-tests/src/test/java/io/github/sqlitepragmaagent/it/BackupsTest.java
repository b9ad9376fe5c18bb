package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.BackupApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled backups ({@code backup.dir}) of a database the app keeps writing to, and the {@code restore}
 * command: each kept backup is a consistent, verified copy holding every row committed before it began;
 * a copy that fails its check is kept aside and never rotated in; {@code restore} refuses while the app
 * has the database open and, after a kill -9 left a stale {@code -wal}/{@code -shm}, gives the backup's
 * rows where the usual {@code cp} restore gives a malformed database or the crashed app's rows.
 *
 * <p>Nothing waits for a time: each step waits for the agent's log line (or the app's) it needs.
 */
class BackupsTest {

    private static final Pattern COMMITTED = Pattern.compile("app\\.committed=(\\d+) at=(\\d+)");
    private static final Pattern STAMP = Pattern.compile("\\.(\\d{8}-\\d{9})\\.backup$");

    @TempDir
    Path dir;

    @Test
    void backupsRotateAndEachHoldsEveryRowCommittedBeforeItBegan() throws Exception {
        Path db = dir.resolve("app.db");
        Path backups = dir.resolve("backups");
        AppJvm.Running app = start(db, "backup.dir=" + backups + ",backup.interval=1s,backup.keep=3");
        awaitAgentLines(app, "backup db=" + db + " result=ok", 5);
        AppResult result = stop(app, db);
        assertEquals(0, result.exitStatus(), result::toString);
        List<Path> kept = files(backups, ".backup");
        assertEquals(3, kept.size(), "backup.keep=3 of at least 5: " + kept + "\n" + result);
        assertEquals(List.of(), files(backups, ".tmp"), "no temporary copy is left");
        assertEquals(List.of(), files(backups, ".failed"), "no copy failed its check");
        for (String line : result.agentLinesContaining("backup db=")) {
            assertTrue(line.contains("result=ok") && line.contains("check=integrity_check") && line.contains("method=backup_api"),
                    line);
        }
        List<long[]> commits = commits(result.stdout());
        for (Path backup : kept) {
            long began = began(backup);
            long committedBefore = commits.stream().filter(c -> c[1] < began).mapToLong(c -> c[0]).max().orElse(0);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
                    Statement statement = connection.createStatement()) {
                assertEquals("ok", text(statement, "PRAGMA integrity_check"), backup.toString());
                assertEquals("delete", text(statement, "PRAGMA journal_mode"), "a backup is one file: " + backup);
                long rows = Long.parseLong(text(statement, "SELECT count(*) FROM rows"));
                long max = Long.parseLong(text(statement, "SELECT coalesce(max(n), 0) FROM rows"));
                assertEquals(max, rows, "one consistent snapshot: rows 1.." + max + " without a gap in " + backup);
                assertTrue(rows >= committedBefore, backup + " holds " + rows + " rows; " + committedBefore
                        + " were committed before it began");
            }
        }
        assertTrue(result.stdout().contains("app.jmx.LastBackupResult=ok\n"), result::toString);
        assertTrue(result.stdout().contains("app.jmx.LastBackupOk=1\n"), result::toString);
        AppResult check = AppJvm.cli("check", "--backup", "--driver", driverJar(), kept.get(0).toString());
        assertEquals(0, check.exitStatus(), check::toString);
        assertTrue(check.stdout().contains("OK (backup, integrity_check ok)"), check::toString);
    }

    @Test
    void aCopyThatFailsItsCheckIsKeptAsideReportedAtErrorAndNeverRotatedIn() throws Exception {
        Path db = dir.resolve("damaged.db");
        Path backups = dir.resolve("backups");
        String settings = "backup.dir=" + backups + ",backup.interval=1s,backup.keep=1";
        AppJvm.Running first = start(db, settings);
        awaitAgentLines(first, "backup db=" + db + " result=ok", 1);
        AppResult healthy = stop(first, db);
        assertEquals(0, healthy.exitStatus(), healthy::toString);
        List<Path> good = files(backups, ".backup");
        assertEquals(1, good.size(), healthy::toString);
        long goodRows = rows(good.get(0));

        Files.delete(dir.resolve("damaged.db.control").resolve("stop"));
        AppJvm.Running damaging = start(db, settings, "-Dsqlite.pragma.agent.test.fault=backup-damage");
        awaitAgentLines(damaging, "backup db=" + db + " result=failed", 2);
        AppResult result = stop(damaging, db);
        assertEquals(0, result.exitStatus(), "the app is unharmed: " + result);
        List<String> failedLines = result.agentLinesContaining("result=failed");
        assertTrue(failedLines.stream().allMatch(line -> line.contains("ERROR") && line.contains("problems=")
                && line.contains("never rotated in")), failedLines.toString());
        assertEquals(good, files(backups, ".backup"), "the verified backup stays, nothing replaces it: " + result);
        assertEquals(goodRows, rows(good.get(0)));
        List<Path> failed = files(backups, ".failed");
        assertTrue(failed.size() >= 2, "each refused copy is kept aside: " + failed);
        assertTrue(result.stdout().contains("app.jmx.LastBackupResult=failed\n"), result::toString);
        assertTrue(result.stdout().contains("app.jmx.LastBackupOk=0\n"), result::toString);

        AppResult check = AppJvm.cli("check", "--backup", "--driver", driverJar(), failed.get(0).toString());
        assertEquals(1, check.exitStatus(), check::toString);
        String before = text(db, "SELECT count(*) FROM rows");
        AppResult restore = AppJvm.cli("restore", "--driver", driverJar(), failed.get(0).toString(), db.toString());
        assertEquals(1, restore.exitStatus(), restore::toString);
        assertTrue(restore.stderr().contains("fails integrity_check") && restore.stderr().contains("left untouched"),
                restore::toString);
        assertEquals(before, text(db, "SELECT count(*) FROM rows"), "a damaged backup never reaches the database");
    }

    @Test
    void restoreRefusesWhileTheAppRunsAndAfterAKillGivesTheBackupsRows() throws Exception {
        Path db = dir.resolve("restore.db");
        Path backups = dir.resolve("backups");
        // No idle checkpoint: the app writes all along anyway, and its kill must leave WAL frames behind.
        AppJvm.Running app = start(db, "backup.dir=" + backups + ",backup.interval=1s,backup.keep=5,checkpoint.idle=off");
        awaitAgentLines(app, "backup db=" + db + " result=ok", 1);
        // Taken out of the rotation (the app keeps running, and backups with it): a finished backup is a closed file.
        Path backup = Files.copy(files(backups, ".backup").get(0), dir.resolve("chosen.backup"));
        long backupRows = rows(backup);

        AppResult refused = AppJvm.cli("restore", "--driver", driverJar(), backup.toString(), db.toString());
        assertEquals(3, refused.exitStatus(), refused::toString);
        assertTrue(refused.stderr().contains("is in use") && refused.stderr().contains("nothing was changed"),
                refused::toString);
        long committedAfterRefusal = lastCommitted(app.stdoutSoFar()) + 20;
        while (lastCommitted(app.stdoutSoFar()) < committedAfterRefusal) {
            assertTrue(app.process().isAlive(), "the app keeps writing after the refused restore");
            Thread.sleep(20);
        }
        app.process().destroyForcibly().waitFor(); // kill -9: the -wal and -shm stay
        assertTrue(Files.size(Path.of(db + "-wal")) > 0 && Files.exists(Path.of(db + "-shm")), "a stale WAL is left");
        long crashed = lastCommitted(app.stdoutSoFar());
        assertTrue(crashed > backupRows);

        // The usual restore, on a copy of the same state: cp the backup over the database, the -wal/-shm beside it.
        Path cpDir = Files.createDirectories(dir.resolve("cp"));
        Path cpDb = cpDir.resolve("restore.db");
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Files.copy(Path.of(db + suffix), Path.of(cpDb + suffix));
        }
        Files.copy(backup, cpDb, StandardCopyOption.REPLACE_EXISTING);
        String cpOutcome = rowsAndIntegrity(cpDb);
        // Not asserted: whether the stale WAL's frames are replayed onto the copied file depends on where the
        // kill fell in the WAL's life (a WAL just restarted replays nothing); the README's caveat says why cp is
        // unsafe. What follows must hold wherever the kill fell.
        System.out.println("cp of the backup over the killed database, beside its -wal/-shm: " + cpOutcome
                + " (the backup has " + backupRows + " rows)");

        AppResult restore = AppJvm.cli("restore", "--driver", driverJar(), backup.toString(), db.toString());
        assertEquals(0, restore.exitStatus(), restore::toString);
        assertTrue(restore.stdout().contains("integrity_check ok"), restore::toString);
        assertFalse(Files.exists(Path.of(db + "-wal")), "SQLite removed the stale -wal");
        assertFalse(Files.exists(Path.of(db + "-shm")), "SQLite removed the stale -shm");
        assertEquals(backupRows + " ok", rowsAndIntegrity(db), "the backup's rows, cp gave: " + cpOutcome);
        assertEquals(String.valueOf(backupRows), text(db, "SELECT max(n) FROM rows"));

        // And the app starts on it, under the agent, as it would on the backup.
        Files.createFile(dir.resolve("restore.db.control").resolve("stop"));
        AppResult after = AppJvm.withAgent().timeout(Duration.ofMinutes(2))
                .run(BackupApp.class, "jdbc:sqlite:" + db, dir.resolve("restore.db.control").toString());
        assertEquals(0, after.exitStatus(), after::toString);
        assertTrue(after.stdout().contains("app.count=" + backupRows + " last=" + backupRows + "\n"), after::toString);
    }

    @Test
    void restoreTakesAnOnlineCopyOfAWalDatabaseAndLeavesNoFileBesideIt() throws Exception {
        Path source = dir.resolve("source.db");
        Path backup = dir.resolve("source.backup");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
            statement.executeUpdate("INSERT INTO rows WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                    + " SELECT i, randomblob(100) FROM n");
            // What `sqlite3 app.db ".backup FILE"` makes: a copy in WAL mode, as its source is.
            statement.executeUpdate("backup to " + backup);
        }
        Path target = dir.resolve("fresh").resolve("app.db");
        Files.createDirectories(target.getParent());

        AppResult restore = AppJvm.cli("restore", "--driver", driverJar(), backup.toString(), target.toString());

        assertEquals(0, restore.exitStatus(), restore::toString);
        assertEquals("300 ok", rowsAndIntegrity(target));
        assertFalse(Files.exists(Path.of(backup + "-wal")) || Files.exists(Path.of(backup + "-shm")),
                "nothing is left beside the backup: " + restore);
    }

    private AppJvm.Running start(Path db, String agentArguments, String... jvmOptions) throws Exception {
        Path control = Files.createDirectories(dir.resolve(db.getFileName() + ".control"));
        AppJvm jvm = AppJvm.withAgent().agentArguments(agentArguments).timeout(Duration.ofMinutes(3));
        for (String option : jvmOptions) {
            jvm.jvmOption(option);
        }
        return jvm.start(BackupApp.class, "jdbc:sqlite:" + db, control.toString());
    }

    private AppResult stop(AppJvm.Running app, Path db) throws Exception {
        Files.createFile(dir.resolve(db.getFileName() + ".control").resolve("stop"));
        AppResult result = app.await();
        Matcher count = Pattern.compile("app\\.count=(\\d+) last=(\\d+)").matcher(result.stdout());
        assertTrue(count.find() && count.group(1).equals(count.group(2)), "the app reads back every row it committed: " + result);
        return result;
    }

    /** Waits (generously) until the agent logged {@code text} {@code times} times. */
    private static void awaitAgentLines(AppJvm.Running app, String text, int times) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (occurrences(app.stderrSoFar(), text) < times) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the agent did not log '" + text + "' " + times + " times: " + app.stop());
            }
            Thread.sleep(50);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<Path> files(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    /** (n, millis after its commit returned) for every commit the app printed. */
    private static List<long[]> commits(String stdout) {
        List<long[]> commits = new ArrayList<>();
        Matcher matcher = COMMITTED.matcher(stdout);
        while (matcher.find()) {
            commits.add(new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))});
        }
        return commits;
    }

    private static long lastCommitted(String stdout) {
        List<long[]> commits = commits(stdout);
        return commits.isEmpty() ? 0 : commits.get(commits.size() - 1)[0];
    }

    /** When the backup began, from its name (UTC). */
    private static long began(Path backup) throws Exception {
        Matcher stamp = STAMP.matcher(backup.getFileName().toString());
        assertTrue(stamp.find(), backup.toString());
        SimpleDateFormat format = new SimpleDateFormat("yyyyMMdd-HHmmssSSS", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.parse(stamp.group(1)).getTime();
    }

    private static long rows(Path db) throws Exception {
        return Long.parseLong(text(db, "SELECT count(*) FROM rows"));
    }

    private static String rowsAndIntegrity(Path db) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            return text(statement, "SELECT count(*) FROM rows") + " " + text(statement, "PRAGMA integrity_check");
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static String text(Path db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            return text(statement, sql);
        }
    }

    private static String text(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String driverJar() {
        return AppJvm.APP_LIBS.resolve("sqlite-jdbc.jar").toString();
    }
}
