package io.github.sqlitepragmaagent.jmx;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;

/**
 * Registers the agent's MXBeans with the platform MBean server. Called from the agent's background
 * thread only, never from premain: creating the platform MBean server costs the host start-up time,
 * and an app may install its own MBean server builder first.
 */
public final class JmxRegistry {

    public static final String DOMAIN = "io.github.sqlitepragmaagent";
    public static final String AGENT_NAME = DOMAIN + ":type=Agent";

    private final Logger log;
    private boolean unavailable;

    public JmxRegistry(Logger log) {
        this.log = log;
    }

    public static String databaseName(String path) {
        return DOMAIN + ":type=Database,path=" + ObjectName.quote(path);
    }

    public void registerAgent(AgentMXBean agent) {
        register(agent, AGENT_NAME);
    }

    public void registerDatabase(String path, DatabaseMXBean database) {
        register(database, databaseName(path));
    }

    /** Takes a database's bean away (its file is gone, its app undeployed, or it was dropped past the cap). */
    public void unregisterDatabase(String path) {
        if (unavailable) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(databaseName(path));
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (Throwable t) {
            log.debug("could not unregister the bean of {}: {}", path, t.toString());
        }
    }

    private void register(Object bean, String name) {
        if (unavailable) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(bean, new ObjectName(name));
        } catch (InstanceAlreadyExistsException e) {
            log.debug("{} is already registered", name);
        } catch (Throwable t) {
            unavailable = true;
            log.warn("JMX is not available in this JVM ({}); the agent's MXBeans are not registered", t.toString());
        }
    }
}
