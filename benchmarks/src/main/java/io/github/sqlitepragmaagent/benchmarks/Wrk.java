package io.github.sqlitepragmaagent.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The HTTP load generator wrk, driven by {@code panel-mix.lua}, the panel app's mixed workload. */
final class Wrk {

    /** What one wrk run reports: latencies over all requests of the mix. */
    record Result(long requests, double seconds, double p50Micros, double p99Micros, long locked, long otherNon2xx,
            long socketErrors) {}

    private Wrk() {}

    private static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    static void requireInstalled() {
        if (!installed()) {
            throw new IllegalStateException("http-load needs wrk on the PATH: apt-get install -y wrk"
                    + " (benchmarks/run-benchmarks.sh installs it)");
        }
    }

    /**
     * Runs the mix against {@code baseUrl} for {@code seconds} on {@code connections} connections; reads
     * and settings go to panels 1..{@code seededPanels}. A request that waits 10 s counts as a timeout.
     */
    static Result run(String baseUrl, int connections, int seconds, int seededPanels, Path dir) throws Exception {
        Path script = dir.resolve("panel-mix.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/panel-mix.lua")) {
            Files.write(script, in.readAllBytes());
        }
        // Two threads at most: the server under test needs the machine's other cores.
        int threads = connections % 2 == 0 ? 2 : 1;
        List<String> command = List.of("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(connections),
                "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(), baseUrl, "--",
                Integer.toString(seededPanels));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("wrk-result ")) {
            throw new IllegalStateException("wrk failed: " + command + "\n" + output);
        }
        String line = output.substring(output.indexOf("wrk-result ") + "wrk-result ".length()).lines().findFirst().orElseThrow();
        Map<String, String> values = KeyValues.parse(line);
        return new Result(Long.parseLong(values.get("requests")), Long.parseLong(values.get("duration_us")) / 1e6,
                Double.parseDouble(values.get("p50_us")), Double.parseDouble(values.get("p99_us")),
                Long.parseLong(values.get("locked")), Long.parseLong(values.get("other_non2xx")),
                Long.parseLong(values.get("socket_errors")));
    }
}
