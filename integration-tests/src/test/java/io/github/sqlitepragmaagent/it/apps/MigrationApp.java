package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A legacy app's table-rebuild migration of a parent table (customers) that a child table (orders)
 * references with ON DELETE CASCADE, in one of seven shapes, printing how many orders survive.
 *
 * <pre>
 * MigrationApp URL autocommit|transaction-pragma-off|transaction|transaction-rolled-back|transaction-closed|transaction-read-first|rename
 * </pre>
 */
public final class MigrationApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String shape = args[1];
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
                s.executeUpdate("CREATE TABLE orders(id INTEGER PRIMARY KEY,"
                        + " customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE, amount INTEGER)");
                for (int c = 1; c <= 10; c++) {
                    s.executeUpdate("INSERT INTO customers VALUES (" + c + ", 'customer " + c + "')");
                }
                for (int o = 1; o <= 50; o++) {
                    s.executeUpdate("INSERT INTO orders VALUES (" + o + ", " + (o % 10 + 1) + ", " + o * 10 + ")");
                }
            }
            try {
                migrate(connection, url, shape);
                System.out.println("app.migrated=true");
            } catch (SQLException e) {
                System.out.println("app.migrated=false");
                System.out.println("app.error=" + e.getMessage());
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
            System.out.println("app.orders=" + count(connection, "orders"));
            System.out.println("app.orders_with_customer=" + count(connection, "orders WHERE customer_id IS NOT NULL"));
            System.out.println("app.customers=" + count(connection, "customers"));
            System.out.println("app.customer_columns=" + columns(connection, "customers"));
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_keys")) {
                System.out.println("app.foreign_keys=" + (r.next() ? r.getString(1) : "?"));
            }
            System.out.println("app.insert_after=" + insertOrder(connection, 1001));
        }
        try (Connection another = DriverManager.getConnection(url)) {
            try (Statement s = another.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_keys")) {
                System.out.println("app.next_connection_foreign_keys=" + (r.next() ? r.getString(1) : "?"));
            }
            System.out.println("app.next_connection_insert=" + insertOrder(another, 1002));
        }
    }

    /** The app's everyday write after its migration: an order for customer 1. */
    private static String insertOrder(Connection connection, int id) {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO orders VALUES (" + id + ", 1, 5)");
            return "ok";
        } catch (SQLException e) {
            return "error:" + String.valueOf(e.getMessage()).replace(' ', '_');
        }
    }

    private static void migrate(Connection connection, String url, String shape) throws SQLException {
        switch (shape) {
            case "autocommit" -> {
                try (Statement s = connection.createStatement()) {
                    rebuild(s);
                }
            }
            case "transaction-pragma-off" -> {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA foreign_keys=OFF");
                    rebuild(s);
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            case "transaction" -> {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    rebuild(s);
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            case "transaction-rolled-back" -> {
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    rebuild(s);
                }
                connection.rollback();
                connection.setAutoCommit(true);
            }
            case "transaction-closed" -> {
                // The rebuild on a connection of its own, closed before its commit: SQLite rolls it back.
                try (Connection migrating = DriverManager.getConnection(url)) {
                    migrating.setAutoCommit(false);
                    try (Statement s = migrating.createStatement()) {
                        rebuild(s);
                    }
                }
            }
            case "transaction-read-first" -> {
                // An ordinary read first: nothing at the transaction's start says it will change the schema.
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    System.out.println("app.orders_before=" + count(connection, "orders"));
                    rebuild(s);
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            case "rename" -> {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("ALTER TABLE customers RENAME TO customers_old");
                    s.executeUpdate("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT, email TEXT)");
                    s.executeUpdate("INSERT INTO customers(id, name) SELECT id, name FROM customers_old");
                    s.executeUpdate("DROP TABLE customers_old");
                }
            }
            default -> throw new IllegalArgumentException(shape);
        }
    }

    /** The SQLite "12 steps" rebuild: a new table, a copy, the old one dropped, the new one renamed. */
    private static void rebuild(Statement s) throws SQLException {
        s.execute("CREATE TABLE customers_new(id INTEGER PRIMARY KEY, name TEXT, email TEXT)");
        s.execute("INSERT INTO customers_new(id, name) SELECT id, name FROM customers");
        s.execute("DROP TABLE customers");
        s.execute("ALTER TABLE customers_new RENAME TO customers");
    }

    private static long count(Connection connection, String from) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + from)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    private static int columns(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            return n;
        }
    }
}
