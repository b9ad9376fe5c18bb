package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.audit.DatabaseCheck;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.config.Text;
import io.github.sqlitepragmaagent.instrument.DriverVersion;
import io.github.sqlitepragmaagent.log.AgentLog;
import io.github.sqlitepragmaagent.tune.ConnectionTuner;
import io.github.sqlitepragmaagent.tune.FirstOpenListener;
import io.github.sqlitepragmaagent.tune.MountTable;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code check DB...}: opens each database read-only, the way the agent would, and reports its
 * persistent state, what a tuned connection reads back, its integrity and its SQLite version.
 * Nothing is changed: a check never converts a database to WAL, never creates a missing file, and
 * leaves no -wal/-shm file that was not there.
 */
final class CheckCommand implements Command {

    private final File agentJar;

    CheckCommand(File agentJar) {
        this.agentJar = agentJar;
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "verify databases: WAL, integrity, sizes, what a tuned connection reads back";
    }

    @Override
    public String help() {
        return "usage: java -jar sqlite-pragma-agent.jar check [--json] [--driver SQLITE-JDBC-JAR] [--config KEY=VALUE,...] DB...\n"
                + "\n"
                + "Opens each database without creating it and without changing it (read-only; a WAL database\n"
                + "read-write with query_only, so that its close, like the app's last close, checkpoints and removes\n"
                + "the -wal/-shm it needed: nothing is left that was not there) and prints\n"
                + "its journal mode, page size, file/-wal/-shm sizes and free pages, what a connection tuned by the\n"
                + "agent reads back, the quick_check result, foreign-key violations and the SQLite version.\n"
                + "\n"
                + "  --json           one JSON object per database (the audit's fields), in a JSON array\n"
                + "  --driver JAR     the sqlite-jdbc jar your app uses; without it: a sqlite-jdbc*.jar next to\n"
                + "                   the agent jar, else the newest in ~/.m2/repository/org/xerial/sqlite-jdbc\n"
                + "  --config ARGS    agent settings to check with, as after -javaagent:...jar= (the -Dsqlite.agent.*\n"
                + "                   properties and SQLITE_AGENT_* variables of this shell apply too)\n"
                + "\n"
                + "Exit status: 0 every database is in WAL mode and healthy; 1 a database is not (or cannot be\n"
                + "read); 2 usage error.\n"
                + "\n"
                + "example: java -jar sqlite-pragma-agent.jar check --driver lib/sqlite-jdbc-3.54.1.0.jar /srv/app/data.db";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[] {"--driver", "--config"}, new String[] {"--json"});
        if (arguments.positionals().isEmpty()) {
            throw new UsageException("name at least one database file");
        }
        LoadedConfig loaded = ConfigLoader.load(arguments.value("--config"));
        if (!loaded.valid()) {
            for (ConfigProblem problem : loaded.problems()) {
                err.println("sqlite-pragma-agent check: invalid configuration: " + problem.message());
            }
            return USAGE;
        }
        AgentConfig config = loaded.config();
        File driverJar = DriverLocator.locate(arguments.value("--driver"), agentJar);
        AgentLog.configure("warn");
        boolean json = arguments.has("--json");
        List<String> jsonObjects = new ArrayList<String>();
        boolean allGood = true;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toURI().toURL()}, CheckCommand.class.getClassLoader())) {
            Driver driver = (Driver) Class.forName("org.sqlite.JDBC", true, loader).getDeclaredConstructor().newInstance();
            String driverName = "sqlite-jdbc " + DriverVersion.version(loader) + " (" + driverJar + ")";
            if (!json) {
                out.println("driver: " + driverName);
            }
            Inspectors inspectors = new Inspectors(config);
            for (String path : arguments.positionals()) {
                Verdict verdict = check(new File(path).getAbsoluteFile(), driver, inspectors);
                allGood &= verdict.good;
                if (json) {
                    jsonObjects.add(verdict.json);
                } else {
                    out.print(verdict.text);
                }
            }
        } catch (java.io.IOException | ReflectiveOperationException e) {
            err.println("sqlite-pragma-agent check: cannot load the driver from " + driverJar + ": " + e);
            return FAILED;
        }
        if (json) {
            out.println("[" + String.join(",\n", jsonObjects) + "]");
        }
        return allGood ? OK : FAILED;
    }

    /** The outcome for one database, as text and as JSON. */
    private static final class Verdict {
        final boolean good;
        final String text;
        final String json;

        Verdict(boolean good, String text, String json) {
            this.good = good;
            this.text = text;
            this.json = json;
        }
    }

    /** What inspects each database, made once for the whole command. */
    private static final class Inspectors {
        final DatabaseCheck check;
        final ConnectionTuner tuner;
        final MountTable mounts = MountTable.ofThisSystem();

        Inspectors(AgentConfig config) {
            check = new DatabaseCheck(config);
            tuner = new ConnectionTuner(config, AgentLog.get(), new TuningStats(), FirstOpenListener.NONE);
        }
    }

    private Verdict check(File file, Driver driver, Inspectors inspectors) {
        String path = file.getPath();
        if (!file.isFile()) {
            String why = file.exists() ? "not a regular file" : "no such file (a check never creates one)";
            return new Verdict(false, path + "\n  verdict          FAIL: " + why + "\n",
                    "{\"db\":" + Text.json(path) + ",\"verdict\":\"fail\",\"reasons\":[" + Text.json(why) + "]}");
        }
        String url = "jdbc:sqlite:" + path;
        Properties properties = DatabaseCheck.readOnlyProperties();
        try (Connection connection = DatabaseCheck.open(driver, file)) {
            DatabaseCheck.Result result = inspectors.check.run(connection, file);
            // Tuned as an app's read-only connection would be: only the read-only flag is the "app's".
            Properties asTheAppWouldOpen = new Properties();
            asTheAppWouldOpen.setProperty("open_mode", properties.getProperty("open_mode"));
            String tuned = inspectors.tuner.tuneAndReadBack(connection, url, asTheAppWouldOpen);
            MountTable.Mount mount = inspectors.mounts.mountOf(path);
            List<String> reasons = new ArrayList<String>();
            String journal = String.valueOf(result.field("journal_mode"));
            if (!"wal".equalsIgnoreCase(journal)) {
                reasons.add("journal_mode is " + journal + ", not wal (run the app under the agent once, or PRAGMA"
                        + " journal_mode=WAL)");
            }
            Object integrity = result.field("integrity");
            if (integrity != null && !"ok".equals(integrity)) {
                reasons.add("integrity is " + integrity);
            }
            boolean good = reasons.isEmpty();
            String verdict = good ? "OK (WAL, healthy)" : "FAIL: " + String.join("; ", reasons);
            return new Verdict(good, text(path, verdict, result, tuned, mount), json(result, good, reasons, tuned, mount));
        } catch (Exception e) {
            String why = "cannot read it: " + e.getMessage();
            return new Verdict(false, path + "\n  verdict          FAIL: " + why + "\n",
                    "{\"db\":" + Text.json(path) + ",\"verdict\":\"fail\",\"reasons\":[" + Text.json(why) + "]}");
        }
    }

    private static String text(String path, String verdict, DatabaseCheck.Result result, String tuned, MountTable.Mount mount) {
        StringBuilder out = new StringBuilder(path).append('\n');
        row(out, "verdict", verdict);
        row(out, "journal_mode", result.field("journal_mode"));
        row(out, "sqlite", result.field("sqlite_version"));
        row(out, "file", Text.bytes(result.number("bytes")) + " (" + result.number("bytes") + " bytes); -wal "
                + Text.bytes(result.number("wal_bytes")) + "; -shm " + Text.bytes(result.number("shm_bytes")));
        row(out, "pages", result.number("page_count") + " of " + result.number("page_size") + " bytes; "
                + result.number("freelist_count") + " free (" + Text.bytes(result.number("reclaimable_bytes")) + " reclaimable)");
        row(out, "filesystem", mount == null ? "unknown" : mount + (mount.isNetwork() ? " (network: WAL is not switched on)" : ""));
        if (result.field("integrity") != null) {
            row(out, String.valueOf(result.field("integrity_check")), result.field("integrity")
                    + (result.field("problems") == null ? "" : ": " + result.field("problems")));
            row(out, "foreign keys", result.number("fk_violations") < 0 ? "not checked"
                    : result.number("fk_violations") + " violation(s)"
                            + (result.field("fk_tables") == null ? "" : " in " + result.field("fk_tables")));
        }
        if (result.number("fk_action_count") >= 0) {
            row(out, "fk actions", result.number("fk_action_count") == 0 ? "none (foreign_keys=ON deletes or changes no row"
                    + " on its own)" : result.number("fk_action_count") + " run only with foreign_keys=ON: "
                    + result.field("fk_actions"));
        }
        row(out, "tuned connection", tuned);
        row(out, "findings", result.findings().isEmpty() ? "none" : String.join("; ", result.findings()));
        return out.toString();
    }

    private static String json(DatabaseCheck.Result result, boolean good, List<String> reasons, String tuned,
            MountTable.Mount mount) {
        StringBuilder extra = new StringBuilder(",\"verdict\":\"").append(good ? "ok" : "fail").append("\",\"reasons\":[");
        for (int i = 0; i < reasons.size(); i++) {
            extra.append(i == 0 ? "" : ",").append(Text.json(reasons.get(i)));
        }
        extra.append("],\"tuned\":").append(Text.json(tuned));
        extra.append(",\"filesystem\":").append(Text.json(mount == null ? "unknown" : mount.type));
        extra.append(",\"network_filesystem\":").append(mount != null && mount.isNetwork());
        String audit = result.toJson();
        return audit.substring(0, audit.length() - 1) + extra + "}";
    }

    private static void row(StringBuilder out, String label, Object value) {
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }
}
