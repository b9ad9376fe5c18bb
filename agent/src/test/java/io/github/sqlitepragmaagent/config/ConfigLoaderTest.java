package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Map<String, String> NONE = Map.of();

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheSixProductionPragmasInApplyOrder() {
        LoadedConfig loaded = ConfigLoader.load(null, NONE, NONE);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals(List.of("busy_timeout=5000", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-20000",
                "foreign_keys=ON", "temp_store=MEMORY","journal_size_limit=67108864"), names(loaded.config().pragmas()));
        assertTrue(loaded.config().enabled());
        assertFalse(loaded.config().override());
        assertFalse(loaded.config().strict());
        assertEquals(LogLevel.INFO, loaded.config().logLevel());
    }

    @Test
    void agentArgumentsSetAndAddPragmas() {
        LoadedConfig loaded = ConfigLoader.load(
                " cache_size=-64000 , journal_size_limit=67108864,trusted_schema=off,optimize=on", NONE, NONE);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals(List.of("busy_timeout=5000", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-64000",
                "foreign_keys=ON", "temp_store=MEMORY", "journal_size_limit=67108864", "trusted_schema=OFF",
                "optimize=65538"), names(loaded.config().pragmas()));
        assertEquals(ConfigSource.AGENT_ARGUMENT, loaded.config().effective().get("cache_size").source());
    }

    @Test
    void keepLeavesADefaultUntouched() {
        LoadedConfig loaded = ConfigLoader.load("foreign_keys=keep,journal_mode=KEEP", NONE, NONE);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals(List.of("busy_timeout=5000", "synchronous=NORMAL", "cache_size=-20000", "temp_store=MEMORY","journal_size_limit=67108864"),
                names(loaded.config().pragmas()));
        assertEquals("keep", loaded.config().effective().get("foreign_keys").value());
    }

    @Test
    void precedenceIsArgumentThenPropertyThenEnvironmentThenFileThenDefault() throws IOException {
        Path file = write("agent.properties", "cache_size=-1000\nsynchronous=FULL\ntemp_store=FILE\nbusy_timeout=1000\n");
        Map<String, String> properties = Map.of(
                "sqlite.agent.config", file.toString(),
                "sqlite.agent.cache_size", "-2000",
                "sqlite.agent.synchronous", "EXTRA");
        Map<String, String> environment = Map.of(
                "SQLITE_AGENT_CACHE_SIZE", "-3000",
                "SQLITE_AGENT_SYNCHRONOUS", "OFF",
                "SQLITE_AGENT_TEMP_STORE", "DEFAULT");

        LoadedConfig loaded = ConfigLoader.load("cache_size=-4000", properties, environment);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        Map<String, SourcedValue> effective = loaded.config().effective();
        assertEquals("-4000", effective.get("cache_size").value());
        assertEquals(ConfigSource.AGENT_ARGUMENT, effective.get("cache_size").source());
        assertEquals("EXTRA", effective.get("synchronous").value());
        assertEquals("-Dsqlite.agent.synchronous", effective.get("synchronous").origin());
        assertEquals("DEFAULT", effective.get("temp_store").value());
        assertEquals("environment SQLITE_AGENT_TEMP_STORE", effective.get("temp_store").origin());
        assertEquals("1000", effective.get("busy_timeout").value());
        assertEquals(ConfigSource.FILE, effective.get("busy_timeout").source());
        assertEquals("WAL", effective.get("journal_mode").value());
        assertEquals(ConfigSource.DEFAULT, effective.get("journal_mode").source());
    }

    @Test
    void environmentNamesMapDotsToUnderscores() {
        LoadedConfig loaded = ConfigLoader.load(null, NONE, Map.of("SQLITE_AGENT_LOG_LEVEL", "debug"));

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals(LogLevel.DEBUG, loaded.config().logLevel());
        assertEquals("environment SQLITE_AGENT_LOG_LEVEL", loaded.config().effective().get("log.level").origin());
    }

    @Test
    void theConfigFileMayBeNamedByTheEnvironmentAndMayUseThePropertyPrefix() throws IOException {
        Path file = write("agent.properties", "sqlite.agent.mmap_size=268435456\n");

        LoadedConfig loaded = ConfigLoader.load(null, NONE, Map.of("SQLITE_AGENT_CONFIG", file.toString()));

        assertTrue(loaded.valid(), loaded.problems()::toString);
        assertEquals("268435456", loaded.config().effective().get("mmap_size").value());
        assertEquals("file " + file, loaded.config().effective().get("mmap_size").origin());
    }

    @Test
    void valuesAreCanonicalisedFromWordsAndNumbers() {
        LoadedConfig loaded = ConfigLoader.load(
                "synchronous=1,temp_store=2,foreign_keys=yes,journal_mode=wal,secure_delete=fast", NONE, NONE);

        assertTrue(loaded.valid(), loaded.problems()::toString);
        Map<String, PragmaSetting> byName = byName(loaded.config().pragmas());
        assertEquals("NORMAL", byName.get("synchronous").value().sqlLiteral());
        assertEquals("1", byName.get("synchronous").value().expectedReadBack());
        assertEquals("MEMORY", byName.get("temp_store").value().sqlLiteral());
        assertEquals("ON", byName.get("foreign_keys").value().sqlLiteral());
        assertEquals("1", byName.get("foreign_keys").value().expectedReadBack());
        assertEquals("WAL", byName.get("journal_mode").value().sqlLiteral());
        assertEquals("wal", byName.get("journal_mode").value().expectedReadBack());
        assertEquals("FAST", byName.get("secure_delete").value().sqlLiteral());
        assertEquals("2", byName.get("secure_delete").value().expectedReadBack());
    }

    @Test
    void aBadValueIsOneLineNamingKeyValueSourceAndWhatIsAllowed() {
        LoadedConfig loaded = ConfigLoader.load("journal_mode=WAL; DROP TABLE t", NONE, NONE);

        assertFalse(loaded.valid());
        assertEquals(List.of("journal_mode='WAL; DROP TABLE t' from agent argument is not allowed; allowed: WAL, DELETE,"
                + " TRUNCATE, PERSIST, MEMORY, OFF, or keep (leave it untouched)"), messages(loaded));
    }

    @Test
    void numbersOutOfRangeOrNotNumbersAreRefused() {
        for (String bad : List.of("busy_timeout=-1", "busy_timeout=2147483648", "cache_size=1e3", "cache_size=0x10",
                "mmap_size=-5", "threads=65", "cache_size=", "cache_size=--1", "cache_size=+")) {
            LoadedConfig loaded = ConfigLoader.load(bad, NONE, NONE);
            assertFalse(loaded.valid(), bad);
            assertEquals(1, loaded.problems().size(), bad);
            assertTrue(loaded.problems().get(0).message().contains("a whole number from"), loaded.problems()::toString);
        }
    }

    @Test
    void anUnknownKeyIsIgnoredWithASuggestion() {
        LoadedConfig loaded = ConfigLoader.load("jornal_mode=DELETE,cache_size=-100", NONE, NONE);

        assertTrue(loaded.valid(), "an unknown key does not stop the rest from applying");
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("unknown key 'jornal_mode' from agent argument (did you mean 'journal_mode'?);"
                + " see the README's configuration reference"), messages(loaded.unknownKeys()));
        assertEquals("WAL", byName(loaded.config().pragmas()).get("journal_mode").value().sqlLiteral());
        assertEquals("-100", byName(loaded.config().pragmas()).get("cache_size").value().sqlLiteral());
        assertFalse(loaded.refusedByStrict());
        assertTrue(ConfigLoader.load("jornal_mode=DELETE,strict=true", NONE, NONE).refusedByStrict());
    }

    @Test
    void unknownPropertiesAndVariablesUnderTheAgentPrefixAreIgnoredByName() {
        LoadedConfig loaded = ConfigLoader.load(null, Map.of("sqlite.agent.cache-size", "1"),
                Map.of("SQLITE_AGENT_NOPE", "1", "OTHER_VARIABLE", "x"));

        assertTrue(loaded.valid());
        assertEquals(2, loaded.unknownKeys().size(), loaded.unknownKeys()::toString);
        List<String> messages = messages(loaded.unknownKeys());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("unknown key 'cache-size' from -Dsqlite.agent.cache-size"
                + " (did you mean 'cache_size'?)")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("unknown key 'nope' from environment SQLITE_AGENT_NOPE")),
                messages::toString);
    }

    @Test
    void anInvalidValueStillMakesTheWholeConfigurationInvalidNextToAnUnknownKey() {
        LoadedConfig loaded = ConfigLoader.load("nope=1,cache_size=lots", NONE, NONE);

        assertFalse(loaded.valid());
        assertEquals(1, loaded.problems().size());
        assertEquals(1, loaded.unknownKeys().size());
        assertTrue(loaded.all().get(0).message().startsWith("cache_size='lots'"), "invalid values come first");
    }

    @Test
    void aMalformedArgumentPieceIsRefused() {
        LoadedConfig loaded = ConfigLoader.load("cache_size=-100,verbose", NONE, NONE);

        assertEquals(List.of("agent argument piece 'verbose' is not key=value;"
                + " write -javaagent:sqlite-pragma-agent.jar=key=value,key=value"), messages(loaded));
    }

    @Test
    void aMissingConfigFileIsRefusedByName() {
        LoadedConfig loaded = ConfigLoader.load("config=" + dir.resolve("nope.properties"), NONE, NONE);

        assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
        assertTrue(messages(loaded).get(0).startsWith("config file '" + dir.resolve("nope.properties") + "' from agent argument"
                + " cannot be read"), messages(loaded)::toString);
    }

    @Test
    void aConfigFileCannotNameAnother() throws IOException {
        Path file = write("a.properties", "config=/etc/other.properties\n");

        LoadedConfig loaded = ConfigLoader.load("config=" + file, NONE, NONE);

        assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
        assertTrue(messages(loaded).get(0).contains("cannot include another"), messages(loaded)::toString);
    }

    @Test
    void switchesAcceptTheUsualSpellingsAndRefuseOthers() {
        assertTrue(ConfigLoader.load("override=yes,strict=1,enabled=ON", NONE, NONE).config().override());
        LoadedConfig bad = ConfigLoader.load("override=maybe", NONE, NONE);
        assertEquals(List.of("override='maybe' from agent argument is not allowed; allowed: true or false"
                + " (also on/off, yes/no, 1/0)"), messages(bad));
        assertFalse(bad.config().override(), "an invalid switch falls back to its default");
    }

    @Test
    void strictIsKnownEvenWhenSomethingElseIsInvalid() {
        LoadedConfig loaded = ConfigLoader.load("strict=true,cache_size=big", NONE, NONE);

        assertFalse(loaded.valid());
        assertTrue(loaded.config().strict());
    }

    @Test
    void logLevelsAreWholeWordsOnly() {
        assertTrue(ConfigLoader.load("log.level=WARN", NONE, NONE).valid());
        assertFalse(ConfigLoader.load("log.level=deb", NONE, NONE).valid());
        assertFalse(ConfigLoader.load("log.level=info,debug", NONE, NONE).valid());
    }

    @Test
    void controlCharactersAndLongValuesStayOnOneShortLine() {
        String hostile = "WAL\n[INFO] forged line" + "x".repeat(500);
        Map<String, String> properties = new HashMap<>();
        properties.put("sqlite.agent.journal_mode", hostile);

        LoadedConfig loaded = ConfigLoader.load(null, properties, NONE);

        String message = messages(loaded).get(0);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("\\u000a[INFO] forged line"), message);
        assertTrue(message.contains("...(" + hostile.length() + " chars)"), message);
        assertTrue(message.length() < 300, message);
    }

    @Test
    void auditDurationsAndSizesTakeUnits() {
        AgentConfig config = ConfigLoader.load("audit.interval=90m,audit.integrity.interval=off,audit.delay=250ms,"
                + "audit.integrity.timeout=2s,audit.wal.warn=8MiB,audit.size.warn=2GB,audit.integrity=full", NONE, NONE)
                .config();

        assertEquals(90 * 60_000L, config.auditIntervalMillis());
        assertEquals(0L, config.auditIntegrityIntervalMillis());
        assertEquals(250L, config.auditDelayMillis());
        assertEquals(2000L, config.auditIntegrityTimeoutMillis());
        assertEquals(8L << 20, config.auditWalWarnBytes());
        assertEquals(2_000_000_000L, config.auditSizeWarnBytes());
        assertEquals(AuditIntegrity.FULL, config.auditIntegrity());
    }

    @Test
    void auditDefaults() {
        AgentConfig config = ConfigLoader.load(null, NONE, NONE).config();

        assertEquals(3_600_000L, config.auditIntervalMillis());
        assertEquals(86_400_000L, config.auditIntegrityIntervalMillis());
        assertEquals(30_000L, config.auditIntegrityTimeoutMillis());
        assertEquals(64L << 20, config.auditWalWarnBytes());
        assertEquals(0L, config.auditSizeWarnBytes());
        assertEquals(AuditIntegrity.QUICK, config.auditIntegrity());
        assertNull(config.auditLogFile());
    }

    @Test
    void badDurationsAndSizesAreRefused() {
        for (String bad : List.of("audit.interval=10", "audit.interval=500ms", "audit.delay=soon", "audit.wal.warn=0",
                "audit.wal.warn=64 MB of data", "audit.size.warn=-1GB", "audit.integrity=thorough",
                "audit.wal.warn=99999999999999999TiB", "audit.max.databases=0", "audit.max.pending=many")) {
            LoadedConfig loaded = ConfigLoader.load(bad, NONE, NONE);
            assertEquals(1, loaded.problems().size(), bad + ": " + loaded.problems());
        }
    }

    @Test
    void theStartLineListsWhatWasSetWithItsOriginAndCountsTheDefaults() {
        LoadedConfig loaded = ConfigLoader.load("cache_size=-1", Map.of("sqlite.agent.override", "true"), NONE);

        assertEquals("override=true (-Dsqlite.agent.override), cache_size=-1 (agent argument) and 32 more at their"
                + " defaults (log.level=debug lists them)", loaded.config().describe());
    }

    @Test
    void theStartLineOfAnUntouchedConfigurationIsOnlyTheCount() {
        assertEquals("all 34 settings at their defaults (log.level=debug lists them)",
                ConfigLoader.load(null, NONE, NONE).config().describe());
    }

    @Test
    void atDebugTheStartLineListsEverySetting() {
        for (String level : List.of("debug", "trace")) {
            String line = ConfigLoader.load("cache_size=-1,log.level=" + level, NONE, NONE).config().describe();
            assertTrue(line.contains("cache_size=-1 (agent argument)"), line);
            assertTrue(line.contains("journal_mode=WAL (default)"), line);
            assertTrue(line.contains("audit.wal.warn=64MiB (default)"), line);
            assertFalse(line.contains("config=") || line.contains("at their defaults"), line);
            assertEquals(ConfigLoader.load(null, NONE, NONE).config().effective().size(), line.split(", ").length, line);
        }
    }

    @Test
    void everyCatalogPragmaHasAnEnvironmentNameThatMapsBack() {
        for (PragmaSpec spec : PragmaCatalog.all()) {
            LoadedConfig loaded = ConfigLoader.load(null, NONE,
                    Map.of(ConfigSource.environmentName(spec.name()), AgentConfig.KEEP_WORD));
            assertTrue(loaded.valid(), spec + ": " + loaded.problems());
            assertNull(byName(loaded.config().pragmas()).get(spec.name()), spec.name());
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<String> names(List<PragmaSetting> settings) {
        return settings.stream().map(PragmaSetting::toString).toList();
    }

    private static Map<String, PragmaSetting> byName(List<PragmaSetting> settings) {
        Map<String, PragmaSetting> byName = new LinkedHashMap<>();
        settings.forEach(s -> byName.put(s.spec().name(), s));
        return byName;
    }

    private static List<String> messages(LoadedConfig loaded) {
        return messages(loaded.problems());
    }

    private static List<String> messages(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::message).toList();
    }
}
