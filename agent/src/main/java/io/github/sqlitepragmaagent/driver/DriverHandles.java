package io.github.sqlitepragmaagent.driver;

import io.github.sqlitepragmaagent.support.Reflection;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The sqlite-jdbc methods the agent calls that JDBC does not offer: on a connection (its busy
 * timeout, its DB, its first-statement flag, its pragma names) and on that DB ({@code exec}).
 *
 * <p>The agent never links against sqlite-jdbc: the driver may live in any class loader, in any
 * version, so its methods are looked up by name on the object's own class, once per class.
 */
public final class DriverHandles {

    private static final ClassValue<DriverHandles> BY_CONNECTION_CLASS = new ClassValue<DriverHandles>() {
        @Override
        protected DriverHandles computeValue(Class<?> type) {
            return new DriverHandles(type);
        }
    };

    private static final ClassValue<Method> EXEC_BY_DATABASE_CLASS = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> databaseClass) {
            return publicMethod(databaseClass, "exec", String.class, boolean.class);
        }
    };

    private final Class<?> connectionClass;
    private volatile Set<String> pragmaNames;
    private final Method getBusyTimeout;
    private final Method setBusyTimeout;
    private final Method setFirstStatementExecuted;
    private final Method getDatabase;
    /** {@code DB.getConfig()} and {@code SQLiteConfig.isExplicitReadOnly()} (3.41 on), or null. */
    private final Method getConfig;
    private final Method isExplicitReadOnly;

    private DriverHandles(Class<?> connectionClass) {
        this.connectionClass = connectionClass;
        this.getBusyTimeout = publicMethod(connectionClass, "getBusyTimeout");
        this.setBusyTimeout = publicMethod(connectionClass, "setBusyTimeout", int.class);
        this.setFirstStatementExecuted = publicMethod(connectionClass, "setFirstStatementExecuted", boolean.class);
        this.getDatabase = publicMethod(connectionClass, "getDatabase");
        this.getConfig = getDatabase == null ? null : publicMethod(getDatabase.getReturnType(), "getConfig");
        this.isExplicitReadOnly = getConfig == null ? null : publicMethod(getConfig.getReturnType(), "isExplicitReadOnly");
    }

    /** The handles of {@code connection}'s class. */
    public static DriverHandles of(Object connection) {
        return BY_CONNECTION_CLASS.get(connection.getClass());
    }

    /** True when the driver can set the busy timeout in a way its query timeouts will not undo. */
    public boolean canSetBusyTimeout() {
        return setBusyTimeout != null;
    }

    /**
     * The busy timeout the driver has configured for {@code connection} (the app's own, or the
     * driver's default), or -1 when this driver cannot say.
     */
    public int busyTimeout(Object connection) throws Exception {
        return getBusyTimeout == null ? -1 : ((Number) Reflection.invoke(getBusyTimeout, connection)).intValue();
    }

    /**
     * Sets the busy timeout through {@code SQLiteConnection.setBusyTimeout}, which updates the native
     * handler and the driver's configuration together; a raw {@code PRAGMA busy_timeout} would be reset
     * to the driver's 3000 ms by the first {@code Statement.setQueryTimeout}.
     */
    public void setBusyTimeout(Object connection, int milliseconds) throws Exception {
        Reflection.invoke(setBusyTimeout, connection, milliseconds);
    }

    /**
     * Makes the connection look unused again (sqlite-jdbc 3.41 and later track the first statement to
     * decide whether the read-only flag may still change), as the driver itself does after its pragmas.
     */
    public void markUnused(Object connection) throws Exception {
        if (setFirstStatementExecuted != null) {
            Reflection.invoke(setFirstStatementExecuted, connection, Boolean.FALSE);
        }
    }

    /**
     * True when the app opened {@code connection} with sqlite-jdbc's explicit read-only support
     * ({@code jdbc.explicit_readonly=true}, {@code SQLiteConfig.setExplicitReadOnly(true)}, 3.41 on): the
     * driver then handles {@code setReadOnly} itself, and upgrades its read-write transactions to
     * {@code BEGIN IMMEDIATE} itself.
     */
    public boolean explicitReadOnly(Object connection) throws Exception {
        Object db = databaseOf(connection);
        if (db == null || isExplicitReadOnly == null) {
            return false;
        }
        return Boolean.TRUE.equals(Reflection.invoke(isExplicitReadOnly, Reflection.invoke(getConfig, db)));
    }

    /** The connection's {@code org.sqlite.core.DB}, or null when this driver has no such accessor or it fails. */
    public Object databaseOf(Object connection) {
        if (getDatabase == null) {
            return null;
        }
        try {
            return Reflection.invoke(getDatabase, connection);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Runs {@code sql} on {@code db} the way the driver runs its own begin, commit and rollback
     * ({@code DB.exec(sql, autoCommit)}), so that its error handling and messages stay the driver's.
     */
    public static void exec(Object db, String sql, boolean autoCommit) throws SQLException {
        Method exec = EXEC_BY_DATABASE_CLASS.get(db.getClass());
        if (exec == null) {
            throw new SQLException("sqlite-pragma-agent: this sqlite-jdbc has no DB.exec(String, boolean)");
        }
        try {
            Reflection.invoke(exec, db, sql, autoCommit);
        } catch (SQLException e) {
            throw e;
        } catch (InvocationTargetException e) {
            throw new SQLException(String.valueOf(e.getCause()), e.getCause()); // an Error of the driver's
        } catch (Exception e) {
            throw new SQLException(String.valueOf(e), e);
        }
    }

    /**
     * The URL parameter names this driver version takes as pragmas (its {@code SQLiteConfig.Pragma}
     * names), or null when this driver does not say; see {@link DriverPragmas}. Read only once a
     * connection is open: touching the enum before the driver's {@code SQLiteConfig} is initialised
     * fails in some versions.
     */
    Set<String> pragmaNames() {
        Set<String> names = pragmaNames;
        if (names == null) {
            names = readPragmaNames();
            pragmaNames = names;
        }
        return names.isEmpty() ? null : names;
    }

    private Set<String> readPragmaNames() {
        Set<String> names = new HashSet<String>();
        try {
            Class<?> pragma = Class.forName("org.sqlite.SQLiteConfig$Pragma", false, connectionClass.getClassLoader());
            Field name = pragma.getField("pragmaName");
            for (Object constant : pragma.getEnumConstants()) {
                names.add(String.valueOf(name.get(constant)));
            }
        } catch (Exception | LinkageError e) {
            names.clear();
        }
        return Collections.unmodifiableSet(names);
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }
}
