package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.LockHolderApp;
import io.github.sqlitepragmaagent.it.apps.LockedOpenApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holds a database locked: the agent's tuning waits one busy timeout in all, not
 * one per pragma, says what it could not apply, and a later connection gets everything.
 */
class LockedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theOpenWaitsOneBusyTimeoutAndALaterConnectionIsFullyTuned() throws Exception {
        Path db = Databases.create(dir.resolve("locked.db"), "delete");
        Path release = dir.resolve("release");
        AppJvm.Running holder = AppJvm.withoutAgent().start(LockHolderApp.class, "jdbc:sqlite:" + db, release.toString());
        awaitLocked(holder);

        AppResult result = AppJvm.withAgent()
                .run(LockedOpenApp.class, "jdbc:sqlite:" + db + "?busy_timeout=1000", release.toString());
        AppResult holderResult = holder.await();

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(0, holderResult.exitStatus(), holderResult::toString);
        // Without a deadline every pragma and read-back waits the whole timeout (~7 s here); with it
        // about one. The bound is far from both, so machine speed does not decide the outcome.
        long openMillis = Long.parseLong(result.get("locked.open_ms"));
        assertTrue(openMillis < 3 * 1000, "the locked open took " + openMillis + " ms: " + result);
        assertEquals("1000", result.get("locked.busy_timeout"), "the app's own busy timeout is back: " + result);
        List<String> warnings = result.agentLinesContaining("WARN");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("db=" + db + " could not apply journal_mode=WAL, cache_size=-20000: the database is"
                + " locked by another connection"), warnings.get(0));

        assertEquals("wal", result.get("later.journal_mode"), result::toString);
        assertEquals("1", result.get("later.synchronous"), result::toString);
        assertEquals("-20000", result.get("later.cache_size"), result::toString);
        assertEquals("1", result.get("later.foreign_keys"), result::toString);
        assertEquals("1000", result.get("later.busy_timeout"), result::toString);
        assertEquals("2", result.get("later.temp_store"), result::toString);
        List<String> tuned = result.agentLinesContaining("tuned db=" + db);
        assertEquals(1, tuned.size(), "described once, when fully tuned: " + result);
        assertTrue(tuned.get(0).contains("journal_mode=wal synchronous=1 cache_size=-20000"), tuned.get(0));
        assertEquals(1, Databases.rows(db, "held"), "the other process's commit is intact");
        System.out.println("locked open with busy_timeout=1000 on Java " + result.get("jvm.version") + ": " + openMillis + " ms");
    }

    static void awaitLocked(AppJvm.Running holder) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!holder.stdoutSoFar().contains("locked=true")) {
            assertTrue(System.currentTimeMillis() < deadline, "the lock holder did not take its lock");
            Thread.sleep(20);
        }
    }
}
