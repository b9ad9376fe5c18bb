package io.github.sqlitepragmaagent.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The agent's own settings (everything that is not a pragma), with defaults and accepted values. */
public enum AgentOption {
    ENABLED("enabled", "true", Kind.BOOLEAN, "false turns the agent off: nothing is installed or changed"),
    OVERRIDE("override", "false", Kind.BOOLEAN,
            "true makes the agent's values win over pragmas the app sets in its JDBC URL or Properties"),
    STRICT("strict", "false", Kind.BOOLEAN,
            "true stops the JVM (exit status 78) before main when the configuration is invalid"),
    LOG_LEVEL("log.level", "info", Kind.LOG_LEVEL, "the agent's own log level on stderr"),
    CONFIG("config", null, Kind.PATH, "a properties file with more settings (weakest source but the defaults)"),
    AUDIT_ENABLED("audit.enabled", "true", Kind.BOOLEAN, "false turns every audit off"),
    AUDIT_DELAY("audit.delay", "1s", Kind.DURATION,
            "wait after a database's first connection before its first audit, to stay out of the app's start-up"),
    AUDIT_INTERVAL("audit.interval", "1h", Kind.DURATION_OR_OFF, "how often file, WAL and freelist sizes are audited"),
    AUDIT_INTEGRITY("audit.integrity", "quick", Kind.INTEGRITY,
            "quick runs PRAGMA quick_check, full runs PRAGMA integrity_check, off runs neither"),
    AUDIT_INTEGRITY_INTERVAL("audit.integrity.interval", "24h", Kind.DURATION_OR_OFF,
            "how often integrity and foreign keys are audited after the first audit"),
    AUDIT_INTEGRITY_TIMEOUT("audit.integrity.timeout", "30s", Kind.DURATION,
            "longest an integrity or foreign-key check may run before it is interrupted"),
    AUDIT_WAL_WARN("audit.wal.warn", "64MiB", Kind.SIZE, "a -wal file larger than this is warned about"),
    AUDIT_SIZE_WARN("audit.size.warn", null, Kind.SIZE, "a database file larger than this is warned about"),
    AUDIT_LOG_FILE("audit.log.file", null, Kind.PATH, "also append each audit as one JSON line to this file"),
    AUDIT_MAX_DATABASES("audit.max.databases", "1000", Kind.COUNT,
            "databases kept under periodic audit, each with its JMX bean; past it the one opened longest ago is"
                    + " dropped (announced once); every database still gets its first audit"),
    AUDIT_MAX_PENDING("audit.max.pending", "10000", Kind.COUNT,
            "first audits waiting at once (databases opened within audit.delay, or faster than they are audited);"
                    + " past it the oldest waiting one is skipped (announced once)"),
    WAL_NETWORK("wal.network", "refuse", Kind.WAL_NETWORK,
            "refuse leaves a database on a network filesystem out of WAL (it needs shared memory); allow switches anyway");

    /** The exit status of a JVM stopped by {@code strict=true}: EX_CONFIG from sysexits.h. */
    public static final int STRICT_EXIT_STATUS = 78;

    private static final List<String> LEVELS = Arrays.asList("trace", "debug", "info", "warn", "error", "off");

    private enum Kind {
        BOOLEAN("true or false (also on/off, yes/no, 1/0)"),
        LOG_LEVEL("trace, debug, info, warn, error, off"),
        PATH("a file path"),
        DURATION("a duration such as 500ms, 30s, 5m, 1h, 2d"),
        DURATION_OR_OFF("a duration such as 30s, 5m, 1h, 2d, or off"),
        SIZE("a size in bytes, or with a unit: 512KiB, 64MiB, 10GiB (KB, MB, GB are powers of 1000)"),
        INTEGRITY("quick, full, off"),
        COUNT("a whole number, 1 or more"),
        WAL_NETWORK("refuse, allow");

        final String allowed;

        Kind(String allowed) {
            this.allowed = allowed;
        }
    }

    private final String key;
    private final String defaultValue;
    private final Kind kind;
    private final String purpose;

    AgentOption(String key, String defaultValue, Kind kind, String purpose) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
        this.purpose = purpose;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String allowed() {
        return kind.allowed;
    }

    public String purpose() {
        return purpose;
    }

    /** The option whose key is {@code key}, or null. */
    public static AgentOption byKey(String key) {
        for (AgentOption option : values()) {
            if (option.key.equals(key)) {
                return option;
            }
        }
        return null;
    }

    /**
     * The typed value of {@code raw}: a Boolean, a lower-case word, a path, or a Long (milliseconds,
     * 0 meaning off, or bytes).
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    Object parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        switch (kind) {
            case BOOLEAN:
                if (lower.equals("true") || lower.equals("on") || lower.equals("yes") || lower.equals("1")) {
                    return Boolean.TRUE;
                }
                if (lower.equals("false") || lower.equals("off") || lower.equals("no") || lower.equals("0")) {
                    return Boolean.FALSE;
                }
                break;
            case LOG_LEVEL:
                if (LEVELS.contains(lower)) {
                    return lower;
                }
                break;
            case PATH:
                if (!value.isEmpty()) {
                    return value;
                }
                break;
            case DURATION_OR_OFF:
                if (lower.equals("off")) {
                    return Long.valueOf(0);
                }
                long interval = Quantities.millis(lower);
                if (interval >= 1000) {
                    return Long.valueOf(interval);
                }
                break;
            case DURATION:
                long millis = Quantities.millis(lower);
                if (millis >= 0) {
                    return Long.valueOf(millis);
                }
                break;
            case SIZE:
                long bytes = Quantities.bytes(lower);
                if (bytes > 0) {
                    return Long.valueOf(bytes);
                }
                break;
            case COUNT:
                try {
                    long count = Long.parseLong(value);
                    if (count >= 1 && count <= Integer.MAX_VALUE) {
                        return Long.valueOf(count);
                    }
                } catch (NumberFormatException e) {
                    // not a number: refused below
                }
                break;
            case INTEGRITY:
                if (lower.equals("quick") || lower.equals("full") || lower.equals("off")) {
                    return lower;
                }
                break;
            case WAL_NETWORK:
                if (lower.equals("refuse") || lower.equals("allow")) {
                    return lower;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException(kind.allowed);
    }
}
