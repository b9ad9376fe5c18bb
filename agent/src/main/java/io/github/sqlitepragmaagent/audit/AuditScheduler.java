package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.AuditIntegrity;
import io.github.sqlitepragmaagent.jmx.AgentMXBean;
import io.github.sqlitepragmaagent.jmx.JmxRegistry;
import io.github.sqlitepragmaagent.tune.FirstOpenListener;
import io.github.sqlitepragmaagent.tune.OpenRequest;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Audits each database file the app opens: first a little after its first connection, then its
 * sizes every {@code audit.interval} and its integrity every {@code audit.integrity.interval}.
 *
 * <p>All of it runs on one daemon thread for the whole JVM, created when the first database is
 * opened (never in premain): the app never waits for an audit, and no audit keeps the JVM alive. The
 * same thread registers the JMX beans (after the same delay), which is why this class also runs with
 * audits turned off.
 */
public final class AuditScheduler implements FirstOpenListener {

    /** Databases tracked at most: an app that creates files without end must not grow the agent without end. */
    private static final int MAX_DATABASES = 1000;

    private final AgentConfig config;
    private final Logger log;
    private final String version;
    private final TuningStats stats;
    private final ConcurrentMap<String, AuditedDatabase> databases = new ConcurrentHashMap<String, AuditedDatabase>();
    private final AtomicLong auditsRun = new AtomicLong();
    private volatile ScheduledThreadPoolExecutor thread;
    private JmxRegistry jmx;
    private DatabaseAuditor auditor;
    private AuditLog auditLog;
    /** Touched by the audit thread only. */
    private boolean agentRegistered;

    public AuditScheduler(AgentConfig config, Logger log, String version, TuningStats stats) {
        this.config = config;
        this.log = log;
        this.version = version;
        this.stats = stats;
    }

    @Override
    public void firstOpen(OpenRequest request, Connection connection) {
        if (request.kind() != OpenRequest.Kind.FILE || databases.size() >= MAX_DATABASES) {
            return;
        }
        final AuditedDatabase database = new AuditedDatabase(request.database(), connection.getClass().getClassLoader());
        if (databases.putIfAbsent(database.path, database) != null) {
            return;
        }
        // JMX and the first audit wait audit.delay too: the platform MBean server is not free to
        // create, and a short-lived app should not pay for it before it is done.
        thread().schedule(new Runnable() {
            @Override
            public void run() {
                registerJmx(database);
                if (config.auditEnabled()) {
                    audit(database, AuditReport.Kind.FIRST);
                    schedulePeriodic(database);
                }
            }
        }, config.auditDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void registerJmx(AuditedDatabase database) {
        if (!agentRegistered) {
            agentRegistered = true;
            jmx.registerAgent(new AgentStatus());
        }
        jmx.registerDatabase(database.path, new DatabaseStatus(database));
    }

    private void schedulePeriodic(final AuditedDatabase database) {
        if (config.auditIntervalMillis() > 0) {
            database.addSchedule(thread.scheduleWithFixedDelay(new Runnable() {
                @Override
                public void run() {
                    audit(database, AuditReport.Kind.SIZES);
                }
            }, config.auditIntervalMillis(), config.auditIntervalMillis(), TimeUnit.MILLISECONDS));
        }
        if (config.auditIntegrityIntervalMillis() > 0 && config.auditIntegrity() != AuditIntegrity.OFF) {
            database.addSchedule(thread.scheduleWithFixedDelay(new Runnable() {
                @Override
                public void run() {
                    audit(database, AuditReport.Kind.INTEGRITY);
                }
            }, config.auditIntegrityIntervalMillis(), config.auditIntegrityIntervalMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** Runs on the audit thread; never throws (a periodic task that throws is never run again). */
    private void audit(AuditedDatabase database, AuditReport.Kind kind) {
        try {
            log.debug("audit started db={} kind={}", database.path, kind);
            AuditReport report = auditor.audit(database, kind);
            database.recorded(report);
            auditsRun.incrementAndGet();
            auditLog.write(report);
            if (report.get("stopped") != null) {
                database.stop();
            }
        } catch (Throwable t) {
            log.warn("audit of {} failed: {}", database.path, t.toString());
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
                ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new ThreadFactory() {
                    @Override
                    public Thread newThread(Runnable work) {
                        Thread audit = new Thread(work, "sqlite-pragma-agent-audit");
                        audit.setDaemon(true);
                        audit.setPriority(Thread.MIN_PRIORITY);
                        return audit;
                    }
                });
                executor.setRemoveOnCancelPolicy(true);
                executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                jmx = new JmxRegistry(log);
                auditor = new DatabaseAuditor(config, new Watchdog());
                auditLog = new AuditLog(log, config.auditLogFile());
                thread = executor;
            }
            return thread;
        }
    }

    /** The agent as JMX shows it. */
    private final class AgentStatus implements AgentMXBean {
        @Override
        public String getVersion() {
            return version;
        }

        @Override
        public long getConnectionsTuned() {
            return stats.connectionsTuned();
        }

        @Override
        public long getPragmaFailures() {
            return stats.pragmaFailures();
        }

        @Override
        public int getDatabases() {
            return databases.size();
        }

        @Override
        public long getAuditsRun() {
            return auditsRun.get();
        }
    }
}
