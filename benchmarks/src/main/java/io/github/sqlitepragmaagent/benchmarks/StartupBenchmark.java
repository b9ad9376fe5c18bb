package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent adds to a whole JVM process, the way users feel it: wall time from launch to exit,
 * CPU time and peak RSS, for three apps — a hello-world that opens one connection at once, the Spring
 * Boot fat jar of {@code test-apps/boot-app} (HikariCP, a few queries, then exit), and an app that
 * never opens SQLite — and for the hello-world beside the agents production JVMs already run (the
 * Prometheus JMX exporter; the OpenTelemetry Java agent, listed before and after this one), where the
 * baseline is the other agent alone. Fresh JVMs, with and without the agent interleaved so that
 * machine noise hits both alike; medians, and the spread of the wall times.
 */
final class StartupBenchmark {

    /** The subjects. */
    enum App {
        HELLO("hello app (opens one connection at once)"),
        SPRING_BOOT("Spring Boot app (boot-app fat jar, HikariCP)"),
        NO_SQLITE("app that never opens SQLite"),
        HELLO_BESIDE_EXPORTER("hello app beside the Prometheus JMX exporter 1.0.1", Beside.EXPORTER),
        HELLO_BESIDE_OTEL_FIRST("hello app beside the OpenTelemetry agent 2.22.0, listed first", Beside.OTEL_FIRST),
        HELLO_BESIDE_OTEL_AFTER("hello app beside the OpenTelemetry agent 2.22.0, listed after", Beside.OTEL_AFTER);

        final String label;
        /** The other agent in the command line, or null. */
        final Beside beside;

        App(String label) {
            this(label, null);
        }

        App(String label, Beside beside) {
            this.label = label;
            this.beside = beside;
        }
    }

    /** Another agent, and where its -javaagent goes: before this agent's or after it. */
    enum Beside {
        EXPORTER("exporter alone", false),
        OTEL_FIRST("OpenTelemetry alone", true),
        OTEL_AFTER("OpenTelemetry alone", false);

        final String alone;
        final boolean first;

        Beside(String alone, boolean first) {
            this.alone = alone;
            this.first = first;
        }
    }

    /** Medians of one app in one variant. */
    record Result(App app, String variant, double wallMillis, double cpuMillis, double rssKb, List<Long> wallRuns) {
        double wallSpreadMillis() {
            return wallRuns.stream().mapToLong(Long::longValue).max().orElse(0) - wallRuns.stream().mapToLong(Long::longValue).min().orElse(0);
        }
    }

    private final Path agentJar;
    private final Path bootAppJar;
    private final int runs;

    StartupBenchmark(Path agentJar, Path bootAppJar, int runs) {
        this.agentJar = agentJar;
        this.bootAppJar = bootAppJar;
        this.runs = runs;
    }

    String describe() {
        return runs + " fresh JVMs per app and variant after 2 warm-up runs each, with and without the agent interleaved."
                + " Whole process: wall time from launch to exit as seen by the parent, CPU time (user + system) and peak RSS"
                + " (VmHWM) read by the process as it shuts down. Medians; the spread is the wall time's max - min.";
    }

    List<Result> run() throws Exception {
        Path dir = Files.createTempDirectory("startup-bench");
        Path launcherDir = launcherOnly(dir);
        List<Result> results = new ArrayList<>();
        for (App app : App.values()) {
            List<long[]> without = new ArrayList<>();
            List<long[]> with = new ArrayList<>();
            for (int i = -2; i < runs; i++) {
                long[] plain = once(app, null, launcherDir, dir.resolve(app + "-plain-" + i + ".db"));
                long[] agent = once(app, agentJar, launcherDir, dir.resolve(app + "-agent-" + i + ".db"));
                if (i >= 0) {
                    without.add(plain);
                    with.add(agent);
                }
            }
            results.add(result(app, app.beside == null ? "without agent" : app.beside.alone, without));
            results.add(result(app, app.beside == null ? "with agent" : "with agent beside it", with));
        }
        return results;
    }

    private static Result result(App app, String variant, List<long[]> samples) {
        return new Result(app, variant, Stats.median(samples.stream().map(s -> s[0] / 1e6).toList()),
                Stats.median(samples.stream().map(s -> s[1]).toList()), Stats.median(samples.stream().map(s -> s[2]).toList()),
                samples.stream().map(s -> s[0] / 1_000_000).toList());
    }

    /** The other agent's -javaagent option; the exporter listens on a free loopback port of each run. */
    private static String otherAgent(Beside beside) throws IOException {
        if (beside == Beside.EXPORTER) {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            return "-javaagent:" + Jvm.otherAgentJar("jmx_prometheus_javaagent") + "=127.0.0.1:" + port + ":" + Jvm.exporterConfig();
        }
        return "-javaagent:" + Jvm.otherAgentJar("opentelemetry-javaagent");
    }

    /** A folder holding MeasuredMain alone, to put in front of an app without this jar's own libraries. */
    private static Path launcherOnly(Path dir) throws IOException {
        String name = MeasuredMain.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve("launcher").resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = MeasuredMain.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        for (String inner : List.of("$1")) {
            String innerName = name.replace(".class", inner + ".class");
            try (InputStream in = MeasuredMain.class.getClassLoader().getResourceAsStream(innerName)) {
                Files.copy(in, dir.resolve("launcher").resolve(innerName));
            }
        }
        return dir.resolve("launcher");
    }

    /** {wall nanoseconds from launch to exit, cpu ms, peak rss kB} of one fresh JVM. */
    private long[] once(App app, Path agent, Path launcherDir, Path db) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Jvm.JAVA);
        String other = app.beside == null ? null : otherAgent(app.beside);
        if (other != null && app.beside.first) {
            command.add(other);
        }
        if (agent != null) {
            command.add("-javaagent:" + agent);
        }
        if (other != null && !app.beside.first) {
            command.add(other);
        }
        if (app.beside == Beside.OTEL_FIRST || app.beside == Beside.OTEL_AFTER) {
            // Spans to the console, nothing over the network.
            command.addAll(List.of("-Dotel.traces.exporter=logging", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
        }
        command.add("-cp");
        switch (app) {
            case HELLO, HELLO_BESIDE_EXPORTER, HELLO_BESIDE_OTEL_FIRST, HELLO_BESIDE_OTEL_AFTER -> command.addAll(List.of(Jvm.CLASS_PATH, MeasuredMain.class.getName(), HelloApp.class.getName(),
                    db.toString(), "--no-memory"));
            case NO_SQLITE -> command.addAll(List.of(Jvm.CLASS_PATH, MeasuredMain.class.getName(), NoSqliteApp.class.getName()));
            case SPRING_BOOT -> command.addAll(List.of(launcherDir + java.io.File.pathSeparator + bootAppJar,
                    MeasuredMain.class.getName(), "org.springframework.boot.loader.launch.JarLauncher",
                    "--spring.datasource.url=jdbc:sqlite:" + db, "--spring.main.banner-mode=off"));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] measured = {-1, -1};
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("measured cpu_ms=")) {
                    String[] fields = line.substring("measured ".length()).split(" ");
                    measured[0] = Long.parseLong(fields[0].substring(fields[0].indexOf('=') + 1));
                    measured[1] = Long.parseLong(fields[1].substring(fields[1].indexOf('=') + 1));
                }
            }
        }
        int status = process.waitFor();
        long wall = System.nanoTime() - start;
        if (status != 0 || measured[0] < 0) {
            throw new IllegalStateException("start-up subject failed (exit " + status + "): " + command);
        }
        return new long[] {wall, measured[0], measured[1]};
    }
}
