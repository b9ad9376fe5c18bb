package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.config.SourcedValue;
import io.github.sqlitepragmaagent.support.Text;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code config [AGENT-ARGS]}: the configuration the agent would use in this shell, with where each
 * value comes from; any problem gives exit status 1, so a change can be checked before a restart.
 */
final class ConfigCommand implements Command {

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "print the effective configuration with the source of each value, and validate it";
    }

    @Override
    public String help() {
        return "usage: java -jar sqlite-pragma-agent.jar config [KEY=VALUE,...]\n"
                + "\n"
                + "Prints the configuration the agent would use with these agent arguments, this shell's\n"
                + "-Dsqlite.agent.* properties (pass them to this java command) and SQLITE_AGENT_* variables, and\n"
                + "the properties file named by config=..., with the source of each value. Validates all of it.\n"
                + "\n"
                + "Exit status: 0 valid; 1 invalid or an unknown key (each problem on stderr); 2 usage error.\n"
                + "\n"
                + "example: java -jar sqlite-pragma-agent.jar config config=/etc/myapp/sqlite-agent.properties";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[0], new String[0]);
        if (arguments.positionals().size() > 1) {
            throw new UsageException("give the settings as one KEY=VALUE,KEY=VALUE argument");
        }
        LoadedConfig loaded = ConfigLoader.load(arguments.positionals().isEmpty() ? null : arguments.positionals().get(0));
        out.println(String.format(Locale.ROOT, "%-28s %-22s %s", "KEY", "VALUE", "FROM"));
        for (SourcedValue value : loaded.config().effective().values()) {
            out.println(String.format(Locale.ROOT, "%-28s %-22s %s", Text.clean(value.key()), Text.clean(value.value()),
                    value.origin()));
        }
        for (ConfigProblem problem : loaded.all()) {
            err.println("sqlite-pragma-agent config: " + problem.message());
        }
        if (!loaded.valid()) {
            out.println("invalid: " + loaded.problems().size() + " problem(s); the agent would apply nothing");
            return FAILED;
        }
        if (!loaded.unknownKeys().isEmpty()) {
            out.println("valid, but " + loaded.unknownKeys().size() + " unknown key(s) that the agent would ignore"
                    + " (strict=true would stop the JVM)");
            return FAILED;
        }
        out.println("valid");
        return OK;
    }
}
