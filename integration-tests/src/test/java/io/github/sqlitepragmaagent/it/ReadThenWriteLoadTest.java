package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.ReadThenWriteApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tx-load's read-then-write workload (8 threads, each SELECT then UPDATE then commit, on 16 accounts),
 * counted in transactions, not seconds: under the agent's defaults, with no option, no transaction fails,
 * never more than with {@code transaction_mode=IMMEDIATE} in the app's URL or without the agent;
 * no committed increment is lost or doubled, without the agent or under it.
 */
class ReadThenWriteLoadTest {

    private static final String THREADS = "8";
    private static final String TRANSACTIONS = "150";

    @TempDir
    Path dir;

    @Test
    void underTheDefaultsNoReadThenWriteTransactionFails() throws Exception {
        AppResult without = run(AppJvm.withoutAgent(), "plain.db", "");
        AppResult urlImmediate = run(AppJvm.withoutAgent(), "immediate.db", "?transaction_mode=IMMEDIATE");
        AppResult defaults = run(AppJvm.withAgent().agentArguments("audit.enabled=false"), "agent.db", "");

        // IMMEDIATE in the URL, without the agent: no upgrade can fail, but the driver's eager begin (at commit, for
        // the next transaction) holds the write lock between transactions, so some begins can time out there.
        assertEquals("0", defaults.get("app.failed"), "no read-then-write transaction fails under the defaults: " + defaults);
        assertTrue(Long.parseLong(defaults.get("app.failed")) <= Long.parseLong(without.get("app.failed")), defaults::toString);
        assertTrue(Long.parseLong(defaults.get("app.failed")) <= Long.parseLong(urlImmediate.get("app.failed")), defaults::toString);
        assertEquals("1200", defaults.get("app.committed"), defaults::toString);
        for (AppResult result : new AppResult[] {without, defaults}) {
            assertEquals("0", result.get("app.drift"), result::toString);
            assertEquals("0", result.get("app.failed_other"), result::toString);
        }
        System.out.printf("read-then-write, %s x %s transactions, JDK %s: failed without the agent %s, IMMEDIATE in the URL %s,"
                + " agent defaults %s%n", THREADS, TRANSACTIONS, System.getProperty("java.version"), without.get("app.failed"),
                urlImmediate.get("app.failed"), defaults.get("app.failed"));
    }

    private AppResult run(AppJvm jvm, String file, String suffix) throws Exception {
        AppResult result = jvm.run(ReadThenWriteApp.class, "jdbc:sqlite:" + dir.resolve(file) + suffix, THREADS, TRANSACTIONS);
        assertEquals(0, result.exitStatus(), result::toString);
        return result;
    }
}
