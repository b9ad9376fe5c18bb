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
 * java -jar benchmarks/target/benchmarks.jar first-opens [--rounds N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar audit-impact [--rounds N] [--megabytes N] [--seconds N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar backup-load [--rounds N] [--megabytes N] [--seconds N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar jdbc-load [--writers N] [--readers N] [--seconds S] [--rounds N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar tx-load   [--threads N] [--readers N] [--seconds S] [--rounds N] [--agent PATH]
 * java -jar benchmarks/target/benchmarks.jar http-load [--concurrency N] [--seconds S] [--rounds N] [--agent PATH]
 *                                                      [--panel-app PATH]   (needs wrk)
 * java -jar benchmarks/target/benchmarks.jar all [--quick] [--out DIR] [any option above]
 * </pre>
 *
 * {@code --quick} shortens every default to a smoke test's; {@code all} writes DIR (docs)/benchmark-results.md
 * and .svg, {@code tx-load} DIR/tx-load-results.svg.
 */
public final class BenchmarkMain {

    private static final String USAGE = "usage: java -jar benchmarks/target/benchmarks.jar"
            + " startup|open-cost|first-opens|audit-impact|backup-load|jdbc-load|tx-load|http-load|all [--quick] [--runs N] [--rounds N] [--seconds N]"
            + " [--megabytes N] [--writers N] [--readers N] [--threads N] [--concurrency N] [--agent PATH] [--panel-app PATH] [--out DIR]";

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        Path agentJar = Jvm.agentJar(options.agent());
        System.out.println("machine: " + Jvm.describeMachine());
        switch (options.benchmark()) {
            case "startup" -> {
                StartupBenchmark benchmark = new StartupBenchmark(agentJar, Jvm.bootAppJar(), options.runs());
                List<StartupBenchmark.Result> results = benchmark.run();
                System.out.println(ResultsMarkdown.startup(benchmark, results));
                System.out.println(ResultsMarkdown.targets(new Targets().startup(results).list()));
            }
            case "open-cost" -> printOpenCost(new OpenCostBenchmark(agentJar, options.rounds(), options.quick()).run());
            case "first-opens" -> {
                FirstOpensBenchmark benchmark = new FirstOpensBenchmark(agentJar, options.rounds());
                List<FirstOpensBenchmark.Result> results = benchmark.run();
                System.out.println(ResultsMarkdown.firstOpens(benchmark, results));
                System.out.println(ResultsMarkdown.targets(new Targets().firstOpens(results).list()));
            }
            case "audit-impact" -> printAuditImpact(new AuditImpactBenchmark(agentJar, options.rounds(), options.megabytes(),
                    options.seconds() * 1000L), options.megabytes());
            case "backup-load" -> {
                BackupLoadBenchmark benchmark = new BackupLoadBenchmark(agentJar, options.rounds(), options.megabytes(),
                        options.seconds() * 1000L);
                System.out.println(BackupLoadBenchmark.markdown(benchmark, benchmark.run()));
            }
            case "jdbc-load" -> {
                JdbcLoadBenchmark benchmark = new JdbcLoadBenchmark(agentJar, options.writers(), options.readers(),
                        options.seconds(), options.rounds());
                List<JdbcLoadBenchmark.Result> results = benchmark.run();
                System.out.println(ResultsMarkdown.jdbcLoad(benchmark, results));
                System.out.println(ResultsMarkdown.targets(new Targets()
                        .jdbcLoad(results, options.writers(), options.readers()).list()));
            }
            case "tx-load" -> {
                TxLoadBenchmark benchmark = new TxLoadBenchmark(agentJar, options.threads(), options.readers(),
                        options.seconds(), options.rounds());
                List<TxLoadBenchmark.Result> results = benchmark.run();
                System.out.println(ResultsMarkdown.txLoad(benchmark, results));
                System.out.println(ResultsMarkdown.targets(new Targets().txLoad(results).list()));
                // Its own chart (commits and failures per workload), beside the one `all` writes.
                java.nio.file.Files.createDirectories(options.out());
                Path svgFile = options.out().resolve("tx-load-results.svg");
                java.nio.file.Files.writeString(svgFile, BarChartSvg.render("sqlite-pragma-agent: tx-load per configuration",
                        java.time.LocalDate.now() + ", " + Jvm.describeMachine(), Suite.txPanels(results, options)));
                System.out.println("wrote " + svgFile);
            }
            case "http-load" -> {
                HttpLoadBenchmark benchmark = new HttpLoadBenchmark(agentJar, Jvm.panelAppJar(options.panelApp()),
                        options.seconds(), options.concurrency(), options.rounds());
                List<HttpLoadBenchmark.Result> results = benchmark.run();
                System.out.println(ResultsMarkdown.httpLoad(benchmark, results));
                System.out.println(ResultsMarkdown.targets(new Targets().httpLoad(results).list()));
            }
            case "all" -> new Suite(options, agentJar, "java -jar " + Jvm.CLASS_PATH + " " + String.join(" ", args)).run();
            default -> usage("unknown benchmark " + options.benchmark());
        }
    }

    private static void printOpenCost(List<OpenCostBenchmark.Result> results) {
        for (OpenCostBenchmark.Result r : results) {
            System.out.printf(Locale.ROOT, "%-26s %7.1f us per open+close (median of rounds %s)%n", r.variant(),
                    r.microsPerOpen(), r.rounds());
        }
        System.out.printf(Locale.ROOT, "agent / six pragmas in the URL = %.3f%n",
                results.get(2).microsPerOpen() / results.get(1).microsPerOpen());
    }

    private static void printAuditImpact(AuditImpactBenchmark benchmark, int megabytes) throws Exception {
        java.nio.file.Path dir = AuditImpactBenchmark.tempDir();
        java.nio.file.Path db = AuditImpactBenchmark.createDatabase(dir.resolve("checks.db"), megabytes, "wal");
        System.out.printf(Locale.ROOT, "database: %.1f MB%n", java.nio.file.Files.size(db) / 1e6);
        for (AuditImpactBenchmark.Check check : benchmark.checks(db)) {
            System.out.printf(Locale.ROOT, "PRAGMA %-16s %8.0f ms (median of 3)%n", check.pragma(), check.millis());
        }
        List<AuditImpactBenchmark.Throughput> results = benchmark.throughput(dir);
        for (AuditImpactBenchmark.Throughput r : results) {
            System.out.printf(Locale.ROOT, "%-6s audits %-12s %9.0f writes/s (median; rounds %s), %d errors%n",
                    r.journalMode(), r.audits(), r.writesPerSecond(), r.rounds(), r.errors());
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            System.out.printf(Locale.ROOT, "%s mode: write throughput with audits back to back / without = %.3f%n",
                    results.get(i).journalMode(), results.get(i + 1).writesPerSecond() / results.get(i).writesPerSecond());
        }
    }

    private static void usage(String problem) {
        System.err.println("benchmarks: " + problem + " (try --help)");
        System.exit(2);
    }
}
