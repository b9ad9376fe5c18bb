package io.github.sqlitepragmaagent.tune;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The few sqlite-jdbc methods the tuner calls that JDBC does not offer.
 *
 * <p>The agent never links against sqlite-jdbc: the driver may live in any class loader, in any
 * version, so its methods are looked up by name on the connection's own class, once per class.
 */
final class DriverHandles {

    private static final ClassValue<DriverHandles> BY_CLASS = new ClassValue<DriverHandles>() {
        @Override
        protected DriverHandles computeValue(Class<?> type) {
            return new DriverHandles(type);
        }
    };

    private final Class<?> connectionClass;
    private volatile Set<String> pragmaNames;
    private final Method getBusyTimeout;
    private final Method setBusyTimeout;
    private final Method setFirstStatementExecuted;

    private DriverHandles(Class<?> connectionClass) {
        this.connectionClass = connectionClass;
        this.getBusyTimeout = publicMethod(connectionClass, "getBusyTimeout");
        this.setBusyTimeout = publicMethod(connectionClass, "setBusyTimeout", int.class);
        this.setFirstStatementExecuted = publicMethod(connectionClass, "setFirstStatementExecuted", boolean.class);
    }

    static DriverHandles of(Object connection) {
        return BY_CLASS.get(connection.getClass());
    }

    /** True when the driver can set the busy timeout in a way its query timeouts will not undo. */
    boolean canSetBusyTimeout() {
        return setBusyTimeout != null;
    }

    /**
     * The busy timeout the driver has configured for {@code connection} (the app's own, or the
     * driver's default), or -1 when this driver cannot say.
     */
    int busyTimeout(Object connection) throws Exception {
        if (getBusyTimeout == null) {
            return -1;
        }
        try {
            return ((Number) getBusyTimeout.invoke(connection)).intValue();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    /**
     * Sets the busy timeout through {@code SQLiteConnection.setBusyTimeout}, which updates the native
     * handler and the driver's configuration together; a raw {@code PRAGMA busy_timeout} would be reset
     * to the driver's 3000 ms by the first {@code Statement.setQueryTimeout}.
     */
    void setBusyTimeout(Object connection, int milliseconds) throws Exception {
        invoke(setBusyTimeout, connection, milliseconds);
    }

    /**
     * The URL parameter names this driver version takes as pragmas (its {@code SQLiteConfig.Pragma}
     * names): it moves them out of the file name and keeps every other parameter in it. Null when
     * this driver does not say. Read only once a connection is open: touching the enum before the
     * driver's {@code SQLiteConfig} is initialised fails in some versions.
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

    /**
     * Makes the connection look unused again (sqlite-jdbc 3.41 and later track the first statement to
     * decide whether the read-only flag may still change), as the driver itself does after its pragmas.
     */
    void markUnused(Object connection) throws Exception {
        if (setFirstStatementExecuted != null) {
            invoke(setFirstStatementExecuted, connection, Boolean.FALSE);
        }
    }

    private static void invoke(Method method, Object target, Object argument) throws Exception {
        try {
            method.invoke(target, argument);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }
}
