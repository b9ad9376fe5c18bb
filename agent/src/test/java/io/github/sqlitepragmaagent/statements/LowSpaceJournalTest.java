package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/** The agent's own WAL gives way to a rollback journal on a nearly full disk; anybody else's WAL stays (real databases). */
class LowSpaceJournalTest {

    @TempDir
    Path dir;

    private final LowSpaceJournal journal = new LowSpaceJournal(NOPLogger.NOP_LOGGER);

    @Test
    void theAgentsOwnWalBecomesARollbackJournalWithEveryRowAndNoWalFileLeft() throws Exception {
        Path db = walDatabase("own.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            insertRows(app);
            assertTrue(Files.size(Path.of(db + "-wal")) > 0, "the rows are in the -wal");
            Session session = session(db, app, true);
            journal.shortOfSpace(session);
            assertEquals("delete", journalMode(app));
            assertTrue(session.leftWal);
            assertFalse(Files.exists(Path.of(db + "-wal")), "the WAL's rows are in the database file and the -wal is gone");
            assertEquals(100, rows(app));
        }
    }

    @Test
    void walTheAppAskedForStays() throws Exception {
        Path db = walDatabase("app.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            journal.shortOfSpace(session(db, app, false));
            assertEquals("wal", journalMode(app));
            Session ownPragma = session(db, app, true);
            ownPragma.appJournalMode = true;
            journal.shortOfSpace(ownPragma);
            assertEquals("wal", journalMode(app));
        }
    }

    @Test
    @Timeout(30) // a busy wait would last the app's busy timeout, 60 s
    void anotherConnectionKeepsWalWithoutAWaitAndATryAfterItClosedSucceeds() throws Exception {
        Path db = walDatabase("busy.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            insertRows(app);
            try (Statement statement = app.createStatement()) {
                statement.execute("PRAGMA busy_timeout=60000");
            }
            Session session = session(db, app, true);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement reader = other.createStatement(); ResultSet open = reader.executeQuery("SELECT n FROM t")) {
                    open.next();
                    journal.shortOfSpace(session);
                    assertEquals("wal", journalMode(app));
                    assertFalse(session.leftWal);
                }
                // A WAL connection that has read keeps its shared lock until it closes: SQLite leaves WAL only
                // through the last one.
                session.leaveWalAfter = System.nanoTime();
                journal.shortOfSpace(session);
                assertEquals("wal", journalMode(app));
                assertEquals(100, rows(other));
            }
            journal.shortOfSpace(session);
            assertEquals("wal", journalMode(app), "not tried again within the second");
            session.leaveWalAfter = System.nanoTime();
            journal.shortOfSpace(session);
            assertEquals("delete", journalMode(app));
            assertEquals(100, rows(app));
        }
    }

    @Test
    void aDatabaseLitestreamReplicatesStaysInWal() throws Exception {
        Path db = walDatabase("litestream.db");
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement statement = app.createStatement()) {
                statement.execute("CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)");
            }
            Session session = session(db, app, true);
            journal.shortOfSpace(session);
            assertEquals("wal", journalMode(app));
            assertTrue(session.walLeftAlone, "not asked again");
        }
    }

    private static Session session(Path db, Connection app, boolean agentWal) {
        Session session = new Session(db.toString(), false, "begin immediate;", false, false, app);
        session.agentWal = agentWal;
        return session;
    }

    /** A WAL database with an empty table. */
    private Path walDatabase(String name) throws SQLException {
        Path db = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE t(n INTEGER PRIMARY KEY, payload BLOB)");
        }
        return db;
    }

    /** Commits 100 rows through {@code connection}: they are in the {@code -wal} until a checkpoint. */
    private static void insertRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                    + " SELECT i, randomblob(100) FROM n");
        }
    }

    private static String journalMode(Connection connection) throws SQLException {
        return pragma(connection, "journal_mode");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet value = statement.executeQuery("PRAGMA " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    private static long rows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT count(*) FROM t")) {
            count.next();
            return count.getLong(1);
        }
    }
}
