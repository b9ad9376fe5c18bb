package io.github.sqlitepragmaagent.it.apps;

import org.flywaydb.core.Flyway;

/**
 * Runs the Flyway migrations in {@code classpath:flyway/SET} (a customers table rebuilt while orders
 * reference it ON DELETE CASCADE) and reports what survived, then what a fresh connection enforces.
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
        MigratedSchema.report(url);
    }
}
