package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * Runs a Liquibase update with the changelog {@code classpath:liquibase/CHANGELOG} (a customers table
 * rebuilt while orders reference it ON DELETE CASCADE) and reports what survived, then what a fresh
 * connection enforces. Liquibase runs each changeset in one transaction and commits it.
 *
 * <pre>LiquibaseApp DB-FILE CHANGELOG</pre>
 */
public final class LiquibaseApp {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0];
        try (Connection connection = DriverManager.getConnection(url)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "liquibase/" + args[1])
                    .execute();
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
