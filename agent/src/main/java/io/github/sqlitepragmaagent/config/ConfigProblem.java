package io.github.sqlitepragmaagent.config;

/** One thing wrong with the configuration, worded as a single line that names key, value and remedy. */
public final class ConfigProblem {

    private final String message;
    /** The value at fault (key, value, origin) when there is one, for the config command's table. */
    private SourcedValue offending;

    private ConfigProblem(String message) {
        this.message = message;
    }

    /** A value that the key does not accept. */
    static ConfigProblem badValue(SourcedValue value, String allowed) {
        return new ConfigProblem(
                value.key() + "=" + Text.quote(value.value()) + " from " + value.origin()
                        + " is not allowed; allowed: " + allowed).about(value);
    }

    /** A key the agent does not know. */
    static ConfigProblem unknownKey(SourcedValue value, String suggestion) {
        return new ConfigProblem(
                "unknown key " + Text.quote(value.key()) + " from " + value.origin()
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                        + "; see the README's configuration reference").about(value);
    }

    /** Anything else: a malformed argument, an unreadable file. */
    static ConfigProblem of(String message) {
        return new ConfigProblem(message);
    }

    private ConfigProblem about(SourcedValue value) {
        this.offending = value;
        return this;
    }

    /** The key, value and origin at fault, or null for a problem that is not about one value. */
    public SourcedValue offending() {
        return offending;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return message;
    }
}
