package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * An app that commits and then idles with its connection open, as a web app between requests does:
 * commits ROWS rows one transaction each, prints {@code app.step=committed}, then waits. When the test
 * creates {@code more} in CONTROL it commits ROWS more and prints {@code app.step=more}; when it creates
 * {@code stop} it closes and exits. The test may kill it instead.
 *
 * <pre>IdleApp URL CONTROL ROWS</pre>
 */
public final class IdleApp {

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        try (Connection connection = DriverManager.getConnection(args[0])) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
            }
            commit(connection, 1, rows);
            step("committed");
            await(control.resolve("more"));
            commit(connection, rows + 1, rows);
            step("more");
            await(control.resolve("stop"));
        }
        System.out.println("app.done=true");
    }

    private static void commit(Connection connection, int first, int rows) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, randomblob(200))")) {
            for (int n = first; n < first + rows; n++) {
                insert.setInt(1, n);
                insert.executeUpdate();
            }
        }
    }

    private static void step(String name) {
        System.out.println("app.step=" + name);
        System.out.flush();
    }

    private static void await(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
