package io.github.sqlitepragmaagent.it.apps;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Two webapps in one JVM, each with its own copy of sqlite-jdbc (two class loaders over the same jar,
 * parent: the platform loader, so each loads its own native SQLite), sharing database SHARED; the
 * first also uses CONTROL alone. The first opens both and keeps them while the agent audits them;
 * then the second opens SHARED too and writes, and the first writes to both; under the agent the app
 * then waits for an idle checkpoint of CONTROL and four more audits of it, so the test can see which
 * databases were audited and checkpointed after the second copy arrived.
 *
 * <pre>TwoDriverCopiesApp SQLITE_JDBC_JAR SHARED CONTROL</pre>
 */
public final class TwoDriverCopiesApp {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    public static void main(String[] args) throws Exception {
        boolean agent = System.getProperty("app.expect.agent") != null;
        URL jar = new File(args[0]).toURI().toURL();
        ObjectName shared = bean(args[1]);
        ObjectName control = bean(args[2]);
        try (URLClassLoader first = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
                URLClassLoader second = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
                Connection a = driver(first).connect("jdbc:sqlite:" + args[1], new Properties());
                Connection aControl = driver(first).connect("jdbc:sqlite:" + args[2], new Properties())) {
            a.createStatement().executeUpdate("CREATE TABLE t(x)");
            aControl.createStatement().executeUpdate("CREATE TABLE c(x)");
            if (agent) {
                waitUntil(() -> audits(shared) >= 1 && audits(control) >= 1, "the first audits");
            }
            try (Connection b = driver(second).connect("jdbc:sqlite:" + args[1], new Properties());
                    Statement statement = b.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (1)");
                a.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
                long wrote = System.currentTimeMillis();
                aControl.createStatement().executeUpdate("INSERT INTO c VALUES (1)");
                if (agent) {
                    // Written at the same moment, both WALs go idle together: once the control database has been
                    // checkpointed since, and audited four more times, the shared one's turn has long come.
                    waitUntil(() -> number(control, "LastCheckpointTime") >= wrote, "a checkpoint of the control database");
                    long controlAudits = audits(control);
                    waitUntil(() -> audits(control) >= controlAudits + 4, "four more audits of the control database");
                }
                Report.print("second", b);
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                    rows.next();
                    System.out.println("app.rows=" + rows.getLong(1));
                }
            }
        }
        System.out.println("app.done=true");
    }

    private static Driver driver(ClassLoader loader) throws Exception {
        return (Driver) loader.loadClass("org.sqlite.JDBC").getDeclaredConstructor().newInstance();
    }

    private static ObjectName bean(String path) throws Exception {
        return new ObjectName("io.github.sqlitepragmaagent:type=Database,path=" + ObjectName.quote(path));
    }

    private static long audits(ObjectName database) throws Exception {
        return number(database, "AuditsRun");
    }

    private static long number(ObjectName database, String attribute) throws Exception {
        return SERVER.isRegistered(database) ? ((Number) SERVER.getAttribute(database, attribute)).longValue() : -1;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("gave up waiting a minute for " + what);
            }
            Thread.sleep(20);
        }
    }
}
