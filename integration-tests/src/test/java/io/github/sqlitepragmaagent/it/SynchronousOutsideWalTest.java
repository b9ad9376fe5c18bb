package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.MultiApp;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synchronous=NORMAL is corruption-safe only in WAL: the agent's default goes only where WAL is on. */
class SynchronousOutsideWalTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseLeftOutOfWalKeepsTheDriversFullSynchronous() throws Exception {
        Path db = dir.resolve("kept.db");

        AppResult result = AppJvm.withAgent().agentArguments("journal_mode=keep").run(OpenApp.class, "--url", "jdbc:sqlite:" + db);

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("delete", result.get("app.journal_mode"), result::toString);
        assertEquals("2", result.get("app.synchronous"), "the driver's FULL: " + result);
        assertEquals("1", result.get("app.foreign_keys"), "the rest is applied: " + result);
        List<String> tuned = result.agentLinesContaining("tuned db=" + db);
        assertEquals(1, tuned.size(), result::toString);
        assertTrue(tuned.get(0).endsWith(" skipped_synchronous=\"journal_mode=delete, NORMAL is safe only in WAL\""), tuned.get(0));
        assertEquals(List.of(), result.agentLinesContaining("WARN"), result::toString);
    }

    @Test
    void aDatabaseOnANetworkFilesystemKeepsFullAndALocalOneInWalGetsNormal() throws Exception {
        Files.createDirectories(dir.resolve("nfs"));
        Path mountinfo = Files.writeString(dir.resolve("mountinfo"),
                "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n35 22 0:31 / " + dir.resolve("nfs") + " rw - nfs4 server:/export rw\n");

        AppResult result = AppJvm.withAgent().jvmOption("-Dsqlite.pragma.agent.mountinfo=" + mountinfo)
                .run(MultiApp.class, "0", "jdbc:sqlite:" + dir.resolve("nfs/app.db"), "jdbc:sqlite:" + dir.resolve("local.db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("delete", result.get("db1.journal_mode"), result::toString);
        assertEquals("2", result.get("db1.synchronous"), result::toString);
        assertEquals("wal", result.get("db2.journal_mode"), result::toString);
        assertEquals("1", result.get("db2.synchronous"), result::toString);
    }

    @Test
    void aSynchronousTheOperatorConfiguredIsAppliedWithOneWarningWhenTheDatabaseIsNotInWal() throws Exception {
        Path db = dir.resolve("chosen.db");

        AppResult result = AppJvm.withAgent().agentArguments("journal_mode=keep,synchronous=NORMAL")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + db, "--connections", "5");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("1", result.get("app.synchronous"), "as configured: " + result);
        List<String> warnings = result.agentLinesContaining("WARN");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("db=" + db + " is not in WAL (journal_mode=delete): synchronous=NORMAL from agent"
                + " argument is applied as configured"), warnings.get(0));
    }
}
