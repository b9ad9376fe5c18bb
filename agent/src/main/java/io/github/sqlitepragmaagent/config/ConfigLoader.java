package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the four configuration sources, merges them and validates the result.
 *
 * <p>Precedence, strongest first: agent argument, system property {@code -Dsqlite.agent.KEY},
 * environment {@code SQLITE_AGENT_KEY}, the properties file named by {@code config}, defaults.
 */
public final class ConfigLoader {

    /** The largest config file read: far more than any real configuration needs. */
    static final long MAX_FILE_BYTES = 1L << 20;

    private ConfigLoader() {}

    /** Loads the configuration of this JVM: its system properties and environment. */
    public static LoadedConfig load(String agentArguments) {
        return load(agentArguments, systemProperties(), System.getenv());
    }

    /** Loads from explicit sources, so that tests and the CLI can show what a JVM would see. */
    public static LoadedConfig load(String agentArguments, Map<String, String> systemProperties, Map<String, String> environment) {
        List<ConfigProblem> problems = new ArrayList<ConfigProblem>();
        Map<String, SourcedValue> fromArguments = new LinkedHashMap<String, SourcedValue>();
        for (Map.Entry<String, String> pair : AgentArguments.parse(agentArguments, problems).entrySet()) {
            fromArguments.put(pair.getKey(),
                    new SourcedValue(pair.getKey(), pair.getValue(), ConfigSource.AGENT_ARGUMENT, "agent argument"));
        }
        Map<String, SourcedValue> fromProperties = readSystemProperties(systemProperties);
        Map<String, SourcedValue> fromEnvironment = readEnvironment(environment);

        SourcedValue configFile = firstOf(AgentOptions.CONFIG.key(), fromArguments, fromProperties, fromEnvironment);
        Map<String, SourcedValue> fromFile = configFile == null
                ? new LinkedHashMap<String, SourcedValue>()
                : readFile(configFile, problems);

        Map<String, SourcedValue> merged = new LinkedHashMap<String, SourcedValue>();
        merged.putAll(fromFile);
        merged.putAll(fromEnvironment);
        merged.putAll(fromProperties);
        merged.putAll(fromArguments);
        return validate(merged, problems);
    }

    private static LoadedConfig validate(Map<String, SourcedValue> merged, List<ConfigProblem> problems) {
        for (SourcedValue value : merged.values()) {
            if (AgentOptions.byKey(value.key()) == null && PragmaCatalog.byName(value.key()) == null
                    && !RuleKeys.isRuleKey(value.key())) {
                problems.add(ConfigProblem.unknownKey(value, KeySuggester.closest(value.key())));
            }
        }

        Map<String, SourcedValue> effective = new LinkedHashMap<String, SourcedValue>();
        Map<ConfigOption<?>, Object> options = new HashMap<ConfigOption<?>, Object>();
        for (ConfigOption<?> option : AgentOptions.all()) {
            resolve(option, merged, options, effective, problems);
        }

        List<PragmaSetting> pragmas = new ArrayList<PragmaSetting>();
        for (PragmaSpec spec : PragmaCatalog.all()) {
            SourcedValue value = configuredOrDefault(spec.option(), merged);
            if (value == null) {
                continue;
            }
            try {
                PragmaValue parsed = spec.parse(value.value());
                effective.put(spec.name(), value);
                if (parsed != null) {
                    pragmas.add(new PragmaSetting(spec, parsed, value));
                }
            } catch (IllegalArgumentException e) {
                problems.add(ConfigProblem.badValue(value, e.getMessage()));
            }
        }
        List<DatabaseRule> rules = RuleKeys.rules(merged, problems, problems, effective);
        return new LoadedConfig(new AgentConfig(options, pragmas, rules, effective), problems);
    }

    /**
     * Puts the value of {@code option} (configured, else its default) into {@code options}; an invalid
     * value is a problem and leaves the default in its place, so that {@code strict} and
     * {@code log.level} still decide how loudly the agent refuses.
     */
    private static void resolve(ConfigOption<?> option, Map<String, SourcedValue> merged,
            Map<ConfigOption<?>, Object> options, Map<String, SourcedValue> effective, List<ConfigProblem> problems) {
        SourcedValue value = configuredOrDefault(option, merged);
        if (value == null) {
            return;
        }
        try {
            options.put(option, option.parse(value.value()));
            effective.put(option.key(), value);
        } catch (IllegalArgumentException e) {
            problems.add(ConfigProblem.badValue(value, e.getMessage()));
            if (option.defaultText() != null) {
                options.put(option, option.defaultValue());
            }
        }
    }

    /** The configured value of {@code option}, else its default, else (neither) null. */
    private static SourcedValue configuredOrDefault(ConfigOption<?> option, Map<String, SourcedValue> merged) {
        SourcedValue value = merged.get(option.key());
        if (value == null && option.defaultText() != null) {
            value = SourcedValue.byDefault(option.key(), option.defaultText());
        }
        return value;
    }

    private static Map<String, SourcedValue> readSystemProperties(Map<String, String> properties) {
        Map<String, SourcedValue> values = new LinkedHashMap<String, SourcedValue>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            if (name.startsWith(ConfigSource.PROPERTY_PREFIX) && name.length() > ConfigSource.PROPERTY_PREFIX.length()) {
                String key = AgentArguments.normalizeKey(name.substring(ConfigSource.PROPERTY_PREFIX.length()));
                values.put(key, new SourcedValue(key, property.getValue(), ConfigSource.SYSTEM_PROPERTY, "-D" + Text.clean(name)));
            }
        }
        return values;
    }

    /**
     * Environment names lose the difference between dots and underscores, so each variable is
     * matched against the names the known keys would have; an unmatched one is kept under its own
     * lower-cased name and later reported as unknown.
     */
    private static Map<String, SourcedValue> readEnvironment(Map<String, String> environment) {
        Map<String, String> keyByVariable = new LinkedHashMap<String, String>();
        for (ConfigOption<?> option : AgentOptions.all()) {
            keyByVariable.put(ConfigSource.environmentName(option.key()), option.key());
        }
        for (PragmaSpec spec : PragmaCatalog.all()) {
            keyByVariable.put(ConfigSource.environmentName(spec.name()), spec.name());
        }
        Map<String, SourcedValue> values = new LinkedHashMap<String, SourcedValue>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ConfigSource.ENV_PREFIX) || name.length() == ConfigSource.ENV_PREFIX.length()) {
                continue;
            }
            String key = keyByVariable.get(name);
            if (key == null) {
                key = RuleKeys.fromEnvironmentName(name.substring(ConfigSource.ENV_PREFIX.length()));
            }
            if (key == null) {
                key = AgentArguments.normalizeKey(name.substring(ConfigSource.ENV_PREFIX.length()));
            }
            values.put(key, new SourcedValue(key, variable.getValue(), ConfigSource.ENVIRONMENT, "environment " + Text.clean(name)));
        }
        return values;
    }

    private static Map<String, SourcedValue> readFile(SourcedValue configFile, List<ConfigProblem> problems) {
        Map<String, SourcedValue> values = new LinkedHashMap<String, SourcedValue>();
        File file = new File(configFile.value().trim());
        Properties properties = new Properties();
        try {
            byte[] content = boundedContent(file);
            properties.load(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(ConfigProblem.of("config file " + Text.quote(file.getPath()) + " from " + configFile.origin()
                    + " cannot be read: " + e.getMessage()));
            return values;
        }
        String origin = "file " + Text.clean(file.getPath());
        for (String name : properties.stringPropertyNames()) {
            String key = AgentArguments.normalizeKey(name);
            if (key.startsWith(ConfigSource.PROPERTY_PREFIX)) {
                key = key.substring(ConfigSource.PROPERTY_PREFIX.length());
            }
            SourcedValue value = new SourcedValue(key, properties.getProperty(name), ConfigSource.FILE, origin);
            if (key.equals(AgentOptions.CONFIG.key())) {
                problems.add(ConfigProblem.of("config file " + Text.quote(file.getPath())
                        + " names another config file; a config file cannot include another"));
                continue;
            }
            values.put(key, value);
        }
        return values;
    }

    /**
     * The bytes of {@code file}, refusing anything but a regular file of at most {@link #MAX_FILE_BYTES}
     * before it is opened: opening a FIFO blocks until someone writes to it, and a device such as
     * /dev/zero never ends; both would hold the JVM before main.
     */
    private static byte[] boundedContent(File file) throws IOException {
        if (!file.exists()) {
            throw new IOException("no such file");
        }
        if (!file.isFile()) {
            throw new IOException("not a regular file (a directory, FIFO or device); name a properties file");
        }
        long length = file.length();
        if (length > MAX_FILE_BYTES) {
            throw new IOException("it has " + length + " bytes; a config file may have at most 1 MiB (" + MAX_FILE_BYTES
                    + " bytes)");
        }
        try (InputStream in = new FileInputStream(file)) {
            // One byte more than the size just read, so that a file growing meanwhile is noticed, not cut.
            byte[] content = new byte[(int) length + 1];
            int total = 0;
            int read;
            while (total < content.length && (read = in.read(content, total, content.length - total)) > 0) {
                total += read;
            }
            if (total > length) {
                throw new IOException("it changed while it was read; a config file must be a regular file of at most"
                        + " 1 MiB");
            }
            return Arrays.copyOf(content, total);
        }
    }

    @SafeVarargs
    private static SourcedValue firstOf(String key, Map<String, SourcedValue>... sources) {
        for (Map<String, SourcedValue> source : sources) {
            SourcedValue value = source.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> copy = new LinkedHashMap<String, String>();
        Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ConfigSource.PROPERTY_PREFIX)) {
                copy.put(name, properties.getProperty(name));
            }
        }
        return copy;
    }
}
