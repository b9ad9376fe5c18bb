package io.github.sqlitepragmaagent.bridge;

import io.github.sqlitepragmaagent.support.Faults;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where code woven into sqlite-jdbc arrives (through {@link DriverHook}) and is handed to the agent's
 * listeners.
 *
 * <p>This class lives in the system class loader with the rest of the agent; woven code reaches it by
 * name from any loader. Its signatures use JDK types only. It never lets anything but an intended
 * {@link SQLException} escape to the driver.
 */
public final class AgentBridge {

    /** See {@link Faults#BRIDGE}. */
    private static final boolean FAULT = Faults.BRIDGE.active();

    private static volatile ConnectionListener connections;
    private static volatile StatementListener statements;

    /**
     * Set while the agent itself works on a connection (tuning it, auditing, running its own statements
     * from a hook), so that nothing the agent does on a connection is seen by the agent again. Cleared
     * by setting null, not by {@code remove()}: that would drop the thread's entry after every statement
     * (a native {@code Reference.clear}) and create it again at the next, most of a hook's cost.
     */
    private static final ThreadLocal<Boolean> AGENT_AT_WORK = new ThreadLocal<Boolean>();

    private AgentBridge() {}

    /** Registers the agent's listeners; returns false when they are already registered. */
    public static synchronized boolean register(ConnectionListener connectionListener, StatementListener statementListener) {
        if (connections != null) {
            return false;
        }
        statements = statementListener;
        connections = connectionListener;
        return true;
    }

    static Object dispatch(DriverHook hook, Object self, Object[] arguments) {
        if (FAULT) {
            throw Faults.BRIDGE.injected();
        }
        if (self == null || AGENT_AT_WORK.get() != null) {
            return null;
        }
        AGENT_AT_WORK.set(Boolean.TRUE);
        try {
            return call(hook, self, arguments);
        } catch (SQLException refusal) {
            throw Unchecked.<RuntimeException>rethrow(refusal);
        } catch (Throwable ignored) {
            // The listeners report their own failures; whatever escapes must never reach the app.
            return null;
        } finally {
            AGENT_AT_WORK.set(null);
        }
    }

    private static Object call(DriverHook hook, Object self, Object[] arguments) throws SQLException {
        ConnectionListener opened = connections;
        StatementListener listener = statements;
        if (opened == null) {
            return null;
        }
        switch (hook) {
            case OPENED:
                opened.connectionOpened(self, (String) arguments[0], (Properties) arguments[1]);
                return null;
            case PREPARE:
                listener.beforePrepare(self, arguments[0], (String) arguments[1]);
                return null;
            case EXECUTE:
                if (arguments.length == 2) {
                    listener.beforeExecute(self, arguments[0], (String) arguments[1]);
                } else {
                    listener.beforeExecute(self, null, arguments.length == 1 ? (String) arguments[0] : null);
                }
                return null;
            case EXEC:
                return listener.beforeDriverExec(self, (String) arguments[0]) ? DriverHook.SKIP : null;
            case ERROR:
                listener.error(self, ((Integer) arguments[0]).intValue());
                return null;
            case SET_READ_ONLY:
                return listener.setReadOnly(self, ((Boolean) arguments[0]).booleanValue()) ? DriverHook.SKIP : null;
            case IS_READ_ONLY:
                return listener.isReadOnly(self);
            default:
                return null;
        }
    }

    /** Marks the current thread as the agent's own until {@link #agentWorkDone()}. */
    public static void agentWorkBegins() {
        AGENT_AT_WORK.set(Boolean.TRUE);
    }

    /** Ends what {@link #agentWorkBegins()} began. */
    public static void agentWorkDone() {
        AGENT_AT_WORK.set(null);
    }

    /** Lets a checked SQLException pass through {@code BiFunction.apply}, which declares none. */
    private static final class Unchecked {
        @SuppressWarnings("unchecked")
        static <E extends Throwable> E rethrow(Throwable t) throws E {
            throw (E) t;
        }
    }
}
