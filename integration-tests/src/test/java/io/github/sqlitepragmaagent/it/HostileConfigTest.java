package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigSource;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile configurations, through the real agent in real JVMs: the JVM never crashes and
 * the connection carries either exactly the valid configuration or nothing at all. (The agent's unit
 * tests push thousands more strings through the parser alone.) The oracle is the agent's own
 * ConfigLoader, run here on the same sources.
 */
class HostileConfigTest {

    private static final String[] KEYS = {
        "journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout", "temp_store", "mmap_size",
        "journal_size_limit", "override", "enabled", "log.level", "audit.enabled", "rule.1.match", "rule.1.synchronous",
        "JOURNAL_MODE", "cache-size", "jornal_mode", "", " ", "=", "päragma", "rule.x.match", "config",
    };
    private static final String[] VALUES = {
        "WAL", "wal", "DELETE", "NORMAL", "OFF", "FULL", "2", "-64000", "0", "1", "5000", "on", "keep", "true", "false",
        "WAL; DROP TABLE t", "WAL--", "1; PRAGMA writable_schema=1", "' OR 1=1 --", "\"x\"", "0x10", "1e3", "-",
        "99999999999999999999", "-2147483649", "MEMORY", "EXTRA", "ÄÖÜ", "日本語", "🙂", "\t", "/nonexistent/agent.properties",
        "/srv/**", "debug", "x".repeat(5000),
    };
    private static final String[] SEPARATORS = {",", ",,", " , ", ";", "=", ",=,"};
    private static final String[] VALID_PAIRS = {
        "journal_mode=DELETE", "journal_mode=truncate", "journal_mode=keep", "synchronous=FULL", "synchronous=0",
        "cache_size=-64000", "cache_size=500", "foreign_keys=off", "foreign_keys=keep", "busy_timeout=100",
        "temp_store=file", "temp_store=DEFAULT", "mmap_size=1048576", "override=true", "log.level=warn",
        "audit.enabled=false", "enabled=false", "trusted_schema=OFF", "rule.1.match=/srv/**",
    };

    @TempDir
    Path dir;

    @Test
    void generatedConfigurationsNeverCrashAndNeverApplyAnInvalidValue() throws Exception {
        Random random = new Random(424242);
        int runs = 30;
        int valid = 0;
        int refused = 0;
        int stoppedByStrict = 0;
        for (int run = 0; run < runs; run++) {
            // Every other run is meant to be valid (accepted values, plain commas), so that both halves
            // of the property are exercised: invalid never applies, valid applies exactly.
            boolean meantValid = run % 2 == 0;
            StringBuilder arguments = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                if (meantValid) {
                    String[] pair = pick(random, VALID_PAIRS).split("=", 2);
                    arguments.append(p == 0 ? "" : ",").append(pair[0]).append('=').append(pair[1]);
                } else {
                    arguments.append(p == 0 ? "" : SEPARATORS[random.nextInt(SEPARATORS.length)])
                            .append(pick(random, KEYS)).append('=').append(pick(random, VALUES));
                }
            }
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, String> environment = new LinkedHashMap<>();
            if (!meantValid && random.nextBoolean()) {
                properties.put("sqlite.agent." + name(random), pick(random, VALUES));
            }
            if (!meantValid && random.nextBoolean()) {
                environment.put("SQLITE_AGENT_" + name(random).toUpperCase().replace('.', '_'), pick(random, VALUES));
            }
            LoadedConfig expected = ConfigLoader.load(arguments.toString(), properties, environment);

            AppJvm jvm = AppJvm.withAgent().agentArguments(arguments.toString());
            properties.forEach((name, value) -> jvm.jvmOption("-D" + name + "=" + value));
            environment.forEach(jvm::env);
            Path db = dir.resolve("hostile-" + run + ".db");
            AppResult result = jvm.run(OpenApp.class, "--url", "jdbc:sqlite:" + db);

            String context = "run " + run + " with " + arguments + " " + properties + " " + environment + ": " + result;
            boolean stopped = expected.refusedByStrict();
            assertEquals(stopped ? 78 : 0, result.exitStatus(), context);
            if (stopped) {
                stoppedByStrict++;
                continue;
            }
            if (expected.valid()) {
                valid++;
            } else {
                refused++;
            }
            Map<String, String> wanted = new LinkedHashMap<>(ConnectionPathsTest.DRIVER_DEFAULTS);
            if (expected.valid() && expected.config().enabled()) {
                wanted.putAll(readBacks(expected.config()));
            }
            for (Map.Entry<String, String> pragma : wanted.entrySet()) {
                assertEquals(pragma.getValue(), result.get("app." + pragma.getKey()), pragma.getKey() + " in " + context);
            }
        }
        System.out.printf("hostile configurations: %d runs, %d valid and applied, %d refused, %d stopped by strict%n",
                runs, valid, refused, stoppedByStrict);
        org.junit.jupiter.api.Assertions.assertTrue(valid > 0 && refused > 0, "the generator must produce both kinds");
    }

    /**
     * What the six pragmas read back under a valid configuration (rules never match these files): a
     * default synchronous below FULL only where the new file ends up in WAL.
     */
    private static Map<String, String> readBacks(AgentConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        List<PragmaSetting> settings = config.pragmas();
        for (PragmaSetting setting : settings) {
            if (ConnectionPathsTest.DRIVER_DEFAULTS.containsKey(setting.spec().name())) {
                values.put(setting.spec().name(), setting.value().expectedReadBack());
            }
        }
        boolean wal = "wal".equals(values.get("journal_mode"));
        boolean defaultBelowFull = settings.stream().anyMatch(setting -> setting.spec().name().equals("synchronous")
                && setting.origin().source() == ConfigSource.DEFAULT && !setting.value().expectedReadBack().equals("2"));
        if (!wal && defaultBelowFull) {
            values.put("synchronous", ConnectionPathsTest.DRIVER_DEFAULTS.get("synchronous"));
        }
        return values;
    }

    /** A key usable as a property or variable name: those cannot contain '=' (nor be padded). */
    private static String name(Random random) {
        String key = pick(random, KEYS).trim();
        return key.contains("=") ? "cache_size" : key;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
