package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' command line, run from the repository root after {@code mvn -B -DskipTests package}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar startup   [--runs N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar open-cost [--rounds N] [--agent PATH]
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println("usage: java -jar benchmarks/target/benchmarks.jar startup|open-cost [--runs N] [--rounds N]"
                    + " [--agent PATH]");
            return;
        }
        String agent = null;
        int runs = 15;
        int rounds = 3;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> usage("unknown option " + args[i]);
            }
        }
        Path agentJar = Jvm.agentJar(agent);
        System.out.println("machine: " + Jvm.describeMachine());
        switch (args[0]) {
            case "startup" -> printStartup(new StartupBenchmark(agentJar, runs).run());
            case "open-cost" -> printOpenCost(new OpenCostBenchmark(agentJar, rounds).run());
            default -> usage("unknown benchmark " + args[0]);
        }
    }

    private static void printStartup(List<StartupBenchmark.Result> results) {
        StartupBenchmark.Result without = results.get(0);
        StartupBenchmark.Result with = results.get(1);
        for (StartupBenchmark.Result r : results) {
            System.out.printf(Locale.ROOT, "%-14s start to end of main %6.1f ms (median of %d; runs %s), peak RSS %.1f MB,"
                            + " heap used %.1f MB, metaspace %.1f MB%n", r.variant(), r.startupMillis(), r.runs().size(),
                    r.runs(), r.rssKb() / 1024, r.heapKb() / 1024, r.metaspaceKb() / 1024);
        }
        System.out.printf(Locale.ROOT, "agent adds      %6.1f ms start-up (ratio %.2f), %.1f MB RSS, %.1f MB heap, %.1f MB metaspace%n",
                with.startupMillis() - without.startupMillis(), with.startupMillis() / without.startupMillis(),
                (with.rssKb() - without.rssKb()) / 1024, (with.heapKb() - without.heapKb()) / 1024,
                (with.metaspaceKb() - without.metaspaceKb()) / 1024);
    }

    private static void printOpenCost(List<OpenCostBenchmark.Result> results) {
        for (OpenCostBenchmark.Result r : results) {
            System.out.printf(Locale.ROOT, "%-26s %7.1f us per open+close (median of rounds %s)%n", r.variant(),
                    r.microsPerOpen(), r.rounds());
        }
        System.out.printf(Locale.ROOT, "agent / six pragmas in the URL = %.3f%n",
                results.get(2).microsPerOpen() / results.get(1).microsPerOpen());
    }

    private static void usage(String problem) {
        System.err.println("benchmarks: " + problem + " (try --help)");
        System.exit(2);
    }
}
