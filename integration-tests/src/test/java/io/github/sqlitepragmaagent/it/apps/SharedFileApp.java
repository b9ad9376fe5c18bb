package io.github.sqlitepragmaagent.it.apps;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An app that shares its database file with other processes (the {@code sqlite3} shell, a second
 * JVM) while it keeps one connection open, and steps through a scenario the test drives with files
 * in CONTROL: the app prints {@code app.step=NAME} when it waits, and goes on once {@code CONTROL/NAME}
 * exists. Before its first wait it lets the agent audit the database AUDITS times (none without the
 * agent) and prints how many POSIX locks this process holds on the database file.
 *
 * <pre>SharedFileApp URL DB CONTROL AUDITS phases|writer|exclusive</pre>
 *
 * <ul>
 *   <li>{@code phases}: 200 rows, wait {@code phase2}; 200 rows, wait {@code phase3}; 200 rows; exit.</li>
 *   <li>{@code writer}: an autocommit insert every 2 ms and a read-then-write transaction every 50th,
 *       until {@code stop}; prints how many of its rows were committed.</li>
 *   <li>{@code exclusive}: BEGIN EXCLUSIVE and one insert, audits, wait {@code commit}; COMMIT.</li>
 * </ul>
 */
public final class SharedFileApp {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final String AGENT = "io.github.sqlitepragmaagent:type=Agent";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path db = Paths.get(args[1]);
        Path control = Paths.get(args[2]);
        int audits = Integer.parseInt(args[3]);
        String scenario = args[4];
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, src TEXT, n INTEGER)");
            switch (scenario) {
                case "phases" -> {
                    insert(statement, 200);
                    afterAudits(db, audits);
                    await(control, "phase2");
                    insert(statement, 200);
                    await(control, "phase3");
                    insert(statement, 200);
                    System.out.println("app.own_locks_at_end=" + ownLocks(db));
                }
                case "writer" -> {
                    insert(statement, 20);
                    afterAudits(db, audits);
                    System.out.println("app.step=writing");
                    System.out.flush();
                    long committed = 20;
                    long failed = 0;
                    for (long i = 0; !Files.exists(control.resolve("stop")); i++) {
                        try {
                            committed += i % 50 == 49 ? readThenWrite(connection) : insert(statement, 1);
                        } catch (SQLException e) {
                            failed++;
                            System.out.println("app.error=" + e.getMessage().replace(' ', '_'));
                        }
                        Thread.sleep(2);
                    }
                    System.out.println("app.committed=" + committed);
                    System.out.println("app.failed=" + failed);
                }
                case "exclusive" -> {
                    statement.executeUpdate("BEGIN EXCLUSIVE");
                    statement.executeUpdate("INSERT INTO t(src, n) VALUES ('app', 1)");
                    afterAudits(db, audits);
                    await(control, "commit");
                    try {
                        statement.executeUpdate("COMMIT");
                        System.out.println("app.commit=ok");
                    } catch (SQLException e) {
                        System.out.println("app.commit=" + e.getMessage().replace(' ', '_'));
                    }
                }
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            System.out.println("app.rows=" + count(statement, "SELECT count(*) FROM t"));
        }
        System.out.println("app.done=true");
    }

    private static int insert(Statement statement, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            statement.executeUpdate("INSERT INTO t(src, n) VALUES ('app', " + i + ")");
        }
        return rows;
    }

    /** The shape of every JPA update: read, then write, in one transaction. */
    private static int readThenWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            long max = count(statement, "SELECT coalesce(max(n), 0) FROM t WHERE src = 'app'");
            statement.executeUpdate("INSERT INTO t(src, n) VALUES ('app', " + (max + 1) + ")");
            connection.commit();
            return 1;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Waits until the agent has run AUDITS audits (at once without the agent), then reports this process's locks. */
    private static void afterAudits(Path db, int audits) throws Exception {
        ObjectName agent = new ObjectName(AGENT);
        long deadline = System.currentTimeMillis() + 60_000;
        while (SERVER.isRegistered(agent) || System.getProperty("app.expect.agent") != null) {
            if (SERVER.isRegistered(agent) && ((Number) SERVER.getAttribute(agent, "AuditsRun")).longValue() >= audits) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the agent did not run " + audits + " audits within a minute");
            }
            Thread.sleep(20);
        }
        System.out.println("app.audits=" + (SERVER.isRegistered(agent) ? SERVER.getAttribute(agent, "AuditsRun") : "none"));
        System.out.println("app.own_locks=" + ownLocks(db));
    }

    /**
     * The POSIX locks this process holds on the database file, from {@code /proc/locks} (a lock line
     * names the pid and {@code major:minor:inode}); -1 where there is no {@code /proc/locks}.
     */
    static long ownLocks(Path db) throws Exception {
        Path locks = Paths.get("/proc/locks");
        if (!Files.isReadable(locks)) {
            return -1;
        }
        String inode = ":" + Files.getAttribute(db, "unix:ino") + " ";
        String pid = " " + ProcessHandle.current().pid() + " ";
        return Files.readAllLines(locks).stream()
                .filter(line -> line.contains("POSIX") && line.contains(pid) && line.contains(inode))
                .count();
    }

    private static void await(Path control, String step) throws InterruptedException {
        System.out.println("app.step=" + step);
        System.out.flush();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(control.resolve(step))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the test never created " + control.resolve(step));
            }
            Thread.sleep(10);
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : -1;
        }
    }
}
