package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Savepoints, batches, transactions written by the app, DDL and pragmas inside transactions, rollbacks:
 * prints what each step did and the final table, so a test can compare a run under the agent with one
 * without it, line by line.
 */
public final class TxSemanticsApp {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            exec(c, "CREATE TABLE t(v INTEGER)");
            step("savepoints", () -> {
                c.setAutoCommit(false);
                Savepoint a = c.setSavepoint("a");
                exec(c, "INSERT INTO t VALUES (1)");
                c.rollback(a);
                exec(c, "INSERT INTO t VALUES (2)");
                Savepoint b = c.setSavepoint("b");
                exec(c, "INSERT INTO t VALUES (3)");
                c.releaseSavepoint(b);
                c.commit();
                c.setAutoCommit(true);
            });
            step("batch", () -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.addBatch("INSERT INTO t VALUES (4)");
                    s.addBatch("INSERT INTO t VALUES (5)");
                    s.executeBatch();
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    for (int v = 6; v <= 7; v++) {
                        p.setInt(1, v);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            });
            PreparedStatement early = c.prepareStatement("INSERT INTO t VALUES (?)");
            step("prepared-before-transaction-rolled-back", () -> {
                c.setAutoCommit(false);
                early.setInt(1, 99);
                early.executeUpdate();
                c.rollback();
                c.setAutoCommit(true);
            });
            step("app-begin-in-autocommit", () -> {
                exec(c, "BEGIN IMMEDIATE");
                exec(c, "INSERT INTO t VALUES (8)");
                exec(c, "COMMIT");
            });
            step("app-begin-inside-transaction", () -> {
                c.setAutoCommit(false);
                try {
                    exec(c, "BEGIN");
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            });
            step("ddl-and-pragma-rolled-back", () -> {
                c.setAutoCommit(false);
                exec(c, "CREATE TABLE t2(x)");
                exec(c, "PRAGMA user_version=7");
                exec(c, "INSERT INTO t VALUES (9)");
                c.rollback();
                c.setAutoCommit(true);
            });
            step("commit-without-statements", () -> {
                c.setAutoCommit(false);
                c.commit();
                c.rollback();
                c.setAutoCommit(true);
            });
            step("commit-in-autocommit", c::commit);
            early.close();
            System.out.println("app.rows=" + rows(c));
            System.out.println("app.tables=" + single(c, "SELECT count(*) FROM sqlite_master WHERE name = 't2'"));
            System.out.println("app.user_version=" + single(c, "PRAGMA user_version"));
        }
    }

    interface Step {
        void run() throws SQLException;
    }

    private static void step(String name, Step step) {
        try {
            step.run();
            System.out.println("step." + name + "=ok");
        } catch (SQLException e) {
            System.out.println("step." + name + "=" + String.valueOf(e.getMessage()).replace(' ', '_'));
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String rows(Connection c) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM t ORDER BY v")) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return String.join(",", values);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }
}
