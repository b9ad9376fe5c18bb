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
 * on a thread named {@code report-reader}, opens its result set in {@link #openMonthlyReport} and holds
 * it in {@link #holdMonthlyReportOpen} until the test creates {@code release} in CONTROL; the writer
 * meanwhile writes ROWS rows of 4 KiB (printing {@code app.step=written}). With EPISODES 2 this happens
 * twice: after the first reader closed, the app waits until its {@code -wal} has been emptied (the
 * agent's idle checkpoint) and prints {@code app.step=emptied}, then a second reader holds its result set
 * until {@code release-2}. At the end {@code app.rows} says how many rows the database holds.
 *
 * <pre>PinnedReaderApp URL CONTROL ROWS [EPISODES]</pre>
 */
public final class PinnedReaderApp {

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        int episodes = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (Connection writer = DriverManager.getConnection(args[0])) {
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
                statement.executeUpdate("INSERT INTO rows VALUES (0, randomblob(100)), (-1, randomblob(100))");
            }
            int n = 0;
            for (int episode = 1; episode <= episodes; episode++) {
                Path release = control.resolve(episode == 1 ? "release" : "release-" + episode);
                CountDownLatch reading = new CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try {
                        holdMonthlyReportOpen(args[0], reading, release);
                    } catch (Exception e) {
                        System.out.println("app.reader_error=" + e.toString().replace(' ', '_'));
                        reading.countDown();
                    }
                }, "report-reader");
                reader.start();
                reading.await();
                try (PreparedStatement insert = writer.prepareStatement("INSERT INTO rows VALUES (?, randomblob(4096))")) {
                    for (int i = 1; i <= rows; i++) {
                        insert.setInt(1, ++n);
                        insert.executeUpdate();
                    }
                }
                step("written");
                reader.join();
                if (episode < episodes) {
                    awaitEmptyWal(args[0]);
                    step("emptied");
                }
            }
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
                ResultSet report = openMonthlyReport(statement)) {
            report.next();
            step("reading");
            reading.countDown();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.exists(release) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /** Where the read that pins the WAL begins. */
    static ResultSet openMonthlyReport(Statement statement) throws Exception {
        return statement.executeQuery("SELECT n, length(payload) FROM rows ORDER BY n");
    }

    /** Waits (bounded) until the -wal is empty: a stat, never an open. */
    private static void awaitEmptyWal(String url) throws Exception {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        Path wal = Path.of((query < 0 ? file : file.substring(0, query)) + "-wal");
        long deadline = System.currentTimeMillis() + 60_000;
        while (Files.exists(wal) && Files.size(wal) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void step(String name) {
        System.out.println("app.step=" + name);
        System.out.flush();
    }
}
