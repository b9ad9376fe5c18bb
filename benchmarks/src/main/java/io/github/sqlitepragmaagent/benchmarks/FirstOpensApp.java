package io.github.sqlitepragmaagent.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The {@code first-opens} subject: what opening connections costs in a fresh JVM, before anything is
 * compiled. Opens one connection and keeps it (as a pool would), then opens and closes connections
 * back to back for a fixed time.
 *
 * <pre>FirstOpensApp DB URL_SUFFIX MILLISECONDS</pre>
 *
 * prints {@code result first_us=... first100_us=... opens=N} : the kept connection's open, the mean
 * open+close of the next 100, and how many open+close fit in the time given.
 */
public final class FirstOpensApp {

    private FirstOpensApp() {}

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + args[1];
        long millis = Long.parseLong(args[2]);
        long started = System.nanoTime();
        try (Connection kept = DriverManager.getConnection(url)) {
            long first = System.nanoTime() - started;
            long end = System.nanoTime() + millis * 1_000_000L;
            long opens = 0;
            long first100 = 0;
            for (long now = System.nanoTime(); now < end; opens++) {
                DriverManager.getConnection(url).close();
                long after = System.nanoTime();
                if (opens < 100) {
                    first100 += after - now;
                }
                now = after;
            }
            System.out.println("result first_us=" + first / 1000 + " first100_us=" + first100 / 100 / 1000.0 + " opens=" + opens
                    + " kept_open=" + !kept.isClosed());
        }
    }
}
