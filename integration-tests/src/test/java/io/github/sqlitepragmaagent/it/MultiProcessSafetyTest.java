package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.OtherWriterApp;
import io.github.sqlitepragmaagent.it.apps.SharedFileApp;
import io.github.sqlitepragmaagent.it.apps.TwoDriverCopiesApp;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other processes on the app's database file (the {@code sqlite3} shell, a second JVM) fare under the
 * agent exactly as without it: the app keeps its POSIX locks through the agent's audits, so no other
 * process deletes its WAL, commits inside its exclusive transaction, or corrupts the file.
 *
 * <p>Each scenario runs twice, with the agent (its defaults, audits every second) and without it (the
 * same app, with {@code journal_mode=wal} in its URL where the agent would have set it), and the two
 * must read back the same. Before the agent stopped reading the database header with a descriptor of
 * its own, the first audit released the app's locks: 600 of 602 rows, a malformed database, another
 * process's commit inside the app's {@code BEGIN EXCLUSIVE}.
 */
class MultiProcessSafetyTest {

    /** Audits every second, so several run while the app holds its connection. */
    private static final String FREQUENT_AUDITS = "audit.delay=0s,audit.interval=1s,audit.integrity.interval=1s";

    @TempDir
    Path dir;

    private static void assumeProcLocks() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Paths.get("/proc/locks")),
                "skipped: no /proc/locks on this system to see the app's file locks");
    }

    private AppJvm.Running start(boolean agent, Path db, String url, Path control, int audits, String scenario)
            throws IOException {
        Files.createDirectories(control);
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments(FREQUENT_AUDITS).jvmOption("-Dapp.expect.agent=true")
                : AppJvm.withoutAgent();
        return jvm.timeout(Duration.ofMinutes(2))
                .start(SharedFileApp.class, url, db.toString(), control.toString(), String.valueOf(audits), scenario);
    }

    /** Waits until the app prints {@code app.step=step}; fails with what it printed if it exits first. */
    private static void awaitStep(AppJvm.Running app, String step) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!app.stdoutSoFar().contains("app.step=" + step + "\n")) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the app did not reach step " + step + ": " + app.stop());
            }
            Thread.sleep(20);
        }
    }

    private static void go(Path control, String step) throws IOException {
        Files.createFile(control.resolve(step));
    }

    // --- the app's own locks -------------------------------------------------------------------------

    @Test
    void theAppHoldsItsLockOnTheDatabaseThroughSeveralAudits() throws Exception {
        assumeProcLocks();
        String withAgent = ownLocksAfterAudits(true);
        String without = ownLocksAfterAudits(false);

        assertEquals("1", without, "an app with one open WAL connection holds one lock on the database file");
        assertEquals(without, withAgent, "the agent's audits must leave the app's locks alone");
    }

    private String ownLocksAfterAudits(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "locks-agent.db" : "locks-plain.db");
        Path control = dir.resolve(db.getFileName() + ".control");
        AppJvm.Running app = start(agent, db, url(db, agent), control, 4, "phases");
        awaitStep(app, "phase2");
        go(control, "phase2");
        awaitStep(app, "phase3");
        go(control, "phase3");
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        if (agent) {
            assertTrue(Long.parseLong(result.get("app.audits")) >= 4, result::toString);
        }
        assertEquals(result.get("app.own_locks"), result.get("app.own_locks_at_end"), result::toString);
        return result.get("app.own_locks");
    }

    /** Without the agent the app sets WAL itself, so both runs are in the same mode. */
    private static String url(Path db, boolean agent) {
        return "jdbc:sqlite:" + db + (agent ? "" : "?journal_mode=wal");
    }

    // --- the sqlite3 shell between the app's writes ---------------------------------------------------

    @Test
    void theShellReadingAndWritingBetweenTheAppsWritesLosesNoRow() throws Exception {
        SqliteShell.assumePresent();
        ShellSession without = shellBetweenWrites(false);
        assertEquals(new ShellSession(602, 202, 402, 602, "ok"), without);
        assertEquals(without, shellBetweenWrites(true), "the same as without the agent");
    }

    /** What the shell saw: the final count, its counts between the app's phases, and the file's integrity. */
    record ShellSession(long finalRows, long afterItsInsert, long atPhase3, long backupRows, String integrity) {}

    private ShellSession shellBetweenWrites(boolean agent) throws Exception {
        Path db = dir.resolve(agent ? "shell-agent.db" : "shell-plain.db");
        Path control = dir.resolve(db.getFileName() + ".control");
        Path backup = dir.resolve(db.getFileName() + ".backup");
        AppJvm.Running app = start(agent, db, url(db, agent), control, 2, "phases");
        awaitStep(app, "phase2");
        // What an operator does on a live database: a count, a small insert, a count; each its own process.
        assertEquals(200, SqliteShell.on(db, "SELECT count(*) FROM t").number(), "the shell sees the app's rows");
        SqliteShell.Result insert = SqliteShell.on(db, "INSERT INTO t(src, n) VALUES ('shell', 1), ('shell', 2)");
        assertTrue(insert.ok(), insert::toString);
        long afterItsInsert = SqliteShell.on(db, "SELECT count(*) FROM t").number();
        go(control, "phase2");
        awaitStep(app, "phase3");
        long atPhase3 = SqliteShell.on(db, "SELECT count(*) FROM t").number();
        go(control, "phase3");
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        SqliteShell.Result backedUp = SqliteShell.on(db, ".backup '" + backup + "'");
        assertTrue(backedUp.ok(), backedUp::toString);
        return new ShellSession(SqliteShell.on(db, "SELECT count(*) FROM t").number(), afterItsInsert, atPhase3,
                SqliteShell.on(backup, "SELECT count(*) FROM t").number(),
                SqliteShell.on(db, "PRAGMA integrity_check").out());
    }

    // --- a second writer beside the app --------------------------------------------------------------

    @Test
    void aShellWritingBesideTheAppNeverCorruptsTheDatabase() throws Exception {
        SqliteShell.assumePresent();
        for (boolean agent : new boolean[] {false, true}) {
            Path db = dir.resolve(agent ? "writers-agent.db" : "writers-plain.db");
            Path control = dir.resolve(db.getFileName() + ".control");
            // Made by the shell, as a legacy deployment has it: a rollback-journal file; the agent turns it to WAL.
            assertTrue(SqliteShell.on(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, src TEXT, n INTEGER)").ok());
            AppJvm.Running app = start(agent, db, "jdbc:sqlite:" + db, control, 2, "writer");
            awaitStep(app, "writing");
            int shellCommits = 0;
            for (int i = 0; i < 150; i++) {
                if (SqliteShell.on(db, "INSERT INTO t(src, n) VALUES ('shell', " + i + ")").ok()) {
                    shellCommits++;
                }
            }
            go(control, "stop");
            AppResult result = app.await();
            String label = agent ? "with the agent: " : "without the agent: ";
            assertEquals(0, result.exitStatus(), label + result);
            assertEquals("ok", SqliteShell.on(db, "PRAGMA integrity_check").out(), label + result);
            assertTrue(shellCommits > 0, label + "the shell committed nothing");
            assertEquals(shellCommits, SqliteShell.on(db, "SELECT count(*) FROM t WHERE src = 'shell'").number(),
                    label + "every row the shell committed is there");
            assertEquals(Long.parseLong(result.get("app.committed")),
                    SqliteShell.on(db, "SELECT count(*) FROM t WHERE src = 'app'").number(),
                    label + "every row the app committed is there: " + result);
        }
    }

    // --- an exclusive transaction in rollback-journal mode ---------------------------------------------

    @Test
    void anotherProcessCannotCommitInsideTheAppsExclusiveTransactionAcrossAnAudit() throws Exception {
        Exclusive without = exclusiveAcrossAudit(false);
        assertEquals(new Exclusive("locked", "ok", 1), without);
        assertEquals(without, exclusiveAcrossAudit(true), "the same as without the agent");
    }

    /** What the other process got, what the app's commit got, and the rows at the end. */
    record Exclusive(String other, String appCommit, long rows) {}

    private Exclusive exclusiveAcrossAudit(boolean agent) throws Exception {
        Path db = Databases.create(dir.resolve(agent ? "exclusive-agent.db" : "exclusive-plain.db"), "delete");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var statement = connection.createStatement()) {
            statement.executeUpdate("DROP TABLE t");
            statement.executeUpdate("CREATE TABLE t(id INTEGER PRIMARY KEY, src TEXT, n INTEGER)");
        }
        Path control = dir.resolve(db.getFileName() + ".control");
        // journal_mode=keep: the database stays in rollback-journal mode, as on a network filesystem.
        Files.createDirectories(control);
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments(FREQUENT_AUDITS + ",journal_mode=keep")
                .jvmOption("-Dapp.expect.agent=true") : AppJvm.withoutAgent();
        AppJvm.Running app = jvm.timeout(Duration.ofMinutes(2)).start(SharedFileApp.class, "jdbc:sqlite:" + db,
                db.toString(), control.toString(), "2", "exclusive");
        awaitStep(app, "commit");
        AppResult other = AppJvm.withoutAgent().run(OtherWriterApp.class, "jdbc:sqlite:" + db + "?busy_timeout=200");
        go(control, "commit");
        AppResult result = app.await();
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(0, other.exitStatus(), other::toString);
        return new Exclusive(other.get("other.result"), result.get("app.commit"), Long.parseLong(result.get("app.rows")));
    }

    // --- two copies of sqlite-jdbc in one JVM on one file ----------------------------------------------

    @Test
    void aDatabaseOpenedThroughTwoCopiesOfTheDriverIsNamedAndNotAuditedWhileBothAreLoaded() throws Exception {
        Path shared = dir.resolve("shared.db");
        Path control = dir.resolve("control.db");
        String jar = AppJvm.APP_LIBS.resolve("sqlite-jdbc.jar").toString();
        AppResult without = AppJvm.withoutAgent()
                .run(TwoDriverCopiesApp.class, jar, dir.resolve("plain-shared.db").toString(), dir.resolve("plain-control.db").toString());
        assertEquals(0, without.exitStatus(), without::toString);
        assertEquals("2", without.get("app.rows"), without::toString);

        // Idle checkpoints every second and debug lines, so a checkpoint of the shared database would be tried, and seen.
        AppResult result = AppJvm.withAgent().agentArguments(FREQUENT_AUDITS + ",checkpoint.idle=1s,log.level=debug")
                .jvmOption("-Dapp.expect.agent=true")
                .timeout(Duration.ofMinutes(2)).run(TwoDriverCopiesApp.class, jar, shared.toString(), control.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(without.get("app.rows"), result.get("app.rows"), result::toString);
        assertEquals("wal", result.get("second.journal_mode"), "the second copy's connection is tuned too: " + result);
        List<String> lines = result.agentLines();
        List<String> warnings = result.agentLinesContaining("is opened through two copies of sqlite-jdbc");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("[WARN]") && warnings.get(0).contains(shared.toString()), warnings::toString);
        List<String> after = lines.subList(lines.indexOf(warnings.get(0)) + 1, lines.size());
        assertEquals(List.of(), after.stream().filter(line -> line.contains("audit db=" + shared + " ") && line.contains(" result="))
                .toList(), "no audit of the shared database while both copies are loaded");
        assertEquals(List.of(), after.stream().filter(line -> line.contains("checkpoint db=" + shared + " reason=")).toList(),
                "no checkpoint of the shared database while both copies are loaded");
        assertTrue(after.stream().anyMatch(line -> line.contains("audit db=" + shared + " ") && line.contains("skipped")),
                "its audits were due and skipped: " + result);
        assertTrue(after.stream().filter(line -> line.contains("audit db=" + control + " ") && line.contains(" result="))
                .count() >= 3, "the control database's audits went on: " + result);
    }
}
