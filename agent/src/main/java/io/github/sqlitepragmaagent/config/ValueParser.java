package io.github.sqlitepragmaagent.config;

/** Turns the text of one setting into its typed value, or says what the setting accepts. */
interface ValueParser<T> {

    /**
     * The value of {@code trimmed}; null only where the value means "apply nothing" (a pragma's
     * {@code keep}).
     *
     * @throws IllegalArgumentException saying what is allowed (usually {@link #allowed()})
     */
    T parse(String trimmed);

    /** A one-line description of the accepted values, for error messages and the reference. */
    String allowed();
}
