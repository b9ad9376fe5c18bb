package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The core cases of the version matrix in one JVM: DriverManager, SQLiteDataSource, a read-only
 * connection to the WAL file, an in-memory database, a pragma the app sets itself, the busy timeout
 * after a query timeout; then it waits for the first audit. Written against the sqlite-jdbc API that
 * every supported version has.
 *
 * <pre>MatrixApp DIR WAIT_MS</pre>
 */
public final class MatrixApp {

    public static void main(String[] args) throws Exception {
        String file = args[0] + "/matrix.db";
        String url = "jdbc:sqlite:" + file;
        try (Connection connection = DriverManager.getConnection(url)) {
            Report.print("driver", connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS t(x)");
            }
        }
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        try (Connection connection = dataSource.getConnection()) {
            Report.print("datasource", connection);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection(url)) {
            Report.print("readonly", connection);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Report.print("memory", connection);
        }
        try (Connection connection = DriverManager.getConnection(url + "?synchronous=FULL", new Properties())) {
            Report.print("app_pragma", connection);
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM t")) {
                result.next();
            }
            Report.print("query_timeout", connection);
        }
        Thread.sleep(Long.parseLong(args[1]));
        Report.jvm();
        System.out.println("app.done=true");
    }
}
