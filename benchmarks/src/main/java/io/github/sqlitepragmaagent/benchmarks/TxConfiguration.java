package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The four ways tx-load runs the same app: as it is; under the agent's defaults (read-write
 * transactions begin IMMEDIATE at their first statement, read-only ones DEFERRED); with the agent's
 * six pragmas and {@code transaction_mode=IMMEDIATE} written into the URL by hand, without the agent
 * (the driver's own IMMEDIATE: eager begins, {@code setReadOnly} refused); and under the agent with
 * {@code transaction_mode=DEFERRED} (the driver's begin, the agent's default before issue 19).
 */
enum TxConfiguration {
    NO_AGENT("no agent", false, null, ""),
    AGENT("agent defaults", true, null, ""),
    // Third, so that in the chart it has the colour of the other benchmarks' "pragmas in URL".
    URL_IMMEDIATE("IMMEDIATE in URL", false, null, OpenConnectionBenchmark.HAND_TUNED + "&transaction_mode=IMMEDIATE"),
    AGENT_DEFERRED("agent DEFERRED", true, "transaction_mode=DEFERRED", ""),
    /** The agent's defaults with its writers taking turns (issue 22). */
    AGENT_WRITERS_QUEUE("agent + writers.queue", true, "writers.queue=true", "");

    private final String label;
    private final boolean agent;
    private final String agentArguments;
    private final String urlSuffix;

    TxConfiguration(String label, boolean agent, String agentArguments, String urlSuffix) {
        this.label = label;
        this.agent = agent;
        this.agentArguments = agentArguments;
        this.urlSuffix = urlSuffix;
    }

    String label() {
        return label;
    }

    /** The agent jar to start the subject JVM with, or null. */
    Path agentJar(Path agentJar) {
        return agent ? agentJar : null;
    }

    /** {@code -javaagent:jar=ARGUMENTS}, or null for none. */
    String agentArguments() {
        return agentArguments;
    }

    String urlSuffix() {
        return urlSuffix;
    }

    static List<TxConfiguration> all() {
        return List.of(values());
    }

    /** Fails unless the subject's connection is tuned (or, without agent and URL pragmas, is not). */
    void verify(Map<String, String> reported) {
        try {
            (this == NO_AGENT ? Configuration.DEFAULTS : Configuration.PRAGMAS_IN_URL).verify(reported);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("configuration '" + label + "': the subject's connection reports " + reported);
        }
    }
}
