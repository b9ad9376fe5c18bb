package io.github.sqlitepragmaagent.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of {@code java -jar sqlite-pragma-agent.jar COMMAND}. */
interface Command {

    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;

    String name();

    /** One line for the command list. */
    String summary();

    /** The full help: usage line, arguments, options, exit statuses, an example. */
    String help();

    /** Runs with the arguments after the command's name; returns the exit status. */
    int run(List<String> arguments, PrintStream out, PrintStream err) throws UsageException;
}
