package io.github.sqlitepragmaagent.examples.panel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A small panel-management service: the kind of legacy app the agent is for. Its code has no
 * pragma: it opens {@code jdbc:sqlite:FILE} and nothing else.
 *
 * <pre>
 * java -jar panel-app.jar --demo  [--db FILE] [--writers N] [--writes N] [--readers N]
 * java -jar panel-app.jar --serve [--db FILE] [--port N] [--threads N]
 * </pre>
 *
 * <p>{@code --url-suffix SUFFIX} is a knob for the benchmarks only, not part of the app's story: it
 * appends SUFFIX (such as {@code ?journal_mode=WAL&...}) to the app's URL, so that the benchmarks can
 * compare the agent with pragmas written into the URL by hand on the very same app.
 */
public final class PanelApp {

    private PanelApp() {}

    public static void main(String[] args) throws Exception {
        String mode = "--demo";
        Path db = null;
        int port = 8080;
        int threads = 8;
        int writers = 4;
        int writes = 250;
        int readers = 2;
        String urlSuffix = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo", "--serve" -> mode = args[i];
                case "--db" -> db = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--readers" -> readers = Integer.parseInt(args[++i]);
                case "--url-suffix" -> urlSuffix = args[++i];
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar panel-app.jar --demo|--serve [--db FILE] [--port N] [--threads N]"
                            + " [--writers N] [--writes N] [--readers N]\n"
                            + "\n"
                            + "--serve answers on 127.0.0.1:PORT (8080):\n"
                            + "  GET    /panels                      the panels, a JSON array\n"
                            + "  POST   /panels                      body {\"name\": \"...\", \"location\": \"...\"} (location optional)\n"
                            + "  GET    /panels/{id}                 one panel with its settings\n"
                            + "  PUT    /panels/{id}                 body {\"name\": \"...\", \"location\": \"...\"}\n"
                            + "  DELETE /panels/{id}                 204, no body\n"
                            + "  PUT    /panels/{id}/settings/{key}  body {\"value\": \"...\"}; key: letters, digits, _ . -\n"
                            + "  GET    /health                      the pragmas the app's connection reports");
                    return;
                }
                default -> {
                    System.err.println("panel-app: unknown argument '" + args[i] + "' (try --help)");
                    System.exit(2);
                }
            }
        }
        if (db == null) {
            db = Files.createTempDirectory("panel-app-").resolve("panels.db");
        }
        PanelStore store = new PanelStore(db.toAbsolutePath(), urlSuffix);
        if (mode.equals("--serve")) {
            store.createSchema();
            new PanelServer(store).start(port, threads);
            System.out.println("panel-app serving http://127.0.0.1:" + port + "/panels from " + db.toAbsolutePath()
                    + " (" + DemoWorkload.describe(store.connectionSettings()) + ")");
            new CountDownLatch(1).await();
        } else {
            System.out.println("panel-app demo on " + db.toAbsolutePath());
            new DemoWorkload(store, System.out).run(writers, writes, readers);
        }
    }
}
