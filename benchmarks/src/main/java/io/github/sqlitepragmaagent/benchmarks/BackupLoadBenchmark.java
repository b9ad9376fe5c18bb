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
import java.util.stream.Stream;

/**
 * What the agent's WAL care costs the app's writes, on a database of {@code --megabytes} MB (200 for the
 * issue's target): one writer JVM under the agent per run, rounds interleaved, each variant against its
 * own baseline in the same round.
 *
 * <ul>
 * <li>backups: writes/s with a scheduled backup started every 2 s (at 200 MB one runs most of the time:
 *     copy, integrity_check of the copy, rename; the next starts 2 s after the previous was handed over) vs {@code backup.dir} unset;</li>
 * <li>checkpoints: writes/s of a writer that writes in bursts (500 ms on, 500 ms off) with idle checkpoints
 *     at their shortest ({@code checkpoint.idle=200ms}, one in each pause) vs {@code checkpoint.idle=off};</li>
 * <li>methods (no agent): SQLite's backup API in one step vs {@code VACUUM INTO} vs the driver's default of 100
 *     pages per step, copying back to back beside a writer: writes/s, how long a copy takes (how long it pins
 *     the WAL) and the largest {@code -wal} seen. This is what chose the agent's method.</li>
 * </ul>
 */
final class BackupLoadBenchmark {

    record Result(String part, String variant, double writesPerSecond, List<Double> rounds, String detail) {}

    private final Path agentJar;
    private final int rounds;
    private final int megabytes;
    private final long windowMillis;

    BackupLoadBenchmark(Path agentJar, int rounds, int megabytes, long windowMillis) {
        this.agentJar = agentJar;
        this.rounds = rounds;
        this.megabytes = megabytes;
        this.windowMillis = windowMillis;
    }

    List<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("backup-load");
        try {
            Path pristine = AuditImpactBenchmark.createDatabase(dir.resolve("pristine.db"), megabytes, "wal");
            Path db = dir.resolve("load.db");
            System.out.printf(Locale.ROOT, "database: %.1f MB%n", Files.size(pristine) / 1e6);
            String quiet = "audit.enabled=false";
            Map<String, String[]> variants = new LinkedHashMap<>();
            variants.put("backups|off", new String[] {quiet + ",checkpoint.idle=off"});
            variants.put("backups|every 2s", new String[] {quiet + ",checkpoint.idle=off,backup.dir=" + dir.resolve("backups")
                    + ",backup.interval=2s,backup.keep=2"});
            variants.put("checkpoints|checkpoint.idle=off", new String[] {quiet + ",checkpoint.idle=off", "500", "500"});
            variants.put("checkpoints|checkpoint.idle=200ms", new String[] {quiet + ",checkpoint.idle=200ms", "500", "500"});
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            variants.keySet().forEach(v -> rates.put(v, new ArrayList<>()));
            Map<String, List<Double>> methodRates = new LinkedHashMap<>();
            Map<String, String> methodDetail = new LinkedHashMap<>();
            for (String method : List.of("none", "backup-api", "vacuum-into", "backup-api-100")) {
                methodRates.put(method, new ArrayList<>());
            }
            List<Map.Entry<String, String[]>> order = new ArrayList<>(variants.entrySet());
            for (int round = 0; round < rounds; round++) {
                // Each round starts with the next variant, and every run starts from the same copy of the database
                // (it grows by about 90 MB per 15 s of writes: a variant that ran later got a larger file).
                for (int turn = 0; turn < order.size(); turn++) {
                    Map.Entry<String, String[]> variant = order.get((turn + round) % order.size());
                    fresh(pristine, db);
                    String[] spec = variant.getValue();
                    List<String> args = new ArrayList<>(List.of(db.toString(), Long.toString(windowMillis)));
                    for (int i = 1; i < spec.length; i++) {
                        args.add(spec[i]);
                    }
                    Map<String, String> out = run(List.of("-javaagent:" + agentJar + "=" + spec[0]), BurstWriterApp.class, args);
                    rates.get(variant.getKey()).add(Long.parseLong(out.get("writes")) / (windowMillis / 1000.0));
                }
                for (String method : methodRates.keySet()) {
                    fresh(pristine, db);
                    Map<String, String> out = run(List.of(), BackupMethodApp.class,
                            List.of(db.toString(), Long.toString(windowMillis), method));
                    methodRates.get(method).add(Long.parseLong(out.get("writes")) / (windowMillis / 1000.0));
                    methodDetail.put(method, out.get("copies") + " copies, " + out.get("copy_ms") + " ms each, largest -wal "
                            + String.format(Locale.ROOT, "%.1f MB", Long.parseLong(out.get("max_wal")) / 1e6));
                }
            }
            List<Result> results = new ArrayList<>();
            rates.forEach((variant, list) -> {
                String[] parts = variant.split("\\|");
                results.add(new Result(parts[0], parts[1], Stats.median(list), list, ""));
            });
            methodRates.forEach((method, list) -> results.add(new Result("methods", method, Stats.median(list), list,
                    methodDetail.get(method))));
            return results;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Puts the database back as it was created, between two runs (no process has it open then). */
    private static void fresh(Path pristine, Path db) throws java.io.IOException {
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        Files.copy(pristine, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The {@code key=value} fields of the last line of a fresh JVM running {@code main}. */
    private static Map<String, String> run(List<String> jvmOptions, Class<?> main, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jvm.JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", Jvm.CLASS_PATH, main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> fields = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("writes=")) {
                    for (String field : line.split(" ")) {
                        int equals = field.indexOf('=');
                        fields.put(field.substring(0, equals), field.substring(equals + 1));
                    }
                }
            }
        }
        if (process.waitFor() != 0 || !fields.containsKey("writes")) {
            throw new IllegalStateException("writer failed: " + command);
        }
        return fields;
    }

    /** The table, and the ratios the issue asks for. */
    static String markdown(BackupLoadBenchmark benchmark, List<Result> results) {
        StringBuilder out = new StringBuilder("## backup-load: app writes during backups and checkpoints\n\n");
        out.append(String.format(Locale.ROOT, "Database of %d MB, %d s per run, %d round(s), median writes/s.%n%n",
                benchmark.megabytes, benchmark.windowMillis / 1000, benchmark.rounds));
        out.append("| part | variant | writes/s | rounds | copies |\n|---|---|---:|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %s | %s |%n", r.part(), r.variant(), r.writesPerSecond(),
                    r.rounds().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(), r.detail()));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "- writes during backups / without: **%.3f** (goal >= 0.9)%n",
                ratio(results, "backups", "every 2s", "off")));
        out.append(String.format(Locale.ROOT, "- writes with idle checkpoints / checkpoint.idle=off: **%.3f** (goal >= 0.9)%n",
                ratio(results, "checkpoints", "checkpoint.idle=200ms", "checkpoint.idle=off")));
        out.append(String.format(Locale.ROOT, "- copying back to back, writes / without copies: backup API in one step %.3f,"
                + " VACUUM INTO %.3f, backup API 100 pages per step %.3f%n", ratio(results, "methods", "backup-api", "none"),
                ratio(results, "methods", "vacuum-into", "none"), ratio(results, "methods", "backup-api-100", "none")));
        return out.toString();
    }

    private static double ratio(List<Result> results, String part, String variant, String baseline) {
        return find(results, part, variant) / find(results, part, baseline);
    }

    private static double find(List<Result> results, String part, String variant) {
        return results.stream().filter(r -> r.part().equals(part) && r.variant().equals(variant)).findFirst()
                .map(Result::writesPerSecond).orElse(Double.NaN);
    }
}
