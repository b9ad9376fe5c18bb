package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What audits cost on a ~100 MB database: how long {@code quick_check} and {@code integrity_check}
 * take, and an app's write throughput while integrity audits run back to back vs with audits off,
 * in WAL mode and in rollback-journal mode. Each run is a fresh JVM under the agent; rounds interleave.
 */
final class AuditImpactBenchmark {

    record Check(String pragma, double millis) {}

    record Throughput(String journalMode, String audits, double writesPerSecond, long errors, List<Double> rounds) {}

    private final Path agentJar;
    private final int rounds;
    private final int megabytes;
    private final long windowMillis;

    AuditImpactBenchmark(Path agentJar, int rounds, int megabytes, long windowMillis) {
        this.agentJar = agentJar;
        this.rounds = rounds;
        this.megabytes = megabytes;
        this.windowMillis = windowMillis;
    }

    /** Creates a database of about {@code megabytes} MB: 1 KB rows and an index. */
    static Path createDatabase(Path file, int megabytes, String journalMode) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode=" + journalMode).close();
            statement.executeUpdate("CREATE TABLE big(k TEXT, v BLOB)");
            statement.executeUpdate("INSERT INTO big SELECT hex(randomblob(8)), randomblob(1000) FROM (WITH RECURSIVE"
                    + " n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + megabytes * 900 + ") SELECT i FROM n)");
            statement.executeUpdate("CREATE INDEX big_k ON big(k)");
        }
        return file;
    }

    List<Check> checks(Path db) throws Exception {
        List<Check> checks = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement()) {
            for (String pragma : List.of("quick_check", "integrity_check")) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    try (ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
                        result.next();
                    }
                    times.add((System.nanoTime() - start) / 1e6);
                }
                checks.add(new Check(pragma, Stats.median(times)));
            }
        }
        return checks;
    }

    List<Throughput> throughput(Path dir) throws Exception {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("wal|off", "audit.enabled=false");
        variants.put("wal|back to back", "audit.delay=0s,audit.integrity=quick,audit.integrity.interval=1s");
        variants.put("delete|off", "journal_mode=DELETE,audit.enabled=false");
        variants.put("delete|back to back", "journal_mode=DELETE,audit.delay=0s,audit.integrity=quick,audit.integrity.interval=1s");
        Map<String, Path> databases = new LinkedHashMap<>();
        databases.put("wal", createDatabase(dir.resolve("impact-wal.db"), megabytes, "wal"));
        databases.put("delete", createDatabase(dir.resolve("impact-delete.db"), megabytes, "delete"));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        variants.keySet().forEach(v -> {
            rates.put(v, new ArrayList<>());
            errors.put(v, 0L);
        });
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                Path db = databases.get(variant.getKey().split("\\|")[0]);
                long[] result = write(db, variant.getValue());
                rates.get(variant.getKey()).add(result[0] / (windowMillis / 1000.0));
                errors.merge(variant.getKey(), result[1], Long::sum);
            }
        }
        List<Throughput> results = new ArrayList<>();
        rates.forEach((variant, list) -> {
            String[] parts = variant.split("\\|");
            results.add(new Throughput(parts[0], parts[1], Stats.median(list), errors.get(variant), list));
        });
        return results;
    }

    /** {writes, errors} of one fresh writer JVM under the agent with {@code agentArguments}. */
    private long[] write(Path db, String agentArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.JAVA, "-javaagent:" + agentJar + "=" + agentArguments,
                "-cp", Jvm.CLASS_PATH, WriterApp.class.getName(), db.toString(), Long.toString(windowMillis)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] result = {-1, -1};
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("writes=")) {
                    String[] fields = line.split(" ");
                    result[0] = Long.parseLong(fields[0].substring("writes=".length()));
                    result[1] = Long.parseLong(fields[1].substring("errors=".length()));
                }
            }
        }
        if (process.waitFor() != 0 || result[0] < 0) {
            throw new IllegalStateException("writer failed: " + command);
        }
        return result;
    }

    static Path tempDir() throws Exception {
        return Files.createTempDirectory("audit-impact");
    }
}
