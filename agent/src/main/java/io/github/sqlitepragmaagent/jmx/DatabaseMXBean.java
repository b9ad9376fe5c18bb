package io.github.sqlitepragmaagent.jmx;

/**
 * One database file, under {@code io.github.sqlitepragmaagent:type=Database,path="<absolute path>"}:
 * what its last audit found, its sizes now, and what the app met on it. Numbers are -1 and strings
 * empty until an audit has measured them.
 *
 * <p>For exporters, every attribute is a plain number or string; the strings have a number beside them
 * ({@code JournalMode}: {@code WalMode}, {@code Integrity}: {@code IntegrityOk}, {@code LastAuditResult}:
 * {@code LastAuditLevel}). The counters, which only grow while the bean lives, are {@code AuditsRun},
 * {@code LockErrors*} and {@code ReadOnlyImmediateCommits}; every other number is a gauge.
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

    /** The database file's size now, read at each request (a stat, the file is not opened); 0 when it is gone. */
    long getFileBytes();

    /** The {@code -wal} file's size now, read at each request; 0 when there is none. */
    long getWalBytes();

    /** The {@code -shm} file's size now, read at each request; 0 when there is none. */
    long getShmBytes();

    long getPageSize();

    long getPageCount();

    long getFreelistCount();

    long getReclaimableBytes();

    /** Counter: audits run on this database. */
    long getAuditsRun();

    /** {@link #getJournalMode()} as a number: 1 in WAL, 0 in any other mode, -1 before the first audit. */
    long getWalMode();

    /** {@link #getIntegrity()} as a number: 1 ok, 0 corrupt, -1 not known (no check yet, timed out, failed, or off). */
    long getIntegrityOk();

    /** {@link #getLastAuditResult()} as a number: 0 ok, 1 warn, 2 error, -1 before the first audit. */
    long getLastAuditLevel();

    /** Seconds since the last audit started; -1 before the first. */
    long getLastAuditAgeSeconds();

    /** Seconds since the last integrity check started; -1 before the first. */
    long getLastIntegrityCheckAgeSeconds();

    /**
     * The app's connections to this database that are open now (pooled idle ones included); -1 when
     * {@code audit.idle.forget=off}, which turns this tracking off.
     */
    long getOpenConnections();

    /** Counter: "database is locked" errors (SQLITE_BUSY/SQLITE_LOCKED) that reached the app on this database. */
    long getLockErrors();

    /** Of those: a statement inside a transaction, typically a read-then-write upgrade that SQLite fails at once. */
    long getLockErrorsUpgrade();

    /** Of those: a transaction that could not begin within the busy timeout. */
    long getLockErrorsBegin();

    /** Of those: a commit. */
    long getLockErrorsCommit();

    /** Of those: a statement outside any transaction, after the busy timeout. */
    long getLockErrorsStatement();

    /**
     * Counter: transactions the agent began IMMEDIATE (its default for read-write transactions) that committed
     * having run only SELECTs: each held the write lock for nothing while writers waited. Where it grows, a
     * read-only mark is missing ({@code @Transactional(readOnly = true)}, {@code setReadOnly(true)}).
     */
    long getReadOnlyImmediateCommits();

    /** Milliseconds since the epoch of the agent's last checkpoint of this database (checkpoint.idle); 0 before the first. */
    long getLastCheckpointTime();

    /**
     * {@code truncated} (every frame in the database file, WAL empty), {@code copied} (every frame in the
     * file, a reader kept the WAL from being truncated), {@code pinned} (a reader of an older snapshot
     * kept frames from being copied), {@code busy}, {@code failed}; empty before the first.
     */
    String getLastCheckpointResult();

    /** Bytes of the {@code -wal} when the last checkpoint began; -1 before the first. */
    long getLastCheckpointWalBytes();

    long getLastCheckpointMillis();

    /**
     * 1 while the WAL is pinned (a checkpoint could not move its frames past an open read and it is past
     * {@code wal.pinned.size} and {@code wal.pinned.percent}: the warning was given), 0 otherwise.
     */
    long getWalPinned();

    /** Milliseconds since the epoch when the agent's last backup of this database began (backup.dir); 0 before the first. */
    long getLastBackupTime();

    /**
     * {@code ok} (verified and rotated in), {@code failed} (the copy failed its integrity check: kept aside as
     * {@code .failed}, not rotated in), {@code error} (no copy was made); empty before the first.
     */
    String getLastBackupResult();

    /** {@link #getLastBackupResult()} as a number: 1 ok, 0 failed or error, -1 before the first backup. */
    long getLastBackupOk();

    /** Bytes of the last backup file; -1 before the first, or when no copy was made. */
    long getLastBackupBytes();

    long getLastBackupMillis();
}
