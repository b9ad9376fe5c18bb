package io.github.sqlitepragmaagent.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The audit-impact subject: one app thread committing small transactions for a fixed time.
 *
 * <pre>WriterApp DB MILLISECONDS</pre> prints {@code writes=N errors=N seconds=S}.
 */
public final class WriterApp {

    private WriterApp() {}

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[1]);
        long writes = 0;
        long errors = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS writes(at INTEGER, payload BLOB)");
            }
            // Give the first-open audit its start, then measure.
            Thread.sleep(200);
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO writes VALUES (?, randomblob(200))")) {
                while (System.nanoTime() < end) {
                    try {
                        insert.setLong(1, System.nanoTime());
                        insert.executeUpdate();
                        writes++;
                    } catch (SQLException e) {
                        errors++;
                    }
                }
            }
            System.out.println("writes=" + writes + " errors=" + errors + " seconds=" + (System.nanoTime() - start) / 1e9);
        }
    }
}
