package io.github.sqlitepragmaagent.bridge;

import java.util.function.BiFunction;

/**
 * The calls that code woven into sqlite-jdbc makes into the agent, one constant per hook.
 *
 * <p>Woven code lives in the driver's class loader, which may not see the agent (a webapp, a fat jar,
 * an isolated loader), so it reaches these constants with JDK calls only:
 * {@code Class.forName(<this enum>, false, systemLoader).getEnumConstants()[ordinal]}, used as a
 * {@link BiFunction}. The JVM finds an already-loaded class by name without running Java code and
 * the enum keeps its constants cached, so a hook costs a few hundred nanoseconds, not the microseconds
 * of a reflective method lookup per call. The ordinals are part of the woven code: append, never reorder.
 *
 * <p>A hook is handed the driver object it runs in and the method's arguments. It answers
 * {@code null} (carry on), {@link #SKIP} (return from the void method at once), or throws a
 * {@link java.sql.SQLException} that the woven code passes to the app; anything else it throws is
 * swallowed by the woven code.
 */
public enum DriverHook implements BiFunction<Object, Object[], Object> {

    /** Exit of {@code JDBC.createConnection(String, Properties)}: the connection, {url, properties}. */
    OPENED,
    /** Entry of {@code DB.prepare(CoreStatement)}: the DB, {statement, sql}. */
    PREPARE,
    /** Entry of the DB methods that run statements: the DB, {statement or null, sql or null}. */
    EXECUTE,
    /** Entry of {@code DB.exec(String, boolean)}, the driver's own begin/commit/rollback: the DB, {sql}. */
    EXEC,
    /** Entry of {@code DB.newSQLException(int)}: the DB, {error code}. */
    ERROR,
    /** Entry of {@code JDBC3Connection.setReadOnly(boolean)}: the connection, {flag}. */
    SET_READ_ONLY,
    /** Entry of {@code JDBC3Connection.isReadOnly()}: the connection, {}; a Boolean answer replaces the driver's. */
    IS_READ_ONLY;

    /** The answer that makes woven code return from a void driver method without running it. */
    public static final Object SKIP = Boolean.TRUE;

    @Override
    public Object apply(Object self, Object[] arguments) {
        return AgentBridge.dispatch(this, self, arguments);
    }
}
