package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;

/** One thing wrong with the configuration, worded as a single line that names key, value and remedy. */
public final class ConfigProblem {

    private final String message;

    private ConfigProblem(String message) {
        this.message = message;
    }

    /** A value that the key does not accept. */
    static ConfigProblem badValue(SourcedValue value, String allowed) {
        return new ConfigProblem(
                value.key() + "=" + Text.quote(value.value()) + " from " + value.origin()
                        + " is not allowed; allowed: " + allowed);
    }

    /** A key the agent does not know. */
    static ConfigProblem unknownKey(SourcedValue value, String suggestion) {
        return new ConfigProblem(
                "unknown key " + Text.quote(value.key()) + " from " + value.origin()
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                        + "; see the README's configuration reference");
    }

    /** Anything else: a malformed argument, an unreadable file. */
    static ConfigProblem of(String message) {
        return new ConfigProblem(message);
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return message;
    }
}
