package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.bridge.AgentBridge;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.log.OnceLog;
import java.io.File;
import java.sql.Driver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Scheduled backups ({@code backup.dir}, {@code backup.interval}, {@code backup.keep}, global or per rule).
 *
 * <p>The audit thread decides when a database is due and hands the backup to a thread of its own
 * ({@code sqlite-pragma-agent-backup}, a daemon at the lowest priority): a backup of a large database
 * takes seconds, and the audits and idle checkpoints of the other databases must not wait for it. Nothing
 * here ever makes the app wait: the copy is one read transaction (see {@link Backup}). Like the audits and
 * idle checkpoints, no backup is taken while two copies of sqlite-jdbc that opened the database are loaded:
 * closing the agent's connection through either copy would release the other copy's locks.
 */
final class BackupScheduler {

    private final AgentConfig config;
    private final Logger log;
    private final OnceLog once = new OnceLog();
    /** Which database each {@code dir/name} of backups belongs to: two databases named alike must not rotate each other's. */
    private final ConcurrentMap<String, String> owners = new ConcurrentHashMap<String, String>();
    /** Databases whose backup is running now: a slow backup is never queued twice. */
    private final Set<String> running = java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private volatile ScheduledThreadPoolExecutor thread;

    BackupScheduler(AgentConfig config, Logger log) {
        this.config = config;
        this.log = log;
    }

    /** Schedules {@code database}'s backups on {@code auditThread} when {@code backup.dir} applies to it; audit thread. */
    void schedule(final AuditedDatabase database, ScheduledExecutorService auditThread) {
        String dir = config.backupDir(database.path);
        if (dir == null) {
            return;
        }
        final File directory = new File(dir).getAbsoluteFile();
        final BackupFiles files = new BackupFiles(directory, database.path);
        String target = new File(directory, new File(database.path).getName()).getPath();
        String owner = owners.putIfAbsent(target, database.path);
        if (owner != null && !owner.equals(database.path)) {
            if (once.first("collision|" + database.path)) {
                log.warn("backups of {} are off: {} is backed up into {} under the same name; give one of them its own"
                        + " backup.dir with a rule (rule.N.match=..., rule.N.backup.dir=...)", database.path, owner, directory);
            }
            return;
        }
        final int keep = config.backupKeep(database.path);
        long every = config.backupIntervalMillis(database.path);
        database.backupSchedule(auditThread.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                try {
                    due(database, files, keep);
                } catch (Throwable t) {
                    // A periodic task that throws is never run again.
                    log.warn("backup of {} could not start: {}", database.path, t.toString());
                }
            }
        }, every, every, TimeUnit.MILLISECONDS));
    }

    /** Audit thread: hands a due backup to the backup thread, unless it must be skipped. */
    private void due(final AuditedDatabase database, final BackupFiles files, final int keep)
            throws ReflectiveOperationException {
        if (database.sharedByDriverCopies()) {
            log.debug("backup db={} skipped: two copies of sqlite-jdbc are loaded that opened it", database.path);
            return;
        }
        final Driver driver = database.driver();
        if (driver == null || !new File(database.path).isFile()) {
            return;
        }
        if (!running.add(database.path)) {
            log.debug("backup db={} skipped: the previous one is still running", database.path);
            return;
        }
        thread().execute(new Runnable() {
            @Override
            public void run() {
                try {
                    backUp(database, driver, files, keep);
                } finally {
                    running.remove(database.path);
                }
            }
        });
    }

    /** Backup thread: one backup, its JMX snapshot and its log line. */
    private void backUp(AuditedDatabase database, Driver driver, BackupFiles files, int keep) {
        long startedAt = System.currentTimeMillis();
        long started = System.nanoTime();
        AgentBridge.agentWorkBegins();
        Backup.Outcome outcome;
        try {
            outcome = Backup.run(driver, new File(database.path), files, keep, startedAt);
        } catch (Throwable t) {
            outcome = new Backup.Outcome("error", null, null, -1, t.toString(), 0);
        } finally {
            AgentBridge.agentWorkDone();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        database.backedUp(new BackupSnapshot(startedAt, outcome.result, outcome.bytes, millis));
        String line = "backup db=" + database.path + " result=" + outcome.result + " file=" + outcome.file
                + (outcome.method == null ? "" : " method=" + outcome.method) + " check=integrity_check"
                + (outcome.bytes < 0 ? "" : " bytes=" + outcome.bytes) + " took_ms=" + millis;
        if ("ok".equals(outcome.result)) {
            log.info("{} kept={} deleted={}", line, keep, outcome.deleted);
        } else if ("failed".equals(outcome.result)) {
            log.error("{} problems=\"{}\": the copy failed its check and is kept aside, never rotated in; the previous"
                    + " backups stay", line, outcome.problems);
        } else {
            log.error("{} error=\"{}\": no backup was made; the previous backups stay", line, outcome.problems);
        }
    }

    /** The backup thread, made when the first backup is due. */
    private ScheduledThreadPoolExecutor thread() {
        ScheduledThreadPoolExecutor current = thread;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (thread == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                        new AgentThreads("sqlite-pragma-agent-backup", Thread.MIN_PRIORITY));
                executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                thread = executor;
            }
            return thread;
        }
    }
}
