package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.audit.DatabaseCheck;
import io.github.sqlitepragmaagent.driver.JdbcDriver;
import io.github.sqlitepragmaagent.support.SqliteUrl;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code restore BACKUP DB}: puts a backup back, through SQLite, never with a file copy.
 *
 * <p>A {@code cp backup.db app.db} beside a stale {@code app.db-wal} (left by a crash) lets SQLite replay
 * that WAL onto the restored file: a malformed database, or the crashed app's rows instead of the backup's
 * (issue 20). So the restore goes through SQLite's own steps instead:
 * <ol>
 * <li>BACKUP is checked with {@code integrity_check} first: a damaged backup is refused before DB is touched;</li>
 * <li>DB is opened and its journal mode switched to DELETE with a busy timeout of 0. Leaving WAL needs the
 *     exclusive lock on the database file, which SQLite gets only when no other connection of any process
 *     has the database open (each holds a shared lock while it is open): if any has, the switch fails and the
 *     restore is refused, DB untouched. When it succeeds SQLite itself, as the last user, recovers the stale
 *     WAL, checkpoints it and deletes {@code -wal} and {@code -shm}, the right way;</li>
 * <li>the connection keeps the exclusive lock ({@code locking_mode=EXCLUSIVE}, {@code BEGIN EXCLUSIVE}) and
 *     restores BACKUP into DB with SQLite's backup API: one write transaction, journalled, so a crash
 *     midway leaves the old DB, never half of each (the atomic install);</li>
 * <li>DB is opened afresh and checked with {@code integrity_check}.</li>
 * </ol>
 */
final class RestoreCommand implements Command {

    /** DB is in use by another connection (of any process): nothing was changed. */
    static final int IN_USE = 3;

    private final File agentJar;

    RestoreCommand(File agentJar) {
        this.agentJar = agentJar;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "restore a backup into a database safely: checked, refused while in use, stale WAL handled";
    }

    @Override
    public String help() {
        return "usage: java -jar sqlite-pragma-agent.jar restore [--driver SQLITE-JDBC-JAR] BACKUP DB\n"
                + "\n"
                + "Checks BACKUP with PRAGMA integrity_check, refuses while any process has DB open, then restores\n"
                + "BACKUP into DB through SQLite (never a file copy): SQLite recovers and removes a stale DB-wal/-shm\n"
                + "left by a crash, the backup's pages go in as one transaction under an exclusive lock, and the\n"
                + "result is checked with integrity_check. Stop the app first. DB is created when missing.\n"
                + "\n"
                + "  --driver JAR     the sqlite-jdbc jar your app uses; without it: a sqlite-jdbc*.jar next to\n"
                + "                   the agent jar, else the newest in ~/.m2/repository/org/xerial/sqlite-jdbc\n"
                + "\n"
                + "Exit status: 0 restored and DB passed integrity_check; 1 BACKUP failed its check (DB untouched),\n"
                + "or the restore or the final check failed; 2 usage error; 3 DB is in use by another process or\n"
                + "connection (DB untouched: stop the app, then run restore again).\n"
                + "\n"
                + "example: java -jar sqlite-pragma-agent.jar restore /var/backups/app/app.db.20261206-045500123.backup /srv/app/app.db";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[] {"--driver"}, new String[0]);
        if (arguments.positionals().size() != 2) {
            throw new UsageException("name the backup file and the database: restore BACKUP DB");
        }
        File backup = new File(arguments.positionals().get(0)).getAbsoluteFile();
        File database = new File(arguments.positionals().get(1)).getAbsoluteFile();
        if (!backup.isFile()) {
            throw new UsageException("BACKUP " + backup + ": " + (backup.exists() ? "not a regular file" : "no such file"));
        }
        if (backup.equals(database)) {
            throw new UsageException("BACKUP and DB are the same file: " + backup);
        }
        File parent = database.getParentFile();
        if (parent == null || !parent.isDirectory()) {
            throw new UsageException("DB " + database + ": its directory does not exist");
        }
        File driverJar = DriverLocator.locate(arguments.value("--driver"), agentJar);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toURI().toURL()}, RestoreCommand.class.getClassLoader())) {
            Driver driver = JdbcDriver.instance(JdbcDriver.classIn(loader));
            return restore(driver, backup, database, out, err);
        } catch (java.io.IOException | ReflectiveOperationException e) {
            err.println("sqlite-pragma-agent restore: cannot load the driver from " + driverJar + ": " + e);
            return FAILED;
        }
    }

    private static int restore(Driver driver, File backup, File database, PrintStream out, PrintStream err) {
        String prefix = "sqlite-pragma-agent restore: ";
        // 1. The backup first: a damaged one never reaches DB.
        try (Connection connection = DatabaseCheck.open(driver, backup)) {
            String problems = DatabaseCheck.integrityProblems(connection);
            if (problems != null) {
                err.println(prefix + "BACKUP " + backup + " fails integrity_check (" + problems + "); " + database
                        + " left untouched");
                return FAILED;
            }
        } catch (SQLException e) {
            err.println(prefix + "BACKUP " + backup + " cannot be read as a database (" + oneLine(e) + "); " + database
                    + " left untouched");
            return FAILED;
        }
        out.println("backup:   " + backup + ": integrity_check ok");
        // 2 and 3. The exclusive lock, the stale WAL, the restore: one connection, held throughout.
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", "0");
        try (Connection connection = driver.connect(SqliteUrl.forFile(database.getPath()), properties)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout=0");
                String journal = exclusively(statement);
                if (journal != null) {
                    err.println(prefix + database + " is in use: another connection (of this or another process) has it"
                            + " open, so SQLite cannot take its exclusive lock (" + journal + "); nothing was changed;"
                            + " stop the app (and any sqlite3 shell or job using it), then run restore again");
                    return IN_USE;
                }
            }
            restoreFrom(connection, backup);
        } catch (SQLException | ReflectiveOperationException e) {
            err.println(prefix + "restoring " + backup + " into " + database + " failed: " + oneLine(e)
                    + " (the restore is one SQLite transaction: " + database + " is as it was unless the check below says otherwise)");
            return FAILED;
        }
        // The backup API reads a WAL-mode BACKUP (a sqlite3 .backup of a WAL database) on a read-only connection,
        // which leaves BACKUP-wal and BACKUP-shm behind; a read-write close, the last one, removes them.
        try (Connection connection = DatabaseCheck.open(driver, backup); Statement statement = connection.createStatement()) {
            firstColumn(statement, "SELECT count(*) FROM sqlite_master"); // a read opens the WAL, so the close tidies it
        } catch (SQLException e) {
            err.println(prefix + "note: could not tidy " + backup + "-wal/-shm: " + oneLine(e));
        }
        // 4. The result, on a fresh connection.
        try (Connection connection = DatabaseCheck.open(driver, database)) {
            String problems = DatabaseCheck.integrityProblems(connection);
            if (problems != null) {
                err.println(prefix + "restored " + database + " fails integrity_check: " + problems);
                return FAILED;
            }
            out.println("restored: " + database + ": integrity_check ok, " + tables(connection) + " table(s), from " + backup);
            return OK;
        } catch (SQLException e) {
            err.println(prefix + "restored " + database + " cannot be read: " + oneLine(e));
            return FAILED;
        }
    }

    /**
     * Takes DB for this connection alone; null when it has it, else why not. Leaving WAL needs the
     * exclusive lock that no other open connection allows; SQLite then checkpoints and deletes the
     * stale {@code -wal}/{@code -shm} itself. In rollback-journal mode the exclusive lock is taken directly.
     */
    private static String exclusively(Statement statement) {
        try {
            // A first read: SQLite recovers a WAL left by a crash (or rolls back a hot journal) here.
            firstColumn(statement, "SELECT count(*) FROM sqlite_master");
            String mode = firstColumn(statement, "PRAGMA journal_mode");
            if ("wal".equalsIgnoreCase(mode)) {
                String now = firstColumn(statement, "PRAGMA journal_mode=DELETE");
                if (!"delete".equalsIgnoreCase(now)) {
                    return "it stays in journal_mode=" + now;
                }
            }
            firstColumn(statement, "PRAGMA locking_mode=EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("COMMIT");
            return null;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("locked") || message.contains("busy")) {
                return oneLine(e);
            }
            return "it cannot be read: " + oneLine(e);
        }
    }

    /** SQLite's backup API, from BACKUP into this connection's main database (sqlite-jdbc's {@code restore}). */
    private static void restoreFrom(Connection connection, File backup) throws SQLException, ReflectiveOperationException {
        Object db = connection.getClass().getMethod("getDatabase").invoke(connection);
        for (java.lang.reflect.Method method : db.getClass().getMethods()) {
            if (method.getName().equals("restore") && method.getParameterTypes().length == 3) {
                try {
                    Object rc = method.invoke(db, "main", backup.getPath(), null);
                    if (rc instanceof Integer && (Integer) rc != 0 && (Integer) rc != 101) {
                        throw new SQLException("SQLite's backup API ended with code " + rc);
                    }
                    return;
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException) {
                        throw (SQLException) e.getCause();
                    }
                    throw e;
                }
            }
        }
        throw new SQLException("this sqlite-jdbc has no restore call (DB.restore); use a newer driver with --driver");
    }

    private static long tables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return Long.parseLong(firstColumn(statement,
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"));
        }
    }

    private static String firstColumn(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.toString() : message.split("\n")[0];
    }
}
