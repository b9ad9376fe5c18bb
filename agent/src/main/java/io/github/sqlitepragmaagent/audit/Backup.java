package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.support.Faults;
import io.github.sqlitepragmaagent.support.SqliteUrl;
import io.github.sqlitepragmaagent.support.Statements;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One backup of one database, made and checked entirely through SQLite (the app's own driver):
 *
 * <ol>
 * <li>an online copy to a temporary name in {@code backup.dir}, with SQLite's backup API in a single step
 *     ({@code sqlite3_backup_step(-1)}): one read transaction, so the copy is one consistent snapshot and the
 *     app's writers never wait (in WAL a reader blocks no writer). The driver's default of 100 pages per step
 *     restarts the copy whenever another connection writes (sqlite.org/c3ref/backup_finish.html), so under a
 *     busy app it never ends. Measured against {@code VACUUM INTO} (benchmarks, {@code backup-load}): half the
 *     time, so the WAL is pinned half as long, and fewer of the app's writes lost; {@code VACUUM INTO} is used only
 *     with a driver older than the single-step call;</li>
 * <li>the copy is switched to {@code journal_mode=DELETE} (a backup is one self-contained file, readable where
 *     no {@code -shm} can be made) and checked with {@code PRAGMA integrity_check} on a fresh connection:
 *     the full check, not {@code quick_check}, because a backup is worth something only if it restores, and the
 *     check reads the copy, not the app's database, whose locks it never touches;</li>
 * <li>renamed into place atomically; only then are the oldest beyond {@code backup.keep} deleted. A copy that
 *     fails its check is renamed to {@code .failed} and never rotated in: the previous backups stay.</li>
 * </ol>
 */
final class Backup {

    /** How the copy was taken, for the log line. */
    static final String BACKUP_API = "backup_api";
    static final String VACUUM_INTO = "vacuum_into";

    /** What came of it. */
    static final class Outcome {
        /** {@code ok}, {@code failed} (the copy failed its check, kept aside) or {@code error} (no copy made). */
        final String result;
        final File file;
        final String method;
        final long bytes;
        final String problems;
        final int deleted;

        Outcome(String result, File file, String method, long bytes, String problems, int deleted) {
            this.result = result;
            this.file = file;
            this.method = method;
            this.bytes = bytes;
            this.problems = problems;
            this.deleted = deleted;
        }
    }

    private Backup() {}

    /** Backs {@code database} up into {@code files}, keeping the newest {@code keep}. Never throws for SQLite's or the disk's failures. */
    static Outcome run(Driver driver, File database, BackupFiles files, int keep, long startedAtMillis) {
        File backup = files.named(startedAtMillis);
        File temporary = BackupFiles.temporary(backup);
        String method = null;
        try {
            Files.createDirectories(files.dir.toPath());
            files.deleteLeftOvers();
            method = copy(driver, database, temporary);
            if (Faults.BACKUP_DAMAGE.active()) {
                damage(driver, temporary);
            }
            String problems = check(driver, temporary);
            if (problems != null) {
                File failed = BackupFiles.failed(backup);
                Files.move(temporary.toPath(), failed.toPath(), StandardCopyOption.ATOMIC_MOVE);
                return new Outcome("failed", failed, method, failed.length(), problems, 0);
            }
            Files.move(temporary.toPath(), backup.toPath(), StandardCopyOption.ATOMIC_MOVE);
            int deleted = files.rotate(keep);
            return new Outcome("ok", backup, method, backup.length(), null, deleted);
        } catch (SQLException | IOException | ReflectiveOperationException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary.toPath());
            } catch (IOException | RuntimeException ignored) {
                // the next backup deletes it before it starts
            }
            return new Outcome("error", temporary, method, -1, describe(e), 0);
        }
    }

    /** Copies {@code database} to {@code target} online; returns the method used. */
    private static String copy(Driver driver, File database, File target)
            throws SQLException, ReflectiveOperationException {
        Connection source = AuditConnection.open(driver, database);
        try {
            Method singleStep = singleStepBackup(source);
            if (singleStep != null) {
                Object db = source.getClass().getMethod("getDatabase").invoke(source);
                // (database, file, no progress observer, 100 ms between tries while the destination is busy, 30 tries,
                // every page in one step)
                Object rc = singleStep.invoke(db, "main", target.getPath(), null, 100, 30, -1);
                if (rc instanceof Integer && (Integer) rc != 0 && (Integer) rc != 101) {
                    throw new SQLException("SQLite's backup API ended with code " + rc);
                }
                return BACKUP_API;
            }
            // VACUUM INTO writes only the new file, but query_only refuses it.
            Statements.execute(source, "PRAGMA query_only=0");
            Statement statement = source.createStatement();
            try {
                statement.execute("VACUUM INTO '" + target.getPath().replace("'", "''") + "'");
            } finally {
                Statements.closeQuietly(statement);
            }
            return VACUUM_INTO;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw e;
        } finally {
            source.close();
        }
    }

    /** sqlite-jdbc's {@code DB.backup(db, file, observer, sleepMillis, busyTries, pagesPerStep)}, or null in drivers before it. */
    private static Method singleStepBackup(Connection source) {
        try {
            Class<?> type = source.getClass().getMethod("getDatabase").getReturnType();
            for (Method method : type.getMethods()) {
                if (method.getName().equals("backup") && method.getParameterTypes().length == 6) {
                    return method;
                }
            }
        } catch (NoSuchMethodException | RuntimeException e) {
            // not sqlite-jdbc's connection: VACUUM INTO
        }
        return null;
    }

    /**
     * Makes {@code copy} a single rollback-journal file and checks it on a fresh connection; null when
     * {@code integrity_check} says ok, else what it found.
     */
    static String check(Driver driver, File copy) throws SQLException {
        Properties properties = AuditConnection.connectionProperties();
        Connection connection = driver.connect(SqliteUrl.forFile(copy.getPath()), properties);
        try {
            Statement statement = connection.createStatement();
            try {
                statement.execute("PRAGMA journal_mode=DELETE");
                return integrityProblems(statement);
            } finally {
                Statements.closeQuietly(statement);
            }
        } catch (SQLException e) {
            return describe(e);
        } finally {
            connection.close();
        }
    }

    /** Null when {@code PRAGMA integrity_check} answers ok; else its first lines, joined. */
    static String integrityProblems(Statement statement) throws SQLException {
        List<String> lines = new ArrayList<String>();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check(20)");
        try {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        } finally {
            rows.close();
        }
        if (lines.size() == 1 && "ok".equals(lines.get(0))) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            if (line != null && !line.startsWith("*** in database ")) {
                joined.append(joined.length() == 0 ? "" : "; ").append(line.trim());
            }
        }
        return joined.length() == 0 ? "integrity_check returned no ok" : joined.toString();
    }

    /**
     * The test-only fault: points the copy's first table at the wrong page, through SQLite, so that the check
     * finds pages that belong to no table ({@link Faults#BACKUP_DAMAGE}).
     */
    private static void damage(Driver driver, File copy) throws SQLException {
        Connection connection = driver.connect(SqliteUrl.forFile(copy.getPath()), AuditConnection.connectionProperties());
        try {
            Statements.execute(connection, "PRAGMA writable_schema=ON");
            Statements.execute(connection, "UPDATE sqlite_master SET rootpage=rootpage+1 WHERE rowid=(SELECT min(rowid)"
                    + " FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%')");
        } finally {
            connection.close();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.split("\n")[0]);
    }
}
