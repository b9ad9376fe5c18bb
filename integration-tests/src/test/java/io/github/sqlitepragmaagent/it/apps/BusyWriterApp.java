package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Writes one row every 2 ms for WRITE_MS on one connection, says how many audits the agent had run by
 * then, stops writing and waits (at most a minute and a half) for the agent's first audit. Args: url,
 * write milliseconds.
 */
public final class BusyWriterApp {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private BusyWriterApp() {}

    public static void main(String[] args) throws Exception {
        long writeMillis = Long.parseLong(args[1]);
        ObjectName agent = new ObjectName("io.github.sqlitepragmaagent:type=Agent");
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS busy(id INTEGER PRIMARY KEY, n INTEGER)");
            long rows = 0;
            long end = System.nanoTime() + writeMillis * 1_000_000L;
            while (System.nanoTime() < end) {
                rows += statement.executeUpdate("INSERT INTO busy(n) VALUES (" + rows + ")");
                Thread.sleep(2);
            }
            System.out.println("app.audits_while_writing=" + audits(agent));
            System.out.println("app.rows=" + rows);
            long deadline = System.currentTimeMillis() + 90_000;
            while (audits(agent) == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            System.out.println("app.audits_after_writing=" + audits(agent));
        }
    }

    /** Audits the agent has run, 0 before it registered its bean (at its first audit). */
    private static long audits(ObjectName agent) throws Exception {
        return SERVER.isRegistered(agent) ? ((Number) SERVER.getAttribute(agent, "AuditsRun")).longValue() : 0;
    }
}
