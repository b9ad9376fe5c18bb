package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opening connections in the first second of a fresh JVM, where {@code open-cost} (JMH, after warm-up)
 * does not look: the six pragmas in the URL vs a plain URL under the agent, each run a fresh JVM on a
 * fresh database ({@link FirstOpensApp}), variants interleaved.
 */
final class FirstOpensBenchmark {

    /** Medians over rounds; the rounds' opens in the first second for the spread. */
    record Result(String variant, double firstMicros, double first100Micros, double opensPerSecond, List<Double> opensRounds) {}

    private final Path agentJar;
    private final int rounds;

    FirstOpensBenchmark(Path agentJar, int rounds) {
        this.agentJar = agentJar;
        this.rounds = rounds;
    }

    String describe() {
        return "A fresh JVM opens one connection and keeps it (its time: the first connection), then opens and closes"
                + " connections back to back for 1 s (the mean of the first 100; how many in the second); a fresh JVM"
                + " and database per run, " + rounds + " round(s), variants interleaved. Medians over rounds.";
    }

    List<Result> run() throws Exception {
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        runs.put("six pragmas in the URL", new ArrayList<>());
        runs.put("plain URL under the agent", new ArrayList<>());
        Path dir = Files.createTempDirectory("first-opens");
        for (int round = 0; round < rounds; round++) {
            int n = 0;
            for (Map.Entry<String, List<double[]>> variant : runs.entrySet()) {
                boolean agent = n++ == 1;
                Path db = dir.resolve("r" + round + "-" + n + ".db");
                variant.getValue().add(once(agent ? agentJar : null, agent ? "" : OpenConnectionBenchmark.HAND_TUNED, db));
            }
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        List<Result> results = new ArrayList<>();
        runs.forEach((variant, list) -> {
            List<Double> opens = list.stream().map(r -> r[2]).toList();
            results.add(new Result(variant, Stats.median(list.stream().map(r -> r[0]).toList()),
                    Stats.median(list.stream().map(r -> r[1]).toList()), Stats.median(opens), opens));
        });
        return results;
    }

    /** {first µs, mean µs of the next 100, opens in 1 s} of one fresh JVM. */
    private double[] once(Path agent, String urlSuffix, Path db) throws Exception {
        List<String> command = Jvm.command(agent, List.of(), FirstOpensApp.class, db.toString(), urlSuffix, "1000");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("result ")) {
                    result = KeyValues.parse(line.substring("result ".length()));
                }
            }
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("first-opens subject failed: " + command);
            }
        } finally {
            process.destroyForcibly();
        }
        return new double[] {Double.parseDouble(result.get("first_us")), Double.parseDouble(result.get("first100_us")),
                Double.parseDouble(result.get("opens"))};
    }
}
