package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.ManyDatabasesApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A multi-tenant app with more databases than the audits keep: nothing is capped silently. */
class ManyDatabasesTest {

    @TempDir
    Path dir;

    @Test
    void pastTheCapEveryDatabaseStillGetsItsFirstAuditAndTheCapIsAnnouncedOnce() throws Exception {
        Path corrupt = Databases.createCorrupt(dir.resolve("corrupt.db"));

        AppResult result = AppJvm.withAgent().agentArguments("audit.delay=0s").timeout(Duration.ofMinutes(4))
                .run(ManyDatabasesApp.class, dir.toString(), "1100", "--open", corrupt.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("true", result.get("app.all_audited"), result::toString);
        assertEquals(1101, result.agentLinesContaining("kind=first").size(), "one first audit per database: " + result);
        List<String> corruptLines = result.agentLinesContaining("audit db=" + corrupt + " kind=first result=error integrity=corrupt");
        assertEquals(1, corruptLines.size(), "the 1,101st database, corrupt, is reported: " + result);
        assertEquals(1, result.agentLinesContaining("audit.max.databases (1000) reached").size(), result::toString);
        assertEquals("1000", result.get("jmx.Databases"), result::toString);
        assertEquals("1000", result.get("app.beans"), result::toString);
    }

    @Test
    void deletedDatabasesLeaveJmxAndAFileReplacedByTextIsReportedOnceNotAtEveryInterval() throws Exception {
        AppResult result = AppJvm.withAgent().agentArguments("audit.delay=0s,audit.interval=1s")
                .timeout(Duration.ofMinutes(3))
                .run(ManyDatabasesApp.class, dir.toString(), "5", "--delete", "2", "--replace", "1", "--audits-after", "3");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("5", result.get("app.beans"), result::toString);
        assertEquals("true", result.get("app.deleted_beans_gone"), result::toString);
        assertEquals("true", result.get("app.replaced_audited_again"), result::toString);
        assertEquals("3", result.get("app.beans_after"), "the replaced file's bean stays, the deleted ones go: " + result);
        for (String deleted : List.of("db-4.db", "db-5.db")) {
            List<String> gone = result.agentLinesContaining("audit db=" + dir.resolve(deleted) + " ");
            assertTrue(gone.get(gone.size() - 1).contains("stopped=\"the database file is gone"), gone.toString());
        }
        List<String> replaced = result.agentLinesContaining("db=" + dir.resolve("db-3.db") + " kind=sizes result=error");
        assertEquals(1, replaced.size(), "reported once, not at each of the 3+ audits since: " + result);
        assertTrue(replaced.get(0).contains("the file cannot be read as an SQLite database"), replaced.get(0));
    }
}
