package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.AuditApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent tunes, logs and audits the file the driver really opens, whatever the URL looks like. */
class FileNamesTest {

    @TempDir
    Path dir;

    @Test
    void parametersTheDriverKeepsInTheFileNameNameTheFileTheAgentTunesAndAudits() throws Exception {
        // sqlite-jdbc keeps parameters that are not pragmas in the file name, in reverse order.
        Path opened = dir.resolve("app.db?foo=bar&cache=private");

        AppResult result = AppJvm.withAgent().agentArguments("audit.delay=0s")
                .run(AuditApp.class, "jdbc:sqlite:" + dir.resolve("app.db") + "?cache=private&foo=bar", "--wait-ms", "1500");

        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(Files.isRegularFile(opened), "the driver's file");
        assertFalse(Files.exists(dir.resolve("app.db")), "no file the app did not open");
        List<String> tuned = result.agentLinesContaining("tuned db=");
        assertEquals(1, tuned.size(), result::toString);
        assertTrue(tuned.get(0).contains("tuned db=" + opened + " busy_timeout=5000 journal_mode=wal synchronous=1"), tuned.get(0));
        List<String> audits = result.agentLinesContaining("audit db=");
        assertEquals(1, audits.size(), result::toString);
        assertTrue(audits.get(0).contains("audit db=\"" + opened + "\" kind=first result=ok integrity=ok"), audits.get(0));
        assertEquals(List.of(), result.agentLinesContaining("WARN"), result::toString);
    }
}
