package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A transaction nested on a second connection by the same thread, the way Spring runs a
 * {@code REQUIRES_NEW} method called from a {@code @Transactional} one: the outer transaction reads,
 * the inner one (on its own connection) reads and commits, then the outer one writes and commits.
 * Prints each step's outcome.
 *
 * <pre>NestedTransactionApp URL</pre>
 */
public final class NestedTransactionApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection setup = DriverManager.getConnection(url); Statement statement = setup.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS account(id INTEGER PRIMARY KEY, balance INTEGER)");
            statement.executeUpdate("INSERT INTO account(balance) VALUES (100)");
        }
        try (Connection outer = DriverManager.getConnection(url); Connection inner = DriverManager.getConnection(url)) {
            outer.setAutoCommit(false);
            inner.setAutoCommit(false);
            step("outer.read", () -> count(outer));
            step("inner.read", () -> count(inner));
            step("inner.commit", () -> {
                inner.commit();
                return "ok";
            });
            step("outer.write", () -> {
                try (Statement statement = outer.createStatement()) {
                    return String.valueOf(statement.executeUpdate("UPDATE account SET balance = balance - 10"));
                }
            });
            step("outer.commit", () -> {
                outer.commit();
                return "ok";
            });
        }
        System.out.println("app.done=true");
    }

    private interface Step {
        String run() throws SQLException;
    }

    private static void step(String name, Step step) {
        String outcome;
        try {
            outcome = step.run();
        } catch (SQLException e) {
            outcome = e.getErrorCode() == 5 ? "locked" : "error:" + e.getMessage().replace(' ', '_');
        }
        System.out.println("app." + name + "=" + outcome);
        System.out.flush();
    }

    private static String count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM account")) {
            rows.next();
            return String.valueOf(rows.getLong(1));
        }
    }
}
