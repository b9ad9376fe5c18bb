package io.github.sqlitepragmaagent.entry;

import io.github.sqlitepragmaagent.log.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's name, version and commit, from the build's {@code build.properties} in the agent jar. */
public final class AgentVersion {

    /**
     * Set in a JVM once the agent runs there (to {@link #describe()}), so that a second copy stays
     * out and the operator's tools can tell which JVMs run it.
     */
    public static final String LOADED_PROPERTY = "sqlite.pragma.agent.loaded";

    private static final String BUILD_INFO = "/io/github/sqlitepragmaagent/build.properties";

    /** Read once: the start line, the loaded-property and the audits all name the agent. */
    private static volatile String described;

    private AgentVersion() {}

    /** {@code sqlite-pragma-agent 0.1.0 (commit 1c70443abcd1)}; the commit is "unknown" for a build outside git. */
    public static String describe() {
        String known = described;
        if (known == null) {
            known = read();
            described = known;
        }
        return known;
    }

    private static String read() {
        Properties build = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // described below as a development build
        }
        Package agentPackage = AgentVersion.class.getPackage();
        String version = build.getProperty("version",
                agentPackage == null ? null : agentPackage.getImplementationVersion());
        return AgentLog.NAME + " " + (version == null ? "(development build)" : version)
                + " (commit " + build.getProperty("commit", "unknown") + ")";
    }
}
