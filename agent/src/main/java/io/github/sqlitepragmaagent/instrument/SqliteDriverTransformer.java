package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.log.OnceLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.slf4j.Logger;

/**
 * Sees every class the JVM loads and rewrites only {@code org.sqlite.JDBC}, in every loader that
 * loads it.
 *
 * <p>For all other classes the cost is one string comparison. Byte Buddy stays unloaded until the
 * first driver class appears (see {@link Weaver}): an app pays for instrumentation only when it
 * really uses SQLite, and never at JVM start.
 */
final class SqliteDriverTransformer implements ClassFileTransformer {

    static final String TARGET_INTERNAL_NAME = "org/sqlite/JDBC";

    private final Logger log;
    private final OnceLog once = new OnceLog();

    SqliteDriverTransformer(Logger log) {
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (!TARGET_INTERNAL_NAME.equals(className)) {
            return null;
        }
        try {
            String version = DriverVersion.version(loader);
            if (DriverVersion.tooOld(version)) {
                if (once.first("too-old|" + version)) {
                    log.warn("{} is older than the oldest supported sqlite-jdbc ({}): its connections are left untuned;"
                            + " upgrade the driver to use the agent", DriverVersion.describe(loader, protectionDomain),
                            DriverVersion.OLDEST_SUPPORTED);
                }
                return null;
            }
            byte[] woven = Weaver.INSTANCE.weave(classFile, loader);
            if (woven == null) {
                if (once.first("unsupported|" + DriverVersion.version(loader))) {
                    log.warn("{} is not supported: it has no JDBC.createConnection(String, Properties) to hook;"
                            + " its connections are left untuned", DriverVersion.describe(loader, protectionDomain));
                }
                return null;
            }
            log.debug("instrumented {} in {}", DriverVersion.describe(loader, protectionDomain), loader);
            return woven;
        } catch (Throwable t) {
            if (once.first("failed|" + t.getClass().getName())) {
                log.warn("could not instrument {}: {}; its connections are left untuned",
                        DriverVersion.describe(loader, protectionDomain), t.toString());
            }
            return null;
        }
    }

    /**
     * Prepares the weaver on a daemon thread of its own, so that the class loading Byte Buddy needs
     * (a few hundred classes) overlaps with the app's own start instead of delaying its first
     * connection. A driver class that arrives first simply waits for the weaver to be ready.
     */
    void warmUpInBackground() {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    Weaver.INSTANCE.warmUp();
                } catch (Throwable t) {
                    log.debug("weaver warm-up failed (the first driver class will prepare it): {}", t.toString());
                }
            }
        }, "sqlite-pragma-agent-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Holds the weaver so that Byte Buddy is loaded on first use, not when the transformer is. */
    private static final class Weaver {
        static final AdviceWeaver INSTANCE = new AdviceWeaver();
    }
}
