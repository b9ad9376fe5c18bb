package io.github.sqlitepragmaagent.statements;

/**
 * The frames of a thread's stack that say what the app is doing: the JDK's, the driver's, the agent's and
 * the usual pools' and frameworks' frames are left out, so that a holder blocked in {@code Thread.sleep}
 * under {@code slowMonthlyReport()} is named by {@code slowMonthlyReport()}. Read only when a holder is
 * reported, never on the path of a statement.
 */
final class AppFrames {

    /** Frames shown at most: enough to see the caller of the caller. */
    static final int SHOWN = 5;

    private static final String AGENT_PACKAGE = packageOf(AppFrames.class.getName(), 3);
    /** The agent's own packages (the app's may share the agent's top-level name, its test apps do). */
    private static final String[] AGENT_PACKAGES = {"entry.", "config.", "instrument.", "driver.", "bridge.", "tune.",
        "statements.", "audit.", "jmx.", "cli.", "log.", "support.", "shaded."};
    private static final String[] NOT_THE_APP = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.sqlite.",
        "com.zaxxer.hikari.", "org.hibernate.", "org.springframework.", "jakarta.", "org.apache.commons.dbcp",
        "com.mchange.", "org.jdbi.", "org.jooq.", "org.flywaydb.", "liquibase.", "net.bytebuddy.", "kotlin.",
        "org.apache.tomcat.jdbc.", "$Proxy", "jdk.proxy"};

    private AppFrames() {}

    /** {@code a.B.method(B.java:12) < c.D.caller(D.java:40)}, at most {@link #SHOWN}; empty when none is the app's. */
    static String of(StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : stack) {
            if (shown == SHOWN) {
                break;
            }
            if (!isApp(frame.getClassName())) {
                continue;
            }
            if (shown > 0) {
                out.append(" < ");
            }
            out.append(frame);
            shown++;
        }
        return out.toString();
    }

    static boolean isApp(String className) {
        if (className.startsWith(AGENT_PACKAGE)) {
            String rest = className.substring(AGENT_PACKAGE.length());
            for (String own : AGENT_PACKAGES) {
                if (rest.startsWith(own)) {
                    return false;
                }
            }
        }
        for (String other : NOT_THE_APP) {
            if (className.startsWith(other) || className.contains("$$")) {
                return false; // $$: CGLIB and ByteBuddy proxies of the app's classes
            }
        }
        return !className.contains("$Proxy");
    }

    /** The first {@code parts} dotted parts of {@code className}, with a trailing dot. */
    private static String packageOf(String className, int parts) {
        int at = -1;
        for (int i = 0; i < parts; i++) {
            at = className.indexOf('.', at + 1);
        }
        return className.substring(0, at + 1);
    }
}
