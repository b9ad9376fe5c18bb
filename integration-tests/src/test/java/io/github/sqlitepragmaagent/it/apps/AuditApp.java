package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An app that keeps a database open while the agent audits it, and optionally works meanwhile.
 *
 * <pre>
 * AuditApp URL [--write-ms N] [--grow-kb N] [--read-table T] [--insert-table T] [--wait-ms N]
 *              [--jmx ATTRIBUTE...] [--exit-hook] [--wait-for-property NAME]
 * </pre>
 * {@code --write-ms}: a writer thread commits small transactions for N ms and reports errors.
 * {@code --grow-kb}: writes about N KB in one transaction (the WAL grows). {@code --jmx}: prints the
 * named attributes of the agent's MXBeans after waiting. {@code --exit-hook}: reports how long the JVM
 * took from the end of main to its shutdown hooks. {@code --wait-for-property}: before leaving main, waits
 * until the agent sets that system property (its test-only fault switches do, at a point they hold).
 */
public final class AuditApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long writeMillis = 0;
        long waitMillis = 0;
        int growKb = 0;
        String readTable = null;
        String insertTable = null;
        boolean exitHook = false;
        String waitForProperty = null;
        List<String> jmx = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--write-ms" -> writeMillis = Long.parseLong(args[++i]);
                case "--wait-ms" -> waitMillis = Long.parseLong(args[++i]);
                case "--grow-kb" -> growKb = Integer.parseInt(args[++i]);
                case "--read-table" -> readTable = args[++i];
                case "--insert-table" -> insertTable = args[++i];
                case "--exit-hook" -> exitHook = true;
                case "--wait-for-property" -> waitForProperty = args[++i];
                case "--jmx" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        jmx.add(args[++i]);
                    }
                }
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            if (readTable != null) {
                try (Statement s = connection.createStatement();
                        ResultSet r = s.executeQuery("SELECT count(*) FROM " + readTable)) {
                    r.next();
                    System.out.println("app.read_rows=" + r.getLong(1));
                }
            }
            if (insertTable != null) {
                try (Statement s = connection.createStatement()) {
                    System.out.println("app.inserted=" + s.executeUpdate("INSERT INTO " + insertTable + " VALUES (7)"));
                }
            }
            if (growKb > 0) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("CREATE TABLE IF NOT EXISTS growth(b BLOB)");
                    s.executeUpdate("INSERT INTO growth SELECT randomblob(1024) FROM (WITH RECURSIVE n(i) AS"
                            + " (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + growKb + ") SELECT i FROM n)");
                }
            }
            if (writeMillis > 0) {
                write(url, writeMillis);
            }
            Thread.sleep(waitMillis);
            while (waitForProperty != null && System.getProperty(waitForProperty) == null) {
                Thread.sleep(10);
            }
            if (!jmx.isEmpty()) {
                printJmx(jmx);
            }
        }
        if (exitHook) {
            long mainEnded = System.nanoTime();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                    "app.exit_delay_ms=" + (System.nanoTime() - mainEnded) / 1_000_000)));
        }
        System.out.println("app.done=true");
    }

    /** A writer on its own connection, as an app thread would be: small transactions for a while. */
    private static void write(String url, long millis) throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(url)) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("CREATE TABLE IF NOT EXISTS writes(at INTEGER, payload BLOB)");
                }
                long end = System.nanoTime() + millis * 1_000_000;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO writes VALUES (?, randomblob(200))")) {
                    while (System.nanoTime() < end) {
                        try {
                            insert.setLong(1, System.nanoTime());
                            insert.executeUpdate();
                            writes.incrementAndGet();
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            synchronized (firstErrors) {
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(e.getMessage());
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                errors.incrementAndGet();
                firstErrors.add(e.getMessage());
            }
        });
        writer.start();
        writer.join();
        System.out.println("app.writes=" + writes.get());
        System.out.println("app.write_errors=" + errors.get());
        System.out.println("app.first_write_errors=" + String.join("|", firstErrors).replace(' ', '_'));
    }

    private static void printJmx(List<String> attributes) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (String attribute : attributes) {
            String[] beanAndName = attribute.split("#", 2);
            ObjectName name = new ObjectName(beanAndName[0]);
            Object value = server.isRegistered(name) ? server.getAttribute(name, beanAndName[1]) : "unregistered";
            System.out.println("jmx." + beanAndName[1] + "=" + String.valueOf(value).replace(' ', '_'));
        }
    }
}
