package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.bridge.AgentBridge;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.AuditIntegrity;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.support.Faults;
import io.github.sqlitepragmaagent.support.ReadOnlyReaders;
import io.github.sqlitepragmaagent.support.Statements;
import io.github.sqlitepragmaagent.support.Text;
import java.io.File;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one audit of one database on a connection of the agent's own that cannot write (see
 * {@link AuditConnection#open}), opened through the app's own sqlite-jdbc (the agent bundles none),
 * never tuned or audited itself, closed at the end.
 */
final class DatabaseAuditor {

    /** Free pages above this share of the file are worth a VACUUM... */
    private static final double FREELIST_WARN_SHARE = 0.25;
    /** ...as long as that frees at least this much; a tiny file with one free page is no news. */
    private static final long FREELIST_WARN_MIN_BYTES = 1L << 20;
    /** The report field that marks an audit after which the database is no longer audited. */
    static final String STOPPED = "stopped";
    /** First audits: the foreign keys whose actions run only while enforcement is on, and how many. */
    static final String FK_ACTIONS = "fk_actions";
    static final String FK_ACTION_COUNT = "fk_action_count";
    /** Foreign keys named in the line at most; the count is always complete. */
    private static final int FK_ACTIONS_SHOWN = 20;
    /** Problems shown in the log line; the JSON line and JMX carry what SQLite reported. */
    private static final int PROBLEMS_SHOWN = 5;

    /**
     * Test-only ({@link Faults#AUDIT_HOLD}): parks every audit for good once its connection is open, so
     * a test can prove the JVM exits with an audit in flight without betting on how long a real check
     * takes on the machine that runs it. It says so in the system property
     * {@code sqlite.pragma.agent.test.audit-held}, which the test app waits for.
     */
    private static final boolean HOLD = Faults.AUDIT_HOLD.active();

    private final AgentConfig config;
    private final Watchdog watchdog;

    DatabaseAuditor(AgentConfig config, Watchdog watchdog) {
        this.config = config;
        this.watchdog = watchdog;
    }

    AuditReport audit(AuditedDatabase database, AuditReport.Kind kind) {
        long started = System.nanoTime();
        AgentBridge.agentWorkBegins();
        File file = new File(database.path);
        try {
            Driver driver = database.driver();
            if (driver == null) {
                return stopped(database, kind, "the app's sqlite-jdbc was unloaded (its app was undeployed?):"
                        + " this database is not audited any more");
            }
            if (!file.isFile()) {
                return stopped(database, kind, "the database file is gone: it is not audited any more");
            }
            Connection connection = AuditConnection.open(driver, file);
            try {
                if (HOLD) {
                    System.setProperty("sqlite.pragma.agent.test.audit-held", database.path);
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                return inspect(connection, file, kind, database.lastBytes());
            } finally {
                connection.close();
            }
        } catch (Exception e) {
            AuditReport report = new AuditReport(database.path, kind, System.currentTimeMillis());
            if (e instanceof SQLException && IntegrityCheck.isCorruption((SQLException) e)) {
                report.put("integrity", "corrupt");
                report.put("problems", String.valueOf(e.getMessage()));
                report.error("the file cannot be read as an SQLite database (damaged, encrypted, or not a database)");
                report.unreadable(identity(file));
            } else {
                report.warn("the audit could not run: " + e);
            }
            report.put("took_ms", (System.nanoTime() - started) / 1_000_000);
            return report;
        } finally {
            AgentBridge.agentWorkDone();
        }
    }

    /** Tells this file from another at the same path: size, modification time and, where known, the inode. */
    private static String identity(File file) {
        try {
            java.nio.file.attribute.BasicFileAttributes attributes = java.nio.file.Files.readAttributes(file.toPath(),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return attributes.size() + "|" + attributes.lastModifiedTime().toMillis() + "|" + attributes.fileKey();
        } catch (java.io.IOException | RuntimeException e) {
            return file.length() + "|" + file.lastModified();
        }
    }

    /** Inspects the database {@code file} on {@code connection}, which the caller opened with {@link AuditConnection#open}. */
    AuditReport inspect(Connection connection, File file, AuditReport.Kind kind, long previousBytes) throws SQLException {
        long started = System.nanoTime();
        AuditReport report = new AuditReport(file.getPath(), kind, System.currentTimeMillis());
        boolean checks = kind != AuditReport.Kind.SIZES && config.auditIntegrity() != AuditIntegrity.OFF;
        if (checks) {
            report.put("integrity", "not_run");
            report.put("integrity_check", config.auditIntegrity() == AuditIntegrity.FULL ? "integrity_check" : "quick_check");
            report.put("fk_violations", -1L);
        }
        readState(connection, file, report, previousBytes);
        if (kind == AuditReport.Kind.FIRST && "wal".equalsIgnoreCase(String.valueOf(report.get("journal_mode")))) {
            warnOfLockedOutReaders(file, report);
        }
        if (kind == AuditReport.Kind.FIRST) {
            ForeignKeyActions.read(connection, FK_ACTIONS_SHOWN).into(report, FK_ACTIONS, FK_ACTION_COUNT);
        }
        if (checks) {
            runChecks(connection, report);
        }
        report.put("took_ms", (System.nanoTime() - started) / 1_000_000);
        judgeSizes(report);
        return report;
    }

    /** Said at the first audit only, so once per database; the mode bits could change, but rarely do. */
    private static void warnOfLockedOutReaders(File file, AuditReport report) {
        String who = ReadOnlyReaders.lockedOutByWal(file);
        if (who != null) {
            report.warn("the file is readable by " + who + " who cannot write its directory " + file.getAbsoluteFile().getParent()
                    + ": a WAL database cannot be read without creating its -shm there, so such read-only readers (a"
                    + " reporting job, the sqlite3 shell of another user) fail with 'attempt to write a readonly database'"
                    + " whenever the app is not running; wal.readonly.readers=keep (the default) keeps the journal mode"
                    + " only of a file found so at the database's first connection, not of one created in WAL, one"
                    + " already in WAL, or one set to WAL by configuration; to give them back their access switch it to a"
                    + " rollback journal (a rule with rule.N.match=" + file.getAbsolutePath() + " and"
                    + " rule.N.journal_mode=DELETE) or let them write the directory");
        }
    }

    /** The last report of a database that is no longer audited: an info line, nothing wrong with the app. */
    private static AuditReport stopped(AuditedDatabase database, AuditReport.Kind kind, String why) {
        AuditReport report = new AuditReport(database.path, kind, System.currentTimeMillis());
        report.put(STOPPED, why);
        return report;
    }

    private static void readState(Connection connection, File file, AuditReport report, long previousBytes)
            throws SQLException {
        Statement statement = connection.createStatement();
        try {
            String journalMode = Statements.firstColumn(statement, "PRAGMA journal_mode");
            String version = Statements.firstColumn(statement, "SELECT sqlite_version()");
            long pageSize = number(statement, "PRAGMA page_size");
            long pageCount = number(statement, "PRAGMA page_count");
            long freelistCount = number(statement, "PRAGMA freelist_count");
            long bytes = file.length();
            report.put("journal_mode", journalMode);
            report.put("sqlite_version", version);
            report.put("bytes", bytes);
            if (previousBytes >= 0) {
                report.put("growth_bytes", bytes - previousBytes);
            }
            report.put("wal_bytes", new File(file.getPath() + "-wal").length());
            report.put("shm_bytes", new File(file.getPath() + "-shm").length());
            report.put("page_size", pageSize);
            report.put("page_count", pageCount);
            report.put("freelist_count", freelistCount);
            report.put("reclaimable_bytes", freelistCount * pageSize);
            SqliteVersion parsed = SqliteVersion.parse(version);
            if (report.kind != AuditReport.Kind.SIZES && "wal".equalsIgnoreCase(journalMode) && parsed != null
                    && parsed.hasWalResetBug()) {
                report.warn("SQLite " + parsed + " has the WAL-reset bug (3.7.0 through 3.51.2, fixed in 3.51.3 and"
                        + " backported to 3.50.7 and 3.44.6): two connections writing and checkpointing at the same"
                        + " instant can corrupt a WAL database; use a sqlite-jdbc built on a fixed SQLite"
                        + " (see https://sqlite.org/wal.html)");
            }
        } finally {
            Statements.closeQuietly(statement);
        }
    }

    private void runChecks(Connection connection, AuditReport report) {
        boolean full = config.auditIntegrity() == AuditIntegrity.FULL;
        long timeout = config.auditIntegrityTimeoutMillis();
        IntegrityCheck integrity = IntegrityCheck.run(connection, full, timeout, watchdog);
        report.put("integrity", integrity.outcome.name().toLowerCase(Locale.ROOT));
        switch (integrity.outcome) {
            case CORRUPT:
                report.put("problems", join(integrity.problems, PROBLEMS_SHOWN));
                report.error("the integrity check found " + integrity.problems.size()
                        + (integrity.problems.size() >= IntegrityCheck.MAX_PROBLEMS ? " or more" : "")
                        + " problem(s): the database is damaged; back it up before anything writes more");
                break;
            case TIMEOUT:
                report.warn("the integrity check was interrupted after audit.integrity.timeout ("
                        + timeout / 1000.0 + " s) and is incomplete");
                break;
            case ERROR:
                report.warn("the integrity check failed: " + integrity.problems.get(0));
                break;
            default:
                break;
        }
        ForeignKeyCheck foreignKeys = ForeignKeyCheck.run(connection, timeout, watchdog);
        if (foreignKeys.failure != null) {
            report.warn("the foreign key check did not finish: " + foreignKeys.failure);
            return;
        }
        long total = foreignKeys.total();
        report.put("fk_violations", total);
        if (total > 0) {
            StringBuilder tables = new StringBuilder();
            for (Map.Entry<String, Long> table : foreignKeys.violationsByTable.entrySet()) {
                tables.append(tables.length() == 0 ? "" : ",").append(table.getKey()).append(':').append(table.getValue());
            }
            report.put("fk_tables", tables.toString());
            report.put("fk_first", join(foreignKeys.firstRows, ForeignKeyCheck.ROWS_SHOWN));
            report.warn(total + " row(s) break the schema's foreign keys; with foreign_keys=ON, changing them fails"
                    + " until they are fixed (or set foreign_keys=keep)");
        }
    }

    private void judgeSizes(AuditReport report) {
        long bytes = report.getLong("bytes", -1);
        if (bytes < 0) {
            return;
        }
        long walBytes = report.getLong("wal_bytes", 0);
        if (walBytes > config.auditWalWarnBytes()) {
            String above = "the WAL file is " + Text.bytes(walBytes) + ", above audit.wal.warn ("
                    + Text.bytes(config.auditWalWarnBytes()) + "): ";
            report.warn(above + (autoCheckpointsOff(report.database)
                    ? "wal_autocheckpoint=0 is configured for this database, so SQLite never checkpoints on its own and"
                            + " the WAL grows until the app runs PRAGMA wal_checkpoint (or its last connection closes)"
                    : "checkpoints are probably starved by long-running readers (a read transaction left open keeps"
                            + " the WAL from being reset)"));
        }
        long reclaimable = report.getLong("reclaimable_bytes", 0);
        if (bytes > 0 && reclaimable >= FREELIST_WARN_MIN_BYTES && reclaimable > FREELIST_WARN_SHARE * bytes) {
            report.warn(Math.round(100.0 * reclaimable / bytes) + "% of the file is free pages ("
                    + Text.bytes(reclaimable) + "): VACUUM would give them back to the filesystem");
        }
        long sizeWarn = config.auditSizeWarnBytes();
        if (sizeWarn > 0 && bytes > sizeWarn) {
            report.warn("the database file is " + Text.bytes(bytes) + ", above audit.size.warn (" + Text.bytes(sizeWarn) + ")");
        }
    }

    /** True when the agent's configuration sets {@code wal_autocheckpoint=0} for {@code path}. */
    private boolean autoCheckpointsOff(String path) {
        PragmaSetting autoCheckpoint = PragmaSetting.named(config.pragmasFor(config.ruleFor(path)), "wal_autocheckpoint");
        return autoCheckpoint != null && "0".equals(autoCheckpoint.value().sqlLiteral());
    }

    private static String join(java.util.List<String> items, int limit) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size() && i < limit; i++) {
            out.append(i == 0 ? "" : "; ").append(items.get(i));
        }
        if (items.size() > limit) {
            out.append("; ...");
        }
        return out.toString();
    }

    private static long number(Statement statement, String sql) throws SQLException {
        String value = Statements.firstColumn(statement, sql);
        return value == null ? -1 : Long.parseLong(value);
    }
}
