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
 * The tx-load subject: threads running short transactions the way Spring's transaction managers
 * run them on a pooled connection ({@code setReadOnly(true)} for read-only ones, then
 * {@code setAutoCommit(false)}, the statements, {@code commit()}, {@code setAutoCommit(true)},
 * {@code setReadOnly(false)}), each thread on a connection of its own, for a fixed time; a failed
 * transaction is rolled back and counted, not retried.
 *
 * <pre>TxLoadApp DB URL_SUFFIX WORKLOAD THREADS READERS MILLISECONDS</pre>
 *
 * WORKLOAD is {@code read-then-write} (THREADS threads: read a balance, write it back plus one),
 * {@code write-only} (THREADS threads: move one unit between two accounts) or {@code read-only}
 * (READERS threads of two-query read-only transactions beside two write-only threads) or
 * {@code read-only-unmarked} (the same readers without {@code setReadOnly}). Prints
 * {@code settings ...}, then {@code result committed=N failed=N locked=N seconds=S p50_us=.. p99_us=..
 * beside_committed=N read_only_flag=ok|refused|unused balance_drift=N} about the workload's own
 * threads (for read-only: the readers), and {@code error MESSAGE} for the first error that is not a
 * lock error.
 */
public final class TxLoadApp {

    static final int ACCOUNTS = 1000;
    static final int OPENING_BALANCE = 1000;
    /** The writers beside the readers of the read-only workload. */
    static final int WRITERS_BESIDE_READERS = 2;

    enum Kind { READ_THEN_WRITE, WRITE_ONLY, READ_ONLY, READ_UNMARKED }

    private TxLoadApp() {}

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + args[1];
        String workload = args[2];
        int threads = Integer.parseInt(args[3]);
        int readers = Integer.parseInt(args[4]);
        long millis = Long.parseLong(args[5]);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
            s.executeUpdate("INSERT INTO accounts(id, balance) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    + " WHERE i < " + ACCOUNTS + ") SELECT i, " + OPENING_BALANCE + " FROM n");
            System.out.println("settings " + SubjectReadings.settings(s));
        }
        Kind measured;
        List<Worker> workers = new ArrayList<>();
        switch (workload) {
            case "read-then-write" -> {
                measured = Kind.READ_THEN_WRITE;
                addWorkers(workers, url, Kind.READ_THEN_WRITE, threads);
            }
            case "write-only" -> {
                measured = Kind.WRITE_ONLY;
                addWorkers(workers, url, Kind.WRITE_ONLY, threads);
            }
            case "read-only" -> {
                measured = Kind.READ_ONLY;
                addWorkers(workers, url, Kind.WRITE_ONLY, WRITERS_BESIDE_READERS);
                addWorkers(workers, url, Kind.READ_ONLY, readers);
            }
            case "read-only-unmarked" -> {
                measured = Kind.READ_UNMARKED;
                addWorkers(workers, url, Kind.WRITE_ONLY, WRITERS_BESIDE_READERS);
                addWorkers(workers, url, Kind.READ_UNMARKED, readers);
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        for (Worker worker : workers) {
            worker.end = end;
            worker.start();
        }
        Histogram latency = new Histogram(3);
        long committed = 0;
        long failed = 0;
        long locked = 0;
        long beside = 0;
        long increments = 0;
        String readOnlyFlag = "unused";
        String firstError = null;
        for (Worker worker : workers) {
            worker.join();
            if (worker.kind == measured) {
                latency.add(worker.latency);
                committed += worker.committed;
                failed += worker.failed;
                locked += worker.locked;
            } else {
                beside += worker.committed;
            }
            if (worker.kind == Kind.READ_THEN_WRITE) {
                increments += worker.committed;
            }
            if (worker.readOnlyFlag != null) {
                readOnlyFlag = worker.readOnlyFlag;
            }
            firstError = firstError == null ? worker.firstError : firstError;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drift = balanceDrift(url, increments);
        if (firstError != null) {
            System.out.println("error " + firstError);
        }
        System.out.printf(Locale.ROOT, "result committed=%d failed=%d locked=%d seconds=%.3f p50_us=%.1f p99_us=%.1f"
                        + " beside_committed=%d read_only_flag=%s balance_drift=%d%n", committed, failed, locked, seconds,
                SubjectReadings.micros(latency, 50), SubjectReadings.micros(latency, 99), beside, readOnlyFlag, drift);
    }

    private static void addWorkers(List<Worker> workers, String url, Kind kind, int count) throws SQLException {
        // Opened one after the other before the clock starts: the benchmark is about transactions, not opens.
        for (int i = 0; i < count; i++) {
            workers.add(new Worker(DriverManager.getConnection(url), kind));
        }
    }

    /**
     * The money that appeared or vanished: committed read-then-write transactions add one each,
     * transfers move it. Non-zero only where a transaction the app saw fail did commit, or one it
     * saw commit did not (the driver's failed-begin trap, sqlite-jdbc issue 683).
     */
    private static long balanceDrift(String url, long increments) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT sum(balance) FROM accounts")) {
            r.next();
            return r.getLong(1) - (long) ACCOUNTS * OPENING_BALANCE - increments;
        }
    }

    /** One thread on its own connection; its counts are read by main after join. */
    private static final class Worker extends Thread {

        final Connection connection;
        final Kind kind;
        /** Every transaction's time, failed ones included. */
        final Histogram latency = new Histogram(3);
        long end;
        long committed;
        long failed;
        long locked;
        /** What {@code setReadOnly(true)} did the first time: ok, or refused by the driver. */
        String readOnlyFlag;
        String firstError;

        Worker(Connection connection, Kind kind) {
            this.connection = connection;
            this.kind = kind;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try (connection;
                    PreparedStatement read = connection.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
                    PreparedStatement write = connection.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?");
                    PreparedStatement add = connection.prepareStatement(
                            "UPDATE accounts SET balance = balance + ? WHERE id = ?");
                    PreparedStatement range = connection.prepareStatement(
                            "SELECT sum(balance) FROM accounts WHERE id BETWEEN ? AND ? + 50")) {
                for (long now = System.nanoTime(); now < end; ) {
                    int a = 1 + random.nextInt(ACCOUNTS);
                    int b = 1 + random.nextInt(ACCOUNTS);
                    try {
                        if (kind == Kind.READ_ONLY) {
                            setReadOnly(true);
                        }
                        connection.setAutoCommit(false);
                        switch (kind) {
                            case READ_THEN_WRITE -> {
                                long balance = scalar(read, a);
                                write.setLong(1, balance + 1);
                                write.setInt(2, a);
                                write.executeUpdate();
                            }
                            case WRITE_ONLY -> {
                                move(add, a, -1);
                                move(add, b, 1);
                            }
                            case READ_ONLY, READ_UNMARKED -> {
                                scalar(read, a);
                                scalar(range, b);
                            }
                        }
                        connection.commit();
                        committed++;
                    } catch (SQLException e) {
                        count(e);
                        try {
                            connection.rollback();
                        } catch (SQLException ignored) {
                            // No transaction left to roll back: what the failure left is what we measure.
                        }
                    } finally {
                        quietly(() -> connection.setAutoCommit(true));
                        if (kind == Kind.READ_ONLY) {
                            quietly(() -> connection.setReadOnly(false));
                        }
                    }
                    long after = System.nanoTime();
                    latency.recordValue(after - now);
                    now = after;
                }
            } catch (SQLException e) {
                count(e);
            }
        }

        /** As Spring does: a driver that refuses the flag is not an error, the transaction runs without it. */
        private void setReadOnly(boolean readOnly) {
            try {
                connection.setReadOnly(readOnly);
                readOnlyFlag = readOnlyFlag == null ? "ok" : readOnlyFlag;
            } catch (SQLException e) {
                readOnlyFlag = readOnlyFlag == null ? "refused" : readOnlyFlag;
            }
        }

        private static long scalar(PreparedStatement statement, int id) throws SQLException {
            statement.setInt(1, id);
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }

        private static void move(PreparedStatement add, int id, int amount) throws SQLException {
            add.setInt(1, amount);
            add.setInt(2, id);
            add.executeUpdate();
        }

        private void count(SQLException e) {
            failed++;
            int primary = e.getErrorCode() & 0xff;
            String message = String.valueOf(e.getMessage());
            if (primary == 5 || primary == 6 || message.contains("database is locked")) {
                locked++;
            } else {
                firstError = firstError == null ? message.replace('\n', ' ') : firstError;
            }
        }

        private interface SqlAction {
            void run() throws SQLException;
        }

        private void quietly(SqlAction action) {
            try {
                action.run();
            } catch (SQLException e) {
                firstError = firstError == null ? "after the transaction: " + e.getMessage() : firstError;
            }
        }
    }
}
