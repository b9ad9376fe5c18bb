package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.config.SourcedValue;
import io.github.sqlitepragmaagent.support.Text;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        printTable(table(loaded), out);
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

    /** One row of the table; {@code refused} marks a value the agent refuses or a key it does not know. */
    private static final class Row {
        final SourcedValue value;
        final boolean refused;

        Row(SourcedValue value, boolean refused) {
            this.value = value;
            this.refused = refused;
        }
    }

    /**
     * The agent's own keys and pragmas in the catalog's order, then the rules by number ({@code match}
     * first), each value where it came from; a refused value replaces the one the agent fell back to,
     * and an unknown key gets a row of its own.
     */
    static List<Row> table(LoadedConfig loaded) {
        Map<String, Row> rows = new LinkedHashMap<String, Row>();
        for (SourcedValue value : loaded.config().effective().values()) {
            rows.put(value.key(), new Row(value, false));
        }
        for (ConfigProblem problem : loaded.all()) {
            if (problem.offending() != null) {
                rows.put(problem.offending().key(), new Row(problem.offending(), true));
            }
        }
        List<Row> agent = new ArrayList<Row>();
        List<Row> rules = new ArrayList<Row>();
        for (Row row : rows.values()) {
            (RULE.matcher(row.value.key()).matches() ? rules : agent).add(row);
        }
        Collections.sort(rules, new Comparator<Row>() {
            @Override
            public int compare(Row a, Row b) {
                Matcher left = RULE.matcher(a.value.key());
                Matcher right = RULE.matcher(b.value.key());
                left.matches();
                right.matches();
                int byNumber = new java.math.BigInteger(left.group(1)).compareTo(new java.math.BigInteger(right.group(1)));
                if (byNumber != 0) {
                    return byNumber;
                }
                boolean leftMatch = left.group(2).equals("match");
                boolean rightMatch = right.group(2).equals("match");
                return leftMatch != rightMatch ? (leftMatch ? -1 : 1) : left.group(2).compareTo(right.group(2));
            }
        });
        agent.addAll(rules);
        return agent;
    }

    private static final Pattern RULE = Pattern.compile("rule\\.(\\d{1,18})\\.(.+)");

    /** Columns as wide as their longest cell, so that long values and paths keep the table aligned. */
    private static void printTable(List<Row> rows, PrintStream out) {
        int keyWidth = "KEY".length();
        int valueWidth = "VALUE".length();
        boolean anyRefused = false;
        for (Row row : rows) {
            keyWidth = Math.max(keyWidth, Text.clean(row.value.key()).length());
            valueWidth = Math.max(valueWidth, Text.clean(row.value.value()).length());
            anyRefused |= row.refused;
        }
        String format = "%-2s%-" + keyWidth + "s  %-" + valueWidth + "s  %s";
        out.println(String.format(Locale.ROOT, format, "", "KEY", "VALUE", "FROM"));
        for (Row row : rows) {
            out.println(String.format(Locale.ROOT, format, row.refused ? "!" : "", Text.clean(row.value.key()),
                    Text.clean(row.value.value()), row.value.origin()));
        }
        if (anyRefused) {
            out.println("! = refused: a value the key does not accept, or a key the agent does not know (why: on stderr)");
        }
    }
}
