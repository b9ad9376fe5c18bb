package io.github.sqlitepragmaagent.entry;

import java.lang.instrument.Instrumentation;

/**
 * The JVM's way in: {@code -javaagent:sqlite-pragma-agent.jar[=options]} calls {@link #premain},
 * a dynamic attach calls {@link #agentmain}.
 *
 * <p>Both only hand over to {@link AgentStartup}; whatever goes wrong is printed to stderr and
 * swallowed, because an agent must never stop the host application from starting.
 */
public final class AgentEntry {

    private AgentEntry() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            AgentStartup.start(arguments, instrumentation, attached);
        } catch (Throwable t) {
            System.err.println("[ERROR] sqlite-pragma-agent - not started, the app runs untuned: " + t);
        }
    }
}
