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
    CONFIG("config", null, Kind.PATH, "a properties file with more settings (weakest source but the defaults)");

    /** The exit status of a JVM stopped by {@code strict=true}: EX_CONFIG from sysexits.h. */
    public static final int STRICT_EXIT_STATUS = 78;

    private static final List<String> LEVELS = Arrays.asList("trace", "debug", "info", "warn", "error", "off");

    private enum Kind {
        BOOLEAN("true or false (also on/off, yes/no, 1/0)"),
        LOG_LEVEL("trace, debug, info, warn, error, off"),
        PATH("a path to a readable properties file");

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
     * The typed value of {@code raw}: a Boolean, a lower-case level name or a path.
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
            default:
                break;
        }
        throw new IllegalArgumentException(kind.allowed);
    }
}
