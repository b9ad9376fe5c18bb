package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Opening a tuned connection under the agent vs opening one with the same six pragmas in the URL
 * vs an untuned one: one JMH fork per variant and round, rounds interleaved.
 */
final class OpenCostBenchmark {

    /** Medians over rounds of JMH's average time per open-and-close, in microseconds. */
    record Result(String variant, double microsPerOpen, List<Double> rounds) {}

    private final Path agentJar;
    private final int rounds;
    private final int warmupIterations;
    private final int measurementIterations;

    /** {@code quick}: 1 warm-up and 2 measured iterations per fork instead of 3 and 5, for a smoke test. */
    OpenCostBenchmark(Path agentJar, int rounds, boolean quick) {
        this.agentJar = agentJar;
        this.rounds = rounds;
        this.warmupIterations = quick ? 1 : 3;
        this.measurementIterations = quick ? 2 : 5;
    }

    String describe() {
        return "JMH average time of DriverManager.getConnection + close, while another connection keeps the database"
                + " open (as a pool would); one fork per variant and round, " + warmupIterations + " warm-up and "
                + measurementIterations + " measured iterations of 1 s; " + rounds + " round(s), variants interleaved."
                + " Medians over rounds.";
    }

    List<Result> run() throws Exception {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("untuned URL", List.of("-Dbench.url.suffix="));
        variants.put("six pragmas in the URL", List.of("-Dbench.url.suffix=" + OpenConnectionBenchmark.HAND_TUNED));
        variants.put("plain URL under the agent", List.of("-javaagent:" + agentJar, "-Dbench.url.suffix="));
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        variants.keySet().forEach(v -> scores.put(v, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Options options = new OptionsBuilder()
                        .include(OpenConnectionBenchmark.class.getName() + ".openAndClose")
                        .forks(1)
                        .warmupIterations(warmupIterations)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(measurementIterations)
                        .measurementTime(TimeValue.seconds(1))
                        .jvmArgsAppend(variant.getValue().toArray(new String[0]))
                        .shouldDoGC(false)
                        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                        .build();
                for (RunResult result : new Runner(options).run()) {
                    scores.get(variant.getKey()).add(result.getPrimaryResult().getScore());
                }
            }
        }
        List<Result> results = new ArrayList<>();
        scores.forEach((variant, list) -> results.add(new Result(variant, Stats.median(list), list)));
        return results;
    }
}
