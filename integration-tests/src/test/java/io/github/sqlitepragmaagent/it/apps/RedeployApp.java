package io.github.sqlitepragmaagent.it.apps;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat deploying and undeploying a webapp that uses sqlite-jdbc from its own
 * {@code WEB-INF/lib}, then counting how many of the undeployed webapps' class loaders are still
 * reachable: each one left is a leak that lasts as long as the JVM.
 *
 * <pre>RedeployApp WORK_DIR SQLITE_JDBC_JAR ROUNDS [--wait-for-audit]</pre>
 * Round {@code i} deploys the webapp at {@code /app-i}; its listener opens {@code WORK_DIR/db-i.db}.
 * {@code --wait-for-audit}: before undeploying, waits (bounded) until the agent's MXBean of that
 * database says its first audit ran, so the audit really used the webapp's driver. Reports
 * {@code app.loaders_reachable} after up to 20 s of {@code System.gc()}.
 */
public final class RedeployApp {

    private static final String LISTENER = "io.github.sqlitepragmaagent.it.apps.webapp.OpenDatabaseListener";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // Tomcat's threads would keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        Path work = Paths.get(args[0]);
        Path driverJar = Paths.get(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean waitForAudit = args.length > 3 && args[3].equals("--wait-for-audit");
        Path webapp = buildWebapp(work.resolve("webapp"), driverJar);

        startTheJdksProcessReaper();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(work.resolve("tomcat").toString());
        tomcat.getHost().setAppBase(work.resolve("tomcat").toString());
        tomcat.init();
        tomcat.start();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            String db = work.resolve("db-" + i + ".db").toString();
            StandardContext context = new StandardContext();
            context.setName("/app-" + i);
            context.setPath("/app-" + i);
            context.setDocBase(webapp.toString());
            context.addLifecycleListener(new Tomcat.FixContextListener());
            context.addParameter("db", db);
            context.addApplicationListener(LISTENER);
            // Starts it: the listener runs on this thread, with the webapp's context class loader.
            tomcat.getHost().addChild(context);
            if (!context.getState().isAvailable()) {
                throw new IllegalStateException("webapp /app-" + i + " did not start: " + context.getState());
            }
            loaders.add(new WeakReference<>(context.getLoader().getClassLoader()));
            if (waitForAudit) {
                awaitFirstAudit(db);
            }
            tomcat.getHost().removeChild(context);
            context = null;
        }
        System.out.println("app.rounds=" + rounds);
        int reachable = reachable(loaders);
        for (int attempt = 0; attempt < 200 && reachable > 0; attempt++) {
            System.gc();
            Thread.sleep(100);
            reachable = reachable(loaders);
        }
        System.out.println("app.loaders_reachable=" + reachable);
        StringBuilder left = new StringBuilder();
        for (int i = 0; i < loaders.size(); i++) {
            if (loaders.get(i).get() != null) {
                left.append(left.length() == 0 ? "" : ",").append(i + 1);
            }
        }
        System.out.println("app.reachable_rounds=" + left);
        if (System.getProperty("redeploy.heap.dump") != null && reachable > 0) {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(System.getProperty("redeploy.heap.dump"), true);
        }
        tomcat.stop();
        tomcat.destroy();
        System.out.println("app.done=true");
    }

    /**
     * sqlite-jdbc runs {@code uname -o} when it loads its native library, and the JDK (17) creates its
     * "process reaper" thread from the first thread that starts a process, with that thread's context
     * class loader: without this, the first webapp's loader stays reachable for as long as the reaper
     * lives (60 s idle), with or without the agent. A container's own leak-prevention listener does
     * the same kind of thing for other JDK singletons: create it first, from the container's thread.
     */
    private static void startTheJdksProcessReaper() throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** {@code WEB-INF/lib/sqlite-jdbc.jar} and the listener in {@code WEB-INF/classes}. */
    private static Path buildWebapp(Path webapp, Path driverJar) throws Exception {
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
        Files.copy(driverJar, lib.resolve("sqlite-jdbc.jar"), StandardCopyOption.REPLACE_EXISTING);
        String classFile = LISTENER.replace('.', '/') + ".class";
        Path target = webapp.resolve("WEB-INF/classes").resolve(classFile);
        Files.createDirectories(target.getParent());
        // Read as a resource, never loaded here: only the webapp's loader may define this class.
        try (InputStream in = ClassLoader.getSystemResourceAsStream(classFile)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return webapp;
    }

    private static void awaitFirstAudit(String db) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.github.sqlitepragmaagent:type=Database,path=" + ObjectName.quote(db));
        for (int attempt = 0; attempt < 600; attempt++) {
            if (server.isRegistered(name) && ((Long) server.getAttribute(name, "AuditsRun")) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no audit of " + db + " within 30 s");
    }

    private static int reachable(List<WeakReference<ClassLoader>> loaders) {
        int count = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            if (loader.get() != null) {
                count++;
            }
        }
        return count;
    }
}
