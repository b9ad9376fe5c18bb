package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.WriterQueueApp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writers.queue=true}: the writers of one JVM take turns at the write lock. Every row of concurrent
 * writers is committed; a holder that never commits still gives the others "database is locked" after their
 * busy timeout, exactly as without the agent (the line's wait ends at that timeout, never a hang); and
 * waiting writers park in the agent's line (not in SQLite's busy handler) and commit in the order they came.
 * Ordered by latches in the app ({@link WriterQueueApp}), never by a clock.
 */
class WriterQueueTest {

    @TempDir
    Path dir;

    @Test
    void writersOfOneJvmTakeTurnsCommitEveryRowAndAStuckHolderStillMeansLockedAsWithoutTheAgent() throws Exception {
        AppResult without = AppJvm.withoutAgent().timeout(Duration.ofSeconds(240))
                .run(WriterQueueApp.class, dir.resolve("plain.db").toString(), "writers,stuck");
        AppResult queued = AppJvm.withAgent().agentArguments("audit.enabled=false,writers.queue=true")
                .timeout(Duration.ofSeconds(240)).run(WriterQueueApp.class, dir.resolve("queued.db").toString(), "writers,stuck,line");

        for (AppResult result : new AppResult[] {without, queued}) {
            assertEquals(0, result.exitStatus(), result::toString);
            assertEquals("true", result.get("app.done"), result::toString);
            assertEquals("800", result.get("writers.rows"), "4 writers x 100 transactions x 2 rows: " + result);
            assertEquals("400", result.get("writers.transactions"), result::toString);
            assertEquals("[]", result.get("writers.failures"), result::toString);
        }
        // The holder never commits: the writer's wait (in line, then in SQLite) ends in "database is locked", as without the agent.
        assertEquals("locked", without.get("stuck.write_while_held"), without::toString);
        assertEquals(without.get("stuck.write_while_held"), queued.get("stuck.write_while_held"), queued::toString);
        assertEquals("ok", without.get("stuck.write_after"), without::toString);
        assertEquals(without.get("stuck.write_after"), queued.get("stuck.write_after"), queued::toString);

        // Each waiter parked in the agent's line, and they went in the order they came.
        assertEquals("true,true,true", queued.get("line.parked"), queued::toString);
        assertEquals("waiter-1,waiter-2,waiter-3", queued.get("line.committed"), queued::toString);
        assertEquals(3, queued.get("line.outcomes").split(",").length, queued::toString);
        assertTrue(queued.get("line.outcomes").matches("(waiter-\\d:ok,){2}waiter-\\d:ok"), queued::toString);
        assertTrue(queued.agentLinesContaining("writers.queue is off").isEmpty(), queued::toString);
        assertTrue(queued.agentLinesContaining("unknown").isEmpty(), "a key the agent knows: " + queued);
    }

    @Test
    void withoutTheKeyWaitersPollInSqlitesBusyHandlerAsBefore() throws Exception {
        AppResult polling = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .timeout(Duration.ofSeconds(240)).run(WriterQueueApp.class, dir.resolve("polling.db").toString(), "stuck,line");

        assertEquals("true", polling.get("app.done"), polling::toString);
        assertEquals("locked", polling.get("stuck.write_while_held"), polling::toString);
        assertEquals("false,false,false", polling.get("line.parked"), "the control: a thread in SQLite's busy wait is RUNNABLE: " + polling);
        assertTrue(polling.get("line.outcomes").matches("(waiter-\\d:ok,){2}waiter-\\d:ok"), polling::toString);
    }
}
