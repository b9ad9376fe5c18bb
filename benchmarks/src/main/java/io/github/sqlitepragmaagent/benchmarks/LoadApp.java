package io.github.sqlitepragmaagent.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * The jdbc-load subject: writer threads inserting one row per autocommit transaction and reader
 * threads running a small indexed query, each thread on a connection of its own, for a fixed time.
 *
 * <pre>LoadApp DB URL_SUFFIX WRITERS READERS MILLISECONDS</pre>
 *
 * prints {@code settings journal_mode=... ...} (what its connection reports) and
 * {@code result writes=N reads=N seconds=S write_p50_us=... write_p99_us=... read_p50_us=...
 * read_p99_us=... locked=N other_errors=N}, and {@code error MESSAGE} for the first error that is not
 * "database is locked".
 */
public final class LoadApp {

    /** Keys the rows spread over: readers look up the latest row of one of them. */
    private static final int KEYS = 1000;

    private LoadApp() {}

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + args[1];
        int writers = Integer.parseInt(args[2]);
        int readers = Integer.parseInt(args[3]);
        long millis = Long.parseLong(args[4]);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE items(id INTEGER PRIMARY KEY, k INTEGER NOT NULL, v TEXT NOT NULL)");
            s.executeUpdate("INSERT INTO items(k, v) SELECT i % " + KEYS + ", hex(randomblob(16)) FROM (WITH RECURSIVE"
                    + " n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + 10 * KEYS + ") SELECT i FROM n)");
            s.executeUpdate("CREATE INDEX items_k ON items(k)");
            System.out.println("settings " + SubjectReadings.settings(s));
        }
        // Opened one after the other before the clock starts: the benchmark is about work, not opens.
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < writers + readers; i++) {
            workers.add(new Worker(DriverManager.getConnection(url), i < writers));
        }
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        for (Worker worker : workers) {
            worker.end = end;
            worker.start();
        }
        Histogram writeLatency = new Histogram(3);
        Histogram readLatency = new Histogram(3);
        long locked = 0;
        long otherErrors = 0;
        String firstError = null;
        for (Worker worker : workers) {
            worker.join();
            (worker.writer ? writeLatency : readLatency).add(worker.latency);
            locked += worker.locked;
            otherErrors += worker.otherErrors;
            firstError = firstError == null ? worker.firstError : firstError;
        }
        // A thread blocked on a lock may finish after the deadline: throughput is over the real time taken.
        double seconds = (System.nanoTime() - start) / 1e9;
        long writes = workers.stream().filter(w -> w.writer).mapToLong(w -> w.done).sum();
        long reads = workers.stream().filter(w -> !w.writer).mapToLong(w -> w.done).sum();
        if (firstError != null) {
            System.out.println("error " + firstError);
        }
        System.out.printf(Locale.ROOT, "result writes=%d reads=%d seconds=%.3f write_p50_us=%.1f write_p99_us=%.1f"
                        + " read_p50_us=%.1f read_p99_us=%.1f locked=%d other_errors=%d%n", writes, reads, seconds,
                SubjectReadings.micros(writeLatency, 50), SubjectReadings.micros(writeLatency, 99),
                SubjectReadings.micros(readLatency, 50), SubjectReadings.micros(readLatency, 99), locked, otherErrors);
    }

    /** One thread on its own connection; its counts are read by main after join. */
    private static final class Worker extends Thread {

        final boolean writer;
        final Connection connection;
        /** Every attempt's time, failed ones included: a write that waited 5 s for a lock and failed was waited for. */
        final Histogram latency = new Histogram(3);
        long end;
        long done;
        long locked;
        long otherErrors;
        String firstError;

        Worker(Connection connection, boolean writer) {
            this.connection = connection;
            this.writer = writer;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (connection;
                    PreparedStatement statement = connection.prepareStatement(writer
                            ? "INSERT INTO items(k, v) VALUES (?, ?)"
                            : "SELECT v FROM items WHERE k = ? ORDER BY id DESC LIMIT 1")) {
                for (long now = System.nanoTime(); now < end; ) {
                    statement.setInt(1, random.nextInt(KEYS));
                    try {
                        if (writer) {
                            statement.setString(2, Long.toHexString(random.nextLong()));
                            statement.executeUpdate();
                        } else {
                            try (ResultSet r = statement.executeQuery()) {
                                r.next();
                            }
                        }
                        done++;
                    } catch (SQLException e) {
                        count(e);
                    }
                    long after = System.nanoTime();
                    latency.recordValue(after - now);
                    now = after;
                }
            } catch (SQLException e) {
                count(e);
            }
        }

        private void count(SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("database is locked") || message.contains("SQLITE_BUSY")) {
                locked++;
            } else {
                otherErrors++;
                firstError = firstError == null ? message.replace('\n', ' ') : firstError;
            }
        }
    }
}
