package io.github.sqlitepragmaagent.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tuner on real sqlite-jdbc connections, called directly (no agent, no instrumentation). */
class ConnectionTunerTest {

    @TempDir
    Path dir;

    private final CapturingLogger log = new CapturingLogger();
    private final TuningStats stats = new TuningStats();

    private ConnectionTuner tuner(String arguments, OpenListener listener) {
        return new ConnectionTuner(ConfigLoader.load(arguments, Map.of(), Map.of()).config(), log, stats, listener,
                TunedConnectionListener.NONE);
    }

    private Connection openTuned(ConnectionTuner tuner, String url, Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        tuner.connectionOpened(connection, url, properties);
        return connection;
    }

    @Test
    void appliesTheDefaultsAndSaysSoOncePerDatabase() throws SQLException {
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        String url = "jdbc:sqlite:" + dir.resolve("a.db");

        for (int i = 0; i < 3; i++) {
            try (Connection connection = openTuned(tuner, url, new Properties())) {
                assertEquals("wal", pragma(connection, "journal_mode"));
                assertEquals("1", pragma(connection, "synchronous"));
                assertEquals("-20000", pragma(connection, "cache_size"));
                assertEquals("1", pragma(connection, "foreign_keys"));
                assertEquals("5000", pragma(connection, "busy_timeout"));
                assertEquals("2", pragma(connection, "temp_store"));
            }
        }
        assertEquals(List.of("INFO tuned db=" + dir.resolve("a.db") + " busy_timeout=5000 journal_mode=wal synchronous=1"
                + " cache_size=-20000 foreign_keys=1 temp_store=2 journal_size_limit=67108864"), log.lines);
        assertEquals(3, stats.connectionsTuned());
        assertEquals(0, stats.pragmaFailures());
    }

    @Test
    void theBusyTimeoutIsSetThroughTheDriverSoQueryTimeoutsKeepIt() throws SQLException {
        try (Connection connection = openTuned(tuner(null, OpenListener.NONE), "jdbc:sqlite:" + dir.resolve("b.db"),
                new Properties());
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            statement.executeQuery("SELECT 1").close();
            assertEquals("5000", pragma(connection, "busy_timeout"));
        }
    }

    @Test
    void aFailingPragmaIsWarnedOncePerDatabaseAndReasonAndTheConnectionStaysUsable() throws Exception {
        Path garbage = dir.resolve("not-a-database.db");
        Files.write(garbage, "this is not an SQLite file, just text that is long enough to be a header".repeat(20)
                .getBytes(StandardCharsets.US_ASCII));
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            connections.add(openTuned(tuner, "jdbc:sqlite:" + garbage, new Properties()));
        }

        List<String> warnings = log.linesContaining("WARN");
        assertEquals(1, warnings.size(), log.lines::toString);
        // synchronous=NORMAL is not even tried: the journal mode of this "database" is unknown.
        assertTrue(warnings.get(0).contains("could not apply journal_mode=WAL, cache_size=-20000:"), warnings::toString);
        assertTrue(warnings.get(0).contains("not a database"), warnings::toString);
        assertEquals(100, stats.pragmaFailures());
        for (Connection connection : connections) {
            assertTrue(!connection.isClosed());
            connection.close();
        }
    }

    @Test
    void theAppsOwnValuesAreKeptAndSaidOnce() throws SQLException {
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        String url = "jdbc:sqlite:" + dir.resolve("c.db") + "?synchronous=FULL";
        Properties properties = new Properties();
        properties.setProperty("cache_size", "-1234");

        for (int i = 0; i < 5; i++) {
            try (Connection connection = openTuned(tuner, url, properties)) {
                assertEquals("2", pragma(connection, "synchronous"));
                assertEquals("-1234", pragma(connection, "cache_size"));
                assertEquals("wal", pragma(connection, "journal_mode"));
            }
        }
        assertEquals(2, log.linesContaining("keeps the app's own").size(), log.lines::toString);
        assertTrue(log.linesContaining("tuned db=").get(0).contains("synchronous=2(app)"), log.lines::toString);
    }

    @Test
    void theAgentsOwnFailureNeverReachesTheAppAndIsLoggedOnce() throws SQLException {
        ConnectionTuner tuner = tuner(null, new OpenListener() {
            @Override
            public void firstOpen(OpenRequest request, Connection connection) {
                throw new IllegalStateException("simulated agent bug");
            }

            @Override
            public void opened(OpenRequest request, Connection connection) {
                throw new IllegalStateException("simulated agent bug");
            }
        });
        String url = "jdbc:sqlite:" + dir.resolve("d.db");

        for (int i = 0; i < 10; i++) {
            try (Connection connection = DriverManager.getConnection(url)) {
                tuner.connectionOpened(connection, url, null);
                assertEquals("1", pragma(connection, "foreign_keys"));
            }
        }
        assertEquals(1, log.linesContaining("could not tune a connection").size(), log.lines::toString);
    }

    @Test
    void aJournalModeSwitchedBackBySomeoneElseIsReassertedOnceTheConfirmationIsOlderThanASecond() throws Exception {
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        String url = "jdbc:sqlite:" + dir.resolve("switched.db");
        try (Connection first = openTuned(tuner, url, new Properties())) {
            assertEquals("wal", pragma(first, "journal_mode"));
        }
        try (Connection other = DriverManager.getConnection(url); Statement statement = other.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=DELETE").close();
        }

        Thread.sleep(1100);

        try (Connection later = openTuned(tuner, url, new Properties())) {
            assertEquals("wal", pragma(later, "journal_mode"));
        }
    }

    @Test
    void theDefaultNormalSynchronousGoesOnlyToDatabasesInWal() throws SQLException {
        ConnectionTuner tuner = tuner("journal_mode=keep", OpenListener.NONE);
        Path wal = dir.resolve("already-wal.db");
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + wal); Statement statement = plain.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=WAL").close();
        }

        for (int i = 0; i < 2; i++) {
            try (Connection rollback = openTuned(tuner, "jdbc:sqlite:" + dir.resolve("rollback.db"), new Properties());
                    Connection inWal = openTuned(tuner, "jdbc:sqlite:" + wal, new Properties())) {
                assertEquals("delete", pragma(rollback, "journal_mode"));
                assertEquals("2", pragma(rollback, "synchronous"), "the driver's FULL stays outside WAL");
                assertEquals("1", pragma(rollback, "foreign_keys"), "everything else is applied");
                assertEquals("1", pragma(inWal, "synchronous"));
            }
        }
        assertEquals(List.of("INFO tuned db=" + dir.resolve("rollback.db") + " busy_timeout=5000 synchronous=2"
                + " cache_size=-20000 foreign_keys=1 temp_store=2 journal_size_limit=67108864"
                + " skipped_synchronous=\"journal_mode=delete, NORMAL is safe only in WAL\"",
                "INFO tuned db=" + wal + " busy_timeout=5000 synchronous=1 cache_size=-20000 foreign_keys=1 temp_store=2 journal_size_limit=67108864"),
                log.lines);
    }

    @Test
    void anAppThatKeepsARollbackJournalKeepsFullSynchronous() throws SQLException {
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        try (Connection connection = openTuned(tuner, "jdbc:sqlite:" + dir.resolve("app-delete.db") + "?journal_mode=DELETE",
                new Properties())) {
            assertEquals("delete", pragma(connection, "journal_mode"));
            assertEquals("2", pragma(connection, "synchronous"));
        }
        assertTrue(log.linesContaining("tuned db=").get(0).contains("journal_mode=delete(app) synchronous=2"), log.lines::toString);
        assertEquals(List.of(), log.linesContaining("WARN"));
    }

    @Test
    void aSynchronousTheOperatorChoseIsAppliedOutsideWalWithOneWarning() throws SQLException {
        ConnectionTuner chosenNormal = tuner("journal_mode=DELETE,synchronous=NORMAL", OpenListener.NONE);
        for (int i = 0; i < 3; i++) {
            try (Connection connection = openTuned(chosenNormal, "jdbc:sqlite:" + dir.resolve("chosen.db"), new Properties())) {
                assertEquals("1", pragma(connection, "synchronous"));
            }
        }
        assertEquals(List.of("WARN db=" + dir.resolve("chosen.db") + " is not in WAL (journal_mode=delete): synchronous=NORMAL"
                + " from agent argument is applied as configured, but outside WAL a power loss at the wrong moment can"
                + " corrupt the database; configure synchronous=FULL for it, or let it use WAL"), log.linesContaining("WARN"));

        log.lines.clear();
        ConnectionTuner chosenFull = tuner("journal_mode=DELETE,synchronous=FULL", OpenListener.NONE);
        try (Connection connection = openTuned(chosenFull, "jdbc:sqlite:" + dir.resolve("full.db"), new Properties())) {
            assertEquals("2", pragma(connection, "synchronous"));
        }
        assertEquals(List.of(), log.linesContaining("WARN"));
    }

    @Test
    void memoryDatabasesGetNormalSynchronousWhereNothingOutlivesAPowerLoss() throws SQLException {
        try (Connection connection = openTuned(tuner(null, OpenListener.NONE), "jdbc:sqlite::memory:", new Properties())) {
            assertEquals("memory", pragma(connection, "journal_mode"));
            assertEquals("1", pragma(connection, "synchronous"));
        }
    }

    @Test
    void aLockedDatabaseCostsOneBusyTimeoutThenALaterConnectionIsFullyTuned() throws SQLException {
        ConnectionTuner tuner = tuner(null, OpenListener.NONE);
        Path db = dir.resolve("locked.db");
        String url = "jdbc:sqlite:" + db + "?busy_timeout=1000";
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement hold = holder.createStatement()) {
            hold.executeUpdate("CREATE TABLE t(x)");
            hold.executeUpdate("BEGIN EXCLUSIVE");
            hold.executeUpdate("INSERT INTO t VALUES (1)");

            long started = System.nanoTime();
            try (Connection locked = openTuned(tuner, url, new Properties())) {
                long tookMillis = (System.nanoTime() - started) / 1_000_000;
                // ~7 busy timeouts without the deadline; the bound is far from both answers.
                assertTrue(tookMillis < 3000, "open took " + tookMillis + " ms");
                assertEquals(1000, ((org.sqlite.SQLiteConnection) locked).getBusyTimeout(), "the app's timeout is back");
            }
            hold.executeUpdate("COMMIT");
        }
        assertEquals(List.of("WARN db=" + db + " could not apply journal_mode=WAL, cache_size=-20000: " + Failures.LOCKED
                + "; the connection is open without it (said once per database and reason)"), log.linesContaining("WARN"));
        assertEquals(List.of(), log.linesContaining("tuned db="), "described once fully tuned");

        try (Connection later = openTuned(tuner, url, new Properties())) {
            assertEquals("wal", pragma(later, "journal_mode"));
            assertEquals("1", pragma(later, "synchronous"));
            assertEquals("-20000", pragma(later, "cache_size"));
        }
        assertEquals(1, log.linesContaining("INFO tuned db=" + db + " busy_timeout=1000(app) journal_mode=wal synchronous=1").size(),
                log.lines::toString);
    }

    @Test
    void anOptimizeThatRanShowsInTheTunedLine() throws SQLException {
        ConnectionTuner tuner = tuner("optimize=ON", OpenListener.NONE);
        try (Connection connection = openTuned(tuner, "jdbc:sqlite:" + dir.resolve("optimized.db"), new Properties())) {
            assertEquals("wal", pragma(connection, "journal_mode"));
        }
        assertEquals(List.of("INFO tuned db=" + dir.resolve("optimized.db") + " busy_timeout=5000 journal_mode=wal synchronous=1"
                + " cache_size=-20000 foreign_keys=1 temp_store=2 journal_size_limit=67108864 optimize=ON"), log.lines);

        log.lines.clear();
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        try (Connection connection = openTuned(tuner("optimize=ON", OpenListener.NONE),
                "jdbc:sqlite:" + dir.resolve("optimized.db"), readOnly)) {
            assertEquals("wal", pragma(connection, "journal_mode"));
        }
        assertTrue(log.lines.get(0).endsWith(" temp_store=2 journal_size_limit=67108864 skipped_journal_mode=\"read-only connection\""
                + " skipped_optimize=\"read-only connection\""), log.lines::toString);
    }

    @Test
    void somethingThatIsNotAConnectionIsIgnored() {
        tuner(null, OpenListener.NONE).connectionOpened("not a connection", "jdbc:sqlite:x.db", null);

        assertEquals(List.of(), log.lines);
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
