package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers of one JVM on one database, as {@code writers.queue} sees them. Ordered by latches; the only clock
 * is a bound on how long the app looks for a waiting thread (it reports what it saw, never how long it took).
 *
 * <pre>WriterQueueApp DB_FILE SCENARIO,...</pre>
 *
 * <ol>
 * <li>{@code writers}: 4 threads, each on its own connection, commit 100 transactions of two INSERTs each
 * (a failed one is rolled back, counted and tried again): every row must be there.</li>
 * <li>{@code stuck}: thread {@code holder} begins a transaction, writes and never commits until told; {@code main}
 * writes in a transaction with {@code PRAGMA busy_timeout=300}: it gets "database is locked", as without the
 * agent. Then the holder commits and {@code main} writes again.</li>
 * <li>{@code line}: the holder holds the lock again; three threads begin a write transaction one after the
 * other, each once the one before waits for its turn (a thread parked in the agent's line is WAITING or
 * TIMED_WAITING; in SQLite's busy handler it is RUNNABLE). Reports whether each was seen parked, and the
 * order in which they committed (by rowid) once the holder commits.</li>
 * </ol>
 */
public final class WriterQueueApp {

    private static final int WRITERS = 4;
    private static final int TRANSACTIONS = 100;

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0];
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE rows(writer INTEGER, n INTEGER, part INTEGER)");
        }
        List<String> scenarios = java.util.Arrays.asList(args[1].split(","));
        if (scenarios.contains("writers")) {
            writers(url);
        }
        if (scenarios.contains("stuck")) {
            stuck(url);
        }
        if (scenarios.contains("line")) {
            line(url);
        }
        System.out.println("app.done=true");
    }

    private static void writers(String url) throws Exception {
        AtomicLong retries = new AtomicLong();
        List<Thread> threads = new ArrayList<Thread>();
        List<String> failures = new CopyOnWriteArrayList<String>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    for (int n = 0; n < TRANSACTIONS; n++) {
                        while (true) {
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("INSERT INTO rows VALUES (" + writer + ", " + n + ", 1)");
                                s.executeUpdate("INSERT INTO rows VALUES (" + writer + ", " + n + ", 2)");
                                c.commit();
                                break;
                            } catch (SQLException e) {
                                retries.incrementAndGet();
                                c.rollback();
                            }
                        }
                    }
                    c.setAutoCommit(true);
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*), count(DISTINCT writer || '-' || n) FROM rows")) {
            rows.next();
            System.out.println("writers.rows=" + rows.getLong(1));
            System.out.println("writers.transactions=" + rows.getLong(2));
        }
        System.out.println("writers.failures=" + failures);
        System.out.println("writers.retried=" + (retries.get() > 0 ? "some" : "none"));
    }

    private static void stuck(String url) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread holder = holder(url, holding, finish, "stuck");
        holding.await();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=300");
            System.out.println("stuck.write_while_held=" + writeOnce(c, -2));
            finish.countDown();
            holder.join();
            System.out.println("stuck.write_after=" + writeOnce(c, -2));
        }
    }

    private static void line(String url) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread holder = holder(url, holding, finish, "line");
        holding.await();
        List<String> committed = new CopyOnWriteArrayList<String>();
        List<Thread> waiters = new ArrayList<Thread>();
        StringBuilder parked = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            String name = "waiter-" + i;
            int writer = 100 + i;
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=60000");
            }
            Thread thread = new Thread(() -> {
                try {
                    String outcome = writeOnce(c, writer);
                    committed.add(name + ":" + outcome);
                    c.close();
                } catch (SQLException e) {
                    committed.add(name + ":" + e);
                }
            }, name);
            thread.start();
            waiters.add(thread);
            parked.append(parked.length() == 0 ? "" : ",").append(seenParked(thread));
        }
        System.out.println("line.parked=" + parked);
        finish.countDown();
        holder.join();
        for (Thread thread : waiters) {
            thread.join();
        }
        System.out.println("line.outcomes=" + String.join(",", committed));
        // The order of their commits, as the database has it (rowids grow with each commit: they wrote one at a time).
        StringBuilder order = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT writer FROM rows WHERE writer > 100 ORDER BY rowid")) {
            while (rows.next()) {
                order.append(order.length() == 0 ? "" : ",").append("waiter-").append(rows.getInt(1) - 100);
            }
        }
        System.out.println("line.committed=" + order);
    }

    /** True once {@code thread} parks (the agent's line), false if it is still not parked after 5 s. */
    private static boolean seenParked(Thread thread) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < giveUp) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** A thread that begins a transaction, writes, says so, and commits only once told. */
    private static Thread holder(String url, CountDownLatch holding, CountDownLatch finish, String name) {
        Thread holder = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO rows VALUES (-1, 0, 0)");
                holding.countDown();
                finish.await();
                c.commit();
                c.setAutoCommit(true);
            } catch (Exception e) {
                System.out.println(name + ".holder=error:" + e);
                holding.countDown();
            }
        }, name + "-holder");
        holder.start();
        return holder;
    }

    /** One write transaction: {@code ok}, or {@code locked} on "database is locked" (rolled back). */
    private static String writeOnce(Connection c, int writer) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO rows VALUES (" + writer + ", 0, 0)");
            c.commit();
            return "ok";
        } catch (SQLException e) {
            c.rollback();
            return e.getErrorCode() == 5 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY") ? "locked" : "error:" + e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
