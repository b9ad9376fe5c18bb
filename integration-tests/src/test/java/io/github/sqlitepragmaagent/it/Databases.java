package io.github.sqlitepragmaagent.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Prepares and inspects database files from the test JVM itself (no agent here). */
final class Databases {

    private Databases() {}

    /** A database with table {@code t} holding one row, in {@code journalMode}. */
    static Path create(Path file, String journalMode) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=" + journalMode).close();
            statement.executeUpdate("CREATE TABLE t(x)");
            statement.executeUpdate("INSERT INTO t VALUES (42)");
        }
        return file;
    }

    static String pragma(Path file, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    static long rows(Path file, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
