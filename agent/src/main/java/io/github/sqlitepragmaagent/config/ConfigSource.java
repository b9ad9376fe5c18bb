package io.github.sqlitepragmaagent.config;

/** Where a configuration value came from, strongest first: an earlier source overrides a later one. */
public enum ConfigSource {
    AGENT_ARGUMENT,
    SYSTEM_PROPERTY,
    ENVIRONMENT,
    FILE,
    DEFAULT;

    /** Prefix of the system properties the agent reads: {@code -Dsqlite.agent.KEY=VALUE}. */
    public static final String PROPERTY_PREFIX = "sqlite.agent.";

    /** Prefix of the environment variables the agent reads: {@code SQLITE_AGENT_KEY=VALUE}. */
    public static final String ENV_PREFIX = "SQLITE_AGENT_";

    /** The environment variable that sets {@code key}: upper case, dots to underscores. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
