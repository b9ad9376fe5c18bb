package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.BesideAgentsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenTelemetry Java agent (2.22.0) beside this one, in both {@code -javaagent} orders: the
 * pragmas are applied, the app's lock errors counted, OpenTelemetry's spans exported (to the console),
 * and neither agent warns.
 */
class OpenTelemetryBesideAgentTest {

    private static final int LOCK_ERRORS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "OpenTelemetry first: {0}")
    @ValueSource(booleans = {true, false})
    void bothAgentsDoTheirWorkInEitherOrder(boolean openTelemetryFirst) throws Exception {
        String otel = "-javaagent:" + AppJvm.APP_LIBS.resolve("opentelemetry-javaagent.jar");
        AppJvm jvm = AppJvm.withAgent().agentArguments("audit.delay=0s").timeout(Duration.ofMinutes(3));
        if (openTelemetryFirst) {
            jvm.jvmOptionBeforeAgent(otel);
        } else {
            jvm.jvmOption(otel);
        }
        jvm.jvmOption("-Dotel.traces.exporter=logging").jvmOption("-Dotel.metrics.exporter=none")
                .jvmOption("-Dotel.logs.exporter=none").jvmOption("-Dotel.service.name=beside-agents-app");

        AppResult result = jvm.run(BesideAgentsApp.class, dir.toString(), String.valueOf(LOCK_ERRORS), "exit");

        assertEquals(0, result.exitStatus(), result::toString);
        Map<String, String> pragmas = result.section("app").entrySet().stream()
                .filter(e -> ConnectionPathsTest.DEFAULTS.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(ConnectionPathsTest.DEFAULTS, pragmas, "the six pragmas read back: " + result);
        assertEquals(String.valueOf(LOCK_ERRORS), result.get("app.lock_errors_caught"), result::toString);
        assertEquals(String.valueOf(LOCK_ERRORS), result.get("jmx.lock_errors"), result::toString);
        assertEquals(String.valueOf(LOCK_ERRORS), result.get("jmx.database_lock_errors_statement"), result::toString);
        assertEquals("1", result.get("jmx.wal_mode"), result::toString);
        assertEquals("200", result.get("app.http_status"), result::toString);

        String output = result.stdout() + result.stderr();
        List<String> spans = output.lines().filter(line -> line.contains("LoggingSpanExporter")).toList();
        assertTrue(spans.stream().anyMatch(line -> line.contains("CLIENT")), "OpenTelemetry's HTTP client span: " + result);
        assertTrue(result.agentLinesContaining("tuned db=").size() >= 1, result::toString);
        // The app meets "database is locked" on purpose: the agent names the lock's holder (lock_holder=), nothing else.
        assertTrue(result.agentLines().stream().noneMatch(line -> (line.contains("WARN") && !line.contains(" lock_holder="))
                || line.contains("ERROR")), "no other warning from this agent: " + result);
        List<String> otelWarnings = output.lines().filter(line -> line.contains("otel.javaagent")
                && (line.contains(" WARN ") || line.contains(" ERROR "))).toList();
        assertEquals(List.of(), otelWarnings, "no warning from OpenTelemetry: " + result);
    }
}
