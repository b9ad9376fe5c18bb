package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Commits numbered rows one by one and prints {@code ack N} after each commit has returned, until it
 * is killed. Numbers continue from the highest already stored, so a database accumulates 1, 2, 3...
 *
 * <pre>CrashWriterApp URL</pre>
 */
public final class CrashWriterApp {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0])) {
            long next;
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS acked(n INTEGER PRIMARY KEY, payload BLOB)");
                try (ResultSet result = statement.executeQuery("SELECT coalesce(max(n), 0) + 1 FROM acked")) {
                    result.next();
                    next = result.getLong(1);
                }
            }
            Report.jvm();
            System.out.println("start " + next);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acked VALUES (?, randomblob(200))")) {
                while (true) {
                    insert.setLong(1, next);
                    insert.executeUpdate();
                    System.out.println("ack " + next);
                    System.out.flush();
                    next++;
                }
            }
        }
    }
}
