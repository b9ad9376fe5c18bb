package io.github.sqlitepragmaagent.log;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.simple.SimpleLoggerFactory;

/**
 * The agent's logger: the agent's own relocated SLF4J and slf4j-simple, writing to stderr.
 *
 * <p>In the agent jar every {@code org.slf4j} name below, the property keys included, is relocated
 * under the agent's package, so these settings reach only the agent's copy of slf4j-simple; the
 * application's SLF4J, logback or JUL configuration is never read or touched.
 */
public final class AgentLog {

    /** The logger name, which is also the prefix that identifies the agent's lines. */
    public static final String NAME = "sqlite-pragma-agent";

    private static volatile Logger logger;

    private AgentLog() {}

    /** Sets the format and level; has effect only before the first {@link #get()}. */
    public static synchronized void configure(String level) {
        if (logger != null) {
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        // No timestamp: formatting one initialises the JDK's locale data, about 35 ms of the host's
        // start-up; whatever collects stderr (journald, Docker, Kubernetes) stamps lines anyway.
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /** The agent's logger, configured with defaults if {@link #configure(String)} was not called. */
    public static Logger get() {
        Logger current = logger;
        if (current == null) {
            synchronized (AgentLog.class) {
                if (logger == null) {
                    if (System.getProperty("org.slf4j.simpleLogger.showLogName") == null) {
                        configure("info");
                    }
                    // Straight to slf4j-simple's logger factory: LoggerFactory would first search the
                    // class path for providers with a ServiceLoader, and the provider would build marker
                    // and MDC support the agent never uses, start-up time the host pays for nothing.
                    logger = factoryWithoutAppFiles().getLogger(NAME);
                }
                current = logger;
            }
        }
        return current;
    }

    /**
     * slf4j-simple reads {@code simplelogger.properties} through the thread's context class loader.
     * The agent's copy is configured above and must not read the app's file; nor should the app pay
     * for the search: the first search of a JVM for a resource outside any package walks every
     * module of the runtime image and every jar of the class path (10 to 15 ms of its start-up).
     * A loader without resources answers at once.
     */
    private static SimpleLoggerFactory factoryWithoutAppFiles() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader empty = NoResources.create();
        if (empty != null) {
            thread.setContextClassLoader(empty);
        }
        try {
            return new SimpleLoggerFactory();
        } finally {
            if (empty != null) {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** A class loader that has no resources and delegates classes to the bootstrap loader. */
    private static final class NoResources extends ClassLoader {

        private NoResources() {
            super(null);
        }

        /** Null where a security manager refuses to let the agent create a class loader. */
        static ClassLoader create() {
            try {
                return new NoResources();
            } catch (SecurityException e) {
                return null;
            }
        }

        @Override
        public URL getResource(String name) {
            return null;
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.enumeration(Collections.<URL>emptyList());
        }
    }
}
