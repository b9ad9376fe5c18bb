package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.bridge.AgentBridge;
import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Connects the agent to sqlite-jdbc: registers the listener with the bridge and the transformer
 * with the JVM, then rewrites driver classes that were loaded before the agent (dynamic attach,
 * or another agent that loaded the driver first).
 */
public final class Installer {

    private Installer() {}

    /**
     * Installs {@code listener}; returns false when a listener was already registered.
     */
    public static boolean install(Instrumentation instrumentation, ConnectionListener listener, Logger log) {
        if (!AgentBridge.register(listener)) {
            return false;
        }
        SqliteDriverTransformer transformer = new SqliteDriverTransformer(log);
        instrumentation.addTransformer(transformer, true);
        if (!retransformLoadedDrivers(instrumentation, log)) {
            transformer.warmUpInBackground();
        }
        return true;
    }

    /** Returns true when there were driver classes to retransform (the weaver is then ready). */
    private static boolean retransformLoadedDrivers(Instrumentation instrumentation, Logger log) {
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (AdviceWeaver.TARGET_CLASS.equals(type.getName()) && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (loaded.isEmpty()) {
            return false;
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            log.warn("sqlite-jdbc was loaded before the agent and this JVM cannot retransform classes;"
                    + " connections from that driver are left untuned");
            return false;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
            log.debug("retransformed {} driver class(es) loaded before the agent", loaded.size());
        } catch (Throwable t) {
            log.warn("could not retransform the sqlite-jdbc loaded before the agent: {}; its connections are left untuned",
                    t.toString());
        }
        return true;
    }
}
