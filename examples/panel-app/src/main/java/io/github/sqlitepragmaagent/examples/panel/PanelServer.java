package io.github.sqlitepragmaagent.examples.panel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The panel service over HTTP (the JDK's built-in server):
 *
 * <pre>
 * GET    /panels                      200, a JSON array of panels
 * POST   /panels                      {"name": "...", "location": "..."}  201, the panel (location optional)
 * GET    /panels/{id}                 200, one panel with its settings
 * PUT    /panels/{id}                 {"name": "...", "location": "..."}  200, the panel
 * DELETE /panels/{id}                 204, no body (its settings go too, when foreign keys are enforced)
 * PUT    /panels/{id}/settings/{key}  {"value": "..."}                    200, the panel with its settings
 * GET    /health                      200, what the app's connection reports
 * </pre>
 *
 * <p>{key} is letters, digits, '_', '.' or '-'; the value is a string. A missing panel is 404, a bad
 * body 400, "database is locked" 503; errors are {"error": "..."}.
 */
final class PanelServer {

    private static final Pattern PANEL = Pattern.compile("/panels/(\\d+)");
    private static final Pattern SETTING = Pattern.compile("/panels/(\\d+)/settings/([A-Za-z0-9_.-]+)");

    private final PanelStore store;

    PanelServer(PanelStore store) {
        this.store = store;
    }

    HttpServer start(int port, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                response = new Response(400, error(e.getMessage()));
            } catch (SQLException e) {
                boolean busy = String.valueOf(e.getMessage()).contains("locked");
                response = new Response(busy ? 503 : 500, error(e.getMessage()));
            }
            if (response.json.isEmpty()) {
                // No body at all (204 after DELETE): -1 says so; a length of 0 makes the JDK's server log a warning.
                exchange.sendResponseHeaders(response.status, -1);
                return;
            }
            byte[] body = response.json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response route(String method, String path, String body) throws SQLException {
        Matcher setting = SETTING.matcher(path);
        Matcher panel = PANEL.matcher(path);
        if (path.equals("/health") && method.equals("GET")) {
            return new Response(200, Json.object(Map.of("status", "ok", "connection", store.connectionSettings())));
        }
        if (path.equals("/panels") && method.equals("GET")) {
            List<String> items = new ArrayList<>();
            for (Panel p : store.list()) {
                items.add(p.toJson());
            }
            return new Response(200, Json.array(items));
        }
        if (path.equals("/panels") && method.equals("POST")) {
            Map<String, String> fields = Json.parseFlatObject(body);
            String name = fields.get("name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a panel needs a \"name\"");
            }
            long id = store.create(name, fields.get("location"));
            return new Response(201, store.find(id).orElseThrow().toJson());
        }
        if (setting.matches() && method.equals("PUT")) {
            long id = Long.parseLong(setting.group(1));
            String value = Json.parseFlatObject(body).get("value");
            if (value == null) {
                throw new IllegalArgumentException("a setting needs a \"value\"");
            }
            if (store.find(id).isEmpty()) {
                return notFound(id);
            }
            store.putSetting(id, setting.group(2), value);
            return new Response(200, store.find(id).orElseThrow().toJson());
        }
        if (panel.matches()) {
            long id = Long.parseLong(panel.group(1));
            switch (method) {
                case "GET":
                    return store.find(id).map(p -> new Response(200, p.toJson())).orElseGet(() -> notFound(id));
                case "PUT": {
                    Map<String, String> fields = Json.parseFlatObject(body);
                    return store.update(id, fields.get("name"), fields.get("location"))
                            ? new Response(200, store.find(id).orElseThrow().toJson())
                            : notFound(id);
                }
                case "DELETE":
                    return store.delete(id) ? new Response(204, "") : notFound(id);
                default:
                    break;
            }
        }
        return new Response(404, error("no route for " + method + " " + path));
    }

    private static Response notFound(long id) {
        return new Response(404, error("no panel " + id));
    }

    private static String error(String message) {
        return Json.object(Map.of("error", String.valueOf(message)));
    }

    private record Response(int status, String json) {}
}
