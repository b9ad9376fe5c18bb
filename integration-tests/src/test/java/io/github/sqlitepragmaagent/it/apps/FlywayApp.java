package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * Runs the Flyway migrations in {@code classpath:flyway/SET} (a customers table rebuilt while orders
 * reference it ON DELETE CASCADE) and reports what survived.
 *
 * <pre>FlywayApp DB-FILE SET</pre>
 */
public final class FlywayApp {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0];
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:flyway/" + args[1]).load().migrate();
            System.out.println("app.migrated=true");
        } catch (Exception e) {
            System.out.println("app.migrated=false");
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("app.cause=" + cause.getMessage());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM orders WHERE customer_id IS NOT NULL")) {
                r.next();
                System.out.println("app.orders_with_customer=" + r.getLong(1));
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM pragma_table_info('customers')")) {
                r.next();
                System.out.println("app.customer_columns=" + r.getLong(1));
            }
        }
    }
}
