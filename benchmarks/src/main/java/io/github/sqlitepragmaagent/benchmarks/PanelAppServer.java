package io.github.sqlitepragmaagent.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The panel app ({@code --serve}) in a JVM of its own on a free loopback port, until closed. */
final class PanelAppServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Map<String, String> settings;

    private PanelAppServer(Process process, int port, Map<String, String> settings) {
        this.process = process;
        this.port = port;
        this.settings = settings;
    }

    /** Starts the app and returns once it serves; its stderr (the agent's log, if any) goes to {@code log}. */
    static PanelAppServer start(Path panelAppJar, Path agentJar, String urlSuffix, Path db, int threads, Path log)
            throws IOException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--serve", "--port", Integer.toString(port), "--db", db.toString(),
                "--threads", Integer.toString(threads)));
        if (!urlSuffix.isEmpty()) {
            args.addAll(List.of("--url-suffix", urlSuffix));
        }
        // The JDK's HTTP server leaves Nagle's algorithm on by default: with keep-alive, each response then
        // waits ~40 ms for the client's delayed ACK, and the benchmark would measure TCP instead of SQLite.
        List<String> command = Jvm.jarCommand(agentJar, List.of("-Dsun.net.httpserver.nodelay=true"), panelAppJar,
                args.toArray(new String[0]));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        // The app prints one line once it serves: "panel-app serving URL from FILE (journal_mode=... ...)".
        String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (ready == null || !ready.startsWith("panel-app serving")) {
            process.destroyForcibly();
            throw new IllegalStateException("panel app did not start (" + command + "): " + ready + "; its stderr: "
                    + Files.readString(log));
        }
        String settings = ready.substring(ready.lastIndexOf('(') + 1, ready.lastIndexOf(')'));
        return new PanelAppServer(process, port, KeyValues.parse(settings));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the app's connection reported when it started. */
    Map<String, String> settings() {
        return settings;
    }

    /** Stops the app and waits for it, so that the next run does not share the machine with it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
