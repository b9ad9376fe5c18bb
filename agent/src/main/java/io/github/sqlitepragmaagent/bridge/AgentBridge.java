package io.github.sqlitepragmaagent.bridge;

import io.github.sqlitepragmaagent.support.Faults;
import java.util.Properties;

/**
 * The one class that advice inlined into sqlite-jdbc calls.
 *
 * <p>Advice code runs inside {@code org.sqlite.JDBC}, whatever class loader loaded it, and finds
 * this class by name through the system class loader (see {@code CreateConnectionAdvice}); its
 * signature therefore uses {@code java.base} types only. The agent registers its listener here.
 */
public final class AgentBridge {

    /** See {@link Faults#BRIDGE}. */
    private static final boolean FAULT = Faults.BRIDGE.active();

    private static volatile ConnectionListener listener;

    /**
     * Set while the agent itself works on a connection (tuning it, or opening one to audit), so that a
     * connection the agent opens is never tuned or audited again by the agent.
     */
    private static final ThreadLocal<Boolean> AGENT_AT_WORK = new ThreadLocal<Boolean>();

    private AgentBridge() {}

    /** Registers the agent's listener; returns false when one is already registered. */
    public static synchronized boolean register(ConnectionListener newListener) {
        if (listener != null) {
            return false;
        }
        listener = newListener;
        return true;
    }

    /** Called by the advice at the exit of {@code org.sqlite.JDBC.createConnection(String, Properties)}. */
    public static void connectionOpened(Object connection, String url, Properties properties) {
        if (FAULT) {
            throw Faults.BRIDGE.injected();
        }
        ConnectionListener current = listener;
        if (current == null || connection == null || AGENT_AT_WORK.get() != null) {
            return;
        }
        AGENT_AT_WORK.set(Boolean.TRUE);
        try {
            current.connectionOpened(connection, url, properties);
        } catch (Throwable ignored) {
            // The listener reports its own failures; whatever escapes must never reach the app.
        } finally {
            AGENT_AT_WORK.remove();
        }
    }

    /** Marks the current thread as the agent's own until {@link #agentWorkDone()}. */
    public static void agentWorkBegins() {
        AGENT_AT_WORK.set(Boolean.TRUE);
    }

    /** Ends what {@link #agentWorkBegins()} began. */
    public static void agentWorkDone() {
        AGENT_AT_WORK.remove();
    }
}
