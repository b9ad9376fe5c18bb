package io.github.sqlitepragmaagent.entry;

import io.github.sqlitepragmaagent.log.AgentLog;

/** The agent's name and version, from the agent jar's manifest. */
public final class AgentVersion {

    /**
     * Set in a JVM once the agent runs there (to {@link #describe()}), so that a second copy stays
     * out and the operator's tools can tell which JVMs run it.
     */
    public static final String LOADED_PROPERTY = "sqlite.pragma.agent.loaded";

    private AgentVersion() {}

    /** {@code sqlite-pragma-agent 0.1.0}. */
    public static String describe() {
        Package agentPackage = AgentVersion.class.getPackage();
        String version = agentPackage == null ? null : agentPackage.getImplementationVersion();
        return AgentLog.NAME + " " + (version == null ? "(development build)" : version);
    }
}
