package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.entry.AgentVersion;
import java.io.File;
import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** {@code attach PID [AGENT-ARGS]}: loads the agent into a running JVM. */
final class AttachCommand implements Command {

    private final File agentJar;

    AttachCommand(File agentJar) {
        this.agentJar = agentJar;
    }

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String summary() {
        return "load the agent into a running JVM";
    }

    @Override
    public String help() {
        return "usage: java -jar sqlite-pragma-agent.jar attach PID [KEY=VALUE,...]\n"
                + "\n"
                + "Loads the agent into the running JVM PID (see the list command), with the same settings as\n"
                + "-javaagent:sqlite-pragma-agent.jar=KEY=VALUE,... (the target's -Dsqlite.agent.* properties and\n"
                + "SQLITE_AGENT_* variables apply there too). Connections the app opens from then on are tuned;\n"
                + "connections already open are left alone. The agent logs to the target's stderr.\n"
                + "\n"
                + "Needs a full JDK (the jdk.attach module) and the same user as the target. Java 21 and later\n"
                + "print a warning in the target about a dynamically loaded agent unless it was started with\n"
                + "-XX:+EnableDynamicAgentLoading; the agent works either way.\n"
                + "\n"
                + "Exit status: 0 attached; 1 not attached (already there, refused, or not started: the message\n"
                + "says which); 2 usage error, including invalid settings.\n"
                + "\n"
                + "example: java -jar sqlite-pragma-agent.jar attach 12345 cache_size=-64000";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[0], new String[0]);
        List<String> positionals = arguments.positionals();
        if (positionals.isEmpty() || positionals.size() > 2) {
            throw new UsageException(positionals.isEmpty() ? "name the PID to attach to" : "too many arguments");
        }
        String pid = positionals.get(0);
        if (!pid.matches("\\d{1,10}")) {
            throw new UsageException("PID " + pid + " is not a process id");
        }
        String agentArguments = positionals.size() > 1 ? positionals.get(1) : null;
        LoadedConfig loaded = ConfigLoader.load(agentArguments, Collections.<String, String>emptyMap(),
                Collections.<String, String>emptyMap());
        if (!loaded.valid()) {
            for (ConfigProblem problem : loaded.problems()) {
                err.println("sqlite-pragma-agent attach: invalid settings, nothing attached: " + problem.message());
            }
            return USAGE;
        }
        for (ConfigProblem unknown : loaded.unknownKeys()) {
            err.println("sqlite-pragma-agent attach: ignoring " + unknown.message());
        }
        if (agentJar == null || !agentJar.isFile()) {
            err.println("sqlite-pragma-agent attach: run this command from the agent jar (java -jar sqlite-pragma-agent.jar)");
            return FAILED;
        }
        try {
            VirtualMachines machines = VirtualMachines.load();
            Properties before = machines.systemProperties(pid);
            String loadedAlready = before.getProperty(AgentVersion.LOADED_PROPERTY);
            if (loadedAlready != null) {
                out.println("PID " + pid + " already runs " + loadedAlready + "; nothing to do (attaching twice is refused)");
                return FAILED;
            }
            machines.loadAgent(pid, agentJar.getAbsolutePath(), agentArguments);
            String started = machines.systemProperties(pid).getProperty(AgentVersion.LOADED_PROPERTY);
            if (started == null) {
                err.println("sqlite-pragma-agent attach: the agent was loaded into " + pid + " but did not start"
                        + " (its settings there are invalid, or enabled=false): see that JVM's stderr");
                return FAILED;
            }
            out.println("attached " + started + " to PID " + pid + ": connections it opens from now on are tuned;"
                    + " connections already open are left alone. The agent logs to that JVM's stderr.");
            if (javaMajor(before.getProperty("java.specification.version")) >= 21) {
                out.println("note: PID " + pid + " runs Java " + before.getProperty("java.specification.version")
                        + ", which prints a warning about a dynamically loaded agent unless started with"
                        + " -XX:+EnableDynamicAgentLoading; the agent works either way.");
            }
            return OK;
        } catch (VirtualMachines.Unavailable e) {
            err.println("sqlite-pragma-agent attach: " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println("sqlite-pragma-agent attach: " + VirtualMachines.explain(e, pid));
            return FAILED;
        }
    }

    static int javaMajor(String specification) {
        if (specification == null) {
            return 0;
        }
        String major = specification.startsWith("1.") ? specification.substring(2) : specification;
        try {
            return Integer.parseInt(major.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
