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

    /**
     * The driver class defined by the class loader of {@code connection}'s own class, or null when that
     * loader resolves {@code org.sqlite.JDBC} elsewhere (a parent loader, another jar) or not at all.
     * Whatever the agent opens for a database the app uses must go through this very copy: another
     * copy of the native library keeps its own lock table, and each close through it would release the
     * app's POSIX locks on the file (sqlite.org, "How To Corrupt An SQLite Database File", 2.2-2.3).
     */
    public static Class<?> besideConnection(Object connection) {
        ClassLoader loader = connection.getClass().getClassLoader();
        try {
            Class<?> driverClass = classIn(loader);
            return driverClass.getClassLoader() == loader ? driverClass : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A new instance of {@code driverClass}, which initialises the class if it was not yet. */
    public static Driver instance(Class<?> driverClass) throws ReflectiveOperationException {
        return (Driver) driverClass.getDeclaredConstructor().newInstance();
    }
}
