package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transactional Spring Boot service (Spring Data JPA, Hibernate's SQLiteDialect, HikariCP;
 * test-apps/tx-app) under concurrent read-modify-write requests and read-only listings, in a JVM of
 * its own: without the agent, with its defaults (IMMEDIATE), with {@code transaction_mode=DEFERRED}, and
 * with a HikariCP pool of {@code autoCommit=false} connections. What could race is decided by latches in
 * the app ({@code handshake.*}, {@code conflict.*}) and by SQLite's lock state ({@code probe.*}),
 * never by a clock.
 */
class TransactionsTest {

    static final Path TX_APP = Paths.get(System.getProperty("tx.app.jar"));
    /** Small enough to keep four Boot JVMs per JDK quick; the deadline only ends a broken run. */
    static final List<String> LOAD = List.of("--load.writers=4", "--load.listers=2", "--load.requests=80",
            "--load.seconds=30");

    @TempDir
    Path dir;

    @Test
    void withoutTheAgentNoUpdateIsLostAndNothingIsCounted() throws Exception {
        AppResult result = run(AppJvm.withoutAgent());

        assertEquals("delete", result.get("app.journal_mode"), result::toString);
        assertEquals("absent", result.get("jmx.agent"), result::toString);
        assertCommon(result);
        report("without the agent", result);
    }

    @Test
    void underTheDefaultsNoRequestFailsAndReadOnlyListingsRunBesideAnOpenWriter() throws Exception {
        // No option: read-write transactions begin IMMEDIATE. listing: a writer reads and stays in its
        // transaction while a @Transactional(readOnly = true) listing runs; a listing serialized behind it
        // would wait out busy_timeout and fail.
        AppResult result = run(AppJvm.withAgent(), "--load.handshakes=listing");

        assertEquals("wal", result.get("app.journal_mode"), result::toString);
        assertEquals("true", result.get("handshake.writer_held_write_lock"), result::toString);
        assertEquals("true", result.get("handshake.listing_completed_while_writer_open"), result::toString);
        assertEquals("true", result.get("handshake.writer_committed"), result::toString);
        assertEquals(0, number(result, "requests.failed"), result::toString);
        assertEquals("false", result.get("probe.idle_write_lock_held"), result::toString);
        // The only lock error: the probe that found the writer holding the lock.
        assertEquals(1, number(result, "lock_errors_caught"), result::toString);
        assertEquals(1, number(result, "jmx.agent.LockErrors"), result::toString);
        assertCommon(result);
        report("agent defaults", result);
    }

    @Test
    void withTransactionModeDeferredEveryLockErrorTheAppCaughtIsCountedOverJmx() throws Exception {
        // transaction_mode=DEFERRED restores the driver's begin. conflict: a read-modify-write whose panel
        // another request updates between its read and its write; its DEFERRED transaction cannot upgrade,
        // so at least one upgrade error is certain.
        AppResult result = run(AppJvm.withAgent().agentArguments("transaction_mode=DEFERRED"), "--load.handshakes=conflict");

        assertEquals("wal", result.get("app.journal_mode"), result::toString);
        assertEquals("true", result.get("conflict.other_committed"), result::toString);
        assertEquals("false", result.get("conflict.writer_committed"), result::toString);
        assertEquals("false", result.get("probe.idle_write_lock_held"), result::toString);
        long caught = number(result, "requests.failed_locked");
        assertTrue(caught >= 1, result::toString);
        assertEquals(caught, number(result, "lock_errors_caught"), result::toString);
        assertEquals(caught, number(result, "jmx.agent.LockErrors"), result::toString);
        assertEquals(caught, number(result, "jmx.database.LockErrors"), result::toString);
        long byKind = number(result, "jmx.database.LockErrorsUpgrade") + number(result, "jmx.database.LockErrorsBegin")
                + number(result, "jmx.database.LockErrorsCommit") + number(result, "jmx.database.LockErrorsStatement");
        assertEquals(caught, byKind, result::toString);
        assertTrue(number(result, "jmx.database.LockErrorsUpgrade") >= 1, result::toString);
        assertCommon(result);
        report("agent transaction_mode=DEFERRED", result);
    }

    @Test
    void withAnAutoCommitFalsePoolNoIdleConnectionHoldsTheWriteLock() throws Exception {
        // HikariCP autoCommit=false under the default IMMEDIATE: the driver alone would begin (and lock)
        // at setAutoCommit(false) and again after every commit, so an idle pooled connection would hold
        // the write lock and every other request would wait out busy_timeout and fail.
        AppResult result = run(AppJvm.withAgent(), "--spring.datasource.hikari.auto-commit=false",
                "--load.handshakes=listing");

        assertEquals("false", result.get("app.pool_auto_commit"), result::toString);
        assertEquals("8", result.get("pool.total_connections"), result::toString);
        assertEquals("false", result.get("probe.idle_write_lock_held"), result::toString);
        assertEquals("true", result.get("handshake.listing_completed_while_writer_open"), result::toString);
        assertEquals(0, number(result, "requests.failed"), result::toString);
        assertCommon(result);
        report("agent defaults, HikariCP autoCommit=false", result);
    }

    private AppResult run(AppJvm jvm, String... extra) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(TX_APP),
                "skipped: " + TX_APP + " is not built (mvn -B -q package -DskipTests -pl test-apps/tx-app -am)");
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:sqlite:" + dir.resolve("panels.db")));
        args.addAll(LOAD);
        args.addAll(List.of(extra));
        // C1 only: a functional test, and Boot + Hibernate start in half the CPU time (the machine is shared).
        AppResult result = jvm.jvmOption("-XX:TieredStopAtLevel=1").jvmOption("-XX:+UseSerialGC")
                .timeout(Duration.ofSeconds(150)).runJar(TX_APP, args.toArray(String[]::new));
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.done"), result::toString);
        return result;
    }

    /** What holds in every configuration: listings ran, and every committed increment is there. */
    private static void assertCommon(AppResult result) {
        assertTrue(number(result, "requests.listings_ok") >= 1, result::toString);
        assertEquals(0, number(result, "check.lost_updates"), result::toString);
    }

    /** One line per configuration in the test log: the figures issue 11 asks to report. */
    private static void report(String configuration, AppResult result) {
        System.out.printf("tx-app, %s, JDK %s: writes ok %s, listings ok %s, failed requests %s (locked %s), JMX LockErrors %s%n",
                configuration, result.get("jvm.version"), result.get("requests.writes_ok"),
                result.get("requests.listings_ok"), result.get("requests.failed"), result.get("requests.failed_locked"),
                result.get("jmx.agent.LockErrors"));
    }

    private static long number(AppResult result, String key) {
        String value = result.get(key);
        if (value == null) {
            throw new AssertionError("the app did not report " + key + "\n" + result);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AssertionError("the app reported " + key + "=" + value + ", not a number\n" + result);
        }
    }
}
