package io.github.sqlitepragmaagent.examples.hikari;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Power readings of a few panels: writer threads record readings and reader threads look up each
 * panel's latest one, all at once, each operation borrowing a connection from the pool.
 */
final class ReadingsWorkload {

    private static final int PANELS = 20;

    private final DataSource dataSource;

    ReadingsWorkload(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Outcome(long writes, long reads, long lockedErrors, double seconds) {}

    Outcome run(int writers, int readers, double seconds) throws SQLException, InterruptedException {
        createSchema();
        AtomicLong writes = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicLong locked = new AtomicLong();
        AtomicReference<SQLException> unexpected = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers + readers; i++) {
            boolean writer = i < writers;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end && unexpected.get() == null) {
                    try {
                        if (writer) {
                            record();
                            writes.incrementAndGet();
                        } else {
                            latest();
                            reads.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        if (isLocked(e)) {
                            locked.incrementAndGet();
                        } else {
                            unexpected.compareAndSet(null, e);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (unexpected.get() != null) {
            throw unexpected.get();
        }
        return new Outcome(writes.get(), reads.get(), locked.get(), (System.nanoTime() - start) / 1e9);
    }

    private void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS readings (panel INTEGER NOT NULL, at INTEGER NOT NULL,"
                    + " watts INTEGER NOT NULL)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS readings_panel_at ON readings(panel, at)");
        }
    }

    private void record() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("INSERT INTO readings(panel, at, watts) VALUES (?, ?, ?)")) {
            p.setInt(1, ThreadLocalRandom.current().nextInt(PANELS));
            p.setLong(2, System.currentTimeMillis());
            p.setInt(3, ThreadLocalRandom.current().nextInt(400));
            p.executeUpdate();
        }
    }

    private void latest() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "SELECT watts FROM readings WHERE panel = ? ORDER BY at DESC LIMIT 1")) {
            p.setInt(1, ThreadLocalRandom.current().nextInt(PANELS));
            try (ResultSet r = p.executeQuery()) {
                r.next();
            }
        }
    }

    /** SQLITE_BUSY: another connection held the lock for longer than this one's busy timeout. */
    private static boolean isLocked(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("database is locked") || message.contains("SQLITE_BUSY");
    }
}
