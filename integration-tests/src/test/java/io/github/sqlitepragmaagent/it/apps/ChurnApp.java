package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Database churn, for the heap measurement: a multi-tenant app that creates COUNT database files one
 * after the other (open, write, close), keeping the newest WINDOW and deleting the older ones. Once
 * the agent has audited each, reports the heap in use after full collections and the agent's bean count.
 *
 * <pre>ChurnApp DIR COUNT WINDOW</pre>
 */
public final class ChurnApp {

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        int count = Integer.parseInt(args[1]);
        int window = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db-" + i + ".db"));
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE visits(at INTEGER)");
                statement.executeUpdate("INSERT INTO visits VALUES (1)");
            }
            if (i > window) {
                Files.delete(dir.resolve("db-" + (i - window) + ".db"));
            }
        }
        System.out.println("app.churn_seconds=" + (System.nanoTime() - started) / 1_000_000_000);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName agent = new ObjectName("io.github.sqlitepragmaagent:type=Agent");
        long end = System.nanoTime() + 900_000_000_000L;
        while (System.nanoTime() < end
                && !(server.isRegistered(agent) && ((Long) server.getAttribute(agent, "AuditsRun")) >= count)) {
            Thread.sleep(100);
        }
        System.out.println("app.audits_run=" + (server.isRegistered(agent) ? server.getAttribute(agent, "AuditsRun") : -1));
        System.out.println("app.seconds=" + (System.nanoTime() - started) / 1_000_000_000);
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        System.out.println("app.heap_used_bytes=" + used);
        System.out.println("jmx.Databases=" + (server.isRegistered(agent) ? server.getAttribute(agent, "Databases") : -1));
        System.out.println("app.beans="
                + server.queryNames(new ObjectName("io.github.sqlitepragmaagent:type=Database,*"), null).size());
        System.out.println("app.done=true");
    }
}
