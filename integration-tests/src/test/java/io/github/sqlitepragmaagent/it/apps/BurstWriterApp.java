package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * An app that writes without pausing (one 1 KiB row per transaction) until the test creates
 * {@code stop} in CONTROL: it never goes idle. Prints {@code app.step=writing} after its first 1,000
 * rows and {@code app.rows} at the end.
 *
 * <pre>BurstWriterApp URL CONTROL</pre>
 */
public final class BurstWriterApp {

    public static void main(String[] args) throws Exception {
        Path stop = Path.of(args[1]).resolve("stop");
        long rows = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        try (Connection connection = DriverManager.getConnection(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, randomblob(1024))")) {
                while (!(rows % 100 == 0 && Files.exists(stop)) && System.currentTimeMillis() < deadline) {
                    insert.setLong(1, ++rows);
                    insert.executeUpdate();
                    if (rows == 1000) {
                        System.out.println("app.step=writing");
                        System.out.flush();
                    }
                }
            }
        }
        System.out.println("app.rows=" + rows);
        System.out.println("app.done=true");
    }
}
