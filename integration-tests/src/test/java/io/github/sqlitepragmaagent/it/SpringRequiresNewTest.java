package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spring {@code @Transactional(propagation = REQUIRES_NEW)} method called from inside a
 * read-modify-write {@code @Transactional} one (test-apps/tx-app, {@code --scenario=nested}): the inner
 * transaction runs on a second pooled connection of the same thread. Under the agent the outer one holds
 * the write lock from its first read, so an inner write could only wait for its own thread: the agent fails
 * it at once, naming both statements, instead of letting it wait out busy_timeout. Without the agent the
 * same write fails too (the outer read's lock keeps the inner commit out until busy_timeout ends): every
 * outcome and every row is the same with and without the agent.
 */
class SpringRequiresNewTest {

    @TempDir
    Path dir;

    @Test
    void aRequiresNewWriteInsideAReadWriteTransactionEndsAsWithoutTheAgentAndIsNamedAtOnce() throws Exception {
        AppResult without = run(AppJvm.withoutAgent(), "plain.db");
        AppResult with = run(AppJvm.withAgent().agentArguments("audit.enabled=false"), "agent.db");

        assertEquals("ok", without.get("nested.inner_reads"), without::toString);
        assertEquals(without.section("nested"), with.section("nested"), with::toString);

        List<String> named = with.agentLinesContaining("lock_holder=this_thread");
        assertEquals(1, named.size(), with::toString);
        String line = named.get(0);
        assertTrue(line.contains("INSERT INTO audit_trail(what) VALUES (?)"), "the inner statement: " + line);
        assertTrue(line.contains("select") && line.contains("from panels"), "the outer transaction's first statement: " + line);
        System.out.printf("tx-app REQUIRES_NEW, JDK %s: without the agent %s, under the agent %s%n", with.get("jvm.version"),
                without.section("nested"), with.section("nested"));
    }

    private AppResult run(AppJvm jvm, String file) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(TransactionsTest.TX_APP), "skipped: " + TransactionsTest.TX_APP + " is not built");
        AppResult result = jvm.jvmOption("-XX:TieredStopAtLevel=1").jvmOption("-XX:+UseSerialGC")
                .timeout(Duration.ofSeconds(150)).runJar(TransactionsTest.TX_APP,
                        "--spring.datasource.url=jdbc:sqlite:" + dir.resolve(file), "--scenario=nested");
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.done"), result::toString);
        return result;
    }
}
