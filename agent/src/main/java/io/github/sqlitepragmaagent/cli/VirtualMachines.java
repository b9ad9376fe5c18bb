package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.support.Reflection;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The JDK's attach API ({@code com.sun.tools.attach.VirtualMachine}), found the way byte-buddy-agent
 * finds it (the {@code jdk.attach} module, or {@code tools.jar} on Java 8) and called by reflection,
 * because the agent's own classes are compiled for Java 8 without it.
 */
final class VirtualMachines {

    /** A running JVM as {@code VirtualMachine.list()} describes it. */
    static final class Descriptor {
        final String pid;
        final String displayName;

        Descriptor(String pid, String displayName) {
            this.pid = pid;
            this.displayName = displayName;
        }
    }

    /** Thrown when this Java cannot attach at all. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final Class<?> virtualMachine;

    private VirtualMachines(Class<?> virtualMachine) {
        this.virtualMachine = virtualMachine;
    }

    static VirtualMachines load() throws Unavailable {
        ByteBuddyAgent.AttachmentProvider.Accessor accessor;
        try {
            accessor = ByteBuddyAgent.AttachmentProvider.DEFAULT.attempt();
        } catch (Throwable t) {
            throw unavailable(t.toString());
        }
        if (!accessor.isAvailable()) {
            throw unavailable("no attach provider");
        }
        try {
            return new VirtualMachines(accessor.getVirtualMachineType());
        } catch (Throwable t) {
            throw unavailable(t.toString());
        }
    }

    private static Unavailable unavailable(String detail) {
        return new Unavailable("this Java (" + System.getProperty("java.home") + ") cannot attach to other JVMs (" + detail
                + "): it is a JRE or a jlink image without the jdk.attach module. Run this command with a full JDK"
                + " (the same major version as the target is safest), or start the app with -javaagent instead.");
    }

    List<Descriptor> list() throws Exception {
        List<Descriptor> descriptors = new ArrayList<Descriptor>();
        for (Object descriptor : (List<?>) virtualMachine.getMethod("list").invoke(null)) {
            Method id = descriptor.getClass().getMethod("id");
            Method displayName = descriptor.getClass().getMethod("displayName");
            id.setAccessible(true);
            displayName.setAccessible(true);
            descriptors.add(new Descriptor((String) id.invoke(descriptor), (String) displayName.invoke(descriptor)));
        }
        return descriptors;
    }

    /** The target JVM's system properties. */
    Properties systemProperties(String pid) throws Exception {
        Object machine = attach(pid);
        try {
            return (Properties) call(machine, "getSystemProperties");
        } finally {
            call(machine, "detach");
        }
    }

    /** Loads {@code agentJar} with {@code arguments} into the target JVM. */
    void loadAgent(String pid, String agentJar, String arguments) throws Exception {
        Object machine = attach(pid);
        try {
            Method load = virtualMachine.getMethod("loadAgent", String.class, String.class);
            Reflection.invoke(load, machine, agentJar, arguments);
        } finally {
            call(machine, "detach");
        }
    }

    private Object attach(String pid) throws Exception {
        return Reflection.invoke(virtualMachine.getMethod("attach", String.class), null, pid);
    }

    private Object call(Object machine, String name) throws Exception {
        return Reflection.invoke(virtualMachine.getMethod(name), machine);
    }

    /** The attach API's exceptions say little; this says what to do. */
    static String explain(Exception e, String pid) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        // Java 17 says "No such process", Java 25 "non existent JVM pid".
        if (type.equals("AttachNotSupportedException") || message.contains("No such process")
                || message.contains("non existent")) {
            return "cannot attach to " + pid + ": " + message + " (is it a running JVM of this user? a JVM started with"
                    + " -XX:+DisableAttachMechanism refuses attaching)";
        }
        if (type.equals("AgentInitializationException")) {
            return "the agent failed to start in " + pid + ": " + message + " (see that JVM's stderr)";
        }
        if (type.equals("AgentLoadException")) {
            return "the JVM " + pid + " could not load the agent jar: " + message;
        }
        return "attaching to " + pid + " failed: " + e;
    }
}
