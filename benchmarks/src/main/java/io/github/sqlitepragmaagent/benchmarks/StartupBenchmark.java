package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up and memory with and without the agent: a hello-world that opens one connection, run
 * in fresh JVMs, the two variants interleaved so that machine noise hits both alike.
 */
final class StartupBenchmark {

    /** Medians of one variant. */
    record Result(String variant, double startupMillis, double rssKb, double heapKb, double metaspaceKb, List<Long> runs) {}

    private final Path agentJar;
    private final int runs;

    StartupBenchmark(Path agentJar, int runs) {
        this.agentJar = agentJar;
        this.runs = runs;
    }

    String describe() {
        return runs + " fresh JVMs per variant after 2 warm-up runs each, variants interleaved: a hello-world that opens"
                + " one connection and reads one pragma. Start to end of main as seen by the parent; peak RSS (VmHWM), heap"
                + " used and metaspace as the subject reports them. Medians.";
    }

    List<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("startup-bench");
        Map<String, Path> variants = new java.util.LinkedHashMap<>();
        variants.put("without agent", null);
        variants.put("with agent", agentJar);
        Map<String, List<long[]>> samples = new java.util.LinkedHashMap<>();
        variants.keySet().forEach(v -> samples.put(v, new ArrayList<>()));
        for (int warmup = 0; warmup < 2; warmup++) {
            for (Map.Entry<String, Path> variant : variants.entrySet()) {
                once(variant.getValue(), dir.resolve("warm.db"));
            }
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Path> variant : variants.entrySet()) {
                samples.get(variant.getKey()).add(once(variant.getValue(), dir.resolve("hello-" + i + ".db")));
            }
        }
        List<Result> results = new ArrayList<>();
        samples.forEach((variant, list) -> results.add(new Result(variant,
                Stats.median(list.stream().map(s -> s[0] / 1e6).toList()),
                Stats.median(list.stream().map(s -> s[1]).toList()),
                Stats.median(list.stream().map(s -> s[2]).toList()),
                Stats.median(list.stream().map(s -> s[3]).toList()),
                list.stream().map(s -> s[0] / 1_000_000).toList())));
        return results;
    }

    /** {nanoseconds to the end of main, rss kB, heap kB, metaspace kB} of one fresh JVM. */
    private long[] once(Path agent, Path db) throws Exception {
        List<String> command = Jvm.command(agent, List.of(), HelloApp.class, db.toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long mainDone = -1;
        long[] memory = {-1, -1, -1};
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("main-done")) {
                    mainDone = System.nanoTime() - start;
                } else if (line.startsWith("memory ")) {
                    String[] fields = line.substring("memory ".length()).split(" ");
                    for (int i = 0; i < 3; i++) {
                        memory[i] = Long.parseLong(fields[i].substring(fields[i].indexOf('=') + 1));
                    }
                }
            }
        }
        if (process.waitFor() != 0 || mainDone < 0) {
            throw new IllegalStateException("start-up subject failed: " + command);
        }
        return new long[] {mainDone, memory[0], memory[1], memory[2]};
    }
}
