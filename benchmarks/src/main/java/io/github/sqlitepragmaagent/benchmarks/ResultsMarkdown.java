package io.github.sqlitepragmaagent.benchmarks;

import java.util.List;
import java.util.Locale;

/** Each benchmark's results as a Markdown section: what was measured, then a table. */
final class ResultsMarkdown {

    private ResultsMarkdown() {}

    static String startup(StartupBenchmark benchmark, List<StartupBenchmark.Result> results) {
        StringBuilder out = section("Start-up and memory (`startup`)", benchmark.describe(),
                "| app | variant | wall, launch to exit (ms) | wall spread (ms) | CPU (ms) | peak RSS (MB) | added wall / CPU / RSS |",
                "|---|---|--:|--:|--:|--:|---|");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            StartupBenchmark.Result without = results.get(i);
            StartupBenchmark.Result with = results.get(i + 1);
            row(out, "| %s | %s | %.0f | %.0f | %.0f | %.1f | |", without.app().label, without.variant(), without.wallMillis(),
                    without.wallSpreadMillis(), without.cpuMillis(), without.rssKb() / 1024);
            row(out, "| %s | %s | %.0f | %.0f | %.0f | %.1f | %+.0f ms / %+.0f ms / %+.1f MB |", with.app().label, with.variant(),
                    with.wallMillis(), with.wallSpreadMillis(), with.cpuMillis(), with.rssKb() / 1024,
                    with.wallMillis() - without.wallMillis(), with.cpuMillis() - without.cpuMillis(),
                    (with.rssKb() - without.rssKb()) / 1024);
        }
        return out.toString();
    }

    static String openCost(OpenCostBenchmark benchmark, List<OpenCostBenchmark.Result> results) {
        StringBuilder out = section("Connection open cost (`open-cost`)", benchmark.describe(),
                "| variant | µs per open+close | rounds (µs) |", "|---|--:|---|");
        for (OpenCostBenchmark.Result r : results) {
            row(out, "| %s | %.1f | %s |", r.variant(), r.microsPerOpen(), rounded(r.rounds()));
        }
        return out.toString();
    }

    static String firstOpens(FirstOpensBenchmark benchmark, List<FirstOpensBenchmark.Result> results) {
        StringBuilder out = section("Connections in a fresh JVM's first second (`first-opens`)", benchmark.describe(),
                "| variant | first connection (µs) | next 100, mean (µs) | open+close in the first second | rounds |",
                "|---|--:|--:|--:|---|");
        for (FirstOpensBenchmark.Result r : results) {
            row(out, "| %s | %,.0f | %.1f | %,.0f | %s |", r.variant(), r.firstMicros(), r.first100Micros(),
                    r.opensPerSecond(), rounded(r.opensRounds()));
        }
        return out.toString();
    }

    static String jdbcLoad(JdbcLoadBenchmark benchmark, List<JdbcLoadBenchmark.Result> results) {
        StringBuilder out = section("Concurrent JDBC load (`jdbc-load`)", benchmark.describe(),
                "| configuration | writes/s | reads/s | write p50 / p99 (µs) | read p50 / p99 (µs) | \"database is locked\""
                        + " | other errors | writes/s, reads/s per round |",
                "|---|--:|--:|--:|--:|--:|--:|---|");
        for (JdbcLoadBenchmark.Result r : results) {
            StringBuilder rounds = new StringBuilder();
            for (JdbcLoadBenchmark.Run run : r.runs()) {
                rounds.append(rounds.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%,.0f, %,.0f",
                        run.writesPerSecond(), run.readsPerSecond()));
            }
            row(out, "| %s | %,.0f | %,.0f | %.1f / %.1f | %.1f / %.1f | %d | %d | %s |", r.configuration().label(),
                    r.writesPerSecond(), r.readsPerSecond(), r.writeP50Micros(), r.writeP99Micros(), r.readP50Micros(),
                    r.readP99Micros(), r.lockedErrors(), r.otherErrors(), rounds);
        }
        return out.toString();
    }

    static String txLoad(TxLoadBenchmark benchmark, List<TxLoadBenchmark.Result> results) {
        StringBuilder out = section("Transactions under contention (`tx-load`)", benchmark.describe(),
                "| workload | configuration | committed tx/s | failed % | p99 (ms) | writers beside (tx/s) |"
                        + " `setReadOnly(true)` | balance drift | committed tx/s per round |",
                "|---|---|--:|--:|--:|--:|---|--:|---|");
        for (TxLoadBenchmark.Result r : results) {
            boolean readOnly = r.workload() == TxLoadBenchmark.Workload.READ_ONLY
                    || r.workload() == TxLoadBenchmark.Workload.READ_UNMARKED;
            row(out, "| %s | %s | %,.0f | %.2f | %.2f | %s | %s | %d | %s |", r.workload().label(),
                    r.configuration().label(), r.committedPerSecond(), r.failedPercent(), r.p99Micros() / 1000,
                    readOnly ? String.format(Locale.ROOT, "%,.0f", r.besidePerSecond()) : "",
                    readOnly ? r.readOnlyFlag() : "", r.balanceDrift(),
                    rounded(r.runs().stream().map(TxLoadBenchmark.Run::committedPerSecond).toList()));
        }
        return out.toString();
    }

    static String httpLoad(HttpLoadBenchmark benchmark, List<HttpLoadBenchmark.Result> results) {
        StringBuilder out = section("HTTP load on the panel app (`http-load`)", benchmark.describe(),
                "| configuration | requests/s | p50 (ms) | p99 (ms) | 503 \"database is locked\" | other non-2xx"
                        + " | socket errors and timeouts | requests/s per round |",
                "|---|--:|--:|--:|--:|--:|--:|---|");
        for (HttpLoadBenchmark.Result r : results) {
            row(out, "| %s | %,.0f | %.2f | %.2f | %d | %d | %d | %s |", r.configuration().label(), r.requestsPerSecond(),
                    r.p50Millis(), r.p99Millis(), r.lockedErrors(), r.otherNon2xx(), r.socketErrors(),
                    rounded(r.runs().stream().map(HttpLoadBenchmark.Run::requestsPerSecond).toList()));
        }
        return out.toString();
    }

    static String targets(List<Targets.Target> targets) {
        StringBuilder out = section("Targets", "The goals of issues #6, #11 and #12, checked against this run.",
                "| target | goal | measured | |", "|---|---|---|---|");
        for (Targets.Target t : targets) {
            out.append("| ").append(t.what()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(t.met() ? "met" : "**missed**").append(" |\n");
        }
        return out.toString();
    }

    private static StringBuilder section(String title, String description, String header, String alignment) {
        return new StringBuilder("## ").append(title).append("\n\n").append(description).append("\n\n")
                .append(header).append('\n').append(alignment).append('\n');
    }

    private static void row(StringBuilder out, String pattern, Object... values) {
        out.append(String.format(Locale.ROOT, pattern, values)).append('\n');
    }

    private static String rounded(List<Double> values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.1f", value));
        }
        return out.toString();
    }
}
