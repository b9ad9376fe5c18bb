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
 * Concurrent JDBC throughput and latency of the same subject ({@link LoadApp}) in the three
 * {@link Configuration}s: each run a fresh JVM on a fresh database, configurations interleaved
 * round by round so that machine noise hits all three alike.
 */
final class JdbcLoadBenchmark {

    /** One run of the subject. */
    record Run(double writesPerSecond, double readsPerSecond, double writeP50Micros, double writeP99Micros,
            double readP50Micros, double readP99Micros, long lockedErrors, long otherErrors) {}

    /** Medians over the runs of one configuration; errors are summed over them. */
    record Result(Configuration configuration, double writesPerSecond, double readsPerSecond, double writeP50Micros,
            double writeP99Micros, double readP50Micros, double readP99Micros, long lockedErrors, long otherErrors,
            List<Run> runs) {

        static Result of(Configuration configuration, List<Run> runs) {
            return new Result(configuration, median(runs, Run::writesPerSecond), median(runs, Run::readsPerSecond),
                    median(runs, Run::writeP50Micros), median(runs, Run::writeP99Micros), median(runs, Run::readP50Micros),
                    median(runs, Run::readP99Micros), runs.stream().mapToLong(Run::lockedErrors).sum(),
                    runs.stream().mapToLong(Run::otherErrors).sum(), runs);
        }

        private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
            return Stats.median(runs.stream().map(r -> value.applyAsDouble(r)).toList());
        }
    }

    private final Path agentJar;
    private final int writers;
    private final int readers;
    private final int seconds;
    private final int rounds;

    JdbcLoadBenchmark(Path agentJar, int writers, int readers, int seconds, int rounds) {
        this.agentJar = agentJar;
        this.writers = writers;
        this.readers = readers;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    int writers() {
        return writers;
    }

    int readers() {
        return readers;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d writer threads (one-row autocommit inserts) and %d reader threads (latest row"
                + " of a key, through an index), each with its own connection, %d s per run; a fresh JVM and database per"
                + " run; %d round(s), configurations interleaved. Medians over rounds; latency of every attempt, failed"
                + " ones included; errors summed over rounds.", writers, readers, seconds, rounds);
    }

    List<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("jdbc-load");
        Map<Configuration, List<Run>> runs = new LinkedHashMap<>();
        Configuration.jdbcLoad().forEach(c -> runs.put(c, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Configuration configuration : Configuration.jdbcLoad()) {
                Path db = dir.resolve("load-" + round + "-" + configuration.ordinal() + ".db");
                runs.get(configuration).add(once(configuration, db));
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    Files.deleteIfExists(Path.of(db + suffix));
                }
            }
        }
        Files.delete(dir);
        List<Result> results = new ArrayList<>();
        runs.forEach((configuration, list) -> results.add(Result.of(configuration, list)));
        return results;
    }

    private Run once(Configuration configuration, Path db) throws Exception {
        List<String> command = Jvm.command(configuration.agentJar(agentJar), configuration.agentArguments(), List.of(), LoadApp.class, db.toString(),
                configuration.urlSuffix(), Integer.toString(writers), Integer.toString(readers),
                Long.toString(seconds * 1000L));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("settings ")) {
                    configuration.verify(KeyValues.parse(line.substring("settings ".length())));
                } else if (line.startsWith("result ")) {
                    result = KeyValues.parse(line.substring("result ".length()));
                } else if (line.startsWith("error ")) {
                    System.err.println("jdbc-load, " + configuration.label() + ": " + line);
                }
            }
            if (process.waitFor() != 0 || result == null) {
                throw new IllegalStateException("jdbc-load subject failed: " + command);
            }
        } finally {
            process.destroyForcibly();
        }
        double elapsed = Double.parseDouble(result.get("seconds"));
        return new Run(Long.parseLong(result.get("writes")) / elapsed, Long.parseLong(result.get("reads")) / elapsed,
                Double.parseDouble(result.get("write_p50_us")), Double.parseDouble(result.get("write_p99_us")),
                Double.parseDouble(result.get("read_p50_us")), Double.parseDouble(result.get("read_p99_us")),
                Long.parseLong(result.get("locked")), Long.parseLong(result.get("other_errors")));
    }
}
