package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.support.SqliteUrl;
import io.github.sqlitepragmaagent.support.Statements;
import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How the agent opens a database for itself (the audits, the {@code check} command): the one place
 * that decides it, because a wrong way here costs the app its locks or leaves files behind.
 */
final class AuditConnection {

    /** SQLITE_OPEN_READONLY and nothing else: no write, no create (a missing file stays missing). */
    private static final String READ_ONLY_OPEN_MODE = "1";
    /** SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE: a missing file stays missing. */
    private static final String READ_WRITE_OPEN_MODE = "2";

    private AuditConnection() {}

    /** Properties for a connection that can neither write nor create the file. */
    static Properties readOnly() {
        Properties properties = new Properties();
        properties.setProperty("open_mode", READ_ONLY_OPEN_MODE);
        properties.setProperty("busy_timeout", "2000");
        return properties;
    }

    /**
     * The audit's own connection to {@code file}, which it never creates and never writes to, and
     * which leaves no file behind that the app's own connections would not leave.
     *
     * <p>It is always opened read-write without create, then made {@code query_only}: no statement can
     * change the database, and its close does exactly what the app's own last close does. A WAL
     * database needs that: SQLite creates its {@code -wal} and {@code -shm} to read it and only a
     * connection that can write deletes them on the last close (read-only audits left both behind:
     * 50 databases, 150 files). A rollback-journal database is read without creating anything either way.
     *
     * <p>The journal mode is not looked up first on purpose: the only way to know it before opening is
     * the file's header, and reading that with a descriptor of our own, in the app's process, releases
     * every POSIX lock the app's SQLite holds on the file when the descriptor closes (sqlite.org, "How To
     * Corrupt An SQLite Database File", 2.2): that lost committed rows and corrupted databases. SQLite
     * itself shares one descriptor table per file within its library, so a connection opened through the
     * app's own driver is safe; nothing else is.
     */
    static Connection open(Driver driver, File file) throws SQLException {
        Connection connection = driver.connect(SqliteUrl.forFile(file.getPath()), connectionProperties());
        try {
            Statements.execute(connection, "PRAGMA query_only=1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** How {@link #open} opens a database: read-write without create, a short busy timeout. */
    static Properties connectionProperties() {
        Properties properties = readOnly();
        properties.setProperty("open_mode", READ_WRITE_OPEN_MODE);
        return properties;
    }
}
