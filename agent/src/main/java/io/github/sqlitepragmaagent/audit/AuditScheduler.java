package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.AuditIntegrity;
import io.github.sqlitepragmaagent.driver.JdbcDriver;
import io.github.sqlitepragmaagent.jmx.AgentStatus;
import io.github.sqlitepragmaagent.jmx.JmxRegistry;
import io.github.sqlitepragmaagent.statements.DiskSpace;
import io.github.sqlitepragmaagent.statements.LockErrorRegistry;
import io.github.sqlitepragmaagent.statements.OpenReads;
import io.github.sqlitepragmaagent.tune.OpenListener;
import io.github.sqlitepragmaagent.tune.OpenRequest;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Audits each database file the app opens: first a little after its first connection, at a moment
 * the app is not writing to it ({@link QuietMoment}), then its
 * sizes every {@code audit.interval} and its integrity every {@code audit.integrity.interval}. Its bean,
 * idle checkpoints and backups begin {@code audit.delay} after its first connection, without waiting
 * for that quiet moment.
 *
 * <p>All of it runs on one daemon thread for the whole JVM, created when the first database is
 * opened (never in premain): the app never waits for an audit, and no audit keeps the JVM alive. The
 * same thread registers the JMX beans, which is why this class also runs with audits turned off.
 *
 * <p>Memory is bounded however many databases an app opens: at most {@code audit.max.pending} first
 * audits wait at once, and at most {@code audit.max.databases} databases stay under periodic audit
 * (each with its bean). Every database gets its first audit; past the second cap the database opened
 * longest ago makes room; a database whose file or driver is gone is forgotten. Each cap is announced
 * once, when it is first reached.
 *
 * <p>A database the app no longer uses leaves too, so that JMX (and the series an exporter makes of it)
 * stays bounded by what the app uses now: once no connection of the app has been open to it for
 * {@code audit.idle.forget}, it leaves the periodic audits and JMX; the app's next connection to it
 * brings it back, with a first audit.
 */
public final class AuditScheduler implements OpenListener {

    private final AgentConfig config;
    private final Logger log;
    private final String version;
    private final TuningStats stats;
    private final int maxDatabases;
    private final int maxPending;
    private final long idleMillis;
    private final long quietMillis;

    /** First audits waiting, the one opened longest ago first. Guarded by itself, as is what follows. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<Waiting>();
    private boolean drainScheduled;
    private boolean pendingCapAnnounced;

    /** Databases under periodic audit, the one opened longest ago first. The audit thread's only. */
    private final Map<String, AuditedDatabase> databases = new LinkedHashMap<String, AuditedDatabase>();
    private volatile int databaseCount;
    private boolean databaseCapAnnounced;
    private boolean agentRegistered;
    private final AtomicLong auditsRun = new AtomicLong();

    /**
     * Whether the app still uses each database it opened, by path: written by the app's threads as
     * they open connections, read by the audit thread. An entry lives while its database is kept or
     * used; the idle sweep removes the others.
     */
    private final ConcurrentMap<String, DatabaseUse> uses = new ConcurrentHashMap<String, DatabaseUse>();
    /**
     * Databases that left for idleness, so that the app's next connection brings them back; at most
     * {@code audit.max.databases}, the one that left longest ago dropped first. Guarded by itself.
     */
    private final Map<String, Boolean> leftIdle;
    private boolean idleSweepScheduled;

    private final LockErrorRegistry lockErrors;
    private volatile ScheduledThreadPoolExecutor thread;
    private JmxRegistry jmx;
    private DatabaseAuditor auditor;
    private AuditLog auditLog;
    private volatile IdleCheckpoints idleCheckpoints;
    /** First audits looked at for a quiet moment at each turn of the audit thread. */
    private static final int QUIET_LOOKS = 16;
    /** The app's open reads, for naming what pins a WAL; null until {@link #followStatements}. */
    private volatile OpenReads openReads;
    private BackupScheduler backups;
    /** Checkpoints before each transaction while a database's disk is nearly full; null when off. */
    private final LowSpaceCheckpoints lowSpace;
    /** Databases whose disk-full error is on its way to the audit thread: one task per burst of errors. */
    private final Set<String> diskFullPending = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private final Runnable drain = new Runnable() {
        @Override
        public void run() {
            drainOne();
        }
    };

    public AuditScheduler(AgentConfig config, Logger log, String version, TuningStats stats, LockErrorRegistry lockErrors) {
        this.config = config;
        this.lockErrors = lockErrors;
        this.log = log;
        this.version = version;
        this.stats = stats;
        this.maxDatabases = config.auditMaxDatabases();
        this.maxPending = config.auditMaxPending();
        this.idleMillis = config.auditIdleForgetMillis();
        this.quietMillis = config.auditQuietMillis();
        this.lowSpace = config.checkpointLowSpaceBytes() > 0 ? new LowSpaceCheckpoints(log, config.checkpointLowSpaceBytes()) : null;
        final int leftIdleCap = maxDatabases;
        this.leftIdle = new LinkedHashMap<String, Boolean>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > leftIdleCap;
            }
        };
    }

    /**
     * Gives the audits what the statement hooks see: the app's open reads (a pinned WAL is blamed on the
     * oldest), the start of its transactions (checkpointed before while the disk is nearly full) and its
     * disk-full errors (answered with a checkpoint from the agent's own connection). Called once, before
     * the first connection.
     */
    public void followStatements(OpenReads reads, DiskSpace diskSpace) {
        this.openReads = reads;
        final LowSpaceCheckpoints lowSpace = this.lowSpace;
        diskSpace.listen(new DiskSpace.Listener() {
            @Override
            public boolean transactionStarting(String database) {
                return lowSpace != null && lowSpace.transactionStarting(database);
            }

            @Override
            public void diskFull(String database) {
                diskFullSeen(database);
            }
        });
    }

    /**
     * On the app's thread: hands the database to the audit thread for a checkpoint at once (once per error
     * burst). A disk often fills before the first audit is due, when the audits' parts are not built yet and
     * the database still waits for its first audit: both are taken care of on the audit thread.
     */
    private void diskFullSeen(final String path) {
        if (config.checkpointIdleMillis() == 0 || !diskFullPending.add(path)) {
            return;
        }
        thread().execute(new Runnable() {
            @Override
            public void run() {
                diskFullPending.remove(path);
                buildParts();
                idleCheckpoints.diskFull(path);
                AuditedDatabase database = find(path);
                if (database != null && !database.sharedByDriverCopies()) {
                    try {
                        idleCheckpoints.look(database);
                    } catch (Throwable t) {
                        log.warn("checkpoint of {} after a disk-full error failed: {}", path, t.toString());
                    }
                }
            }
        });
    }

    /**
     * A further connection to a database: it is still in use. A database that left for idleness comes
     * back here, as if opened for the first time.
     */
    @Override
    public void opened(OpenRequest request, Connection connection) {
        if (request.kind() != OpenRequest.Kind.FILE || idleMillis == 0) {
            return;
        }
        DatabaseUse use = uses.get(request.database());
        if (use != null && use.opened(connection, System.currentTimeMillis())) {
            return;
        }
        boolean cameBack;
        synchronized (leftIdle) {
            cameBack = leftIdle.containsKey(request.database());
        }
        if (cameBack || use != null) {
            firstOpen(request, connection);
        }
    }

    @Override
    public void firstOpen(OpenRequest request, Connection connection) {
        if (request.kind() != OpenRequest.Kind.FILE) {
            return;
        }
        // The audit must open the database through the very copy of SQLite the app's connection uses
        // (JdbcDriver.besideConnection says why), not one a parent loader or a different jar resolves.
        Class<?> driverClass = JdbcDriver.besideConnection(connection);
        if (driverClass == null) {
            log.info("not auditing {}: the class loader of its connection ({}) does not define org.sqlite.JDBC itself,"
                    + " and an audit through another copy of SQLite would release the app's file locks",
                    request.database(), connection.getClass().getClassLoader());
            return;
        }
        if (lowSpace != null) {
            lowSpace.watch(request.database(), driverClass);
        }
        if (idleMillis > 0) {
            useOf(request.database()).opened(connection, System.currentTimeMillis());
            synchronized (leftIdle) {
                leftIdle.remove(request.database());
            }
        }
        Waiting next = new Waiting(new AuditedDatabase(request.database(), driverClass),
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.auditDelayMillis()), quietMillis);
        String skipped = null;
        boolean schedule;
        synchronized (waiting) {
            if (waiting.size() >= maxPending) {
                Waiting oldest = waiting.pollFirst();
                oldest.database.firstAuditDone();
                if (!pendingCapAnnounced) {
                    pendingCapAnnounced = true;
                    skipped = oldest.database.path;
                }
            }
            waiting.addLast(next);
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (skipped != null) {
            log.warn("audit.max.pending ({}) reached: databases are opened faster than they are audited; the first"
                    + " audit of the one waiting longest ({}) is skipped, and so on for each new one while it lasts;"
                    + " raise audit.max.pending (or lower audit.delay) to audit them all", maxPending, skipped);
        }
        if (schedule) {
            scheduleDrain();
        }
    }

    /**
     * Has the first audits drained after {@code audit.delay}. The first time, the audit thread is built
     * by a short-lived thread of its own: its executor's classes then load beside the app, not inside
     * the app's first open (measured: about 15 JDK classes, several milliseconds on a cold JVM).
     */
    private void scheduleDrain() {
        ScheduledThreadPoolExecutor current = thread;
        if (current != null) {
            current.schedule(drain, config.auditDelayMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        new AgentThreads("sqlite-pragma-agent-audit-start", Thread.MIN_PRIORITY).newThread(new Runnable() {
            @Override
            public void run() {
                thread().schedule(drain, config.auditDelayMillis(), TimeUnit.MILLISECONDS);
            }
        }).start();
    }

    @Override
    public void anotherDriverCopy(OpenRequest request, Connection connection, ClassLoader other) {
        final String path = request.database();
        final Class<?> driverClass = JdbcDriver.besideConnection(connection);
        final String loaders = other + " and " + connection.getClass().getClassLoader();
        thread().execute(new Runnable() {
            @Override
            public void run() {
                log.warn("{} is opened through two copies of sqlite-jdbc in this JVM (class loaders {}): each copy keeps"
                        + " its own record of the file's locks, so while both are in use a connection closed through one"
                        + " releases the locks of the other, with or without the agent (sqlite.org/howtocorrupt.html, 2.3);"
                        + " put one sqlite-jdbc in a class loader both share (the container's lib/). The agent does not"
                        + " audit or checkpoint this database while both copies are loaded (expected for a while after a redeploy,"
                        + " until the old application's class loader is collected)", path, loaders);
                AuditedDatabase database = find(path);
                if (database != null && driverClass != null) {
                    database.openedBy(driverClass);
                }
            }
        });
    }

    /** The database at {@code path} as the audits know it, kept or still waiting for its first audit; audit thread only. */
    private AuditedDatabase find(String path) {
        AuditedDatabase known = databases.get(path);
        if (known != null) {
            return known;
        }
        synchronized (waiting) {
            for (Waiting pending : waiting) {
                if (pending.database.path.equals(path)) {
                    return pending.database;
                }
            }
        }
        return null;
    }

    /**
     * Runs the first audit that is due and whose database has gone quiet ({@link QuietMoment}), then
     * hands the thread back (periodic audits that are due go first) and comes back for the next one.
     * Only the {@link #QUIET_LOOKS} due the longest are looked at each time, so that thousands waiting
     * cost no more than a few {@code stat} calls per look.
     */
    private void drainOne() {
        List<Waiting> due = new ArrayList<Waiting>();
        synchronized (waiting) {
            Waiting head = waiting.peekFirst();
            if (head == null) {
                drainScheduled = false;
                return;
            }
            long wait = head.dueAtNanos - System.nanoTime();
            if (wait > 0) {
                thread.schedule(drain, wait, TimeUnit.NANOSECONDS);
                return;
            }
            long now = System.nanoTime();
            for (Waiting pending : waiting) {
                if (due.size() == QUIET_LOOKS || pending.dueAtNanos - now > 0) {
                    break;
                }
                due.add(pending);
            }
        }
        // Only the first audit waits for a quiet moment: checkpoints, backups and the bean begin when it is due.
        boolean admittedAny = false;
        for (Waiting pending : due) {
            if (!pending.admitted) {
                admittedAny = true;
                admit(pending);
            }
        }
        // The stat calls outside the lock: an app thread opening a database takes it.
        Waiting next = null;
        long now = System.nanoTime();
        for (Waiting pending : due) {
            if (pending.database.firstAuditPending() && pending.quiet.reached(now)) {
                next = pending;
                break;
            }
        }
        if (next == null) {
            if (admittedAny) {
                thread.execute(drain); // those admitted without a first audit left the queue: look at the next ones
            } else {
                thread.schedule(drain, QuietMoment.lookEveryNanos(quietMillis), TimeUnit.NANOSECONDS);
            }
            return;
        }
        synchronized (waiting) {
            if (!waiting.remove(next)) {
                thread.execute(drain); // skipped past audit.max.pending meanwhile
                return;
            }
        }
        try {
            firstAudit(next.database);
        } catch (Throwable t) {
            log.warn("first audit of {} failed: {}", next.database.path, t.toString());
        } finally {
            next.database.firstAuditDone();
            thread.execute(drain);
        }
    }

    /**
     * The audit thread's part of a database's first open, once {@code audit.delay} has passed: its place
     * among those kept (its bean, idle checkpoints and backups begin now), and, unless audits are off, a
     * first audit to come at a quiet moment. An app that never pauses thus gets its checkpoints and
     * backups on time; only the audit, which holds a read snapshot beside its writers, waits.
     */
    private void admit(Waiting pending) {
        pending.admitted = true;
        AuditedDatabase database = pending.database;
        buildParts();
        registerAgent();
        scheduleIdleSweep();
        AuditedDatabase known = databases.get(database.path);
        boolean audit = known == null && config.auditEnabled() && !database.sharedByDriverCopies();
        if (audit) {
            database.firstAuditComes();
        } else {
            synchronized (waiting) {
                waiting.remove(pending);
            }
        }
        if (known != null) {
            // The tuner offered it again (it forgets past its own bound): keep auditing, with the newer driver.
            known.takeDriverOf(database);
            return;
        }
        keep(database);
    }

    /** A database's first audit, at a quiet moment; one that finds the database gone forgets it. */
    private void firstAudit(AuditedDatabase database) {
        AuditReport report = audit(database, AuditReport.Kind.FIRST);
        if (report == null || report.get(DatabaseAuditor.STOPPED) != null) {
            forget(database);
        }
    }

    private void keep(AuditedDatabase database) {
        if (databases.size() >= maxDatabases) {
            Iterator<AuditedDatabase> oldest = databases.values().iterator();
            AuditedDatabase dropped = oldest.next();
            oldest.remove();
            dropped.stop();
            uses.remove(dropped.path);
            jmx.unregisterDatabase(dropped.path);
            if (!databaseCapAnnounced) {
                databaseCapAnnounced = true;
                log.warn("audit.max.databases ({}) reached: {} leaves the periodic audits and JMX to make room for {};"
                        + " from now on each new database replaces the one opened longest ago (every database still"
                        + " gets its first audit); raise audit.max.databases to keep more", maxDatabases, dropped.path,
                        database.path);
            }
        }
        databases.put(database.path, database);
        databaseCount = databases.size();
        // Normally the entry its first open made; a fresh one (in use from now) if the sweep took that away meanwhile.
        DatabaseUse use = idleMillis > 0 ? useOf(database.path) : null;
        jmx.registerDatabase(database.path, new DatabaseStatus(database, lockErrors, use));
        if (config.auditEnabled()) {
            schedulePeriodic(database);
        }
        if (config.checkpointIdleMillis() > 0) {
            scheduleIdleCheckpoints(database);
        }
        backups.schedule(database, thread);
    }

    /** Looks at the database's WAL every half of {@code checkpoint.idle} (see {@link IdleCheckpoints}). */
    private void scheduleIdleCheckpoints(final AuditedDatabase database) {
        long every = Math.max(1, config.checkpointIdleMillis() / 2);
        database.checkpointSchedule(thread.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                if (database.sharedByDriverCopies()) {
                    return; // a connection closed through one copy would release the other copy's locks
                }
                try {
                    idleCheckpoints.look(database);
                } catch (Throwable t) {
                    // A periodic task that throws is never run again.
                    log.warn("idle checkpoint of {} failed: {}", database.path, t.toString());
                }
            }
        }, every, every, TimeUnit.MILLISECONDS));
    }

    /** The database's live use record, made if there is none or the one there was retired. Any thread. */
    private DatabaseUse useOf(String path) {
        while (true) {
            DatabaseUse current = uses.get(path);
            if (current != null && !current.retired()) {
                return current;
            }
            DatabaseUse fresh = new DatabaseUse(System.currentTimeMillis());
            if (current == null ? uses.putIfAbsent(path, fresh) == null : uses.replace(path, current, fresh)) {
                return fresh;
            }
        }
    }

    private void scheduleIdleSweep() {
        if (idleMillis == 0 || idleSweepScheduled) {
            return;
        }
        idleSweepScheduled = true;
        // A quarter of the idle time, within [250 ms, 1 min]: a database leaves at most that late.
        long period = Math.max(250, Math.min(60000, idleMillis / 4));
        thread.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                try {
                    sweepIdle();
                } catch (Throwable t) {
                    // A periodic task that throws is never run again: say it and go on at the next sweep.
                    log.warn("idle sweep failed: {}", t.toString());
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Audit thread: lets the databases the app stopped using leave, and drops the use records of no database kept. */
    private void sweepIdle() {
        long now = System.currentTimeMillis();
        for (Iterator<AuditedDatabase> i = databases.values().iterator(); i.hasNext();) {
            AuditedDatabase database = i.next();
            DatabaseUse use = uses.get(database.path);
            if (use == null || !use.retireIfIdle(idleMillis, now)) {
                continue;
            }
            // Marked before the use record goes, so that a connection opened meanwhile brings the database back.
            synchronized (leftIdle) {
                leftIdle.put(database.path, Boolean.TRUE);
            }
            if (use != null) {
                uses.remove(database.path, use);
            }
            i.remove();
            databaseCount = databases.size();
            database.stop();
            forgetLowSpace(database.path);
            jmx.unregisterDatabase(database.path);
            log.info("db={} left the periodic audits and JMX: no connection of the app open to it for {} ms"
                    + " (audit.idle.forget); its next connection brings it back", database.path, idleMillis);
        }
        // A database neither kept nor waiting (its first audit skipped past audit.max.pending) needs no record
        // once its connections are closed: the app may open thousands of such databases.
        Set<String> waitingPaths = new HashSet<String>();
        synchronized (waiting) {
            for (Waiting next : waiting) {
                waitingPaths.add(next.database.path);
            }
        }
        for (Map.Entry<String, DatabaseUse> entry : uses.entrySet()) {
            String path = entry.getKey();
            if (!databases.containsKey(path) && !waitingPaths.contains(path) && entry.getValue().openConnections(now) == 0) {
                uses.remove(path, entry.getValue());
                forgetLowSpace(path);
            }
        }
    }

    private void forgetLowSpace(String path) {
        if (lowSpace != null) {
            lowSpace.forget(path);
        }
    }

    /** Forgets a database whose file or driver is gone: no more audits, no bean. */
    private void forget(AuditedDatabase database) {
        database.stop();
        if (databases.get(database.path) == database) {
            databases.remove(database.path);
            databaseCount = databases.size();
            uses.remove(database.path);
            forgetLowSpace(database.path);
            jmx.unregisterDatabase(database.path);
        }
    }

    private void registerAgent() {
        if (agentRegistered) {
            return;
        }
        agentRegistered = true;
        jmx.registerAgent(new AgentStatus(version, stats, new AgentStatus.AuditCounts() {
            @Override
            public int databases() {
                return databaseCount;
            }

            @Override
            public long auditsRun() {
                return auditsRun.get();
            }
        }, lockErrors));
    }

    private void schedulePeriodic(AuditedDatabase database) {
        ScheduledFuture<?> sizes = null;
        ScheduledFuture<?> integrity = null;
        if (config.auditIntervalMillis() > 0) {
            sizes = periodic(database, AuditReport.Kind.SIZES, config.auditIntervalMillis());
        }
        if (config.auditIntegrityIntervalMillis() > 0 && config.auditIntegrity() != AuditIntegrity.OFF) {
            integrity = periodic(database, AuditReport.Kind.INTEGRITY, config.auditIntegrityIntervalMillis());
        }
        database.schedules(sizes, integrity);
    }

    private ScheduledFuture<?> periodic(final AuditedDatabase database, final AuditReport.Kind kind, long millis) {
        return thread.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                if (database.firstAuditPending()) {
                    return; // the first audit, waiting for a quiet moment, comes first
                }
                if (database.sharedByDriverCopies()) {
                    log.debug("audit db={} kind={} skipped: two copies of sqlite-jdbc are loaded that opened it", database.path, kind);
                    return;
                }
                AuditReport report = audit(database, kind);
                if (report != null && report.get(DatabaseAuditor.STOPPED) != null) {
                    forget(database);
                }
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs on the audit thread; never throws (a periodic task that throws is never run again). Null
     * when the audit failed outright.
     */
    private AuditReport audit(AuditedDatabase database, AuditReport.Kind kind) {
        try {
            log.debug("audit started db={} kind={}", database.path, kind);
            AuditReport report = auditor.audit(database, kind);
            if (kind != AuditReport.Kind.FIRST) {
                // Periodic lines only: the first audit's line keeps its fixed shape, and the first periodic
                // one counts from the database's first connection.
                report.put("lock_errors", database.lockErrorsSinceLastAudit(lockErrors.of(database.path)));
                report.put("readonly_immediate",
                        database.readOnlyImmediatesSinceLastAudit(lockErrors.readOnlyImmediates().of(database.path)));
            }
            auditsRun.incrementAndGet();
            database.recorded(report);
            String unreadable = report.unreadableFile();
            if (unreadable == null) {
                database.readable();
            } else if (!database.unreadable(unreadable)) {
                log.debug("audit db={} kind={}: still the same unreadable file, already reported", database.path, kind);
                return report;
            }
            auditLog.write(report);
            return report;
        } catch (Throwable t) {
            log.warn("audit of {} failed: {}", database.path, t.toString());
            return null;
        }
    }

    /** The audit thread, created on first use together with what runs on it. */
    private ScheduledThreadPoolExecutor thread() {
        ScheduledThreadPoolExecutor current = thread;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (thread == null) {
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                        new AgentThreads("sqlite-pragma-agent-audit", Thread.MIN_PRIORITY));
                executor.setRemoveOnCancelPolicy(true);
                executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                thread = executor;
            }
            return thread;
        }
    }

    /**
     * What the audits work with, built by the audit thread, its only user, before the first audit it
     * runs: their classes then load there, not on the app thread that opens the first connection, and
     * not while an app that opens a database at once is still starting (the first audit waits at least
     * {@code audit.delay}).
     */
    private void buildParts() {
        if (jmx == null) {
            jmx = new JmxRegistry(log);
            auditor = new DatabaseAuditor(config, new Watchdog());
            auditLog = new AuditLog(log, config.auditLogFile());
            idleCheckpoints = new IdleCheckpoints(log, config.checkpointBurstBytes(),
                    new PinnedWal(log, openReads, config.walPinnedBytes(), config.walPinnedPercent()));
            backups = new BackupScheduler(config, log);
        }
    }

    /** A database waiting for its first audit, due at a {@link System#nanoTime()}, then for a quiet moment. */
    private static final class Waiting {
        final AuditedDatabase database;
        final long dueAtNanos;
        final QuietMoment quiet;
        /** Kept (bean, checkpoints, backups) since it was due; audit thread only. */
        boolean admitted;

        Waiting(AuditedDatabase database, long dueAtNanos, long quietMillis) {
            this.database = database;
            this.dueAtNanos = dueAtNanos;
            this.quiet = new QuietMoment(database.path, quietMillis, dueAtNanos);
        }
    }
}
