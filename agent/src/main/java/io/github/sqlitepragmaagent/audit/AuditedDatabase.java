package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.driver.JdbcDriver;
import java.lang.ref.WeakReference;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * One database file the app uses, as the audits know it: where it is, which driver opens it, and
 * what the audits found.
 *
 * <p>The driver's class is held weakly, never its class loader or a connection: a web application
 * that is undeployed must not be kept in memory by the agent's audits; once its driver is collected
 * the database is simply forgotten.
 *
 * <p>Where two copies of sqlite-jdbc open the file (two webapps, each with its own jar), it knows
 * both, and is not audited while more than one is loaded: an audit connection closed through either
 * copy would release the file locks the other copy's connections hold.
 */
final class AuditedDatabase {

    /** Lock errors counted up to the previous periodic audit, so each periodic line says how many came since. */
    private long lockErrorsAtLastAudit;
    private long readOnlyImmediatesAtLastAudit;

    final String path;
    /** The driver classes of the copies of sqlite-jdbc that opened it, the newest last; audit thread only after construction. */
    private final List<WeakReference<Class<?>>> driverClasses = new ArrayList<WeakReference<Class<?>>>();
    /** Touched by the audit thread only. */
    private ScheduledFuture<?> sizes;
    private ScheduledFuture<?> integrityChecks;
    private ScheduledFuture<?> idleCheckpoints;
    private ScheduledFuture<?> backups;
    private volatile BackupSnapshot lastBackup;
    private FileLook lastFileLook = FileLook.NONE;
    private boolean litestream;
    private volatile CheckpointSnapshot lastCheckpoint;
    private volatile boolean walPinned;
    private String unreadableFile;
    private volatile AuditSnapshot last;
    private volatile AuditSnapshot lastIntegrity;
    private volatile AuditSnapshot first;
    private volatile long auditsRun;
    /** Its first audit still waits for a quiet moment: the periodic ones wait for it. */
    private volatile boolean firstAuditPending;

    AuditedDatabase(String path, Class<?> driverClass) {
        this.path = path;
        driverClasses.add(new WeakReference<Class<?>>(driverClass));
    }

    void firstAuditComes() {
        firstAuditPending = true;
    }

    /** Its first audit ran, or was skipped (past {@code audit.max.pending}): the periodic ones may run. */
    void firstAuditDone() {
        firstAuditPending = false;
    }

    boolean firstAuditPending() {
        return firstAuditPending;
    }

    /** A driver instance from the app's own sqlite-jdbc (the newest copy loaded), or null when every copy is gone. */
    Driver driver() throws ReflectiveOperationException {
        List<Class<?>> loaded = loadedDrivers();
        return loaded.isEmpty() ? null : JdbcDriver.instance(loaded.get(loaded.size() - 1));
    }

    /** True while two or more copies of sqlite-jdbc that opened this database are loaded. */
    boolean sharedByDriverCopies() {
        return loadedDrivers().size() > 1;
    }

    /** Another copy of sqlite-jdbc (or the same, again) opened this database: the newest is preferred. */
    void openedBy(Class<?> driverClass) {
        for (Iterator<WeakReference<Class<?>>> known = driverClasses.iterator(); known.hasNext();) {
            Class<?> type = known.next().get();
            if (type == null || type == driverClass) {
                known.remove();
            }
        }
        driverClasses.add(new WeakReference<Class<?>>(driverClass));
    }

    /** From now on, audits open this database with {@code other}'s driver (the app that opened it last). */
    void takeDriverOf(AuditedDatabase other) {
        for (Class<?> type : other.loadedDrivers()) {
            openedBy(type);
        }
    }

    private List<Class<?>> loadedDrivers() {
        List<Class<?>> loaded = new ArrayList<Class<?>>(driverClasses.size());
        for (WeakReference<Class<?>> reference : driverClasses) {
            Class<?> type = reference.get();
            if (type != null) {
                loaded.add(type);
            }
        }
        return loaded;
    }

    void schedules(ScheduledFuture<?> sizeAudits, ScheduledFuture<?> integrityAudits) {
        this.sizes = sizeAudits;
        this.integrityChecks = integrityAudits;
    }

    void checkpointSchedule(ScheduledFuture<?> looks) {
        this.idleCheckpoints = looks;
    }

    void backupSchedule(ScheduledFuture<?> due) {
        this.backups = due;
    }

    void backedUp(BackupSnapshot backup) {
        lastBackup = backup;
    }

    /** The agent's last backup of this database, or null. */
    BackupSnapshot lastBackup() {
        return lastBackup;
    }

    /** Stops this database's periodic audits and checkpoints (its file or its driver is gone, or it was dropped). */
    void stop() {
        if (backups != null) {
            backups.cancel(false);
            backups = null;
        }
        if (idleCheckpoints != null) {
            idleCheckpoints.cancel(false);
            idleCheckpoints = null;
        }
        if (sizes != null) {
            sizes.cancel(false);
        }
        if (integrityChecks != null) {
            integrityChecks.cancel(false);
        }
        sizes = null;
        integrityChecks = null;
    }

    /**
     * Remembers that the file cannot be read as a database, described by {@code file}; returns false
     * when the last audit already found this very file unreadable (nothing new to report).
     */
    boolean unreadable(String file) {
        boolean changed = !file.equals(unreadableFile);
        unreadableFile = file;
        return changed;
    }

    void readable() {
        unreadableFile = null;
    }

    void recorded(AuditReport report) {
        AuditSnapshot snapshot = new AuditSnapshot(report);
        last = snapshot;
        if (snapshot.integrity != null) {
            lastIntegrity = snapshot;
        }
        if (snapshot.foreignKeyActions != null) {
            first = snapshot;
        }
        auditsRun++;
    }

    /** Remembers {@code now} as the latest look at the WAL and returns the one before; audit thread only. */
    FileLook walLooked(FileLook now) {
        FileLook before = lastFileLook;
        lastFileLook = now;
        return before;
    }

    /** True once Litestream's tables were found in the database: the agent never checkpoints it; audit thread only. */
    boolean managedByLitestream() {
        return litestream;
    }

    void litestreamFound() {
        litestream = true;
    }

    void checkpointed(CheckpointSnapshot checkpoint) {
        lastCheckpoint = checkpoint;
    }

    /** True while a pinned-WAL episode that was warned about lasts (see {@link PinnedWal}). */
    boolean walPinned() {
        return walPinned;
    }

    void walPinned(boolean pinned) {
        walPinned = pinned;
    }

    /** The agent's last checkpoint of this database, or null. */
    CheckpointSnapshot lastCheckpoint() {
        return lastCheckpoint;
    }

    AuditSnapshot last() {
        return last;
    }

    AuditSnapshot lastIntegrity() {
        return lastIntegrity;
    }

    /** The audit that read the schema's foreign-key actions, or null. */
    AuditSnapshot firstAudit() {
        return first;
    }

    /** The file size the last audit measured, or -1. */
    long lastBytes() {
        AuditSnapshot snapshot = last;
        return snapshot == null ? -1 : snapshot.bytes;
    }

    long auditsRun() {
        return auditsRun;
    }

    /** IMMEDIATE transactions committed without writing since the previous periodic audit; audit thread only. */
    long readOnlyImmediatesSinceLastAudit(long total) {
        long since = total - readOnlyImmediatesAtLastAudit;
        readOnlyImmediatesAtLastAudit = total;
        return since;
    }

    /** Lock errors since the previous periodic audit of this database (0 when it has had none); audit thread only. */
    long lockErrorsSinceLastAudit(io.github.sqlitepragmaagent.statements.LockErrors errors) {
        long total = errors == null ? 0 : errors.total();
        long since = total - lockErrorsAtLastAudit;
        lockErrorsAtLastAudit = total;
        return since;
    }
}
