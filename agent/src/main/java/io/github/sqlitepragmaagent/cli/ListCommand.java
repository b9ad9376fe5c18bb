package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.entry.AgentVersion;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** {@code list}: the running JVMs one can attach to, marking those already running the agent. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "running JVMs one can attach to, and which already run the agent";
    }

    @Override
    public String help() {
        return "usage: java -jar sqlite-pragma-agent.jar list\n"
                + "\n"
                + "Lists the JVMs of this user that accept attaching: PID, whether the agent runs there (its\n"
                + "version), and the main class or jar with its arguments. Needs a full JDK (jdk.attach).\n"
                + "\n"
                + "Exit status: 0 listed; 1 this Java cannot attach; 2 usage error.";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[0], new String[0]);
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("list takes no arguments");
        }
        VirtualMachines machines;
        try {
            machines = VirtualMachines.load();
        } catch (VirtualMachines.Unavailable e) {
            err.println("sqlite-pragma-agent list: " + e.getMessage());
            return FAILED;
        }
        String self = selfPid();
        try {
            out.println(String.format(Locale.ROOT, "%-8s %-56s %s", "PID", "AGENT", "MAIN"));
            for (VirtualMachines.Descriptor machine : machines.list()) {
                if (machine.pid.equals(self)) {
                    continue;
                }
                String agent;
                try {
                    Properties properties = machines.systemProperties(machine.pid);
                    agent = properties.getProperty(AgentVersion.LOADED_PROPERTY, "-");
                } catch (Exception e) {
                    agent = "? (cannot attach)";
                }
                out.println(String.format(Locale.ROOT, "%-8s %-56s %s", machine.pid, agent, machine.displayName));
            }
            return OK;
        } catch (Exception e) {
            err.println("sqlite-pragma-agent list: " + e);
            return FAILED;
        }
    }

    private static String selfPid() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    }
}
