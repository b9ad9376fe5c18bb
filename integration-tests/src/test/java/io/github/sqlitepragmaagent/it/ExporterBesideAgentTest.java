package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.BesideAgentsApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus JMX exporter (1.0.1) beside the agent, with the configuration the README shows
 * (docs/prometheus-jmx-exporter.yaml): a scrape of /metrics on loopback after a workload has the
 * documented series, typed, with plain path labels and fresh values; a database the app stopped using
 * leaves the scrape after audit.idle.forget and comes back when the app opens it again.
 */
class ExporterBesideAgentTest {

    /** Every series the configuration makes, with its Prometheus type: what the README lists. */
    static final Map<String, String> SERIES = new LinkedHashMap<>();

    static {
        SERIES.put("sqlite_agent_connections_tuned_total", "counter");
        SERIES.put("sqlite_agent_pragma_failures_total", "counter");
        SERIES.put("sqlite_agent_databases", "gauge");
        SERIES.put("sqlite_agent_jvm_lock_errors_total", "counter");
        SERIES.put("sqlite_agent_lock_errors_total", "counter");
        SERIES.put("sqlite_agent_readonly_immediate_commits_total", "counter");
        SERIES.put("sqlite_agent_audits_total", "counter");
        SERIES.put("sqlite_agent_file_bytes", "gauge");
        SERIES.put("sqlite_agent_wal_bytes", "gauge");
        SERIES.put("sqlite_agent_shm_bytes", "gauge");
        SERIES.put("sqlite_agent_reclaimable_bytes", "gauge");
        SERIES.put("sqlite_agent_wal_mode", "gauge");
        SERIES.put("sqlite_agent_integrity_ok", "gauge");
        SERIES.put("sqlite_agent_foreign_key_violations", "gauge");
        SERIES.put("sqlite_agent_last_audit_level", "gauge");
        SERIES.put("sqlite_agent_last_audit_age_seconds", "gauge");
        SERIES.put("sqlite_agent_last_integrity_check_age_seconds", "gauge");
        SERIES.put("sqlite_agent_open_connections", "gauge");
        SERIES.put("sqlite_agent_last_checkpoint_timestamp_seconds", "gauge");
        SERIES.put("sqlite_agent_last_checkpoint_wal_bytes", "gauge");
        SERIES.put("sqlite_agent_wal_pinned", "gauge");
        SERIES.put("sqlite_agent_last_backup_timestamp_seconds", "gauge");
        SERIES.put("sqlite_agent_last_backup_ok", "gauge");
        SERIES.put("sqlite_agent_last_backup_bytes", "gauge");
        SERIES.put("sqlite_agent_last_backup_milliseconds", "gauge");
    }

    private static final int LOCK_ERRORS = 3;
    private static final long PAGE = 4096;
    private static final Duration BOUND = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aScrapeAfterAWorkloadHasTheDocumentedSeriesFreshAndIdleDatabasesLeave() throws Exception {
        Path config = Paths.get(System.getProperty("exporter.config"));
        int port = freePort();
        String main = dir.resolve("main.db").toString();
        String other = dir.resolve("other.db").toString();
        // checkpoint.idle=off: an idle checkpoint would empty the WAL whose live size this test compares.
        AppJvm.Running app = AppJvm.withAgent().agentArguments("audit.delay=0s,audit.idle.forget=2s,checkpoint.idle=off")
                .jvmOption("-javaagent:" + AppJvm.APP_LIBS.resolve("jmx_prometheus_javaagent.jar") + "=127.0.0.1:" + port + ":" + config)
                .timeout(Duration.ofMinutes(2))
                .start(BesideAgentsApp.class, dir.toString(), String.valueOf(LOCK_ERRORS), "wait");
        try {
            awaitOutput(app, "app.ready=1\n");
            assertTrue(app.stdoutSoFar().contains("app.lock_errors_caught=" + LOCK_ERRORS + "\n"), app.stdoutSoFar());

            Scrape scrape = awaitScrape(port, s -> s.value("sqlite_agent_wal_bytes", main) != null, app);
            for (Map.Entry<String, String> series : SERIES.entrySet()) {
                assertEquals(series.getValue(), scrape.types.get(series.getKey()), "# TYPE of " + series.getKey() + ":\n" + scrape.text);
            }
            assertFalse(scrape.text.contains("path=\"\\\""), "no literal quotes in the path label:\n" + scrape.text);
            assertEquals(LOCK_ERRORS, scrape.value("sqlite_agent_lock_errors_total", main, "kind", "statement"), scrape.text);
            for (String kind : List.of("upgrade", "begin", "commit")) {
                assertEquals(0.0, scrape.value("sqlite_agent_lock_errors_total", main, "kind", kind), kind + ":\n" + scrape.text);
            }
            assertEquals(LOCK_ERRORS, scrape.value("sqlite_agent_jvm_lock_errors_total", null), scrape.text);
            // The app is quiet now: sizes are the files' own, not those of an audit an hour old.
            long wal = Files.size(Paths.get(main + "-wal"));
            assertTrue(wal > 100 * PAGE, "the workload grew the WAL: " + wal);
            assertTrue(Math.abs(scrape.value("sqlite_agent_wal_bytes", main) - wal) <= PAGE, wal + " vs\n" + scrape.text);
            assertTrue(Math.abs(scrape.value("sqlite_agent_file_bytes", main) - Files.size(Paths.get(main))) <= PAGE, scrape.text);
            assertEquals(1.0, scrape.value("sqlite_agent_wal_mode", main), scrape.text);
            assertEquals(1.0, scrape.value("sqlite_agent_integrity_ok", main), scrape.text);
            assertEquals(0.0, scrape.value("sqlite_agent_last_audit_level", main), scrape.text);
            assertEquals(1.0, scrape.value("sqlite_agent_open_connections", main), scrape.text);
            assertTrue(scrape.value("sqlite_agent_audits_total", main) >= 1, scrape.text);
            assertTrue(scrape.value("sqlite_agent_last_audit_age_seconds", main) >= 0, scrape.text);
            assertEquals(0.0, scrape.value("sqlite_agent_last_checkpoint_timestamp_seconds", main), "no checkpoint yet:\n" + scrape.text);
            assertEquals(-1.0, scrape.value("sqlite_agent_last_checkpoint_wal_bytes", main), "no checkpoint yet:\n" + scrape.text);
            assertEquals(0.0, scrape.value("sqlite_agent_wal_pinned", main), scrape.text);

            // other.db was opened once and closed: after audit.idle.forget it leaves the agent's JMX, and so the scrape.
            awaitError(app, "db=" + other + " left the periodic audits and JMX");
            Scrape afterIdle = scrape(port);
            assertFalse(afterIdle.text.contains("path=\"" + other + "\""), afterIdle.text);
            assertEquals(1.0, afterIdle.value("sqlite_agent_open_connections", main), "the database in use stays:\n" + afterIdle.text);

            // The app opens it again: it comes back.
            OutputStream stdin = app.process().getOutputStream();
            stdin.write("reopen\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // Its bean is back at audit.delay, its first audit's figures at a quiet moment after (-1 until then).
            Scrape back = awaitScrape(port, s -> Double.valueOf(1.0).equals(s.value("sqlite_agent_open_connections", other))
                    && s.value("sqlite_agent_wal_mode", other) != null && s.value("sqlite_agent_wal_mode", other) >= 0, app);
            assertEquals(1.0, back.value("sqlite_agent_wal_mode", other), back.text);
            stdin.close();
            AppResult result = app.await();
            assertEquals(0, result.exitStatus(), result::toString);
            // The app meets "database is locked" on purpose: the agent names the lock's holder (lock_holder=), nothing else.
            assertTrue(result.agentLines().stream().noneMatch(line -> (line.contains("WARN") && !line.contains(" lock_holder="))
                    || line.contains("ERROR")), result::toString);
        } finally {
            if (app.process().isAlive()) {
                app.stop();
            }
        }
    }

    @Test
    void theReadmeListsEverySeriesOfTheConfigurationFile() throws IOException {
        Path config = Paths.get(System.getProperty("exporter.config"));
        String rules = Files.readString(config);
        String readme = Files.readString(config.getParent().getParent().resolve("README.md"));
        assertTrue(readme.contains("(docs/prometheus-jmx-exporter.yaml)"), "the README links the file the test uses");
        for (String series : SERIES.keySet()) {
            assertTrue(rules.contains("name: " + series + "\n"), series + " in " + config);
            assertTrue(readme.contains("| `" + series + "` |"), series + " in the README's list of series");
        }
        assertEquals(SERIES.size(), rules.lines().map(String::trim).filter(line -> line.startsWith("name: ")).distinct().count(),
                "every series the file makes is in the list");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitOutput(AppJvm.Running app, String text) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!app.stdoutSoFar().contains(text)) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the app never printed " + text.trim() + ": " + app.stop());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitError(AppJvm.Running app, String text) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!app.stderrSoFar().contains(text)) {
            if (!app.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the agent never logged " + text + ": " + app.stop());
            }
            Thread.sleep(50);
        }
    }

    private Scrape awaitScrape(int port, Predicate<Scrape> until, AppJvm.Running app) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Scrape last = null;
        while (System.nanoTime() < deadline && app.process().isAlive()) {
            try {
                last = scrape(port);
                if (until.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // The exporter's server may not listen yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scrape as expected within " + BOUND + "; last:\n" + (last == null ? "none" : last.text)
                + "\napp: " + app.stop());
    }

    Scrape scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new Scrape(response.body());
    }

    /** One scrape in the Prometheus text format, read as the series this test asks about. */
    static final class Scrape {
        final String text;
        final Map<String, String> types = new LinkedHashMap<>();
        /** Each sample: name, then its labels as name=value in the order written, then the value. */
        private final List<String[]> samples = new java.util.ArrayList<>();

        Scrape(String text) {
            this.text = text;
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split(" ");
                    types.put(parts[2], parts[3]);
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    samples.add(parse(line));
                }
            }
        }

        /** The value of {@code name} with label path={@code path} (none when null) and the other labels given; null when absent. */
        Double value(String name, String path, String... labels) {
            for (String[] sample : samples) {
                if (!sample[0].equals(name)) {
                    continue;
                }
                Map<String, String> have = new LinkedHashMap<>();
                for (int i = 1; i < sample.length - 1; i++) {
                    int equals = sample[i].indexOf('=');
                    have.put(sample[i].substring(0, equals), sample[i].substring(equals + 1));
                }
                boolean matches = path == null ? !have.containsKey("path") : path.equals(have.get("path"));
                for (int i = 0; i + 1 < labels.length; i += 2) {
                    matches &= labels[i + 1].equals(have.get(labels[i]));
                }
                if (matches) {
                    return Double.valueOf(sample[sample.length - 1]);
                }
            }
            return null;
        }

        /** {@code name{a="x",b="y"} 1.0} as {name, a=x, b=y, 1.0}; label values here hold no quote or comma. */
        private static String[] parse(String line) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (brace < 0 || brace > space) {
                return new String[] {line.substring(0, space), line.substring(space + 1)};
            }
            int close = line.lastIndexOf('}');
            List<String> parts = new java.util.ArrayList<>();
            parts.add(line.substring(0, brace));
            for (String label : line.substring(brace + 1, close).split(",")) {
                if (!label.isEmpty()) {
                    int equals = label.indexOf('=');
                    parts.add(label.substring(0, equals) + "=" + label.substring(equals + 2, label.length() - 1));
                }
            }
            parts.add(line.substring(close + 2).trim().split(" ")[0]);
            return parts.toArray(new String[0]);
        }
    }
}
