package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseRuleTest {

    private static final Map<String, String> NONE = Map.of();

    private static List<String> names(List<PragmaSetting> settings) {
        return settings.stream().map(PragmaSetting::toString).toList();
    }

    @Test
    void theFirstMatchingRuleInNumberOrderApplies() {
        AgentConfig config = ConfigLoader.load("rule.2.match=/srv/**,rule.2.cache_size=-100,"
                + "rule.1.match=/srv/cache/*.db,rule.1.synchronous=OFF,rule.1.foreign_keys=keep,rule.1.mmap_size=1048576",
                NONE, NONE).config();

        assertEquals(1, config.ruleFor("/srv/cache/c.db").number());
        assertEquals(2, config.ruleFor("/srv/cache/deeper/c.db").number());
        assertEquals(2, config.ruleFor("/srv/app.db").number());
        assertNull(config.ruleFor("/var/app.db"));
        assertEquals(List.of("busy_timeout=5000", "journal_mode=WAL", "synchronous=OFF", "cache_size=-20000",
                "temp_store=MEMORY", "journal_size_limit=67108864", "mmap_size=1048576"), names(config.pragmasFor(config.ruleFor("/srv/cache/c.db"))));
        assertEquals(List.of("busy_timeout=5000", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-100",
                "foreign_keys=ON", "temp_store=MEMORY","journal_size_limit=67108864"), names(config.pragmasFor(config.ruleFor("/srv/app.db"))));
        assertEquals(config.pragmas(), config.pragmasFor(null));
    }

    @Test
    void excludeLeavesADatabaseAlone() {
        AgentConfig config = ConfigLoader.load("rule.1.match=/mnt/share/**,rule.1.exclude=true", NONE, NONE).config();

        assertTrue(config.ruleFor("/mnt/share/a/b.db").exclude());
        assertFalse(ConfigLoader.load("rule.1.match=/x/*,rule.1.exclude=no", NONE, NONE).config().ruleFor("/x/a").exclude());
    }

    @Test
    void rulesComeFromEveryPlaceKeysDo() {
        LoadedConfig loaded = ConfigLoader.load(null, Map.of("sqlite.agent.rule.3.match", "/data/*.db"),
                Map.of("SQLITE_AGENT_RULE_3_JOURNAL_MODE", "DELETE", "SQLITE_AGENT_RULE_3_EXCLUDE", "false"));

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals(List.of("busy_timeout=5000", "journal_mode=DELETE", "synchronous=NORMAL", "cache_size=-20000",
                "foreign_keys=ON", "temp_store=MEMORY","journal_size_limit=67108864"), names(loaded.config().pragmasFor(loaded.config().ruleFor("/data/a.db"))));
        assertTrue(loaded.config().describe().contains("rule.3.journal_mode=DELETE (environment SQLITE_AGENT_RULE_3_JOURNAL_MODE)"),
                loaded.config().describe());
    }

    @Test
    void brokenRulesAreRefusedByName() {
        Map<String, String> cases = Map.of(
                "rule.1.synchronous=OFF", "rule.1 has no rule.1.match",
                "rule.1.match=cache/*.db", "rule.1.match='cache/*.db' from agent argument is not allowed; allowed: an absolute path glob",
                "rule.1.match=/a/{b", "rule.1.match='/a/{b' from agent argument is not allowed; allowed: a valid glob",
                "rule.1.match=/a/*,rule.1.synchronous=SOMETIMES", "rule.1.synchronous='SOMETIMES' from agent argument is not allowed",
                "rule.1.match=/a/*,rule.1.exclude=perhaps", "rule.1.exclude='perhaps' from agent argument is not allowed");
        cases.forEach((arguments, expected) -> {
            LoadedConfig loaded = ConfigLoader.load(arguments, NONE, NONE);
            assertEquals(1, loaded.problems().size(), arguments + ": " + loaded.problems());
            assertTrue(loaded.problems().get(0).message().startsWith(expected), arguments + ": " + loaded.problems());
        });
    }

    @Test
    void unknownRuleKeysAreIgnoredByName() {
        Map<String, String> cases = Map.of(
                "rule.1.match=/a/*,rule.1.cache=5", "unknown key 'rule.1.cache' from agent argument",
                "rule.1.match=/a/*,rule.1.synchronus=OFF",
                "unknown key 'rule.1.synchronus' from agent argument (did you mean 'rule.1.synchronous'?)",
                "rule.1.match=/a/*,rule.1.mach=/b/*", "unknown key 'rule.1.mach' from agent argument (did you mean 'rule.1.match'?)",
                "rule.1.match=/a/*,rule.x.match=/a/*", "rule key 'rule.x.match' from agent argument is not rule.N.match");
        cases.forEach((arguments, expected) -> {
            LoadedConfig loaded = ConfigLoader.load(arguments, NONE, NONE);
            assertTrue(loaded.valid(), arguments + ": " + loaded.problems());
            assertEquals(1, loaded.unknownKeys().size(), arguments + ": " + loaded.unknownKeys());
            assertTrue(loaded.unknownKeys().get(0).message().startsWith(expected), arguments + ": " + loaded.unknownKeys());
            assertEquals(1, loaded.config().ruleFor("/a/x").number(), "the rule itself still applies");
        });
    }

    @Test
    void walNetworkIsRefuseOrAllow() {
        assertFalse(ConfigLoader.load(null, NONE, NONE).config().walOnNetworkFilesystems());
        assertTrue(ConfigLoader.load("wal.network=allow", NONE, NONE).config().walOnNetworkFilesystems());
        assertFalse(ConfigLoader.load("wal.network=maybe", NONE, NONE).valid());
    }
}
