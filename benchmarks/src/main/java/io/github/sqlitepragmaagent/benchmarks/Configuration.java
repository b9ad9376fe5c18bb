package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The three ways the load benchmarks run the same app: as it is, under the agent, and with the
 * agent's six pragmas written into its URL by hand (what the agent saves an app from doing).
 */
enum Configuration {
    DEFAULTS("defaults", false, ""),
    AGENT("agent", true, ""),
    PRAGMAS_IN_URL("pragmas in URL", false, OpenConnectionBenchmark.HAND_TUNED),
    /** jdbc-load only: the agent with its writers taking turns (issue 22). */
    AGENT_WRITERS_QUEUE("agent + writers.queue", true, "", "writers.queue=true");

    /** What a connection reports with the six pragmas applied, by the agent or by the URL. */
    private static final Map<String, String> TUNED = Map.of("journal_mode", "wal", "synchronous", "1",
            "cache_size", "-20000", "foreign_keys", "1", "busy_timeout", "5000", "temp_store", "2");

    private final String label;
    private final boolean agent;
    private final String urlSuffix;
    private final String agentArguments;

    Configuration(String label, boolean agent, String urlSuffix) {
        this(label, agent, urlSuffix, null);
    }

    Configuration(String label, boolean agent, String urlSuffix, String agentArguments) {
        this.label = label;
        this.agent = agent;
        this.urlSuffix = urlSuffix;
        this.agentArguments = agentArguments;
    }

    /** {@code -javaagent:jar=ARGUMENTS}, or null for none. */
    String agentArguments() {
        return agentArguments;
    }

    String label() {
        return label;
    }

    /** The agent jar to start the subject JVM with, or null. */
    Path agentJar(Path agentJar) {
        return agent ? agentJar : null;
    }

    String urlSuffix() {
        return urlSuffix;
    }

    /** The three every load benchmark runs. */
    static List<Configuration> all() {
        return List.of(DEFAULTS, AGENT, PRAGMAS_IN_URL);
    }

    /** jdbc-load's: the three, and the agent with {@code writers.queue}. */
    static List<Configuration> jdbcLoad() {
        return List.of(values());
    }

    /**
     * Fails unless the subject's connection reports what this configuration should give it: numbers
     * measured on a connection that was not (or was) tuned after all would be worse than none.
     */
    void verify(Map<String, String> reported) {
        boolean tuned = TUNED.entrySet().stream().allMatch(e -> e.getValue().equals(reported.get(e.getKey())));
        boolean wal = "wal".equals(reported.get("journal_mode"));
        if (this == DEFAULTS ? wal : !tuned) {
            throw new IllegalStateException("configuration '" + label + "': the subject's connection reports " + reported);
        }
    }
}
