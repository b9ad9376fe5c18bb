package io.github.sqlitepragmaagent.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A reader that keeps a result set open while a writer writes: the read pins the WAL. The reader runs
 * on a thread named {@code report-reader}, inside {@link #holdMonthlyReportOpen}, and keeps its result
 * set open until the test creates {@code release} in CONTROL; the writer then writes ROWS rows of 4 KiB
 * (printing {@code app.step=written}); after {@code release} both close, and {@code app.rows} says
 * how many rows the database holds.
 *
 * <pre>PinnedReaderApp URL CONTROL ROWS</pre>
 */
public final class PinnedReaderApp {

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        CountDownLatch reading = new CountDownLatch(1);
        Thread reader;
        try (Connection writer = DriverManager.getConnection(args[0])) {
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
                statement.executeUpdate("INSERT INTO rows VALUES (0, randomblob(100)), (-1, randomblob(100))");
            }
            reader = new Thread(() -> {
                try {
                    holdMonthlyReportOpen(args[0], reading, control.resolve("release"));
                } catch (Exception e) {
                    System.out.println("app.reader_error=" + e.toString().replace(' ', '_'));
                    reading.countDown();
                }
            }, "report-reader");
            reader.start();
            reading.await();
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO rows VALUES (?, randomblob(4096))")) {
                for (int n = 1; n <= rows; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                }
            }
            step("written");
            reader.join();
            try (Statement statement = writer.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM rows")) {
                count.next();
                System.out.println("app.rows=" + count.getLong(1));
            }
        }
        System.out.println("app.done=true");
    }

    /** The method a pinned-WAL warning should point at: it holds a result set open until RELEASE exists. */
    static void holdMonthlyReportOpen(String url, CountDownLatch reading, Path release) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet report = statement.executeQuery("SELECT n, length(payload) FROM rows ORDER BY n")) {
            report.next();
            step("reading");
            reading.countDown();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.exists(release) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    private static void step(String name) {
        System.out.println("app.step=" + name);
        System.out.flush();
    }
}
