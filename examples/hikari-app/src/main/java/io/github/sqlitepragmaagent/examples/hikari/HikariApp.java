package io.github.sqlitepragmaagent.examples.hikari;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A small app that reaches SQLite through a HikariCP pool, the way most Java services do: a plain
 * {@code jdbc:sqlite:FILE} URL in the pool's configuration and not one pragma anywhere. It runs a
 * short concurrent workload through the pool and prints what a pooled connection reports.
 *
 * <pre>
 * java -jar hikari-app.jar [--db FILE] [--pool N] [--writers N] [--readers N] [--seconds S]
 * </pre>
 */
public final class HikariApp {

    private HikariApp() {}

    public static void main(String[] args) throws Exception {
        Path db = null;
        int pool = 4;
        int writers = 3;
        int readers = 3;
        double seconds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> db = Path.of(args[++i]);
                case "--pool" -> pool = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--readers" -> readers = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar hikari-app.jar [--db FILE] [--pool N] [--writers N] [--readers N]"
                            + " [--seconds S]");
                    return;
                }
                default -> {
                    System.err.println("hikari-app: unknown argument '" + args[i] + "' (try --help)");
                    System.exit(2);
                }
            }
        }
        if (db == null) {
            db = Files.createTempDirectory("hikari-app-").resolve("readings.db");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + db.toAbsolutePath());
        config.setMaximumPoolSize(pool);
        config.setPoolName("readings-pool");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            System.out.println("hikari-app on " + db.toAbsolutePath() + ", pool of " + pool + " connections");
            System.out.println("  pooled connection reports  " + connectionSettings(dataSource));
            ReadingsWorkload.Outcome outcome = new ReadingsWorkload(dataSource).run(writers, readers, seconds);
            System.out.printf(Locale.ROOT, "  concurrent load            %d writers, %d readers for %.1f s through the pool:"
                            + " %d writes, %d reads, %d 'database is locked' errors%n",
                    writers, readers, outcome.seconds(), outcome.writes(), outcome.reads(), outcome.lockedErrors());
        }
    }

    /** What a connection handed out by the pool reports about itself. */
    private static String connectionSettings(DataSource dataSource) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String pragma : List.of("journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout",
                    "temp_store")) {
                try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
                    out.append(out.length() == 0 ? "" : " ").append(pragma).append('=').append(r.next() ? r.getString(1) : "?");
                }
            }
        }
        return out.toString();
    }
}
