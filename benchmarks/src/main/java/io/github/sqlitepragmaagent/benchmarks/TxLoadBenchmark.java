package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Transactions under contention ({@link TxLoadApp}): three workloads in the four
 * {@link TxConfiguration}s, each run a fresh JVM on a fresh database, workloads and configurations
 * interleaved round by round so that machine noise hits all alike.
 */
final class TxLoadBenchmark {

    enum Workload {
        READ_THEN_WRITE("read-then-write"),
        WRITE_ONLY("write-only"),
        READ_ONLY("read-only"),
        /** Read-only transactions the app does not mark read-only: what IMMEDIATE by default costs them. */
        READ_UNMARKED("read-only-unmarked");

        private final String label;

        Workload(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One run of the subject. */
    record Run(double committedPerSecond, long committed, long failed, long locked, double p99Micros,
            double besidePerSecond, String readOnlyFlag, long balanceDrift) {}

    /** Medians over the runs of one workload in one configuration; counts are summed over them. */
    record Result(Workload workload, TxConfiguration configuration, double committedPerSecond, double failedPercent,
            long failed, long locked, double p99Micros, double besidePerSecond, String readOnlyFlag, long balanceDrift,
            List<Run> runs) {

        static Result of(Workload workload, TxConfiguration configuration, List<Run> runs) {
            long committed = runs.stream().mapToLong(Run::committed).sum();
            long failed = runs.stream().mapToLong(Run::failed).sum();
            return new Result(workload, configuration, median(runs, Run::committedPerSecond),
                    committed + failed == 0 ? 0 : 100.0 * failed / (committed + failed), failed,
                    runs.stream().mapToLong(Run::locked).sum(), median(runs, Run::p99Micros),
                    median(runs, Run::besidePerSecond), runs.get(0).readOnlyFlag(),
                    runs.stream().mapToLong(Run::balanceDrift).map(Math::abs).sum(), runs);
        }

        private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
            return Stats.median(runs.stream().map(r -> value.applyAsDouble(r)).toList());
        }
    }

    private final Path agentJar;
    private final int threads;
    private final int readers;
    private final int seconds;
    private final int rounds;

    TxLoadBenchmark(Path agentJar, int threads, int readers, int seconds, int rounds) {
        this.agentJar = agentJar;
        this.threads = threads;
        this.readers = readers;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    String describe() {
        return String.format(Locale.ROOT, "Short transactions run as Spring runs them on a pooled connection"
                + " (`setAutoCommit(false)`, statements, `commit()`, `setAutoCommit(true)`; read-only ones inside"
                + " `setReadOnly(true)` / `setReadOnly(false)`), back to back, each thread on its own connection;"
                + " a failed transaction is rolled back and counted, not retried. **read-then-write**: %d threads,"
                + " `SELECT` a balance then `UPDATE` it (the JPA read-modify-write); **write-only**: %d threads, two"
                + " `UPDATE`s (a transfer); **read-only**: %d threads of two `SELECT`s with `setReadOnly(true)` beside"
                + " %d write-only threads (their figures are the readers'); **read-only-unmarked**: the same without"
                + " `setReadOnly`, as an app that does not mark its read-only work. %d s per run; a fresh JVM and database per"
                + " run; %d round(s), workloads and configurations interleaved. Medians over rounds (tx/s, p99 of every"
                + " transaction's time, failed ones included); failed %% and counts over all rounds. \"no agent\" has"
                + " the driver's defaults (rollback journal); \"IMMEDIATE in URL\" has the agent's six pragmas and"
                + " `transaction_mode=IMMEDIATE` in the URL, without the agent.", threads, threads, readers,
                TxLoadApp.WRITERS_BESIDE_READERS, seconds, rounds);
    }

    List<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("tx-load");
        Map<Workload, Map<TxConfiguration, List<Run>>> runs = new LinkedHashMap<>();
        for (Workload workload : Workload.values()) {
            Map<TxConfiguration, List<Run>> byConfiguration = new LinkedHashMap<>();
            TxConfiguration.all().forEach(c -> byConfiguration.put(c, new ArrayList<>()));
            runs.put(workload, byConfiguration);
        }
        for (int round = 0; round < rounds; round++) {
            for (Workload workload : Workload.values()) {
                for (TxConfiguration configuration : TxConfiguration.all()) {
                    Path db = dir.resolve("tx-" + round + "-" + workload.ordinal() + "-" + configuration.ordinal() + ".db");
                    runs.get(workload).get(configuration).add(once(workload, configuration, db));
                    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                        Files.deleteIfExists(Path.of(db + suffix));
                    }
                }
            }
        }
        Files.delete(dir);
        List<Result> results = new ArrayList<>();
        runs.forEach((workload, byConfiguration) -> byConfiguration.forEach((configuration, list) ->
                results.add(Result.of(workload, configuration, list))));
        return results;
    }

    private Run once(Workload workload, TxConfiguration configuration, Path db) throws Exception {
        List<String> command = Jvm.command(configuration.agentJar(agentJar), configuration.agentArguments(), List.of(),
                TxLoadApp.class, db.toString(), configuration.urlSuffix(), workload.label(), Integer.toString(threads),
                Integer.toString(readers), Long.toString(seconds * 1000L));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("settings ")) {
                    configuration.verify(KeyValues.parse(line.substring("settings ".length())));
                } else if (line.startsWith("result ")) {
                    result = KeyValues.parse(line.substring("result ".length()));
                } else if (line.startsWith("error ")) {
                    System.err.println("tx-load, " + workload.label() + ", " + configuration.label() + ": " + line);
                }
            }
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("tx-load subject failed: " + command);
            }
        } finally {
            process.destroyForcibly();
        }
        double elapsed = Double.parseDouble(result.get("seconds"));
        long committed = Long.parseLong(result.get("committed"));
        return new Run(committed / elapsed, committed, Long.parseLong(result.get("failed")),
                Long.parseLong(result.get("locked")), Double.parseDouble(result.get("p99_us")),
                Long.parseLong(result.get("beside_committed")) / elapsed, result.get("read_only_flag"),
                Long.parseLong(result.get("balance_drift")));
    }

    /** The result of one workload in one configuration. */
    static Result find(List<Result> results, Workload workload, TxConfiguration configuration) {
        return results.stream().filter(r -> r.workload() == workload && r.configuration() == configuration).findFirst()
                .orElseThrow();
    }
}
