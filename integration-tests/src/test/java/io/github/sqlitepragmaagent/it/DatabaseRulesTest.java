package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.MultiApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-database rules, and the network filesystem guard with an injected mount table. */
class DatabaseRulesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstMatchingRuleSetsItsPragmasOrLeavesTheDatabaseAlone() throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("shared"));
        String rules = "audit.delay=0s,rule.1.match=" + dir + "/cache/*.db,rule.1.synchronous=OFF,rule.1.foreign_keys=keep,"
                + "rule.2.match=" + dir + "/shared/**,rule.2.exclude=true,rule.3.match=" + dir + "/**,rule.3.cache_size=-3000";

        AppResult result = AppJvm.withAgent().agentArguments(rules).run(MultiApp.class, "1500",
                "jdbc:sqlite:" + dir.resolve("cache/c.db"), "jdbc:sqlite:" + dir.resolve("shared/s.db"),
                "jdbc:sqlite:" + dir.resolve("main.db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("0", result.get("db1.synchronous"), "rule 1: " + result);
        assertEquals("0", result.get("db1.foreign_keys"), "rule 1 keeps foreign keys untouched");
        assertEquals("-20000", result.get("db1.cache_size"), "rule 1 matched first, so rule 3 does not apply");
        assertEquals("wal", result.get("db1.journal_mode"));
        assertEquals(ConnectionPathsTest.DRIVER_DEFAULTS, result.section("db2"), "rule 2 excludes: " + result);
        assertEquals("-3000", result.get("db3.cache_size"), "rule 3: " + result);
        assertEquals("1", result.get("db3.synchronous"));
        assertEquals(1, result.agentLinesContaining("db=" + dir.resolve("shared/s.db") + " left alone: excluded by rule.2").size(),
                result::toString);
        assertTrue(result.agentLinesContaining("tuned db=" + dir.resolve("cache/c.db")).get(0).endsWith(" rule=1"), result::toString);
        assertEquals(List.of(), result.agentLinesContaining("audit db=" + dir.resolve("shared/s.db")), "excluded: not audited");
        assertEquals(1, result.agentLinesContaining("audit db=" + dir.resolve("main.db")).size(), result::toString);
    }

    @Test
    void aDatabaseOnANetworkFilesystemIsNotSwitchedToWal() throws Exception {
        Path mountinfo = Files.writeString(dir.resolve("mountinfo"),
                "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n35 22 0:31 / " + dir.resolve("nfs") + " rw - nfs4 server:/export rw\n");
        Files.createDirectories(dir.resolve("nfs"));
        String url = "jdbc:sqlite:" + dir.resolve("nfs/app.db");
        String local = "jdbc:sqlite:" + dir.resolve("local.db");

        AppResult guarded = AppJvm.withAgent().jvmOption("-Dsqlite.pragma.agent.mountinfo=" + mountinfo)
                .run(MultiApp.class, "0", url, url, local);

        assertEquals(0, guarded.exitStatus(), guarded::toString);
        assertEquals("delete", guarded.get("db1.journal_mode"), guarded::toString);
        assertEquals("5000", guarded.get("db1.busy_timeout"), "the rest is applied: " + guarded);
        assertEquals("wal", guarded.get("db3.journal_mode"), "a local file still gets WAL: " + guarded);
        List<String> warnings = guarded.agentLinesContaining("is on a network filesystem");
        assertEquals(1, warnings.size(), "once per database: " + guarded);
        assertTrue(warnings.get(0).contains("(nfs4 mounted at " + dir.resolve("nfs") + "): journal_mode is left as it is"),
                warnings.get(0));

        AppResult allowed = AppJvm.withAgent().agentArguments("wal.network=allow")
                .jvmOption("-Dsqlite.pragma.agent.mountinfo=" + mountinfo).run(MultiApp.class, "0", url);
        assertEquals("wal", allowed.get("db1.journal_mode"), allowed::toString);
        assertEquals(List.of(), allowed.agentLinesContaining("network filesystem"), allowed::toString);
    }
}
