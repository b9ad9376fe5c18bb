package io.github.sqlitepragmaagent.config;

/**
 * One configuration key, modelled once: its name, how its text becomes a typed value, its default,
 * what it does and which values it accepts. Loading, validation, error messages, the {@code config}
 * command and the README's reference all read the same object, so they cannot disagree.
 *
 * @param <T> the type the value is parsed into
 */
public final class ConfigOption<T> {

    /** Where a key may be set. */
    enum Scope {
        /** Only for the whole JVM. */
        GLOBAL,
        /** For the whole JVM and, as {@code rule.N.KEY}, for the databases of a rule. */
        GLOBAL_AND_RULES
    }

    private final String key;
    private final ValueParser<T> parser;
    private final String defaultText;
    private final String description;
    private final Scope scope;

    ConfigOption(String key, ValueParser<T> parser, String defaultText, String description, Scope scope) {
        this.key = key;
        this.parser = parser;
        this.defaultText = defaultText;
        this.description = description;
        this.scope = scope;
    }

    /** The key as written in agent arguments and files: lower case, dots between words. */
    public String key() {
        return key;
    }

    /** The default as an operator would write it, or null when the key is not set by default. */
    public String defaultText() {
        return defaultText;
    }

    /** What the key does, one sentence of Markdown for the reference. */
    public String description() {
        return description;
    }

    /** The accepted values, in words. */
    public String allowed() {
        return parser.allowed();
    }

    /** True when a per-database rule may set it too ({@code rule.N.KEY}). */
    public boolean inRules() {
        return scope == Scope.GLOBAL_AND_RULES;
    }

    /**
     * The typed value of {@code raw} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public T parse(String raw) {
        return parser.parse(raw == null ? "" : raw.trim());
    }

    /** The typed default, or null when the key has none. */
    T defaultValue() {
        return defaultText == null ? null : parse(defaultText);
    }

    @Override
    public String toString() {
        return key;
    }
}
