package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.jmx.DatabaseMXBean;
import io.github.sqlitepragmaagent.statements.LockErrorRegistry;
import io.github.sqlitepragmaagent.statements.LockErrors;
import java.io.File;

/**
 * A database as JMX shows it: its last audit, and what is cheap enough to read at each request (file
 * sizes by stat, lock errors, open connections), so that a scrape every few seconds sees them fresh.
 */
final class DatabaseStatus implements DatabaseMXBean {

    private final AuditedDatabase database;
    private final LockErrorRegistry lockErrors;
    /** Null when use is not tracked ({@code audit.idle.forget=off}). */
    private final DatabaseUse use;
    private final File file;
    private final File wal;
    private final File shm;

    DatabaseStatus(AuditedDatabase database, LockErrorRegistry lockErrors, DatabaseUse use) {
        this.database = database;
        this.lockErrors = lockErrors;
        this.use = use;
        this.file = new File(database.path);
        this.wal = new File(database.path + "-wal");
        this.shm = new File(database.path + "-shm");
    }

    @Override
    public long getLockErrors() {
        LockErrors errors = lockErrors.of(database.path);
        return errors == null ? 0 : errors.total();
    }

    @Override
    public long getLockErrorsUpgrade() {
        return lockErrorsOf(LockErrors.Kind.UPGRADE);
    }

    @Override
    public long getLockErrorsBegin() {
        return lockErrorsOf(LockErrors.Kind.BEGIN);
    }

    @Override
    public long getLockErrorsCommit() {
        return lockErrorsOf(LockErrors.Kind.COMMIT);
    }

    @Override
    public long getLockErrorsStatement() {
        return lockErrorsOf(LockErrors.Kind.STATEMENT);
    }

    @Override
    public long getReadOnlyImmediateCommits() {
        return lockErrors.readOnlyImmediates().of(database.path);
    }

    private long lockErrorsOf(LockErrors.Kind kind) {
        LockErrors errors = lockErrors.of(database.path);
        return errors == null ? 0 : errors.of(kind);
    }

    @Override
    public String getPath() {
        return database.path;
    }

    @Override
    public long getLastAuditTime() {
        AuditSnapshot last = database.last();
        return last == null ? 0 : last.startedAtMillis;
    }

    @Override
    public String getLastAuditKind() {
        AuditSnapshot last = database.last();
        return last == null ? "" : last.kind;
    }

    @Override
    public String getLastAuditResult() {
        AuditSnapshot last = database.last();
        return last == null ? "" : last.result;
    }

    @Override
    public String getLastAuditFindings() {
        AuditSnapshot last = database.last();
        return last == null ? "" : last.findings;
    }

    @Override
    public long getLastAuditMillis() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.tookMillis;
    }

    @Override
    public String getIntegrity() {
        AuditSnapshot integrity = database.lastIntegrity();
        return integrity == null ? "" : integrity.integrity;
    }

    @Override
    public long getLastIntegrityCheckTime() {
        AuditSnapshot integrity = database.lastIntegrity();
        return integrity == null ? 0 : integrity.startedAtMillis;
    }

    @Override
    public long getForeignKeyViolations() {
        AuditSnapshot integrity = database.lastIntegrity();
        return integrity == null ? -1 : integrity.foreignKeyViolations;
    }

    @Override
    public String getForeignKeyActions() {
        AuditSnapshot first = database.firstAudit();
        return first == null ? "" : first.foreignKeyActions;
    }

    @Override
    public long getForeignKeyActionCount() {
        AuditSnapshot first = database.firstAudit();
        return first == null ? -1 : first.foreignKeyActionCount;
    }

    @Override
    public String getJournalMode() {
        AuditSnapshot last = database.last();
        return last == null ? "" : last.journalMode;
    }

    @Override
    public String getSqliteVersion() {
        AuditSnapshot last = database.last();
        return last == null ? "" : last.sqliteVersion;
    }

    // Sizes are stats, never opens (File.length is 0 for a file that is not there): the agent opens a database's
    // files only through SQLite, whose POSIX locks another descriptor's close would release.

    @Override
    public long getFileBytes() {
        return file.length();
    }

    @Override
    public long getWalBytes() {
        return wal.length();
    }

    @Override
    public long getShmBytes() {
        return shm.length();
    }

    @Override
    public long getWalMode() {
        AuditSnapshot last = database.last();
        return last == null || last.journalMode.isEmpty() ? -1 : "wal".equalsIgnoreCase(last.journalMode) ? 1 : 0;
    }

    @Override
    public long getIntegrityOk() {
        AuditSnapshot integrity = database.lastIntegrity();
        if (integrity == null) {
            return -1;
        }
        return "ok".equals(integrity.integrity) ? 1 : "corrupt".equals(integrity.integrity) ? 0 : -1;
    }

    @Override
    public long getLastAuditLevel() {
        AuditSnapshot last = database.last();
        if (last == null) {
            return -1;
        }
        return "ok".equals(last.result) ? 0 : "warn".equals(last.result) ? 1 : "error".equals(last.result) ? 2 : -1;
    }

    @Override
    public long getLastAuditAgeSeconds() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : ageSeconds(last.startedAtMillis);
    }

    @Override
    public long getLastIntegrityCheckAgeSeconds() {
        AuditSnapshot integrity = database.lastIntegrity();
        return integrity == null ? -1 : ageSeconds(integrity.startedAtMillis);
    }

    @Override
    public long getOpenConnections() {
        return use == null ? -1 : use.openConnections(System.currentTimeMillis());
    }

    private static long ageSeconds(long startedAtMillis) {
        return Math.max(0, (System.currentTimeMillis() - startedAtMillis) / 1000);
    }

    @Override
    public long getPageSize() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.pageSize;
    }

    @Override
    public long getPageCount() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.pageCount;
    }

    @Override
    public long getFreelistCount() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.freelistCount;
    }

    @Override
    public long getReclaimableBytes() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.reclaimableBytes;
    }

    @Override
    public long getAuditsRun() {
        return database.auditsRun();
    }

    @Override
    public long getLastCheckpointTime() {
        CheckpointSnapshot checkpoint = database.lastCheckpoint();
        return checkpoint == null ? 0 : checkpoint.atMillis;
    }

    @Override
    public String getLastCheckpointResult() {
        CheckpointSnapshot checkpoint = database.lastCheckpoint();
        return checkpoint == null ? "" : checkpoint.result;
    }

    @Override
    public long getLastCheckpointWalBytes() {
        CheckpointSnapshot checkpoint = database.lastCheckpoint();
        return checkpoint == null ? -1 : checkpoint.walBytesBefore;
    }

    @Override
    public long getLastCheckpointMillis() {
        CheckpointSnapshot checkpoint = database.lastCheckpoint();
        return checkpoint == null ? -1 : checkpoint.tookMillis;
    }

    @Override
    public long getWalPinned() {
        return database.walPinned() ? 1 : 0;
    }

    @Override
    public long getLastBackupTime() {
        BackupSnapshot backup = database.lastBackup();
        return backup == null ? 0 : backup.atMillis;
    }

    @Override
    public String getLastBackupResult() {
        BackupSnapshot backup = database.lastBackup();
        return backup == null ? "" : backup.result;
    }

    @Override
    public long getLastBackupOk() {
        BackupSnapshot backup = database.lastBackup();
        return backup == null ? -1 : "ok".equals(backup.result) ? 1 : 0;
    }

    @Override
    public long getLastBackupBytes() {
        BackupSnapshot backup = database.lastBackup();
        return backup == null ? -1 : backup.bytes;
    }

    @Override
    public long getLastBackupMillis() {
        BackupSnapshot backup = database.lastBackup();
        return backup == null ? -1 : backup.tookMillis;
    }
}
