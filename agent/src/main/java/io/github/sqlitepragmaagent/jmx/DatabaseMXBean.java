package io.github.sqlitepragmaagent.jmx;

/**
 * One database file, under {@code io.github.sqlitepragmaagent:type=Database,path="<absolute path>"}:
 * what its last audit found. Numbers are -1 and strings empty until an audit has measured them.
 */
public interface DatabaseMXBean {

    String getPath();

    /** Milliseconds since the epoch when the last audit started; 0 before the first. */
    long getLastAuditTime();

    /** {@code first}, {@code sizes} or {@code integrity}. */
    String getLastAuditKind();

    /** {@code ok}, {@code warn} or {@code error}. */
    String getLastAuditResult();

    /** The last audit's findings, joined; empty when there were none. */
    String getLastAuditFindings();

    long getLastAuditMillis();

    /** {@code ok}, {@code corrupt}, {@code timeout}, {@code error}, or empty before the first check. */
    String getIntegrity();

    long getLastIntegrityCheckTime();

    long getForeignKeyViolations();

    /**
     * The schema's foreign keys with an action that runs only while enforcement is on, as the first
     * audit found them: {@code orders.customer_id->customers:CASCADE,...}; empty when there are none.
     */
    String getForeignKeyActions();

    /** How many foreign keys {@link #getForeignKeyActions()} counts; -1 before the first audit. */
    long getForeignKeyActionCount();

    String getJournalMode();

    String getSqliteVersion();

    long getFileBytes();

    long getWalBytes();

    long getShmBytes();

    long getPageSize();

    long getPageCount();

    long getFreelistCount();

    long getReclaimableBytes();

    long getAuditsRun();
}
