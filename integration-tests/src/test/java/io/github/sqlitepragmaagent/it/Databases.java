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

    /**
     * A large database: table {@code big} of {@code rows} rows of about 1 KB each, with an index (so
     * that a full integrity check has work to do), in {@code journalMode}.
     */
    static Path createLarge(Path file, int rows, String journalMode) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=" + journalMode).close();
            statement.executeUpdate("CREATE TABLE big(k TEXT, v BLOB)");
            statement.executeUpdate("INSERT INTO big SELECT hex(randomblob(8)), randomblob(1000) FROM"
                    + " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") SELECT i FROM n)");
            statement.executeUpdate("CREATE INDEX big_k ON big(k)");
        }
        return file;
    }

    /**
     * A database whose header is valid but one page of table {@code bad} is garbage, while table
     * {@code good} (its first pages) stays readable.
     */
    static Path createCorrupt(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE good(x)");
            statement.executeUpdate("INSERT INTO good VALUES (1), (2), (3)");
            statement.executeUpdate("CREATE TABLE bad(v BLOB)");
            statement.executeUpdate("INSERT INTO bad SELECT randomblob(3000) FROM"
                    + " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n)");
        }
        long pageSize = 4096;
        long pages = java.nio.file.Files.size(file) / pageSize;
        byte[] garbage = new byte[(int) pageSize];
        new java.util.Random(42).nextBytes(garbage);
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raw.seek((pages - 3) * pageSize);
            raw.write(garbage);
        }
        return file;
    }

    /**
     * A legacy schema with foreign-key actions: orders → customers ON DELETE CASCADE, notes → orders
     * ON DELETE SET NULL ON UPDATE CASCADE, and invoices → customers ON DELETE RESTRICT (which changes
     * no row, it only refuses).
     */
    static Path createWithForeignKeyActions(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE customers(id INTEGER PRIMARY KEY)");
            statement.executeUpdate("CREATE TABLE orders(id INTEGER PRIMARY KEY,"
                    + " customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE)");
            statement.executeUpdate("CREATE TABLE notes(id INTEGER PRIMARY KEY,"
                    + " order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL ON UPDATE CASCADE)");
            statement.executeUpdate("CREATE TABLE invoices(id INTEGER PRIMARY KEY,"
                    + " customer_id INTEGER REFERENCES customers(id) ON DELETE RESTRICT)");
        }
        return file;
    }

    /** A database whose table {@code child} has 3 rows pointing at parents that do not exist. */
    static Path createForeignKeyViolations(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE parent(id INTEGER PRIMARY KEY)");
            statement.executeUpdate("CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))");
            statement.executeUpdate("INSERT INTO parent VALUES (1)");
            statement.executeUpdate("INSERT INTO child VALUES (1, 1), (2, 5), (3, 6), (4, 7)");
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
