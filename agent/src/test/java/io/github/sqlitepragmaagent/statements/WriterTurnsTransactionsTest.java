package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.driver.DriverHandles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/**
 * {@code writers.queue} where the agent's transactions begin and end, on real connections of the (unwoven)
 * driver: the delayed begin takes its turn before its {@code BEGIN IMMEDIATE}, the commit, the rollback and
 * a close give it back, and a thread that holds the lock on one connection never waits in line on another.
 */
// A guard against a hang (the failure mode of a line that hands no turn on), not a measure of time.
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WriterTurnsTransactionsTest {

    @TempDir
    Path dir;

    private final Transactions transactions = new Transactions(new LockErrorRegistry(NOPLogger.NOP_LOGGER),
            NOPLogger.NOP_LOGGER, 0, true);
    private String database;
    private Connection a;
    private Connection b;

    @BeforeEach
    void open() throws SQLException {
        database = dir.resolve("turns.db").toString();
        a = connect();
        b = connect();
        try (Statement statement = a.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE t(v INTEGER)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        a.close();
        b.close();
    }

    @Test
    void theNextWriterBeginsWhenTheHolderCommits() throws Exception {
        Session first = session(a);
        begin(first, a);
        assertTrue(line().holds(first));
        Session second = session(b);
        Thread waiter = beginInThread(second, b, new AtomicReference<Throwable>());
        awaitWaiting(1);
        end(first, a, "commit;");
        waiter.join();
        assertTrue(line().holds(second));
        assertTrue(second.inTransaction);
        end(second, b, "commit;");
        assertFalse(line().holds(second));
    }

    @Test
    void theNextWriterBeginsWhenTheHolderRollsBack() throws Exception {
        Session first = session(a);
        begin(first, a);
        Session second = session(b);
        Thread waiter = beginInThread(second, b, new AtomicReference<Throwable>());
        awaitWaiting(1);
        end(first, a, "rollback;");
        waiter.join();
        assertTrue(line().holds(second));
        end(second, b, "rollback;");
        assertFalse(line().holds(second));
    }

    @Test
    void theNextWriterBeginsWhenTheHolderIsClosedMidTransaction() throws Exception {
        Session first = session(a);
        begin(first, a);
        Session second = session(b);
        AtomicReference<Throwable> failure = new AtomicReference<Throwable>();
        Thread waiter = beginInThread(second, b, failure);
        awaitWaiting(1);
        a.close(); // no commit or rollback hook runs: SQLite rolls the transaction back and frees the lock
        waiter.join();
        assertNull(failure.get());
        assertTrue(line().holds(second));
        assertTrue(second.inTransaction);
        end(second, b, "commit;");
    }

    @Test
    void aThreadHoldingTheLockIsRefusedAtOnceOnItsSecondConnectionInsteadOfWaitingInLine() throws Exception {
        Session outer = session(a);
        begin(outer, a);
        Session nested = session(b);
        transactions.beforeDriverExec(nested, db(b), "begin;");
        transactions.beforeStatement(nested, db(b), "SELECT v FROM t"); // begins DEFERRED beneath the outer one
        assertEquals(0, line().waiting());
        assertFalse(line().holds(nested));
        SQLException refused = assertThrows(SQLException.class,
                () -> transactions.beforeStatement(nested, db(b), "INSERT INTO t VALUES (2)"));
        assertTrue(refused.getMessage().contains("writes on a second connection"), refused.getMessage());
        end(nested, b, "rollback;");
        assertTrue(line().holds(outer), "the nested transaction's end is not the outer one's");
        end(outer, a, "commit;");
    }

    @Test
    void aBeginThatFailsGivesTheTurnBack() throws Exception {
        try (Statement statement = b.createStatement()) {
            statement.execute("BEGIN IMMEDIATE"); // the lock held outside the agent's sight, as another process would
            try (Connection impatient = connect("0")) {
                Session first = session(impatient);
                transactions.beforeDriverExec(first, db(impatient), "begin;");
                assertThrows(SQLException.class,
                        () -> transactions.beforeStatement(first, db(impatient), "INSERT INTO t VALUES (1)"));
                assertFalse(line().holds(first));
            }
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void theAppsOwnBusyTimeoutPragmaBoundsTheWaitInLine() throws Exception {
        Session first = session(a);
        begin(first, a);
        Session impatient = session(b);
        try (Statement statement = b.createStatement()) {
            transactions.beforeStatement(impatient, db(b), "PRAGMA busy_timeout = 0"); // as the woven driver would call it
            statement.execute("PRAGMA busy_timeout = 0"); // the driver's configuration still says 600000
        }
        transactions.beforeDriverExec(impatient, db(b), "begin;");
        SQLException busy = assertThrows(SQLException.class,
                () -> transactions.beforeStatement(impatient, db(b), "INSERT INTO t VALUES (2)"));
        assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
        assertEquals(0, line().waiting());
        assertTrue(line().holds(first));
        end(first, a, "commit;");
    }

    private Connection connect() throws SQLException {
        return connect("600000"); // the waits here end by a commit, rollback or close
    }

    private Connection connect(String busyTimeout) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", busyTimeout);
        return DriverManager.getConnection("jdbc:sqlite:" + database, properties);
    }

    private Session session(Connection connection) {
        return new Session(database, false, "begin immediate;", false, false, connection);
    }

    private WriterLine line() {
        return transactions.writerLineOf(database);
    }

    private void begin(Session session, Connection connection) throws SQLException {
        transactions.beforeDriverExec(session, db(connection), "begin;");
        transactions.beforeStatement(session, db(connection), "INSERT INTO t VALUES (1)");
    }

    private void end(Session session, Connection connection, String sql) throws SQLException {
        transactions.beforeDriverExec(session, db(connection), sql);
    }

    private Thread beginInThread(Session session, Connection connection, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                begin(session, connection);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        return thread;
    }

    private void awaitWaiting(int count) throws InterruptedException {
        while (line().waiting() < count) {
            Thread.sleep(1);
        }
    }

    private static Object db(Connection connection) {
        return DriverHandles.of(connection).databaseOf(connection);
    }
}
