package io.github.sqlitepragmaagent.it.apps;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;

/**
 * An app whose sqlite-jdbc lives in a class loader of its own, as in app servers and plugin hosts:
 * {@code child} (parent: the system loader) or {@code isolated} (parent: the platform loader, so
 * nothing on the system class path, the agent included, is visible from the driver).
 *
 * <pre>LoaderApp child|isolated SQLITE_JDBC_JAR URL</pre>
 */
public final class LoaderApp {

    public static void main(String[] args) throws Exception {
        ClassLoader parent = args[0].equals("isolated")
                ? ClassLoader.getPlatformClassLoader()
                : ClassLoader.getSystemClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {new File(args[1]).toURI().toURL()}, parent)) {
            Driver driver = (Driver) loader.loadClass("org.sqlite.JDBC").getDeclaredConstructor().newInstance();
            System.out.println("app.driver_loader=" + driver.getClass().getClassLoader());
            try (Connection connection = driver.connect(args[2], new Properties())) {
                Report.print("app", connection);
            }
        }
        Report.jvm();
        System.out.println("app.done=true");
    }
}
