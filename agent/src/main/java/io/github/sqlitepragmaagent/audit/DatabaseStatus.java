package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.jmx.DatabaseMXBean;
import io.github.sqlitepragmaagent.statements.LockErrorRegistry;
import io.github.sqlitepragmaagent.statements.LockErrors;

/** A database's last audit, as JMX shows it. */
final class DatabaseStatus implements DatabaseMXBean {

    private final AuditedDatabase database;
    private final LockErrorRegistry lockErrors;

    DatabaseStatus(AuditedDatabase database, LockErrorRegistry lockErrors) {
        this.database = database;
        this.lockErrors = lockErrors;
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

    @Override
    public long getFileBytes() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.bytes;
    }

    @Override
    public long getWalBytes() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.walBytes;
    }

    @Override
    public long getShmBytes() {
        AuditSnapshot last = database.last();
        return last == null ? -1 : last.shmBytes;
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
}
