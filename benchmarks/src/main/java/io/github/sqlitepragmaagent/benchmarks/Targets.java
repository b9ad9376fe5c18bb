package io.github.sqlitepragmaagent.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals issues #6, #11 and #12 set the agent, each checked against the results of this run: met or missed,
 * with the measured value next to the goal so that a reader can judge a near miss.
 */
final class Targets {

    record Target(String what, String goal, String measured, boolean met) {}

    private final List<Target> targets = new ArrayList<>();

    List<Target> list() {
        return targets;
    }

    /** Results in {@link StartupBenchmark}'s order: each app without, then with the agent. */
    Targets startup(List<StartupBenchmark.Result> results) {
        for (int i = 0; i + 1 < results.size(); i += 2) {
            StartupBenchmark.Result without = results.get(i);
            StartupBenchmark.Result with = results.get(i + 1);
            double millis = with.wallMillis() - without.wallMillis();
            add("wall time added, " + with.app().label + " (startup)", "≤ 80 ms", format("%.0f ms", millis), millis <= 80);
            double megabytes = (with.rssKb() - without.rssKb()) / 1024;
            add("peak RSS added, " + with.app().label + " (startup)", "≤ 15 MB", format("%.1f MB", megabytes), megabytes <= 15);
        }
        return this;
    }

    /** Results in {@link OpenCostBenchmark}'s order: untuned URL, pragmas in the URL, agent. */
    Targets openCost(List<OpenCostBenchmark.Result> results) {
        double ratio = results.get(2).microsPerOpen() / results.get(1).microsPerOpen();
        add("open+close time, agent / pragmas in URL (open-cost)", "≤ 1.05", format("%.3f", ratio), ratio <= 1.05);
        return this;
    }

    /** Results: the URL's first, the agent's second. */
    Targets firstOpens(List<FirstOpensBenchmark.Result> results) {
        atLeast("open+close in a fresh JVM's first second, agent / pragmas in URL (first-opens)",
                results.get(1).opensPerSecond() / results.get(0).opensPerSecond(), 0.95, "");
        return this;
    }

    /** Results in {@link Configuration} order. */
    Targets jdbcLoad(List<JdbcLoadBenchmark.Result> results, int writers, int readers) {
        JdbcLoadBenchmark.Result defaults = results.get(Configuration.DEFAULTS.ordinal());
        JdbcLoadBenchmark.Result agent = results.get(Configuration.AGENT.ordinal());
        JdbcLoadBenchmark.Result url = results.get(Configuration.PRAGMAS_IN_URL.ordinal());
        String load = " at " + writers + "+" + readers + " (jdbc-load)";
        atLeast("writes/s, agent / pragmas in URL" + load, agent.writesPerSecond() / url.writesPerSecond(), 0.98, "");
        atLeast("reads/s, agent / pragmas in URL" + load, agent.readsPerSecond() / url.readsPerSecond(), 0.98, "");
        atLeast("writes/s, agent / defaults" + load, agent.writesPerSecond() / defaults.writesPerSecond(), 5, "×");
        atLeast("reads/s, agent / defaults" + load, agent.readsPerSecond() / defaults.readsPerSecond(), 100, "×");
        noLocks("\"database is locked\" errors with the agent" + load, agent.lockedErrors(), defaults.lockedErrors());
        return this;
    }

    /** The goals of issue 11 for transactions. */
    Targets txLoad(List<TxLoadBenchmark.Result> results) {
        TxLoadBenchmark.Result rw = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_THEN_WRITE,
                TxConfiguration.AGENT);
        TxLoadBenchmark.Result rwNoAgent = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_THEN_WRITE,
                TxConfiguration.NO_AGENT);
        TxLoadBenchmark.Result rwUrl = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_THEN_WRITE,
                TxConfiguration.URL_IMMEDIATE);
        TxLoadBenchmark.Result ro = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_ONLY,
                TxConfiguration.AGENT);
        TxLoadBenchmark.Result roDeferred = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_ONLY,
                TxConfiguration.AGENT_DEFERRED);
        TxLoadBenchmark.Result unmarked = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_UNMARKED,
                TxConfiguration.AGENT);
        TxLoadBenchmark.Result unmarkedNoAgent = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_UNMARKED,
                TxConfiguration.NO_AGENT);
        TxLoadBenchmark.Result wo = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.WRITE_ONLY,
                TxConfiguration.AGENT);
        TxLoadBenchmark.Result woUrl = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.WRITE_ONLY,
                TxConfiguration.URL_IMMEDIATE);
        TxLoadBenchmark.Result rwDeferred = TxLoadBenchmark.find(results, TxLoadBenchmark.Workload.READ_THEN_WRITE,
                TxConfiguration.AGENT_DEFERRED);
        add("failed read-then-write transactions, agent defaults (tx-load)", "0",
                rw.failed() + " (agent DEFERRED: " + rwDeferred.failed() + ", no agent: " + rwNoAgent.failed() + ")",
                rw.failed() == 0);
        atLeast("read-then-write tx/s, agent defaults / IMMEDIATE in URL (tx-load)",
                rw.committedPerSecond() / rwUrl.committedPerSecond(), 0.95, "");
        atLeast("read-only tx/s with setReadOnly(true), agent defaults / agent DEFERRED (tx-load)",
                ro.committedPerSecond() / roDeferred.committedPerSecond(), 0.90, "");
        atLeast("read-only tx/s without setReadOnly, agent defaults / no agent (tx-load)",
                unmarked.committedPerSecond() / unmarkedNoAgent.committedPerSecond(), 1.0, "");
        atLeast("write-only tx/s, agent defaults / IMMEDIATE in URL (tx-load)",
                wo.committedPerSecond() / woUrl.committedPerSecond(), 0.95, "");
        return this;
    }

    /** Results in {@link Configuration} order. */
    Targets httpLoad(List<HttpLoadBenchmark.Result> results) {
        HttpLoadBenchmark.Result defaults = results.get(Configuration.DEFAULTS.ordinal());
        HttpLoadBenchmark.Result agent = results.get(Configuration.AGENT.ordinal());
        HttpLoadBenchmark.Result url = results.get(Configuration.PRAGMAS_IN_URL.ordinal());
        atLeast("requests/s, agent / pragmas in URL (http-load)", agent.requestsPerSecond() / url.requestsPerSecond(),
                0.98, "");
        noLocks("503 \"database is locked\" with the agent (http-load)", agent.lockedErrors(), defaults.lockedErrors());
        return this;
    }

    private void atLeast(String what, double ratio, double goal, String unit) {
        add(what, "≥ " + format(goal < 1 ? "%.2f" : "%.0f", goal) + unit, format("%.3f", ratio) + unit, ratio >= goal);
    }

    /** Zero is the goal; the defaults' count says whether this load was one that locks at all. */
    private void noLocks(String what, long agent, long defaults) {
        add(what, "0 (where defaults have some)", agent + " (defaults: " + defaults + ")", agent == 0);
    }

    private void add(String what, String goal, String measured, boolean met) {
        targets.add(new Target(what, goal, measured, met));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
