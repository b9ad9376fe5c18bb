package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.CrashWriterApp;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import io.github.sqlitepragmaagent.it.apps.StormApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults an app meets in production, survived with nothing lost. */
class FaultsTest {

    private static final Pattern ACK = Pattern.compile("^ack (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void sigkillMidLoadNeverCorruptsAndNeverLosesAnAcknowledgedCommit() throws Exception {
        Path db = dir.resolve("crash.db");
        Random random = new Random(20261129);
        int trials = 20;
        long acknowledged = 0;
        long lost = 0;
        String jvmVersion = null;
        for (int trial = 1; trial <= trials; trial++) {
            AppJvm.Running writer = AppJvm.withAgent().agentArguments("audit.enabled=false")
                    .start(CrashWriterApp.class, "jdbc:sqlite:" + db);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!writer.stdoutSoFar().contains("ack ")) {
                assertTrue(System.currentTimeMillis() < deadline, "the writer never committed");
                Thread.sleep(10);
            }
            Thread.sleep(100 + random.nextInt(400));
            writer.process().destroyForcibly().waitFor();

            String out = writer.stdoutSoFar();
            Matcher jvm = Pattern.compile("^jvm\\.version=(\\S+)$", Pattern.MULTILINE).matcher(out);
            jvmVersion = jvm.find() ? jvm.group(1) : jvmVersion;
            long first = Long.MAX_VALUE;
            long last = 0;
            Matcher ack = ACK.matcher(out);
            long acks = 0;
            while (ack.find()) {
                long n = Long.parseLong(ack.group(1));
                first = Math.min(first, n);
                last = Math.max(last, n);
                acks++;
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement statement = connection.createStatement()) {
                try (ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
                    result.next();
                    assertEquals("ok", result.getString(1), "trial " + trial);
                }
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM acked WHERE n BETWEEN " + first + " AND " + last)) {
                    result.next();
                    lost += acks - result.getLong(1);
                }
                try (ResultSet result = statement.executeQuery("PRAGMA journal_mode")) {
                    result.next();
                    assertEquals("wal", result.getString(1));
                }
            }
            acknowledged += acks;
        }
        System.out.printf("crash test: %d SIGKILL trials, %d acknowledged rows, %d lost%n", trials, acknowledged, lost);
        assertEquals(0, lost, "acknowledged commits lost");
        assertTrue(acknowledged > trials * 10L, "the writer did commit under load: " + acknowledged);
        CompatibilityMatrix.passed("fault", "SIGKILL mid-load, " + trials + " times", jvmVersion, acknowledged + " acknowledged rows, " + lost + " lost, integrity ok every time");
    }

    /** Several storms, each on a brand-new file: the lock-upgrade race behind this test is timing-dependent. */
    @Test
    void sixtyFourThreadsOpeningABrandNewFileAtOnceAllGetWalAndNoException() throws Exception {
        AppResult result = null;
        for (int storm = 1; storm <= 4; storm++) {
            Path db = dir.resolve("storm-" + storm + ".db");
            result = AppJvm.withAgent().run(StormApp.class, "jdbc:sqlite:" + db, "64");

            assertEquals(0, result.exitStatus(), result::toString);
            assertEquals("0", result.get("app.errors"), "storm " + storm + ": " + result);
            assertEquals("64", result.get("app.wal"), "storm " + storm + ": " + result);
            assertEquals(64, Databases.rows(db, "storm"));
            assertEquals(List.of(), result.agentLinesContaining("[WARN]"), "storm " + storm + ": " + result);
        }
        CompatibilityMatrix.passed("fault", "64 threads open a new file at once (4 storms)", result.get("jvm.version"),
                "all WAL, 0 exceptions");
    }

    @Test
    void whenTheAgentsOwnTuningThrowsTheAppGetsAWorkingConnectionAndOneWarning() throws Exception {
        AppResult result = AppJvm.withAgent().jvmOption("-Dsqlite.pragma.agent.test.fault=tune")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("fault.db"), "--connections", "50",
                        "--sql", "CREATE TABLE IF NOT EXISTS t(x)", "--sql", "INSERT INTO t VALUES (1)");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("50", result.get("app.opened"), result::toString);
        assertEquals(50, Databases.rows(dir.resolve("fault.db"), "t"), "every connection worked");
        List<String> warnings = result.agentLinesContaining("[WARN]");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("could not tune a connection to " + dir.resolve("fault.db")
                + ": java.lang.IllegalStateException: injected fault"), warnings.get(0));
        CompatibilityMatrix.passed("fault", "the agent's tuning code throws", result.get("jvm.version"),
                "connection works, one warning for 50 connections");
    }

    @Test
    void whenTheBridgeThrowsTheAdviceSwallowsItAndTheAppIsUnharmed() throws Exception {
        AppResult result = AppJvm.withAgent().jvmOption("-Dsqlite.pragma.agent.test.fault=bridge")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + dir.resolve("bridge.db"), "--connections", "20",
                        "--sql", "CREATE TABLE IF NOT EXISTS t(x)", "--sql", "INSERT INTO t VALUES (1)");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(20, Databases.rows(dir.resolve("bridge.db"), "t"));
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS.get("journal_mode"), result.get("app.journal_mode"), result::toString);
    }
}
