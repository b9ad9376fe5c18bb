package io.github.sqlitepragmaagent.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DiskFullApp} with a HikariCP pool of four connections and four writer threads, each borrowing
 * a connection per row: writes one 2 KiB row per transaction until one fails with a full disk (a locked
 * database is tried again, as an app with retries does), then prints {@code app.rows} and closes the pool
 * once the test creates {@code stop} in CONTROL.
 *
 * <pre>DiskFullPoolApp URL CONTROL</pre>
 */
public final class DiskFullPoolApp {

    public static final int WRITERS = 4;

    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[1]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(WRITERS);
        config.setMinimumIdle(WRITERS);
        AtomicLong rows = new AtomicLong();
        AtomicBoolean full = new AtomicBoolean();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE rows(n INTEGER PRIMARY KEY, payload BLOB)");
            }
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Thread writer = new Thread(() -> {
                    while (!full.get()) {
                        try (Connection connection = pool.getConnection();
                                PreparedStatement insert = connection.prepareStatement("INSERT INTO rows(payload) VALUES (randomblob(2048))")) {
                            insert.executeUpdate();
                            rows.incrementAndGet();
                        } catch (SQLException e) {
                            String message = String.valueOf(e.getMessage());
                            if (message.contains("full")) {
                                if (full.compareAndSet(false, true)) {
                                    System.out.println("app.error=" + message.replace(' ', '_'));
                                }
                            } else if (!message.contains("locked") && !message.contains("BUSY")) {
                                System.out.println("app.unexpected=" + message.replace(' ', '_'));
                                full.set(true);
                            }
                        }
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            DiskFullApp.full(rows.get(), control);
        }
        System.out.println("app.done=true");
    }
}
