package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An app that keeps writing while the agent backs its database up: commits one row per transaction
 * (rows 1, 2, 3... with no gap) and prints {@code app.committed=N at=MILLIS} after each commit returned,
 * so a test knows which rows every backup must hold. When CONTROL/stop exists it prints the count its own
 * connection reads back ({@code app.count=}) and the agent's JMX backup attributes
 * ({@code app.jmx.LastBackupResult=...}), then exits. A test may kill it instead.
 *
 * <pre>BackupApp URL CONTROL</pre>
 */
public final class BackupApp {

    public static void main(String[] args) throws Exception {
        Path stop = Path.of(args[1]).resolve("stop");
        try (Connection connection = DriverManager.getConnection(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS rows(n INTEGER PRIMARY KEY, payload BLOB)");
            }
            long n;
            try (Statement statement = connection.createStatement();
                    ResultSet max = statement.executeQuery("SELECT coalesce(max(n), 0) FROM rows")) {
                max.next();
                n = max.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, randomblob(500))")) {
                while (!Files.exists(stop)) {
                    insert.setLong(1, ++n);
                    insert.executeUpdate();
                    System.out.println("app.committed=" + n + " at=" + System.currentTimeMillis());
                    System.out.flush();
                    Thread.sleep(5);
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM rows")) {
                count.next();
                System.out.println("app.count=" + count.getLong(1) + " last=" + n);
            }
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : server.queryNames(new ObjectName("io.github.sqlitepragmaagent:type=Database,*"), null)) {
            for (String attribute : new String[] {"LastBackupResult", "LastBackupOk", "LastBackupBytes", "LastBackupMillis",
                    "LastBackupTime"}) {
                System.out.println("app.jmx." + attribute + "=" + server.getAttribute(name, attribute));
            }
        }
        System.out.println("app.done=true");
    }
}
