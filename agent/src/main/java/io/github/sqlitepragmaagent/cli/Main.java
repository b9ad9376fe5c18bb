package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.entry.AgentVersion;
import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar sqlite-pragma-agent.jar COMMAND}: the operator's tools around the agent. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        File agentJar = agentJar();
        Map<String, Command> commands = new LinkedHashMap<String, Command>();
        for (Command command : new Command[] {
            new CheckCommand(agentJar), new RestoreCommand(agentJar), new AttachCommand(agentJar), new ListCommand(),
            new ConfigCommand()}) {
            commands.put(command.name(), command);
        }
        if (args.isEmpty()) {
            return usageError("sqlite-pragma-agent: name a command: " + String.join(", ", commands.keySet()), shortUsage(commands), err);
        }
        if (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.println(usage(commands));
            return Command.OK;
        }
        if (args.get(0).equals("--version")) {
            out.println(AgentVersion.describe());
            return Command.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            return usageError("sqlite-pragma-agent: unknown command '" + args.get(0) + "'", shortUsage(commands), err);
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.help());
            return Command.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            String usageLine = command.help().split("\n", 2)[0];
            return usageError("sqlite-pragma-agent " + command.name() + ": " + e.getMessage(),
                    usageLine + "\n(java -jar sqlite-pragma-agent.jar " + command.name() + " --help: options, exit statuses, an example)",
                    err);
        }
    }

    /** A usage error: its one-line reason, then a short usage (not the whole help); exit status 2. */
    private static int usageError(String reason, String usage, PrintStream err) {
        err.println(reason);
        err.println(usage);
        return Command.USAGE;
    }

    private static String shortUsage(Map<String, Command> commands) {
        return "usage: java -jar sqlite-pragma-agent.jar COMMAND [ARGUMENTS], COMMAND one of " + String.join(", ", commands.keySet())
                + "\n(java -jar sqlite-pragma-agent.jar --help: what each does; COMMAND --help: its options)";
    }

    private static String usage(Map<String, Command> commands) {
        StringBuilder usage = new StringBuilder("usage: java -jar sqlite-pragma-agent.jar COMMAND [ARGUMENTS]\n\ncommands:\n");
        for (Command command : commands.values()) {
            usage.append(String.format("  %-8s %s%n", command.name(), command.summary()));
        }
        usage.append("\n  --help     this help; COMMAND --help for a command's\n");
        usage.append("  --version  the agent's version and commit\n\n");
        usage.append("Exit status: 0 success; 1 the command found a problem or could not do its job; 2 usage error;\n"
                + "3 (restore) the database is in use: nothing was changed.\n\n");
        usage.append("As an agent: java -javaagent:sqlite-pragma-agent.jar[=KEY=VALUE,...] -jar your-app.jar");
        return usage.toString();
    }

    private static File agentJar() {
        try {
            File location = new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.isFile() ? location : null;
        } catch (Exception e) {
            return null;
        }
    }
}
