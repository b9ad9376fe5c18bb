package io.github.sqlitepragmaagent.config;

/** One raw configuration value and exactly where it was read, for messages an operator can act on. */
public final class SourcedValue {

    private final String key;
    private final String value;
    private final ConfigSource source;
    private final String origin;

    public SourcedValue(String key, String value, ConfigSource source, String origin) {
        this.key = key;
        this.value = value;
        this.source = source;
        this.origin = origin;
    }

    static SourcedValue byDefault(String key, String value) {
        return new SourcedValue(key, value, ConfigSource.DEFAULT, "default");
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public ConfigSource source() {
        return source;
    }

    /** Human-readable place: {@code agent argument}, {@code -Dsqlite.agent.cache_size}, a file path... */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return key + "=" + value + " (" + origin + ")";
    }
}
