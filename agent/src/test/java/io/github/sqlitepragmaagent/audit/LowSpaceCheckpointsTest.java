package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/**
 * The checkpoint before a transaction while the disk is nearly full, on real databases: "nearly full"
 * is a threshold above any disk's free space (always low) or of one byte (never low), and the free space
 * is handed in: none left (every transaction starts with a checkpoint) or 80 MB (a WAL of a few KiB is
 * far below an eighth of it).
 */
class LowSpaceCheckpointsTest {

    private static final long ALWAYS_LOW = Long.MAX_VALUE;
    private static final long NEVER_LOW = 1;
    private static final LowSpaceCheckpoints.FreeSpace FULL = directory -> 0;
    private static final LowSpaceCheckpoints.FreeSpace ROOMY = directory -> 80_000_000;

    @TempDir
    Path dir;

    private Connection appConnection(Path db) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS t(x)");
            statement.executeUpdate("INSERT INTO t VALUES (1)");
        }
        return connection;
    }

    private static long walBytes(Path db) throws Exception {
        Path wal = Path.of(db + "-wal");
        return Files.exists(wal) ? Files.size(wal) : -1;
    }

    private static long rows(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT count(*) FROM t")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void whileLowTheWalIsMovedIntoTheDatabaseAndTruncatedBeforeTheNextTransaction() throws Exception {
        Path db = dir.resolve("app.db");
        try (Connection app = appConnection(db)) {
            assertTrue(walBytes(db) > 0, "the insert left frames in the WAL");
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, ALWAYS_LOW, FULL);
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);

            lowSpace.transactionStarting(db.toString());

            assertEquals(0, walBytes(db), "truncated; the app's connection stays open, so the -wal stays");
            try (Statement statement = app.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (2)");
            }
            assertEquals(2, rows(app), "the app goes on as before");
            lowSpace.transactionStarting(db.toString());
            assertEquals(0, walBytes(db));
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(2, rows(reopened));
        }
    }

    @Test
    void oncePastTheLimitSpaceIsShortUntilThereIsTwiceAsMuch() throws Exception {
        Path db = dir.resolve("episode.db");
        long limit = 16L << 20;
        long[] free = {limit - 1};
        try (Connection app = appConnection(db)) {
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, limit, directory -> free[0]);
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);
            // (a database's first transaction looks at its free space; while short, every transaction does)
            assertTrue(lowSpace.transactionStarting(db.toString()), "below the limit");
            // A checkpoint gave back the WAL's few MiB: still short, or the WAL would grow back into them.
            free[0] = limit + (4L << 20);
            assertTrue(lowSpace.transactionStarting(db.toString()));
            free[0] = 2 * limit;
            assertFalse(lowSpace.transactionStarting(db.toString()), "room again at twice the limit");
            free[0] = limit + 1;
            assertFalse(lowSpace.transactionStarting(db.toString()), "and until the limit is passed again");
        }
    }

    @Test
    void withRoomToSpareNothingIsCheckpointed() throws Exception {
        Path db = dir.resolve("roomy.db");
        try (Connection app = appConnection(db)) {
            long before = walBytes(db);
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, NEVER_LOW, ROOMY);
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);

            lowSpace.transactionStarting(db.toString());

            assertEquals(before, walBytes(db));
        }
    }

    @Test
    void whileLowButWithRoomForTheWalTheTransactionStartsWithoutACheckpoint() throws Exception {
        Path db = dir.resolve("some-room.db");
        try (Connection app = appConnection(db)) {
            long before = walBytes(db);
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, ALWAYS_LOW, ROOMY);
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);

            lowSpace.transactionStarting(db.toString());

            assertEquals(before, walBytes(db), "the WAL holds far less than an eighth of 80 MB");
        }
    }

    @Test
    void anUnwatchedDatabaseOrOneOpenedThroughTwoCopiesOfSqliteIsLeftAlone() throws Exception {
        Path db = dir.resolve("shared.db");
        try (Connection app = appConnection(db)) {
            long before = walBytes(db);
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, ALWAYS_LOW, FULL);
            lowSpace.transactionStarting(db.toString());
            assertEquals(before, walBytes(db), "never opened through a driver the agent saw");

            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);
            // Another class stands for a second copy of sqlite-jdbc in another class loader.
            lowSpace.watch(db.toString(), String.class);
            lowSpace.transactionStarting(db.toString());
            assertEquals(before, walBytes(db), "a connection closed through one copy would release the other's locks");

            lowSpace.forget(db.toString());
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);
            lowSpace.transactionStarting(db.toString());
            assertEquals(0, walBytes(db), "watched again through one copy");
        }
    }

    @Test
    void aDatabaseThatLitestreamManagesIsLeftToLitestream() throws Exception {
        Path db = dir.resolve("replicated.db");
        try (Connection app = appConnection(db)) {
            try (Statement statement = app.createStatement()) {
                statement.executeUpdate("CREATE TABLE _litestream_seq(id INTEGER PRIMARY KEY, seq INTEGER)");
            }
            long before = walBytes(db);
            LowSpaceCheckpoints lowSpace = new LowSpaceCheckpoints(NOPLogger.NOP_LOGGER, ALWAYS_LOW, FULL);
            lowSpace.watch(db.toString(), org.sqlite.JDBC.class);

            lowSpace.transactionStarting(db.toString());
            lowSpace.transactionStarting(db.toString());

            assertEquals(before, walBytes(db));
        }
    }
}
