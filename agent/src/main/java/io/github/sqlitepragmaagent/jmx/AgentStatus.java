package io.github.sqlitepragmaagent.jmx;

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

    public AgentStatus(String version, TuningStats stats, AuditCounts audits) {
        this.version = version;
        this.stats = stats;
        this.audits = audits;
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
