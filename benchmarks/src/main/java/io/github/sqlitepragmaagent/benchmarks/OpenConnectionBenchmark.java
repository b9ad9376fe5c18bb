package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of opening (and closing) one connection. Which URL, and whether the agent is on, is
 * chosen per forked JVM by {@link OpenCostBenchmark}: {@code -Dbench.url=...} and maybe
 * {@code -javaagent}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenConnectionBenchmark {

    /** The six pragmas the agent applies by default, written into the URL by hand. */
    static final String HAND_TUNED = "?busy_timeout=5000&journal_mode=WAL&synchronous=NORMAL&cache_size=-20000"
            + "&foreign_keys=ON&temp_store=MEMORY";

    private String url;
    private Connection holder;
    private Path dir;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("open-bench");
        String file = dir.resolve("bench.db").toString();
        url = "jdbc:sqlite:" + file + System.getProperty("bench.url.suffix", "");
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:" + file + HAND_TUNED)) {
            setup.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS t(x)");
        }
        // Another connection that has read the database, as in any app with a pool: closing the
        // benchmark's connection is then never the last close, which would checkpoint and delete the
        // WAL and dominate the measurement. (Only a connection that has read holds the file open.)
        holder = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        holder.close();
    }

    @Benchmark
    public Connection openAndClose() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.close();
        return connection;
    }
}
