package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An app that writes until its disk is full: one row of 2 KiB per transaction until a write fails,
 * then prints {@code app.rows} (rows committed) and {@code app.error}, and closes its connection
 * once the test creates {@code stop} in CONTROL.
 *
 * <pre>DiskFullApp URL CONTROL</pre>
 */
public final class DiskFullApp {

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[1]);
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, randomblob(2048))")) {
                while (true) {
                    insert.setLong(1, rows + 1);
                    insert.executeUpdate();
                    rows++;
                }
            } catch (SQLException e) {
                System.out.println("app.error=" + e.getMessage().replace(' ', '_'));
            }
            full(rows, control);
        }
        System.out.println("app.done=true");
    }

    /** Says how many rows were committed, then waits (with the connections open) until the test creates {@code stop}. */
    static void full(long rows, Path control) throws InterruptedException {
        System.out.println("app.rows=" + rows);
        System.out.println("app.step=full");
        System.out.flush();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(control.resolve("stop")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
