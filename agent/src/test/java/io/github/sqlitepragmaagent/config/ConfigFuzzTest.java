package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated configurations through the parser: it never throws, a problem is always one
 * short line, and whatever it accepts is a canonical word or number that parses again to itself
 * (actions, whose literal is a mask derived from ON, excepted).
 */
class ConfigFuzzTest {

    private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Z]+|-?\\d{1,19}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz_.=,;:'\"-+ 0123456789()*/\\\n\tÄ日🙂";

    @Test
    void generatedConfigurationsNeverBreakTheParserOrGetUnsafeValuesThrough() {
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            String arguments = random.nextInt(6) == 0 ? noise(random, 1 + random.nextInt(200)) : pairs(random);
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, String> environment = new LinkedHashMap<>();
            if (random.nextInt(6) == 0) {
                properties.put("sqlite.agent." + key(random), value(random));
            }
            if (random.nextInt(6) == 0) {
                environment.put("SQLITE_AGENT_" + key(random).toUpperCase(), value(random));
            }

            LoadedConfig loaded = ConfigLoader.load(arguments, properties, environment);

            for (ConfigProblem problem : loaded.problems()) {
                assertFalse(problem.message().contains("\n"), problem.message());
                assertTrue(problem.message().length() < 600, problem.message());
            }
            if (loaded.valid()) {
                accepted++;
                for (PragmaSetting setting : loaded.config().pragmas()) {
                    String literal = setting.value().sqlLiteral();
                    assertTrue(SAFE_LITERAL.matcher(literal).matches(), arguments + " gave " + setting);
                    if (setting.spec().step() != PragmaSpec.Step.ACTION) {
                        assertEquals(literal, setting.spec().parse(literal).sqlLiteral(), "canonical: " + setting);
                    }
                }
            }
        }
        assertTrue(accepted > 500, "the generator must also produce valid configurations: " + accepted);
    }

    /** Values each pragma accepts (and a few it may or may not), for configurations meant to be valid. */
    private static final Map<String, String[]> ACCEPTED = Map.ofEntries(
            Map.entry("busy_timeout", new String[] {"0", "5000", "2147483647", "+10"}),
            Map.entry("journal_mode", new String[] {"WAL", "delete", "Truncate", "PERSIST", "memory", "OFF", "keep"}),
            Map.entry("synchronous", new String[] {"OFF", "normal", "FULL", "EXTRA", "0", "1", "2", "3"}),
            Map.entry("cache_size", new String[] {"-20000", "2000", "-2147483648", "0"}),
            Map.entry("foreign_keys", new String[] {"on", "OFF", "true", "no", "1", "keep"}),
            Map.entry("temp_store", new String[] {"DEFAULT", "file", "MEMORY", "0", "2"}),
            Map.entry("mmap_size", new String[] {"0", "268435456", "9223372036854775807"}),
            Map.entry("journal_size_limit", new String[] {"-1", "67108864"}),
            Map.entry("secure_delete", new String[] {"FAST", "on", "0"}),
            Map.entry("optimize", new String[] {"on", "off"}),
            Map.entry("threads", new String[] {"0", "4", "64"}));

    private static String pairs(Random random) {
        boolean meantValid = random.nextBoolean();
        StringBuilder out = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            out.append(p == 0 ? "" : random.nextInt(8) == 0 && !meantValid ? ";" : ",");
            if (meantValid) {
                String[] keys = ACCEPTED.keySet().toArray(new String[0]);
                String key = keys[random.nextInt(keys.length)];
                String[] values = ACCEPTED.get(key);
                out.append(key).append('=').append(values[random.nextInt(values.length)]);
            } else {
                out.append(key(random)).append('=').append(value(random));
            }
        }
        return out.toString();
    }

    private static String key(Random random) {
        if (random.nextInt(4) == 0) {
            return noise(random, 1 + random.nextInt(12));
        }
        if (random.nextInt(5) == 0) {
            return "rule." + random.nextInt(3) + "." + (random.nextBoolean() ? "match" : PragmaCatalog.all().get(random.nextInt(6)).name());
        }
        if (random.nextInt(3) == 0) {
            List<ConfigOption<?>> options = AgentOptions.all();
            ConfigOption<?> option = options.get(random.nextInt(options.size()));
            return option == AgentOptions.STRICT || option == AgentOptions.CONFIG ? "override" : option.key();
        }
        return PragmaCatalog.all().get(random.nextInt(PragmaCatalog.all().size())).name();
    }

    private static String value(Random random) {
        String[] plausible = {"WAL", "DELETE", "normal", "FULL", "EXTRA", "-20000", "-64000", "5000", "on", "OFF", "keep",
            "MEMORY", "FAST", "2", "1", "0", "67108864", "true", "info", "/srv/**", "30s", "1h", "64MiB", "quick", "allow"};
        String[] hostile = {"WAL; DROP TABLE t", "1e9", "0x1f", "", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "NORMAL --", "' OR 1=1", " WAL ", "ＷＡＬ", "wal\n"};
        int kind = random.nextInt(6);
        return kind == 0 ? noise(random, random.nextInt(3000))
                : kind == 1 ? hostile[random.nextInt(hostile.length)]
                : plausible[random.nextInt(plausible.length)];
    }

    private static String noise(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
