package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.AuditApp;
import io.github.sqlitepragmaagent.it.apps.BusyWriterApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background audits, as an operator sees them in the log, in the JSON file and over JMX. */
class AuditTest {

    @TempDir
    Path dir;

    private static AppJvm agent(String arguments) {
        return AppJvm.withAgent().agentArguments("audit.delay=0s," + arguments);
    }

    private static String only(AppResult result, String text) {
        List<String> lines = result.agentLinesContaining(text);
        assertEquals(1, lines.size(), "one line with '" + text + "' expected: " + result);
        return lines.get(0);
    }

    @Test
    void aHealthyDatabaseGetsAnIntegrityOkLine() throws Exception {
        Path db = Databases.create(dir.resolve("healthy.db"), "delete");
        Path json = dir.resolve("audits.jsonl");

        AppResult result = agent("audit.log.file=" + json).run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "1500");

        assertEquals(0, result.exitStatus(), result::toString);
        String line = only(result, "audit db=" + db);
        assertTrue(line.startsWith("[INFO] sqlite-pragma-agent - audit db=" + db + " kind=first result=ok integrity=ok"
                + " integrity_check=quick_check fk_violations=0 journal_mode=wal sqlite_version=3."), line);
        assertTrue(line.matches(".* bytes=\\d+ wal_bytes=\\d+ shm_bytes=\\d+ page_size=4096 page_count=\\d+ freelist_count=0"
                + " reclaimable_bytes=0 fk_action_count=0 took_ms=\\d+"), line);
        String jsonLine = Files.readAllLines(json).get(0);
        assertTrue(jsonLine.startsWith("{\"time\":"), jsonLine);
        assertTrue(jsonLine.contains("\"db\":\"" + db + "\",\"kind\":\"first\",\"result\":\"ok\",\"integrity\":\"ok\""), jsonLine);
        assertTrue(jsonLine.contains("\"page_size\":4096"), jsonLine);
    }

    @Test
    void theFirstAuditWaitsUntilTheAppStopsWriting() throws Exception {
        Path db = Databases.create(dir.resolve("busy.db"), "delete");

        // A row every 2 ms for 1.5 s: never 2 s without a change to the database or its -wal.
        AppResult result = agent("audit.quiet=2s").run(BusyWriterApp.class, "jdbc:sqlite:" + db, "1500");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("0", result.get("app.audits_while_writing"), result::toString);
        assertEquals("1", result.get("app.audits_after_writing"), result::toString);
        assertTrue(only(result, "audit db=" + db).contains("kind=first result=ok integrity=ok"), result::toString);
    }

    @Test
    void withAuditQuietOffTheFirstAuditRunsWhileTheAppWrites() throws Exception {
        Path db = Databases.create(dir.resolve("busy.db"), "delete");

        AppResult result = agent("audit.quiet=off").run(BusyWriterApp.class, "jdbc:sqlite:" + db, "3000");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("1", result.get("app.audits_while_writing"), result::toString);
        assertTrue(only(result, "audit db=" + db).contains("kind=first result=ok integrity=ok"), result::toString);
    }

    @Test
    void aWalDatabaseOthersCanReadFromADirectoryTheyCannotWriteIsWarnedAbout() throws Exception {
        // The temporary directory is private (700): the readers must be able to pass through it.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path readable = Databases.create(shared.resolve("readable.db"), "delete");
        Files.setPosixFilePermissions(readable, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path own = Databases.create(shared.resolve("own.db"), "delete");
        Files.setPosixFilePermissions(own, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        // switch: by default (keep) the agent would leave it out of WAL (ReadOnlyReadersTest), with nothing to audit here.
        AppResult readableRun = agent("audit.integrity=quick,wal.readonly.readers=switch").run(AuditApp.class,
                "jdbc:sqlite:" + readable, "--wait-ms", "1500");
        AppResult ownRun = agent("audit.integrity=quick").run(AuditApp.class, "jdbc:sqlite:" + own, "--wait-ms", "1500");

        String line = only(readableRun, "audit db=" + readable);
        assertTrue(line.contains("kind=first result=warn"), line);
        assertTrue(line.contains("the file is readable by group and others who cannot write its directory " + shared
                + ": a WAL database cannot be read without creating its -shm there"), line);
        assertTrue(line.contains("rule.N.match=" + readable + " and rule.N.journal_mode=DELETE"), line);
        String ownLine = only(ownRun, "audit db=" + own);
        assertTrue(ownLine.contains("kind=first result=ok"), ownLine);
    }

    @Test
    void aCorruptDatabaseGivesAnErrorLineAndTheAppKeepsWorking() throws Exception {
        Path db = Databases.createCorrupt(dir.resolve("corrupt.db"));

        AppResult result = agent("").run(AuditApp.class, "jdbc:sqlite:" + db, "--read-table", "good",
                "--insert-table", "good", "--wait-ms", "1500");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("3", result.get("app.read_rows"), result::toString);
        assertEquals("1", result.get("app.inserted"), result::toString);
        String line = only(result, "audit db=" + db);
        assertTrue(line.startsWith("[ERROR] sqlite-pragma-agent - audit db=" + db + " kind=first result=error integrity=corrupt"),
                line);
        assertTrue(line.contains(" problems=\""), line);
        assertTrue(line.contains("findings=\"the integrity check found"), line);
    }

    @Test
    void foreignKeyViolationsAreCountedPerTableWithTheFirstRows() throws Exception {
        Path db = Databases.createForeignKeyViolations(dir.resolve("fk.db"));

        AppResult result = agent("").run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "1500");

        String line = only(result, "audit db=" + db);
        assertTrue(line.startsWith("[WARN]"), line);
        assertTrue(line.contains(" integrity=ok "), line);
        assertTrue(line.contains(" fk_violations=3 "), line);
        assertTrue(line.contains(" fk_tables=child:3 "), line);
        assertTrue(line.contains(" fk_first=\"child rowid=2 parent=parent; child rowid=3 parent=parent;"
                + " child rowid=4 parent=parent\""), line);
    }

    @Test
    void aWalAboveTheThresholdIsWarnedAboutWithItsLikelyCause() throws Exception {
        Path db = Databases.create(dir.resolve("wal.db"), "delete");

        // No idle checkpoint: it would empty the WAL this test wants the audit to measure.
        AppResult result = agent("audit.interval=1s,audit.wal.warn=256KiB,checkpoint.idle=off")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--grow-kb", "2048", "--wait-ms", "2600");

        assertEquals(0, result.exitStatus(), result::toString);
        List<String> warnings = result.agentLinesContaining("kind=sizes result=warn");
        assertFalse(warnings.isEmpty(), result::toString);
        assertTrue(warnings.get(0).contains("above audit.wal.warn (256.0 KiB): checkpoints are probably starved by"
                + " long-running readers"), warnings.get(0));
        assertTrue(warnings.get(0).matches(".* growth_bytes=-?\\d+ wal_bytes=\\d{7,} .*"), warnings.get(0));
    }

    @Test
    void aWalThatGrowsBecauseTheOperatorTurnedAutoCheckpointsOffDoesNotBlameReaders() throws Exception {
        Path db = Databases.create(dir.resolve("wal.db"), "delete");

        AppResult result = agent("audit.interval=1s,audit.wal.warn=256KiB,wal_autocheckpoint=0,checkpoint.idle=off")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--grow-kb", "2048", "--wait-ms", "2600");

        assertEquals(0, result.exitStatus(), result::toString);
        List<String> warnings = result.agentLinesContaining("kind=sizes result=warn");
        assertFalse(warnings.isEmpty(), result::toString);
        assertTrue(warnings.get(0).contains("above audit.wal.warn (256.0 KiB): wal_autocheckpoint=0 is configured for"
                + " this database, so SQLite never checkpoints on its own"), warnings.get(0));
        assertFalse(warnings.get(0).contains("readers"), warnings.get(0));
    }

    @Test
    void auditingALargeWalDatabaseWhileTheAppWritesCausesTheWriterNoError() throws Exception {
        Path db = Databases.createLarge(dir.resolve("large.db"), 60_000, "wal");

        // audit.quiet=off: the audit runs while the app writes, which is what this test is about.
        AppResult result = agent("audit.integrity=full,audit.quiet=off")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--write-ms", "4000", "--wait-ms", "500");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("0", result.get("app.write_errors"), result::toString);
        assertTrue(Long.parseLong(result.get("app.writes")) > 100, result::toString);
        String line = only(result, "audit db=" + db);
        assertTrue(line.contains("kind=first result=ok integrity=ok integrity_check=integrity_check"), line);
    }

    @Test
    void integrityOffMeansNoIntegrityCheckAndNoIntegrityField() throws Exception {
        Path db = Databases.create(dir.resolve("off.db"), "delete");

        AppResult result = agent("audit.integrity=off").run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "1500");

        String line = only(result, "audit db=" + db);
        assertTrue(line.contains("kind=first result=ok journal_mode=wal"), line);
        assertFalse(line.contains("integrity"), line);
        assertFalse(line.contains("fk_violations"), line);
    }

    @Test
    void aSlowCheckIsInterruptedAtTheTimeoutAndReportedAsSuch() throws Exception {
        Path db = Databases.createLarge(dir.resolve("slow.db"), 60_000, "wal");

        AppResult result = agent("audit.integrity=full,audit.integrity.timeout=20ms")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "3000");

        String line = only(result, "audit db=" + db);
        assertTrue(line.startsWith("[WARN]"), line);
        assertTrue(line.contains(" integrity=timeout "), line);
        assertTrue(line.contains("the integrity check was interrupted after audit.integrity.timeout (0.02 s)"), line);
    }

    @Test
    void jmxShowsTheAgentAndEachDatabase() throws Exception {
        Path db = Databases.create(dir.resolve("jmx.db"), "delete");
        String database = "io.github.sqlitepragmaagent:type=Database,path=\"" + db + "\"";

        AppResult result = agent("").run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-ms", "1500", "--jmx",
                "io.github.sqlitepragmaagent:type=Agent#ConnectionsTuned",
                "io.github.sqlitepragmaagent:type=Agent#PragmaFailures",
                "io.github.sqlitepragmaagent:type=Agent#Databases",
                "io.github.sqlitepragmaagent:type=Agent#Version",
                database + "#Integrity", database + "#JournalMode", database + "#FileBytes",
                database + "#ForeignKeyViolations", database + "#LastAuditResult", database + "#AuditsRun");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("1", result.get("jmx.ConnectionsTuned"), result::toString);
        assertEquals("0", result.get("jmx.PragmaFailures"), result::toString);
        assertEquals("1", result.get("jmx.Databases"), result::toString);
        assertTrue(result.get("jmx.Version").startsWith("sqlite-pragma-agent_"), result::toString);
        assertEquals("ok", result.get("jmx.Integrity"), result::toString);
        assertEquals("wal", result.get("jmx.JournalMode"), result::toString);
        assertEquals(String.valueOf(Files.size(db)), result.get("jmx.FileBytes"), result::toString);
        assertEquals("0", result.get("jmx.ForeignKeyViolations"), result::toString);
        assertEquals("ok", result.get("jmx.LastAuditResult"), result::toString);
        assertEquals("1", result.get("jmx.AuditsRun"), result::toString);
    }

    @Test
    void theJvmExitsWithAnAuditInFlight() throws Exception {
        Path db = Databases.create(dir.resolve("exit.db"), "wal");

        // The fault switch parks the audit for good with its connection open: if the audit thread
        // could keep the JVM alive, this app would never exit and the run would time out.
        AppResult result = agent("log.level=debug").jvmOption("-Dsqlite.pragma.agent.test.fault=audit-hold")
                .run(AuditApp.class, "jdbc:sqlite:" + db, "--wait-for-property", "sqlite.pragma.agent.test.audit-held",
                        "--exit-hook");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(1, result.agentLinesContaining("audit started db=" + db).size(), result::toString);
        assertEquals(List.of(), result.agentLinesContaining("audit db=" + db), "the audit was still running: " + result);
        assertEquals("true", result.get("app.done"), result::toString);
        assertTrue(result.get("app.exit_delay_ms") != null, "the shutdown hooks ran: " + result);
    }
}
