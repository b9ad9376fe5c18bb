package io.github.sqlitepragmaagent.config;

/**
 * A validated pragma value.
 *
 * <p>{@link #sqlLiteral()} is the only text the agent ever puts into SQL, and it is always rebuilt by
 * the agent from a recognised word or a parsed number, never copied from the configuration.
 */
public final class PragmaValue {

    private final String sqlLiteral;
    private final String expectedReadBack;

    PragmaValue(String sqlLiteral, String expectedReadBack) {
        this.sqlLiteral = sqlLiteral;
        this.expectedReadBack = expectedReadBack;
    }

    /** The canonical form to put after {@code PRAGMA name=}: an upper-case word or a decimal number. */
    public String sqlLiteral() {
        return sqlLiteral;
    }

    /** What {@code PRAGMA name} answers once the value is in effect, or null when it cannot be read. */
    public String expectedReadBack() {
        return expectedReadBack;
    }

    @Override
    public String toString() {
        return sqlLiteral;
    }
}
