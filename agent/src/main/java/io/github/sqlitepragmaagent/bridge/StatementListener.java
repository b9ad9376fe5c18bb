package io.github.sqlitepragmaagent.bridge;

import java.sql.SQLException;

/**
 * What the agent does around the statements, transactions and errors of the connections it tuned.
 *
 * <p>Called from code woven into sqlite-jdbc's {@code org.sqlite.core.DB} (one per connection, passed
 * as {@code db}), inside the driver's own lock on that DB. An {@link SQLException} thrown here reaches
 * the application as if the driver had thrown it; anything else is swallowed by the bridge.
 */
public interface StatementListener {

    /** Before {@code sql} (held by the driver's {@code statement}) is compiled. */
    void beforePrepare(Object db, Object statement, String sql) throws SQLException;

    /**
     * Before a statement runs: {@code statement} and {@code sql} are null where the driver does not
     * have them at hand (a batch runs a statement prepared earlier; a text run natively has no statement).
     */
    void beforeExecute(Object db, Object statement, String sql) throws SQLException;

    /**
     * Before the driver runs its own {@code begin}, {@code commit} or {@code rollback}; true makes the
     * driver skip it.
     */
    boolean beforeDriverExec(Object db, String sql) throws SQLException;

    /** A native error {@code code} is turned into an exception on {@code db}. */
    void error(Object db, int code);

    /** {@code Connection.setReadOnly(readOnly)}; true when the agent handled it and the driver must not run it. */
    boolean setReadOnly(Object connection, boolean readOnly) throws SQLException;

    /**
     * {@code Connection.isReadOnly()}: the answer where the agent emulates the read-only flag, or null
     * to let the driver answer.
     */
    Boolean isReadOnly(Object connection);
}
