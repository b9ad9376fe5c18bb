package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** backup.dir, backup.interval and backup.keep: off by default, global, and per rule (rule.N.backup.*). */
class BackupConfigTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void backupsAreOffByDefault() {
        AgentConfig config = ConfigLoader.load(null, NONE, NONE).config();

        assertNull(config.backupDir("/srv/app.db"));
        assertEquals(24 * 3600_000L, config.backupIntervalMillis("/srv/app.db"));
        assertEquals(7, config.backupKeep("/srv/app.db"));
    }

    @Test
    void aRuleSetsItsDatabasesOwnBackupsOverTheGlobalOnes() {
        LoadedConfig loaded = ConfigLoader.load("backup.dir=/var/backups/all,backup.interval=6h,"
                + "rule.1.match=/srv/big/*.db,rule.1.backup.dir=/var/backups/big,rule.1.backup.keep=2,"
                + "rule.2.match=/srv/cache/*.db,rule.2.backup.interval=1m,rule.3.match=/tmp/**,rule.3.backup.dir=off", NONE, NONE);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        AgentConfig config = loaded.config();
        assertEquals("/var/backups/big", config.backupDir("/srv/big/a.db"));
        assertEquals(2, config.backupKeep("/srv/big/a.db"));
        assertEquals(6 * 3600_000L, config.backupIntervalMillis("/srv/big/a.db"), "the global interval where the rule sets none");
        assertEquals("/var/backups/all", config.backupDir("/srv/cache/c.db"));
        assertEquals(60_000L, config.backupIntervalMillis("/srv/cache/c.db"));
        assertEquals(7, config.backupKeep("/srv/app.db"));
        assertNull(config.backupDir("/tmp/scratch.db"), "rule.3.backup.dir=off leaves its databases out");
        assertTrue(config.describe().contains("rule.1.backup.dir=/var/backups/big (agent argument)"), config.describe());
    }

    @Test
    void ruleBackupKeysComeFromTheEnvironmentToo() {
        LoadedConfig loaded = ConfigLoader.load(null, NONE, Map.of("SQLITE_AGENT_RULE_4_MATCH", "/data/*.db",
                "SQLITE_AGENT_RULE_4_BACKUP_DIR", "/var/backups/data", "SQLITE_AGENT_BACKUP_KEEP", "3"));

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals("/var/backups/data", loaded.config().backupDir("/data/a.db"));
        assertEquals(3, loaded.config().backupKeep("/data/a.db"));
    }

    @Test
    void badBackupValuesAreRefusedByName() {
        LoadedConfig interval = ConfigLoader.load("backup.interval=10ms", NONE, NONE);
        assertFalse(interval.valid());
        assertTrue(interval.problems().get(0).message().contains("backup.interval"), interval.problems()::toString);
        LoadedConfig keep = ConfigLoader.load("rule.1.match=/x/*.db,rule.1.backup.keep=0", NONE, NONE);
        assertFalse(keep.valid());
        assertTrue(keep.problems().get(0).message().contains("rule.1.backup.keep"), keep.problems()::toString);
        LoadedConfig unknown = ConfigLoader.load("rule.1.match=/x/*.db,rule.1.backup.dri=/b", NONE, NONE);
        assertTrue(unknown.unknownKeys().toString().contains("rule.1.backup.dri"), unknown.unknownKeys()::toString);
    }
}
