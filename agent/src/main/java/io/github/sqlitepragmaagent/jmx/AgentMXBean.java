package io.github.sqlitepragmaagent.jmx;

/**
 * The agent as a whole, under {@code io.github.sqlitepragmaagent:type=Agent}: readable by jconsole and
 * by the Prometheus JMX exporter (every attribute is a plain number or string).
 */
public interface AgentMXBean {

    String getVersion();

    /** Connections the agent has tuned since it started. */
    long getConnectionsTuned();

    /** Pragmas that could not be applied, counted each time. */
    long getPragmaFailures();

    /**
     * Database files under periodic audit now, each with its bean: opened by this JVM (memory and
     * temporary databases excluded), not deleted or unloaded since, at most {@code audit.max.databases}.
     */
    int getDatabases();

    /** Audits run, all databases together. */
    long getAuditsRun();
}
