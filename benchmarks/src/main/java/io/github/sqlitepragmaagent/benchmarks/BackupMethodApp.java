package io.github.sqlitepragmaagent.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two ways to copy a live database through SQLite, side by side, without the agent: one app thread
 * commits small transactions while a second connection copies the database back to back with METHOD
 * ({@code none}, {@code backup-api} = sqlite3_backup_step(-1), {@code backup-api-100} = the driver's default
 * of 100 pages per step, {@code vacuum-into}). A stat every 50 ms records the largest {@code -wal}: a copy
 * pins the WAL (no checkpoint passes its snapshot) for as long as it runs.
 *
 * <pre>BackupMethodApp DB MILLISECONDS METHOD</pre> prints {@code writes=N copies=N copy_ms=N max_wal=N}.
 */
public final class BackupMethodApp {

    private BackupMethodApp() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        long millis = Long.parseLong(args[1]);
        String method = args[2];
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS writes(at INTEGER, payload BLOB)");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong maxWal = new AtomicLong();
        AtomicLong copies = new AtomicLong();
        AtomicLong copyMillis = new AtomicLong();
        Path copy = Path.of(db + ".copy");
        Thread copier = new Thread(() -> {
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                while (!stop.get()) {
                    if (method.equals("none")) {
                        Thread.sleep(50);
                        continue;
                    }
                    Files.deleteIfExists(copy);
                    long start = System.nanoTime();
                    org.sqlite.core.DB native_ = ((org.sqlite.SQLiteConnection) source).getDatabase();
                    switch (method) {
                        case "backup-api" -> native_.backup("main", copy.toString(), null, 100, 30, -1);
                        case "backup-api-100" -> native_.backup("main", copy.toString(), null);
                        case "vacuum-into" -> {
                            try (Statement statement = source.createStatement()) {
                                statement.execute("VACUUM INTO '" + copy + "'");
                            }
                        }
                        default -> throw new IllegalArgumentException(method);
                    }
                    if (!stop.get()) {
                        copies.incrementAndGet();
                        copyMillis.addAndGet((System.nanoTime() - start) / 1_000_000);
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        Thread watcher = new Thread(() -> {
            File wal = new File(db + "-wal");
            while (!stop.get()) {
                maxWal.accumulateAndGet(wal.length(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        copier.start();
        watcher.start();
        long writes = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO writes VALUES (?, randomblob(200))")) {
            connection.createStatement().execute("PRAGMA synchronous=NORMAL");
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                insert.setLong(1, System.nanoTime());
                insert.executeUpdate();
                writes++;
            }
        }
        stop.set(true);
        copier.join();
        watcher.join();
        Files.deleteIfExists(copy);
        System.out.println("writes=" + writes + " copies=" + copies.get() + " copy_ms="
                + (copies.get() == 0 ? 0 : copyMillis.get() / copies.get()) + " max_wal=" + maxWal.get());
    }
}
