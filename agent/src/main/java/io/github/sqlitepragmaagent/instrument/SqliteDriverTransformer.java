package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.driver.DriverVersion;
import io.github.sqlitepragmaagent.log.OnceLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.slf4j.Logger;

/**
 * Sees every class the JVM loads and weaves the agent's hooks into the few sqlite-jdbc classes that
 * have them, in every class loader that loads them.
 *
 * <p>For every other class the cost is a comparison of the name's first characters; nothing of the
 * weaver (ASM) is loaded before the first driver class appears, so a JVM that never touches SQLite
 * pays for the agent's transformer and nothing else.
 */
final class SqliteDriverTransformer implements ClassFileTransformer {

    private static final String DRIVER_PACKAGE = "org/sqlite/";

    private final Logger log;
    private final OnceLog once = new OnceLog();
    /** Each loader's driver version, read once: it is asked for each of the driver's hooked classes. */
    private final Map<ClassLoader, String> versions = new WeakHashMap<ClassLoader, String>();

    SqliteDriverTransformer(Logger log) {
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || !className.startsWith(DRIVER_PACKAGE) || !DriverHookPoints.CLASSES.contains(className)) {
            return null;
        }
        try {
            String version = versionIn(loader);
            if (DriverVersion.tooOld(version)) {
                if (once.first("too-old|" + version)) {
                    log.warn("{} is older than the oldest supported sqlite-jdbc ({}): its connections are left untuned;"
                            + " upgrade the driver to use the agent", DriverVersion.describe(loader, protectionDomain),
                            DriverVersion.OLDEST_SUPPORTED);
                }
                return null;
            }
            List<HookPoint> points = DriverHookPoints.in(className);
            byte[] woven = HookWeaver.weave(classFile, points, classBeingRedefined == null);
            if (woven == null) {
                if (once.first("unsupported|" + className + "|" + version)) {
                    log.warn("{} is not supported: {} has none of the methods the agent hooks; its connections are left"
                            + " untuned", DriverVersion.describe(loader, protectionDomain), className.replace('/', '.'));
                }
                return null;
            }
            if (log.isDebugEnabled()) {
                log.debug("instrumented {} in {} of {}", className.replace('/', '.'), loader,
                        DriverVersion.describe(loader, protectionDomain));
            }
            return woven;
        } catch (Throwable t) {
            if (once.first("failed|" + className + "|" + t.getClass().getName())) {
                log.warn("could not instrument {} of {}: {}; its connections are left untuned", className.replace('/', '.'),
                        DriverVersion.describe(loader, protectionDomain), t.toString());
            }
            return null;
        }
    }

    private String versionIn(ClassLoader loader) {
        synchronized (versions) {
            String known = versions.get(loader);
            if (known != null) {
                return known;
            }
        }
        // Read outside the lock: the loader may hold its own lock while it defines the class we are
        // called for, and another thread may be waiting for that one while holding ours.
        String version = DriverVersion.version(loader);
        synchronized (versions) {
            versions.put(loader, version);
        }
        return version;
    }
}
