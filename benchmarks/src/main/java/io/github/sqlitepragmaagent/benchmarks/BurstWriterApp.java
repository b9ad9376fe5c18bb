package io.github.sqlitepragmaagent.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The backup-load subject: one app thread committing small transactions for a fixed time, either all
 * along or in bursts with pauses between them (where idle checkpoints run).
 *
 * <pre>BurstWriterApp DB MILLISECONDS [BURST_MS PAUSE_MS]</pre> prints {@code writes=N errors=N seconds=S}.
 */
public final class BurstWriterApp {

    private BurstWriterApp() {}

    public static void main(String[] args) throws Exception {
        long millis = Long.parseLong(args[1]);
        long burst = args.length > 3 ? Long.parseLong(args[2]) : millis;
        long pause = args.length > 3 ? Long.parseLong(args[3]) : 0;
        long writes = 0;
        long errors = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            connection.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS writes(at INTEGER, payload BLOB)");
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO writes VALUES (?, randomblob(200))")) {
                while (System.nanoTime() < end) {
                    long burstEnd = Math.min(end, System.nanoTime() + burst * 1_000_000);
                    while (System.nanoTime() < burstEnd) {
                        try {
                            insert.setLong(1, System.nanoTime());
                            insert.executeUpdate();
                            writes++;
                        } catch (SQLException e) {
                            errors++;
                        }
                    }
                    long rest = Math.min(pause, (end - System.nanoTime()) / 1_000_000);
                    if (rest > 0) {
                        Thread.sleep(rest);
                    }
                }
            }
            System.out.println("writes=" + writes + " errors=" + errors + " seconds=" + (System.nanoTime() - start) / 1e9);
        }
    }
}
