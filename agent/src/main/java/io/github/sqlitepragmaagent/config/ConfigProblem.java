package io.github.sqlitepragmaagent.config;

import io.github.sqlitepragmaagent.support.Text;

/** One thing wrong with the configuration, worded as a single line that names key, value and remedy. */
public final class ConfigProblem {

    private final String message;
    private final boolean unknownKey;
    /** The value at fault (key, value, origin) when there is one, for the config command's table. */
    private SourcedValue offending;

    private ConfigProblem(String message, boolean unknownKey) {
        this.message = message;
        this.unknownKey = unknownKey;
    }

    /** A value that the key does not accept. */
    static ConfigProblem badValue(SourcedValue value, String allowed) {
        return new ConfigProblem(
                value.key() + "=" + Text.quote(value.value()) + " from " + value.origin()
                        + " is not allowed; allowed: " + allowed, false).about(value);
    }

    /** A key the agent does not know. */
    static ConfigProblem unknownKey(SourcedValue value, String suggestion) {
        return new ConfigProblem(
                "unknown key " + Text.quote(value.key()) + " from " + value.origin()
                        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                        + "; see the README's configuration reference", true).about(value);
    }

    /** A key that looks like a rule's but is not one; like any unknown key it is ignored. */
    static ConfigProblem unknownRuleKey(String message) {
        return new ConfigProblem(message, true);
    }

    /** Anything else: a malformed argument, an unreadable file. */
    static ConfigProblem of(String message) {
        return new ConfigProblem(message, false);
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
