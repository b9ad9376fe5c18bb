package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.LockHolderApp;
import io.github.sqlitepragmaagent.it.apps.WriteLockHolderApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "database is locked" names who holds the write lock: the holder's thread, how long it has held it,
 * its transaction's first statement and the app's frames of its current stack, once per holding
 * transaction; "another process" when no transaction of the JVM holds it. The app's own outcomes stay
 * those it gets without the agent. Ordered by latches in the app, never by a clock.
 */
class LockHolderTest {

    @TempDir
    Path dir;

    @Test
    void aLockErrorNamesTheHoldingThreadItsStatementAndItsMethodOnce() throws Exception {
        AppResult without = AppJvm.withoutAgent().run(WriteLockHolderApp.class, dir.resolve("plain.db").toString(), "in-jvm");
        AppResult with = AppJvm.withAgent().agentArguments("audit.delay=0s")
                .run(WriteLockHolderApp.class, dir.resolve("agent.db").toString(), "in-jvm");

        assertEquals("true", without.get("app.done"), without::toString);
        assertEquals("locked", without.get("app.write_1"), without::toString);
        assertEquals(without.section("app"), with.section("app"), with::toString);

        List<String> named = with.agentLinesContaining("lock_holder=thread");
        assertEquals(1, named.size(), "once per holding transaction, though two writes failed: " + with);
        String line = named.get(0);
        assertTrue(line.contains("thread 'main' met \"database is locked\""), line);
        assertTrue(line.contains("held by thread 'report-generator' for "), line);
        assertTrue(line.contains("first statement was: SELECT count(*) FROM sales"), line);
        assertTrue(line.contains("WriteLockHolderApp.slowMonthlyReport(WriteLockHolderApp.java:"), line);
        assertTrue(!line.contains("org.sqlite.") && !line.contains("java.util.concurrent"), "app frames only: " + line);

        // The report only read: its IMMEDIATE transaction held the write lock for nothing, counted and named once.
        assertEquals("1", with.get("jmx.read_only_immediate_commits"), with::toString);
        List<String> readOnly = with.agentLinesContaining("committed without writing");
        assertEquals(1, readOnly.size(), with::toString);
        assertTrue(readOnly.get(0).contains("SELECT count(*) FROM sales") && readOnly.get(0).contains("'report-generator'"),
                readOnly.get(0));
    }

    @Test
    void aBeginThatWaitsPastLockWaitReportNamesTheHolderWhileItWaits() throws Exception {
        // The app's waiting transaction can only begin once the agent's line is out: the holder ends on seeing it.
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false,lock.wait.report=200ms")
                .run(WriteLockHolderApp.class, dir.resolve("wait.db").toString(), "wait");

        assertEquals("ok", with.get("app.write_after_wait"), with::toString);
        List<String> named = with.agentLinesContaining("lock_holder=thread");
        assertEquals(1, named.size(), with::toString);
        String line = named.get(0);
        assertTrue(line.matches(".*thread 'main' has waited \\d+ ms to begin a transaction.*"), line);
        assertTrue(line.contains("held by thread 'report-generator'"), line);
        assertTrue(line.contains("first statement was: SELECT count(*) FROM sales"), line);
        assertTrue(line.contains("WriteLockHolderApp.slowMonthlyReport(WriteLockHolderApp.java:"), line);
    }

    @Test
    void aLockHeldByAnotherProcessIsSaidToBeOutsideThisJvm() throws Exception {
        Path db = dir.resolve("shared.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeQuery("PRAGMA journal_mode=WAL").close();
            s.executeUpdate("CREATE TABLE sales(month TEXT, amount INTEGER)");
        }
        Path release = dir.resolve("release");
        AppJvm.Running holder = AppJvm.withoutAgent().start(LockHolderApp.class, "jdbc:sqlite:" + db, release.toString());
        try {
            LockedDatabaseTest.awaitLocked(holder);
            AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                    .run(WriteLockHolderApp.class, db.toString(), "other-process", release.toString());

            assertEquals("locked", with.get("app.write_1"), with::toString);
            List<String> lines = with.agentLinesContaining("lock_holder=none_in_this_jvm");
            assertEquals(1, lines.size(), with::toString);
            assertTrue(lines.get(0).contains("another process holds it"), lines.get(0));
        } finally {
            holder.await();
        }
    }
}
