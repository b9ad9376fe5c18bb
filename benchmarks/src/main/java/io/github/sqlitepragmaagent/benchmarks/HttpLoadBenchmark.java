package io.github.sqlitepragmaagent.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The panel app over HTTP in the three {@link Configuration}s, loaded by wrk with a mix of reads,
 * creates and setting updates: each run a fresh app JVM on a fresh database and a free port,
 * configurations interleaved round by round.
 */
final class HttpLoadBenchmark {

    /** Panels created before the load, for its reads and setting updates to find. */
    private static final int SEEDED_PANELS = 100;

    /** One run of wrk against a fresh app. */
    record Run(double requestsPerSecond, double p50Millis, double p99Millis, long lockedErrors, long otherNon2xx,
            long socketErrors) {}

    /** Medians over the runs of one configuration; errors are summed over them. */
    record Result(Configuration configuration, double requestsPerSecond, double p50Millis, double p99Millis,
            long lockedErrors, long otherNon2xx, long socketErrors, List<Run> runs) {

        static Result of(Configuration configuration, List<Run> runs) {
            return new Result(configuration, median(runs, Run::requestsPerSecond), median(runs, Run::p50Millis),
                    median(runs, Run::p99Millis), runs.stream().mapToLong(Run::lockedErrors).sum(),
                    runs.stream().mapToLong(Run::otherNon2xx).sum(), runs.stream().mapToLong(Run::socketErrors).sum(), runs);
        }

        private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
            return Stats.median(runs.stream().map(r -> value.applyAsDouble(r)).toList());
        }
    }

    private final Path agentJar;
    private final Path panelAppJar;
    private final int seconds;
    private final int concurrency;
    private final int rounds;

    HttpLoadBenchmark(Path agentJar, Path panelAppJar, int seconds, int concurrency, int rounds) {
        this.agentJar = agentJar;
        this.panelAppJar = panelAppJar;
        this.seconds = seconds;
        this.concurrency = concurrency;
        this.rounds = rounds;
    }

    String describe() {
        return String.format(Locale.ROOT, "examples/panel-app (--serve, a new connection per operation, %d server threads,"
                + " started with -Dsun.net.httpserver.nodelay=true, else each keep-alive response waits ~40 ms) loaded by wrk on %d connections for %d s per run: of every 10 requests 6 GET one panel, 2 POST a new"
                + " panel, 2 PUT a setting, on %d seeded panels. A fresh app JVM, database and port per run; %d round(s),"
                + " configurations interleaved. \"pragmas in URL\" starts the app with its benchmark-only --url-suffix."
                + " Medians over rounds; latency over all requests of the mix; the app answers \"database is locked\" with"
                + " 503; errors summed over rounds.", concurrency, concurrency, seconds, SEEDED_PANELS, rounds);
    }

    List<Result> run() throws Exception {
        Wrk.requireInstalled();
        Map<Configuration, List<Run>> runs = new LinkedHashMap<>();
        Configuration.all().forEach(c -> runs.put(c, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Configuration configuration : Configuration.all()) {
                runs.get(configuration).add(once(configuration));
            }
        }
        List<Result> results = new ArrayList<>();
        runs.forEach((configuration, list) -> results.add(Result.of(configuration, list)));
        return results;
    }

    private Run once(Configuration configuration) throws Exception {
        Path dir = Files.createTempDirectory("http-load");
        Wrk.Result result;
        try (PanelAppServer server = PanelAppServer.start(panelAppJar, configuration.agentJar(agentJar),
                configuration.urlSuffix(), dir.resolve("panels.db"), concurrency, dir.resolve("app.log"))) {
            configuration.verify(server.settings());
            seed(server.baseUrl());
            result = Wrk.run(server.baseUrl(), concurrency, seconds, SEEDED_PANELS, dir);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        return new Run(result.requests() / result.seconds(), result.p50Micros() / 1000, result.p99Micros() / 1000,
                result.locked(), result.otherNon2xx(), result.socketErrors());
    }

    private static void seed(String baseUrl) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 1; i <= SEEDED_PANELS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/panels"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"seed-" + i + "\",\"location\":\"roof\"}"))
                    .header("Content-Type", "application/json")
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("seeding panel " + i + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }
    }
}
