package io.github.sqlitepragmaagent.jmx;

import io.github.sqlitepragmaagent.statements.LockErrorRegistry;
import io.github.sqlitepragmaagent.tune.TuningStats;

/** The agent as JMX shows it: the tuner's counters and the audits' own. */
public final class AgentStatus implements AgentMXBean {

    /** What the audits count, read at each JMX request. */
    public interface AuditCounts {
        /** Database files the audits know now (opened and not yet forgotten). */
        int databases();

        long auditsRun();
    }

    private final String version;
    private final TuningStats stats;
    private final AuditCounts audits;
    private final LockErrorRegistry lockErrors;

    public AgentStatus(String version, TuningStats stats, AuditCounts audits, LockErrorRegistry lockErrors) {
        this.version = version;
        this.stats = stats;
        this.audits = audits;
        this.lockErrors = lockErrors;
    }

    @Override
    public long getLockErrors() {
        return lockErrors.total();
    }

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
        return audits.databases();
    }

    @Override
    public long getAuditsRun() {
        return audits.auditsRun();
    }
}
