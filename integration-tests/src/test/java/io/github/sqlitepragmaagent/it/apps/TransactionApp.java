package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Transactions between connections of one app, stepped on one thread so that every interleaving is
 * exact (no timing): each scenario prints what the app saw.
 *
 * <pre>
 * TransactionApp DIR SCENARIO [URL-SUFFIX]
 * </pre>
 * Scenarios: {@code idle} (a connection left with autoCommit=false and nothing run; another writes),
 * {@code read-only} (setReadOnly on an open connection; a read-only transaction beside a writer),
 * {@code begin-fails} (a transaction that cannot begin, then rollback and retry), {@code upgrade}
 * (read, another connection writes, then write: the lock error busy_timeout cannot prevent).
 */
public final class TransactionApp {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + "/tx.db" + (args.length > 2 ? args[2] : "");
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS account(id INTEGER PRIMARY KEY, balance INTEGER)");
            s.executeUpdate("INSERT OR REPLACE INTO account VALUES (1, 100)");
            s.execute("PRAGMA journal_mode=WAL");
        }
        switch (args[1]) {
            case "idle" -> idle(url);
            case "read-only" -> readOnly(url);
            case "begin-fails" -> beginFails(url);
            case "upgrade" -> upgrade(url);
            default -> throw new IllegalArgumentException(args[1]);
        }
        try (Connection check = DriverManager.getConnection(url)) {
            System.out.println("app.balance=" + balance(check));
        }
    }

    /** A pooled connection left idle with autoCommit=false must not keep another connection from writing. */
    private static void idle(String url) throws SQLException {
        try (Connection idle = DriverManager.getConnection(url); Connection writer = DriverManager.getConnection(url)) {
            idle.setAutoCommit(false);
            writer.createStatement().execute("PRAGMA busy_timeout=300");
            System.out.println("app.writer=" + attempt(() -> writer.createStatement().executeUpdate(
                    "UPDATE account SET balance = balance + 1 WHERE id = 1")));
            idle.commit();
            idle.setAutoCommit(true);
        }
    }

    private static void readOnly(String url) throws SQLException {
        try (Connection reader = DriverManager.getConnection(url); Connection writer = DriverManager.getConnection(url)) {
            System.out.println("app.set_read_only=" + run(() -> reader.setReadOnly(true)));
            System.out.println("app.write_when_read_only=" + attempt(() -> reader.createStatement().executeUpdate(
                    "UPDATE account SET balance = 0 WHERE id = 1")));
            // A writer holds the write lock in an open transaction; a read-only transaction still reads.
            writer.setAutoCommit(false);
            writer.createStatement().executeUpdate("UPDATE account SET balance = balance + 5 WHERE id = 1");
            reader.setAutoCommit(false);
            reader.createStatement().execute("PRAGMA busy_timeout=300");
            System.out.println("app.read_beside_writer=" + attempt(() -> balance(reader)));
            reader.commit();
            reader.setAutoCommit(true);
            writer.commit();
            System.out.println("app.set_read_write=" + run(() -> reader.setReadOnly(false)));
            System.out.println("app.write_when_read_write=" + attempt(() -> reader.createStatement().executeUpdate(
                    "UPDATE account SET balance = balance + 10 WHERE id = 1")));
        }
    }

    /** sqlite-jdbc issue 683: a begin that fails must leave autoCommit, the transaction and a retry consistent. */
    private static void beginFails(String url) throws SQLException {
        try (Connection holder = DriverManager.getConnection(url); Connection app = DriverManager.getConnection(url)) {
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("UPDATE account SET balance = balance + 1000 WHERE id = 1");
            app.createStatement().execute("PRAGMA busy_timeout=200");
            System.out.println("app.set_auto_commit=" + run(() -> app.setAutoCommit(false)));
            System.out.println("app.first_update=" + attempt(() -> app.createStatement().executeUpdate(
                    "UPDATE account SET balance = balance + 1 WHERE id = 1")));
            System.out.println("app.auto_commit_after_failure=" + app.getAutoCommit());
            System.out.println("app.rollback=" + run(app::rollback));
            holder.rollback();
            System.out.println("app.retry_update=" + attempt(() -> app.createStatement().executeUpdate(
                    "UPDATE account SET balance = balance + 1 WHERE id = 1")));
            System.out.println("app.commit=" + run(app::commit));
            app.setAutoCommit(true);
        }
    }

    /** Read, another connection writes and commits, then write: SQLite fails the write at once. */
    private static void upgrade(String url) throws SQLException {
        try (Connection app = DriverManager.getConnection(url); Connection other = DriverManager.getConnection(url)) {
            int caught = 0;
            for (int i = 0; i < 3; i++) {
                app.setAutoCommit(false);
                balance(app);
                other.createStatement().executeUpdate("UPDATE account SET balance = balance + 1 WHERE id = 1");
                String result = attempt(() -> app.createStatement().executeUpdate(
                        "UPDATE account SET balance = balance - 1 WHERE id = 1"));
                if (result.startsWith("error")) {
                    caught++;
                }
                app.rollback();
                app.setAutoCommit(true);
            }
            System.out.println("app.lock_errors_caught=" + caught);
            String database = "io.github.sqlitepragmaagent:type=Database,path=\"" + url.substring("jdbc:sqlite:".length()) + "\"";
            Jmx.awaitRegistered(database);
            System.out.println("jmx.lock_errors=" + Jmx.attribute("io.github.sqlitepragmaagent:type=Agent", "LockErrors"));
            System.out.println("jmx.database_lock_errors=" + Jmx.attribute(database, "LockErrors"));
            System.out.println("jmx.database_lock_errors_upgrade=" + Jmx.attribute(database, "LockErrorsUpgrade"));
            // With audit.interval set, stay until a periodic audit has reported these errors too.
            while (Long.parseLong(Jmx.attribute(database, "AuditsRun")) < 2) {
                sleep(20);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long balance(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT balance FROM account WHERE id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    interface Step {
        Object run() throws SQLException;
    }

    interface VoidStep {
        void run() throws SQLException;
    }

    private static String attempt(Step step) {
        try {
            return "ok:" + step.run();
        } catch (SQLException e) {
            return "error:" + String.valueOf(e.getMessage()).replace(' ', '_');
        }
    }

    private static String run(VoidStep step) {
        return attempt(() -> {
            step.run();
            return "done";
        });
    }

    /** Reads one attribute of the agent's MXBeans, or says it is not there. */
    static final class Jmx {
        /** The agent registers its beans on its audit thread after audit.delay: wait for them (bounded by the test's timeout). */
        static void awaitRegistered(String bean) {
            try {
                javax.management.ObjectName name = new javax.management.ObjectName(bean);
                while (!java.lang.management.ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * A database's bean comes at audit.delay, its first audit's figures at a quiet moment after (-1 until
         * then): wait for those (bounded by the test's timeout).
         */
        static void awaitFirstAudit(String bean) {
            awaitRegistered(bean);
            try {
                while (attribute(bean, "LastAuditLevel").equals("-1")) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        static String attribute(String bean, String name) {
            try {
                javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
                javax.management.ObjectName objectName = new javax.management.ObjectName(bean);
                return server.isRegistered(objectName) ? String.valueOf(server.getAttribute(objectName, name)) : "unregistered";
            } catch (Exception e) {
                return "unavailable";
            }
        }
    }
}
