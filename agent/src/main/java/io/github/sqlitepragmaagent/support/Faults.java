package io.github.sqlitepragmaagent.support;

/**
 * The agent's test-only fault switches, all in one place: {@code -Dsqlite.pragma.agent.test.fault=NAME}
 * makes the agent fail (or stop) on purpose at one point, so that an integration test can prove the
 * app is unharmed without betting on timing. Not a configuration key: never set it in production.
 * Each switch is read once, when the class that uses it is initialised.
 */
public enum Faults {

    /** Every call into {@code AgentBridge} throws before anything else happens (the woven catch-all must swallow it). */
    BRIDGE("bridge"),
    /** The tuner throws before it touches a connection (the app must keep the connection as the driver opened it). */
    TUNE("tune"),
    /** Every audit parks for good once its connection is open (the JVM must still exit promptly). */
    AUDIT_HOLD("audit-hold"),
    /** Each scheduled backup's temporary copy is damaged (through SQLite) before its check (it must be refused, never rotated in). */
    BACKUP_DAMAGE("backup-damage");

    /** The system property that names the active switch, if any. */
    public static final String PROPERTY = "sqlite.pragma.agent.test.fault";

    private final String value;

    Faults(String value) {
        this.value = value;
    }

    /** True when this JVM was started with this switch. */
    public boolean active() {
        return value.equals(System.getProperty(PROPERTY));
    }

    /** The exception a switch that fails on purpose throws, saying so. */
    public IllegalStateException injected() {
        return new IllegalStateException("injected fault (" + PROPERTY + "=" + value + ")");
    }
}
