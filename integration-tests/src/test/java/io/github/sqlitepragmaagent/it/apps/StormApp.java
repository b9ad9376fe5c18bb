package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * THREADS threads open the first connections to a brand-new database at the same instant, each
 * reads its journal mode and writes a row.
 *
 * <pre>StormApp URL THREADS</pre>
 */
public final class StormApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wal = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    try (Connection connection = DriverManager.getConnection(url);
                            Statement statement = connection.createStatement()) {
                        try (ResultSet result = statement.executeQuery("PRAGMA journal_mode")) {
                            result.next();
                            if ("wal".equals(result.getString(1))) {
                                wal.incrementAndGet();
                            }
                        }
                        statement.executeUpdate("CREATE TABLE IF NOT EXISTS storm(thread INTEGER)");
                        statement.executeUpdate("INSERT INTO storm VALUES (" + id + ")");
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    synchronized (firstErrors) {
                        if (firstErrors.size() < 3) {
                            firstErrors.add(e.toString());
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        ready.await();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("app.wal=" + wal.get());
        System.out.println("app.errors=" + errors.get());
        System.out.println("app.first_errors=" + String.join("|", firstErrors).replace(' ', '_'));
        Report.jvm();
    }
}
