package io.github.sqlitepragmaagent.audit;

/**
 * What JMX shows of one audit: a few numbers and words copied out of the report, so that a database
 * kept for its periodic audits costs a couple of hundred bytes, not a report's map.
 */
final class AuditSnapshot {

    final long startedAtMillis;
    final String kind;
    final String result;
    final String findings;
    final long tookMillis;
    final String journalMode;
    final String sqliteVersion;
    final long bytes;
    final long walBytes;
    final long shmBytes;
    final long pageSize;
    final long pageCount;
    final long freelistCount;
    final long reclaimableBytes;
    /** Null when this audit checked no integrity. */
    final String integrity;
    final long foreignKeyViolations;
    /** Null when this audit did not read the schema's foreign-key actions (only first audits do). */
    final String foreignKeyActions;
    final long foreignKeyActionCount;

    AuditSnapshot(AuditReport report) {
        startedAtMillis = report.startedAtMillis;
        kind = word(report.get("kind"));
        result = word(report.get("result"));
        findings = report.findings().isEmpty() ? "" : String.join("; ", report.findings());
        tookMillis = report.getLong("took_ms", -1);
        journalMode = word(report.get("journal_mode"));
        sqliteVersion = word(report.get("sqlite_version"));
        bytes = report.getLong("bytes", -1);
        walBytes = report.getLong("wal_bytes", -1);
        shmBytes = report.getLong("shm_bytes", -1);
        pageSize = report.getLong("page_size", -1);
        pageCount = report.getLong("page_count", -1);
        freelistCount = report.getLong("freelist_count", -1);
        reclaimableBytes = report.getLong("reclaimable_bytes", -1);
        integrity = report.get("integrity") == null ? null : word(report.get("integrity"));
        foreignKeyViolations = report.getLong("fk_violations", -1);
        foreignKeyActionCount = report.getLong(DatabaseAuditor.FK_ACTION_COUNT, -1);
        Object actions = report.get(DatabaseAuditor.FK_ACTIONS);
        foreignKeyActions = foreignKeyActionCount < 0 ? null : actions == null ? "" : String.valueOf(actions);
    }

    /** Short words repeat across thousands of databases: one copy each. */
    private static String word(Object value) {
        return value == null ? "" : String.valueOf(value).intern();
    }
}
