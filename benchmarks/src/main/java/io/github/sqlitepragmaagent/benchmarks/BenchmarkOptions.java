package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Path;

/**
 * The command line: a benchmark and its options. Defaults are those of a real run; {@code --quick}
 * turns them into a smoke test's (a few seconds per benchmark), and options given explicitly win.
 */
record BenchmarkOptions(String benchmark, String agent, String panelApp, int runs, int rounds, int megabytes, int seconds,
        int writers, int readers, int threads, int concurrency, boolean quick, Path out) {

    static BenchmarkOptions parse(String[] args) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        String agent = null;
        String panelApp = null;
        int runs = quick ? 3 : 15;
        int rounds = quick ? 1 : 3;
        int megabytes = 100;
        int seconds = quick ? 2 : 8;
        int writers = 4;
        int readers = 4;
        int threads = 8;
        int concurrency = 8;
        Path out = Path.of("docs");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--agent" -> agent = value(args, ++i);
                case "--panel-app" -> panelApp = value(args, ++i);
                case "--runs" -> runs = number(args, ++i);
                case "--rounds" -> rounds = number(args, ++i);
                case "--megabytes" -> megabytes = number(args, ++i);
                case "--seconds" -> seconds = number(args, ++i);
                case "--writers" -> writers = number(args, ++i);
                case "--readers" -> readers = number(args, ++i);
                case "--threads" -> threads = number(args, ++i);
                case "--concurrency" -> concurrency = number(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchmarkOptions(args[0], agent, panelApp, runs, rounds, megabytes, seconds, writers, readers, threads,
                concurrency, quick, out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i) {
        int number = Integer.parseInt(value(args, i));
        if (number < 0) {
            throw new IllegalArgumentException(args[i - 1] + " must not be negative");
        }
        return number;
    }
}
