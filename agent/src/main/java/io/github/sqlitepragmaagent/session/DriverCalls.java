package io.github.sqlitepragmaagent.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;

/**
 * The sqlite-jdbc methods the hooks call back into, looked up by name once per driver class: the
 * agent never links against the driver, which may live in any class loader and version.
 */
public final class DriverCalls {

    private static final ClassValue<Method> GET_DATABASE = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> connectionClass) {
            return method(connectionClass, "getDatabase");
        }
    };

    private static final ClassValue<Method> EXEC = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> databaseClass) {
            return method(databaseClass, "exec", String.class, boolean.class);
        }
    };

    private DriverCalls() {}

    /** The connection's {@code org.sqlite.core.DB}, or null when this driver has no such accessor. */
    public static Object databaseOf(Object connection) {
        Method getDatabase = GET_DATABASE.get(connection.getClass());
        if (getDatabase == null) {
            return null;
        }
        try {
            return getDatabase.invoke(connection);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Runs {@code sql} the way the driver runs its own begin, commit and rollback
     * ({@code DB.exec(sql, autoCommit)}), so that its error handling and messages stay the driver's.
     */
    public static void exec(Object db, String sql, boolean autoCommit) throws SQLException {
        Method exec = EXEC.get(db.getClass());
        if (exec == null) {
            throw new SQLException("sqlite-pragma-agent: this sqlite-jdbc has no DB.exec(String, boolean)");
        }
        try {
            exec.invoke(db, sql, autoCommit);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw new SQLException(String.valueOf(cause), cause);
        } catch (IllegalAccessException e) {
            throw new SQLException(e.toString(), e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }
}
