package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.config.AgentConfig;
import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The audit as a one-off check, for the {@code check} command: same inspection, same field names
 * (the JSON is an audit's JSON), on a connection opened with {@link #open(Driver, File)}, as the
 * audits open theirs.
 */
public final class DatabaseCheck {

    private final DatabaseAuditor auditor;

    public DatabaseCheck(AgentConfig config) {
        this.auditor = new DatabaseAuditor(config, new Watchdog());
    }

    /** Properties that open a database read-only, without creating it (an app's read-only connection). */
    public static Properties readOnlyProperties() {
        return AuditConnection.readOnly();
    }

    /**
     * The audit's own kind of connection to {@code file}: never creates it, cannot write to it, and
     * leaves no {@code -wal}/{@code -shm} behind that the database's own last close would not remove
     * (a WAL database is opened read-write with {@code query_only}, see the audit's {@code open}).
     */
    public static Connection open(Driver driver, File file) throws SQLException {
        return AuditConnection.open(driver, file);
    }

    /**
     * Runs {@code PRAGMA integrity_check} (the full check, as backups are verified) on {@code connection};
     * null when it says ok, else its first problems joined with "; ".
     */
    public static String integrityProblems(Connection connection) throws SQLException {
        java.sql.Statement statement = connection.createStatement();
        try {
            return Backup.integrityProblems(statement);
        } finally {
            statement.close();
        }
    }

    public Result run(Connection connection, File file) throws SQLException {
        return new Result(auditor.inspect(connection, file, AuditReport.Kind.FIRST, -1));
    }

    /** What the inspection found. */
    public static final class Result {
        private final AuditReport report;

        Result(AuditReport report) {
            this.report = report;
        }

        /** A field of the audit line ({@code journal_mode}, {@code integrity}, {@code bytes}...), or null. */
        public Object field(String key) {
            return report.get(key);
        }

        public long number(String key) {
            return report.getLong(key, -1);
        }

        /** {@code ok}, {@code warn} or {@code error}, as in the audit line. */
        public String result() {
            return String.valueOf(report.get("result"));
        }

        /** The findings in words; empty when there are none. */
        public java.util.List<String> findings() {
            return report.findings();
        }

        /** The audit's JSON fields in its order ({@code time}, {@code db}, ... {@code findings}): Strings and Numbers. */
        public java.util.Map<String, Object> fields() {
            return report.jsonFields();
        }
    }
}
