package io.github.sqlitepragmaagent.driver;

import java.sql.Driver;

/**
 * sqlite-jdbc's {@link Driver}, {@code org.sqlite.JDBC}, as a class loader resolves it. The agent
 * bundles no driver: whatever it opens itself (audits, the {@code check} command) goes through the
 * copy of sqlite-jdbc that the caller found.
 */
public final class JdbcDriver {

    private static final String CLASS_NAME = "org.sqlite.JDBC";

    private JdbcDriver() {}

    /** The driver class that {@code loader} resolves, not initialised (it may come from a parent loader). */
    public static Class<?> classIn(ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(CLASS_NAME, false, loader);
    }

    /** A new instance of {@code driverClass}, which initialises the class if it was not yet. */
    public static Driver instance(Class<?> driverClass) throws ReflectiveOperationException {
        return (Driver) driverClass.getDeclaredConstructor().newInstance();
    }
}
