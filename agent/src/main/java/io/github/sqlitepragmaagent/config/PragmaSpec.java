package io.github.sqlitepragmaagent.config;

import java.util.Locale;

/** A pragma the agent may set: its SQLite name, the values it accepts, and how it is applied. */
public final class PragmaSpec {

    /** How a pragma reaches the connection. */
    public enum Step {
        /** Through {@code SQLiteConnection.setBusyTimeout}, so the driver's own timeout handling keeps it. */
        DRIVER_SETTER,
        /** {@code PRAGMA name=value} whose answer is the mode actually in effect and must be checked. */
        CHECKED_QUERY,
        /** A plain {@code PRAGMA name=value} setting that {@code PRAGMA name} reads back. */
        SETTING,
        /** A {@code PRAGMA name=value} that does work once and has nothing to read back. */
        ACTION
    }

    private final String name;
    private final ValueDomain domain;
    private final Step step;
    private final boolean writesDatabase;
    private final String defaultValue;
    private final String purpose;

    PragmaSpec(String name, ValueDomain domain, Step step, boolean writesDatabase, String defaultValue, String purpose) {
        this.name = name;
        this.domain = domain;
        this.step = step;
        this.writesDatabase = writesDatabase;
        this.defaultValue = defaultValue;
        this.purpose = purpose;
    }

    /** The bare SQLite name, which is also the configuration key and the driver's Properties key. */
    public String name() {
        return name;
    }

    public ValueDomain domain() {
        return domain;
    }

    public Step step() {
        return step;
    }

    /** True when applying it writes to the database file, which a read-only connection cannot do. */
    public boolean writesDatabase() {
        return writesDatabase;
    }

    /** The value the agent applies when nothing is configured, or null when it is off by default. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence on what it does, for the reference and {@code config} output. */
    public String purpose() {
        return purpose;
    }

    /**
     * Parses a configured value; null means "apply nothing" ({@code keep}, or OFF for an action).
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public PragmaValue parse(String raw) {
        String trimmed = raw == null ? "" : raw.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.equals(AgentConfig.KEEP_WORD.toUpperCase(Locale.ROOT))) {
            return null;
        }
        if (step == Step.ACTION && (upper.equals("OFF") || upper.equals("FALSE") || upper.equals("NO"))) {
            return null;
        }
        try {
            return domain.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or " + AgentConfig.KEEP_WORD + " (leave it untouched)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
