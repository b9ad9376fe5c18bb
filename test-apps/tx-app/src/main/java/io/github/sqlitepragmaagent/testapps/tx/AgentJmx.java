package io.github.sqlitepragmaagent.testapps.tx;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the agent says over JMX about lock errors, read the way a monitoring tool reads it: from
 * the platform MBean server, by name, with no class of the agent on the app's class path.
 */
final class AgentJmx {

    private static final String DOMAIN = "io.github.sqlitepragmaagent";

    private AgentJmx() {}

    /**
     * {@code agent.LockErrors} from {@code type=Agent} and {@code database.<attribute>} for every
     * {@code LockErrors*} attribute of the {@code type=Database} bean of {@code db}; {@code agent=absent}
     * when no agent is registered.
     */
    static Map<String, String> lockErrors(Path db) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, String> out = new LinkedHashMap<>();
        ObjectName agent = new ObjectName(DOMAIN + ":type=Agent");
        awaitFirstAudit(server, db.toAbsolutePath().normalize());
        if (!server.isRegistered(agent)) {
            out.put("agent", "absent");
            return out;
        }
        try {
            out.put("agent.LockErrors", String.valueOf(server.getAttribute(agent, "LockErrors")));
        } catch (javax.management.AttributeNotFoundException e) {
            out.put("agent.LockErrors", "absent");
        }
        Path wanted = db.toAbsolutePath().normalize();
        for (ObjectName name : server.queryNames(new ObjectName(DOMAIN + ":type=Database,*"), null)) {
            String path = name.getKeyProperty("path");
            if (path == null || !same(Path.of(path.startsWith("\"") ? ObjectName.unquote(path) : path), wanted)) {
                continue;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.getName().startsWith("LockErrors")) {
                    out.put("database." + attribute.getName(), String.valueOf(server.getAttribute(name, attribute.getName())));
                }
            }
        }
        return out;
    }

    /**
     * The agent registers its beans with a database's first audit (after {@code audit.delay} and a quiet
     * moment), not at the first connection: a run shorter than that would read nothing. A monitoring tool
     * scrapes again; this app reads once, so it waits for the database's bean when the agent is loaded.
     */
    private static void awaitFirstAudit(MBeanServer server, Path wanted) throws Exception {
        boolean agentLoaded = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("sqlite-pragma-agent"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (agentLoaded && System.nanoTime() - deadline < 0) {
            for (ObjectName name : server.queryNames(new ObjectName(DOMAIN + ":type=Database,*"), null)) {
                String path = name.getKeyProperty("path");
                if (path != null && same(Path.of(path.startsWith("\"") ? ObjectName.unquote(path) : path), wanted)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b) || a.toRealPath().equals(b.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
