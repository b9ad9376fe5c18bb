package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.NestedTransactionApp;
import io.github.sqlitepragmaagent.it.apps.TransactionApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions under the agent begin at their first statement, survive a failed begin, and honour
 * setReadOnly on an open connection: each case stepped on one thread of the app, so it is exact.
 * The app asks for IMMEDIATE itself (in its URL), where sqlite-jdbc's eager begin hurts most.
 */
class TransactionHooksTest {

    private static final String IMMEDIATE = "?transaction_mode=IMMEDIATE";

    @TempDir
    Path dir;

    private AppResult run(boolean agent, String scenario, String urlSuffix) throws Exception {
        AppJvm jvm = agent ? AppJvm.withAgent().agentArguments("audit.enabled=false") : AppJvm.withoutAgent();
        return jvm.run(TransactionApp.class, dir.toString(), scenario, urlSuffix);
    }

    /** The agent's defaults (IMMEDIATE for read-write transactions), the app's URL naming no mode. */
    private AppResult runAgentDefaults(String scenario) throws Exception {
        return AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(TransactionApp.class, dir.toString(), scenario, "");
    }

    @Test
    void theDefaultImmediateModeBeginsAtTheFirstStatementAndKeepsReadOnlyTransactionsDeferred() throws Exception {
        AppResult idle = runAgentDefaults("idle");
        assertEquals("ok:1", idle.get("app.writer"), idle::toString);

        AppResult readOnly = runAgentDefaults("read-only");
        assertEquals("ok:100", readOnly.get("app.read_beside_writer"), readOnly::toString);
        assertEquals("115", readOnly.get("app.balance"), readOnly::toString);

        AppResult beginFails = runAgentDefaults("begin-fails");
        assertEquals("ok:done", beginFails.get("app.rollback"), beginFails::toString);
        assertEquals("101", beginFails.get("app.balance"), beginFails::toString);
    }

    @Test
    void anIdleConnectionWithAutoCommitOffHoldsNoLock() throws Exception {
        AppResult without = run(false, "idle", IMMEDIATE);
        assertTrue(without.get("app.writer").startsWith("error:[SQLITE_BUSY]"), "the driver's eager begin: " + without);

        AppResult with = run(true, "idle", IMMEDIATE);
        assertEquals("ok:1", with.get("app.writer"), with::toString);
        assertEquals("101", with.get("app.balance"), with::toString);
    }

    @Test
    void setReadOnlyWorksOnAnOpenConnectionAndItsTransactionsDoNotWaitForWriters() throws Exception {
        AppResult with = run(true, "read-only", IMMEDIATE);

        assertEquals("ok:done", with.get("app.set_read_only"), with::toString);
        assertTrue(with.get("app.write_when_read_only").startsWith("error:[SQLITE_READONLY]"), with::toString);
        assertEquals("ok:100", with.get("app.read_beside_writer"), "a read-only transaction begins DEFERRED: " + with);
        assertEquals("ok:done", with.get("app.set_read_write"), with::toString);
        assertEquals("ok:1", with.get("app.write_when_read_write"), with::toString);
        assertEquals("115", with.get("app.balance"), with::toString);
    }

    @Test
    void aBeginThatFailsLeavesTheConnectionConsistentForRollbackAndRetry() throws Exception {
        AppResult without = run(false, "begin-fails", IMMEDIATE);
        assertTrue(without.get("app.rollback").contains("no_transaction_is_active"), "sqlite-jdbc issue 683: " + without);

        AppResult with = run(true, "begin-fails", IMMEDIATE);
        assertEquals(0, with.exitStatus(), with::toString);
        assertTrue(with.get("app.first_update").startsWith("error:[SQLITE_BUSY]"), with::toString);
        assertEquals("false", with.get("app.auto_commit_after_failure"), with::toString);
        assertEquals("ok:done", with.get("app.rollback"), with::toString);
        assertEquals("ok:1", with.get("app.retry_update"), with::toString);
        assertEquals("ok:done", with.get("app.commit"), with::toString);
        assertEquals("101", with.get("app.balance"), "committed exactly once: " + with);
    }

    @Test
    void upgradeErrorsAreCountedAndExplainedOnce() throws Exception {
        // transaction_mode=DEFERRED: under the default IMMEDIATE the app's read would hold the write lock,
        // and its other connection's write, on the same thread, could only wait out busy_timeout.
        AppResult with = AppJvm.withAgent().agentArguments("audit.delay=0s,audit.interval=1s,transaction_mode=DEFERRED")
                .run(TransactionApp.class, dir.toString(), "upgrade", "");

        assertEquals("3", with.get("app.lock_errors_caught"), with::toString);
        assertEquals("3", with.get("jmx.lock_errors"), "JMX counts what the app caught: " + with);
        assertEquals("3", with.get("jmx.database_lock_errors"), with::toString);
        assertEquals("3", with.get("jmx.database_lock_errors_upgrade"), with::toString);
        assertTrue(with.agentLinesContaining("kind=sizes").get(0).contains(" lock_errors=3"), "the periodic audit line: " + with);
        assertEquals(1, with.agentLinesContaining("lock_error=upgrade").size(), with::toString);
        assertTrue(with.agentLinesContaining("lock_error=upgrade").get(0).contains("transaction_mode=IMMEDIATE (the agent's default"),
                with::toString);
    }

    /**
     * Spring's REQUIRES_NEW shape: the same thread opens a second transaction on a second connection while
     * its first one is open. Under the agent's IMMEDIATE default the outer transaction holds the write lock
     * from its first statement, and an IMMEDIATE inner begin would wait for a lock only this very thread can
     * release (the whole busy timeout, then "database is locked"). The inner one begins DEFERRED, as without
     * the agent, and the agent says why once: every step ends as without the agent.
     */
    @Test
    void aNestedTransactionOnASecondConnectionOfTheSameThreadEndsAsWithoutTheAgent() throws Exception {
        AppResult without = AppJvm.withoutAgent().run(NestedTransactionApp.class, "jdbc:sqlite:" + dir.resolve("plain.db"));
        AppResult with = AppJvm.withAgent().run(NestedTransactionApp.class, "jdbc:sqlite:" + dir.resolve("agent.db"));

        assertEquals(0, without.exitStatus(), without::toString);
        assertEquals("ok", without.get("app.outer.commit"), without::toString);
        assertEquals(0, with.exitStatus(), with::toString);
        assertEquals(without.section("app"), with.section("app"), with::toString);
        assertEquals(1, with.agentLinesContaining("began a transaction on a second connection").size(), with::toString);
    }
}
