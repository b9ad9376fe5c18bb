package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * tx-load's read-then-write workload, bounded by a count instead of a clock: THREADS threads, each on a
 * connection of its own, run TRANSACTIONS transactions of {@code SELECT balance; UPDATE balance = read + 1;
 * commit} on a few accounts (so that they contend), started together by a latch. A failed transaction is
 * rolled back and counted, never retried.
 *
 * <pre>ReadThenWriteApp URL THREADS TRANSACTIONS</pre>
 *
 * Prints {@code app.committed}, {@code app.failed}, {@code app.failed_other} (failures that are not lock
 * errors) and {@code app.drift} (the sum of balances minus the committed increments: non-zero where a
 * transaction the app saw fail did commit, or the reverse).
 */
public final class ReadThenWriteApp {

    private static final int ACCOUNTS = 16;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        int transactions = Integer.parseInt(args[2]);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
            for (int i = 1; i <= ACCOUNTS; i++) {
                s.executeUpdate("INSERT INTO accounts VALUES (" + i + ", 0)");
            }
        }
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong other = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection connection = DriverManager.getConnection(url);
            workers.add(new Thread(() -> {
                try (connection;
                        PreparedStatement read = connection.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
                        PreparedStatement write = connection.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?")) {
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < transactions; i++) {
                        int id = 1 + random.nextInt(ACCOUNTS);
                        try {
                            connection.setAutoCommit(false);
                            read.setInt(1, id);
                            long balance;
                            try (ResultSet rows = read.executeQuery()) {
                                rows.next();
                                balance = rows.getLong(1);
                            }
                            write.setLong(1, balance + 1);
                            write.setInt(2, id);
                            write.executeUpdate();
                            connection.commit();
                            committed.incrementAndGet();
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                            if ((e.getErrorCode() & 0xff) != 5 && (e.getErrorCode() & 0xff) != 6) {
                                other.incrementAndGet();
                                System.out.println("failure: " + e.getMessage());
                            }
                            try {
                                connection.rollback();
                            } catch (SQLException ignored) {
                                // the driver's failed-begin trap (sqlite-jdbc issue 683): counted by the drift
                            }
                        } finally {
                            try {
                                connection.setAutoCommit(true);
                            } catch (SQLException ignored) {
                                // nothing open
                            }
                        }
                    }
                } catch (Exception e) {
                    other.incrementAndGet();
                    System.out.println("failure: " + e);
                }
            }, "worker-" + t));
        }
        workers.forEach(Thread::start);
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        try (Connection check = DriverManager.getConnection(url); Statement s = check.createStatement();
                ResultSet sum = s.executeQuery("SELECT sum(balance) FROM accounts")) {
            sum.next();
            System.out.println("app.drift=" + (sum.getLong(1) - committed.get()));
        }
        System.out.println("app.committed=" + committed.get());
        System.out.println("app.failed=" + failed.get());
        System.out.println("app.failed_other=" + other.get());
    }
}
