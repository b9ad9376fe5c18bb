package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.jmx.DatabaseMXBean;

/** A database's last audit, as JMX shows it. */
final class DatabaseStatus implements DatabaseMXBean {

    private final AuditedDatabase database;

    DatabaseStatus(AuditedDatabase database) {
        this.database = database;
    }

    private long number(String key) {
        AuditReport report = database.lastReport();
        return report == null ? -1 : report.getLong(key, -1);
    }

    private String text(AuditReport report, String key) {
        Object value = report == null ? null : report.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    @Override
    public String getPath() {
        return database.path;
    }

    @Override
    public long getLastAuditTime() {
        AuditReport report = database.lastReport();
        return report == null ? 0 : report.startedAtMillis;
    }

    @Override
    public String getLastAuditKind() {
        return text(database.lastReport(), "kind");
    }

    @Override
    public String getLastAuditResult() {
        return text(database.lastReport(), "result");
    }

    @Override
    public String getLastAuditFindings() {
        return text(database.lastReport(), "findings");
    }

    @Override
    public long getLastAuditMillis() {
        return number("took_ms");
    }

    @Override
    public String getIntegrity() {
        return text(database.lastIntegrityReport(), "integrity");
    }

    @Override
    public long getLastIntegrityCheckTime() {
        AuditReport report = database.lastIntegrityReport();
        return report == null ? 0 : report.startedAtMillis;
    }

    @Override
    public long getForeignKeyViolations() {
        AuditReport report = database.lastIntegrityReport();
        return report == null ? -1 : report.getLong("fk_violations", -1);
    }

    @Override
    public String getJournalMode() {
        return text(database.lastReport(), "journal_mode");
    }

    @Override
    public String getSqliteVersion() {
        return text(database.lastReport(), "sqlite_version");
    }

    @Override
    public long getFileBytes() {
        return number("bytes");
    }

    @Override
    public long getWalBytes() {
        return number("wal_bytes");
    }

    @Override
    public long getShmBytes() {
        return number("shm_bytes");
    }

    @Override
    public long getPageSize() {
        return number("page_size");
    }

    @Override
    public long getPageCount() {
        return number("page_count");
    }

    @Override
    public long getFreelistCount() {
        return number("freelist_count");
    }

    @Override
    public long getReclaimableBytes() {
        return number("reclaimable_bytes");
    }

    @Override
    public long getAuditsRun() {
        return database.auditsRun();
    }
}
