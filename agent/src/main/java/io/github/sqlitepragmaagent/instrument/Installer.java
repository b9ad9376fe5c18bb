package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.bridge.AgentBridge;
import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.bridge.StatementListener;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Connects the agent to sqlite-jdbc: registers the listeners with the bridge and the transformer
 * with the JVM, then, after a dynamic attach, rewrites the driver classes the app has already loaded.
 */
public final class Installer {

    private Installer() {}

    /**
     * Installs the listeners; returns false when listeners were already registered (a second copy of
     * the agent in this JVM).
     */
    public static boolean install(Instrumentation instrumentation, ConnectionListener connections,
            StatementListener statements, boolean attached, Logger log) {
        if (!AgentBridge.register(connections, statements)) {
            return false;
        }
        instrumentation.addTransformer(new SqliteDriverTransformer(log), true);
        if (attached) {
            retransformLoadedDrivers(instrumentation, log);
        }
        return true;
    }

    /**
     * Only after a dynamic attach can driver classes be loaded already; at JVM start nothing is, and a
     * walk over every loaded class would be start-up time spent for nothing.
     */
    private static void retransformLoadedDrivers(Instrumentation instrumentation, Logger log) {
        List<Class<?>> loaded = new ArrayList<Class<?>>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String name = type.getName();
            if (name.startsWith("org.sqlite.") && DriverHookPoints.CLASSES.contains(name.replace('.', '/'))
                    && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        if (loaded.isEmpty()) {
            return;
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            log.warn("sqlite-jdbc was loaded before the agent and this JVM cannot retransform classes;"
                    + " connections from that driver are left untuned");
            return;
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
            log.debug("retransformed {} driver class(es) loaded before the agent", loaded.size());
        } catch (Throwable t) {
            log.warn("could not retransform the sqlite-jdbc loaded before the agent: {}; its connections are left untuned",
                    t.toString());
        }
    }
}
