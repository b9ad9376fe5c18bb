package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel-app example served over HTTP under the agent, as its usage documents it. */
class PanelAppTest {

    static final Path PANEL_APP = Paths.get(System.getProperty("panel.app.jar"));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDocumentedRequestsWorkAndDeleteMakesTheServerLogNothing() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AppJvm.Running app = AppJvm.withAgent().startJar(PANEL_APP, "--serve", "--port", String.valueOf(port),
                "--db", dir.resolve("panels.db").toString());
        String base = "http://127.0.0.1:" + port;
        try {
            HttpResponse<String> health = waitForServer(base + "/health", app);
            assertEquals(200, health.statusCode(), health::body);
            assertTrue(health.body().contains("journal_mode"), health::body);

            HttpResponse<String> created = send("POST", base + "/panels", "{\"name\": \"roof\", \"location\": \"north\"}");
            assertEquals(201, created.statusCode(), created::body);
            String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1");

            HttpResponse<String> setting = send("PUT", base + "/panels/" + id + "/settings/tilt.deg", "{\"value\": \"30\"}");
            assertEquals(200, setting.statusCode(), setting::body);
            assertTrue(setting.body().contains("tilt.deg") && setting.body().contains("30"), setting::body);
            assertEquals(400, send("PUT", base + "/panels/" + id + "/settings/tilt.deg", "{\"val\": \"30\"}").statusCode());

            HttpResponse<String> deleted = send("DELETE", base + "/panels/" + id, "");
            assertEquals(204, deleted.statusCode(), deleted::body);
            assertEquals("", deleted.body());
            assertEquals(404, send("GET", base + "/panels/" + id, "").statusCode());
        } finally {
            AppResult result = app.stop();
            // JDK 25 warns about sqlite-jdbc's System::load on its own; only the HTTP server's lines matter here.
            assertFalse(result.stderr().contains("sun.net.httpserver") || result.stderr().contains("sendResponseHeaders"),
                    "the JDK's HTTP server logs nothing: " + result);
        }
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until the server answers; the app JVM's start-up time decides when, not this test. */
    private HttpResponse<String> waitForServer(String url, AppJvm.Running app) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return send("GET", url, "");
            } catch (IOException notYet) {
                if (!app.process().isAlive() || Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("panel-app did not serve " + url + ": " + app.stop(), notYet);
                }
                Thread.sleep(100);
            }
        }
    }
}
