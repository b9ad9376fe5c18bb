package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * sqlite-jdbc's own read-only scenarios (its JDBCTest and ReadUncommittedTest orders): setReadOnly
 * before and after setAutoCommit(false), after the transaction's first statement, a write in a
 * read-only transaction, a connection opened read-only, a closed connection. Prints what each step did
 * and isReadOnly() after it, so a run under the agent can be compared with one without it line by line.
 *
 * <p>Arguments: the database file, then {@code explicit} (the driver's {@code jdbc.explicit_readonly})
 * or {@code plain} (the driver's default, where only the agent lets the flag change).
 */
public final class ReadOnlyApp {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + ("explicit".equals(args[1]) ? "?jdbc.explicit_readonly=true" : "");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            exec(c, "CREATE TABLE t(v INTEGER)");
            exec(c, "INSERT INTO t VALUES (1)");
        }
        // The order Spring uses for @Transactional(readOnly = true).
        step(url, "read-only-then-transaction", c -> {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            count(c);
            c.commit();
        });
        step(url, "transaction-then-read-only", c -> {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            count(c);
            c.commit();
        });
        step(url, "read-only-after-first-statement", c -> {
            c.setAutoCommit(false);
            count(c);
            try {
                c.setReadOnly(true);
            } finally {
                c.rollback();
            }
        });
        step(url, "write-in-read-only-transaction", c -> {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try {
                exec(c, "INSERT INTO t VALUES (2)");
            } finally {
                c.rollback();
            }
        });
        step(url, "write-after-read-only-transaction", c -> {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            count(c);
            c.commit();
            c.setReadOnly(false);
            exec(c, "INSERT INTO t VALUES (3)");
            c.commit();
        });
        step(url, "read-only-in-autocommit", c -> {
            c.setReadOnly(true);
            count(c);
            c.setReadOnly(false);
        });
        Properties readOnlyOpen = new Properties();
        readOnlyOpen.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY, as SQLiteConfig.setReadOnly(true) gives
        try (Connection c = DriverManager.getConnection(url, readOnlyOpen)) {
            report("opened-read-only-set-false", c, () -> c.setReadOnly(false));
            report("opened-read-only-set-true", c, () -> c.setReadOnly(true));
            report("opened-read-only-transaction", c, () -> {
                c.setAutoCommit(false);
                count(c);
                c.commit();
            });
        }
        Connection closed = DriverManager.getConnection(url);
        closed.close();
        report("closed-set-true", closed, () -> closed.setReadOnly(true));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            System.out.println("app.rows=" + count(c));
        }
    }

    interface Body {
        void run(Connection c) throws SQLException;
    }

    interface Action {
        void run() throws SQLException;
    }

    /** Runs {@code body} on a new connection. */
    private static void step(String url, String name, Body body) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            report(name, c, () -> body.run(c));
        }
    }

    private static void report(String name, Connection c, Action action) {
        String outcome;
        try {
            action.run();
            outcome = "ok";
        } catch (SQLException e) {
            outcome = String.valueOf(e.getMessage()).replace(' ', '_');
        }
        String readOnly;
        try {
            readOnly = String.valueOf(c.isReadOnly());
        } catch (SQLException e) {
            readOnly = String.valueOf(e.getMessage()).replace(' ', '_');
        }
        System.out.println("step." + name + "=" + outcome + ",isReadOnly=" + readOnly);
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
