package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the migrations left, read on a fresh connection, and whether that connection enforces foreign keys. */
public final class MigratedSchema {

    private MigratedSchema() {}

    public static void report(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            System.out.println("app.orders=" + count(s, "SELECT count(*) FROM orders"));
            System.out.println("app.orders_with_customer=" + count(s, "SELECT count(*) FROM orders WHERE customer_id IS NOT NULL"));
            System.out.println("app.orphans=" + count(s,
                    "SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT id FROM customers)"));
            System.out.println("app.customers=" + count(s, "SELECT count(*) FROM customers"));
            System.out.println("app.customer_columns=" + count(s, "SELECT count(*) FROM pragma_table_info('customers')"));
            System.out.println("app.next_connection_foreign_keys=" + count(s, "PRAGMA foreign_keys"));
            // An order for a customer that does not exist: refused only where foreign keys are enforced.
            try {
                s.executeUpdate("INSERT INTO orders VALUES (1001, 999, 5)");
                System.out.println("app.next_connection_orphan_insert=ok");
            } catch (SQLException e) {
                System.out.println("app.next_connection_orphan_insert=refused:" + String.valueOf(e.getMessage()).replace(' ', '_'));
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }
}
