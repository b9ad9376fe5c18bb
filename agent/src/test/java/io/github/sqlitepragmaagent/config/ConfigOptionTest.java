package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The option model: one catalog, typed values, one boolean reading, defaults that parse. */
class ConfigOptionTest {

    private static final Map<String, String> NONE = Map.of();

    private static List<ConfigOption<?>> everyKey() {
        List<ConfigOption<?>> all = new ArrayList<>(AgentOptions.all());
        PragmaCatalog.all().forEach(spec -> all.add(spec.option()));
        return all;
    }

    @Test
    void everyKeyIsDocumentedAndItsDefaultParses() {
        for (ConfigOption<?> option : everyKey()) {
            assertTrue(option.key().matches("[a-z_]+(\\.[a-z_]+)*"), option.key());
            assertFalse(option.description().isBlank(), option.key());
            assertFalse(option.allowed().isBlank(), option.key());
            assertFalse(option.description().contains("|") || option.allowed().contains("\n"), option.key());
            if (option.defaultText() != null) {
                assertDoesNotThrow(option::defaultValue, option.key());
            }
        }
    }

    @Test
    void keysAndTheirEnvironmentNamesAreUnique() {
        Set<String> keys = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (ConfigOption<?> option : everyKey()) {
            assertTrue(keys.add(option.key()), "twice: " + option.key());
            assertTrue(variables.add(ConfigSource.environmentName(option.key())), "same variable: " + option.key());
        }
    }

    @Test
    void oneBooleanReadingForEverySwitch() {
        for (String yes : List.of("true", "TRUE", "on", "On", "yes", "1", " yes ")) {
            assertEquals(Boolean.TRUE, BooleanWords.parse(yes), yes);
            assertTrue(AgentOptions.OVERRIDE.parse(yes), yes);
            assertEquals("ON", PragmaCatalog.byName("foreign_keys").parse(yes).sqlLiteral(), yes);
            assertEquals("65538", PragmaCatalog.byName("optimize").parse(yes).sqlLiteral(), yes);
        }
        for (String no : List.of("false", "Off", "NO", "0")) {
            assertEquals(Boolean.FALSE, BooleanWords.parse(no), no);
            assertFalse(AgentOptions.OVERRIDE.parse(no), no);
            assertEquals("OFF", PragmaCatalog.byName("foreign_keys").parse(no).sqlLiteral(), no);
            assertNull(PragmaCatalog.byName("optimize").parse(no), no + " runs no optimize");
        }
        for (String neither : List.of("", "maybe", "2", "y", "enabled", "ｏｎ")) {
            assertNull(BooleanWords.parse(neither), neither);
            assertThrows(IllegalArgumentException.class, () -> AgentOptions.OVERRIDE.parse(neither), neither);
        }
        assertNull(BooleanWords.parse(null));
    }

    @Test
    void enumeratedValuesAreEnumsReadInAnyCase() {
        assertEquals(LogLevel.WARN, AgentOptions.LOG_LEVEL.parse("Warn"));
        assertEquals(AuditIntegrity.OFF, AgentOptions.AUDIT_INTEGRITY.parse("OFF"));
        assertEquals(WalNetwork.ALLOW, AgentOptions.WAL_NETWORK.parse(" allow "));
        assertEquals("trace, debug, info, warn, error, off", AgentOptions.LOG_LEVEL.allowed());
        assertEquals("quick, full, off", AgentOptions.AUDIT_INTEGRITY.allowed());
        assertEquals("refuse, allow", AgentOptions.WAL_NETWORK.allowed());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.AUDIT_INTEGRITY.parse("thorough"));
        assertEquals("quick, full, off", refused.getMessage());
    }

    @Test
    void valuesComeBackTyped() {
        AgentConfig config = ConfigLoader.load("log.level=error,audit.integrity=off,wal.network=ALLOW,audit.delay=2m",
                NONE, NONE).config();

        assertEquals(LogLevel.ERROR, config.logLevel());
        assertEquals(AuditIntegrity.OFF, config.auditIntegrity());
        assertTrue(config.walOnNetworkFilesystems());
        assertEquals(120_000L, config.auditDelayMillis());
    }

    @Test
    void aDurationTooLongForMillisecondsIsAnErrorNamingKeyAndValue() {
        LoadedConfig loaded = ConfigLoader.load("audit.interval=106751991167301d", NONE, NONE);

        assertFalse(loaded.valid());
        assertEquals(List.of("audit.interval='106751991167301d' from agent argument is not allowed; allowed: a duration"
                + " such as 30s, 5m, 1h, 2d, or off"), loaded.problems().stream().map(ConfigProblem::message).toList());
        assertEquals(3_600_000L, loaded.config().auditIntervalMillis(), "the default stays in place");
        assertEquals(106_751_991_167L * 86_400_000L,
                ConfigLoader.load("audit.interval=106751991167d", NONE, NONE).config().auditIntervalMillis(),
                "the longest whole number of days still fits");
        for (String tooLong : List.of("audit.delay=153722867280913m", "audit.integrity.timeout=2562047788015216h",
                "audit.integrity.interval=9223372036854776s")) {
            assertFalse(ConfigLoader.load(tooLong, NONE, NONE).valid(), tooLong);
        }
    }

    @Test
    void aPragmaAcceptsKeepAndSaysSo() {
        PragmaSpec journalMode = PragmaCatalog.byName("journal_mode");

        assertNull(journalMode.parse("KEEP"));
        assertEquals("WAL, DELETE, TRUNCATE, PERSIST, MEMORY, OFF, or keep (leave it untouched)",
                journalMode.option().allowed());
        assertEquals("WAL", journalMode.option().defaultText());
        assertTrue(journalMode.option().inRules());
        assertFalse(AgentOptions.LOG_LEVEL.inRules());
    }
}
