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

    private final ValueDomain domain;
    private final Step step;
    private final boolean writesDatabase;
    private final ConfigOption<PragmaValue> option;

    PragmaSpec(String name, ValueDomain domain, Step step, boolean writesDatabase, String defaultValue, String description) {
        this.domain = domain;
        this.step = step;
        this.writesDatabase = writesDatabase;
        this.option = new ConfigOption<PragmaValue>(name, new KeepOr(domain, step == Step.ACTION), defaultValue,
                description, ConfigOption.Scope.GLOBAL_AND_RULES);
    }

    /** The bare SQLite name, which is also the configuration key and the driver's Properties key. */
    public String name() {
        return option.key();
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
        return option.defaultText();
    }

    /** The pragma as a configuration key: its description, default and accepted values. */
    public ConfigOption<PragmaValue> option() {
        return option;
    }

    /** The values the pragma itself accepts, without {@code keep} (which every pragma accepts), for the reference. */
    String values() {
        return domain.allowed();
    }

    /**
     * Parses a configured value; null means "apply nothing" ({@code keep}, or OFF for an action).
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public PragmaValue parse(String raw) {
        return option.parse(raw);
    }

    @Override
    public String toString() {
        return name();
    }

    /** A pragma's values plus {@code keep}, and for an action OFF, both meaning "apply nothing". */
    private static final class KeepOr implements ValueParser<PragmaValue> {
        private final ValueDomain domain;
        private final boolean action;

        KeepOr(ValueDomain domain, boolean action) {
            this.domain = domain;
            this.action = action;
        }

        @Override
        public PragmaValue parse(String trimmed) {
            if (trimmed.toUpperCase(Locale.ROOT).equals(AgentConfig.KEEP_WORD.toUpperCase(Locale.ROOT))) {
                return null;
            }
            if (action && Boolean.FALSE.equals(BooleanWords.parse(trimmed))) {
                return null;
            }
            try {
                return domain.parse(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(allowed());
            }
        }

        @Override
        public String allowed() {
            return domain.allowed() + ", or " + AgentConfig.KEEP_WORD + " (leave it untouched)";
        }
    }
}
