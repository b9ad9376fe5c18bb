package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;

/** One thing wrong with the configuration, worded as a single line that names key, value and remedy. */
public final class ConfigProblem {

    private final String message;
    private final boolean unknownKey;

    private ConfigProblem(String message, boolean unknownKey) {
        this.message = message;
        this.unknownKey = unknownKey;
    }

    /** A value that the key does not accept. */
    static ConfigProblem badValue(SourcedValue value, String allowed) {
        return new ConfigProblem(
                value.key() + "=" + Text.quote(value.value()) + " from " + value.origin()
                        + " is not allowed; allowed: " + allowed, false);
    }

    /** A key the agent does not know. */
    static ConfigProblem unknownKey(SourcedValue value, String suggestion) {
        return new ConfigProblem(
                "unknown key " + Text.quote(value.key()) + " from " + value.origin()
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                        + "; see the README's configuration reference", true);
    }

    /** A key that looks like a rule's but is not one; like any unknown key it is ignored. */
    static ConfigProblem unknownRuleKey(String message) {
        return new ConfigProblem(message, true);
    }

    /** Anything else: a malformed argument, an unreadable file. */
    static ConfigProblem of(String message) {
        return new ConfigProblem(message, false);
    }

    public String message() {
        return message;
    }

    /**
     * True for a key the agent does not know: it is ignored (with a warning) rather than making the
     * agent apply nothing, because stray variables and properties are common; strict=true refuses it.
     */
    public boolean unknownKey() {
        return unknownKey;
    }

    @Override
    public String toString() {
        return message;
    }
}
