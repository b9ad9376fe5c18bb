package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.audit.DatabaseCheck;
import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.ConfigProblem;
import io.github.sqlitepragmaagent.config.LoadedConfig;
import io.github.sqlitepragmaagent.driver.DriverVersion;
import io.github.sqlitepragmaagent.driver.JdbcDriver;
import io.github.sqlitepragmaagent.log.AgentLog;
import io.github.sqlitepragmaagent.support.MountTable;
import io.github.sqlitepragmaagent.support.Text;
import io.github.sqlitepragmaagent.tune.ConnectionTuner;
import io.github.sqlitepragmaagent.tune.OpenListener;
import io.github.sqlitepragmaagent.tune.TunedConnectionListener;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return "usage: java -jar sqlite-pragma-agent.jar check [--backup] [--json] [--driver SQLITE-JDBC-JAR] [--config KEY=VALUE,...] DB...\n"
                + "\n"
                + "Opens each database without creating it and without changing it (read-only; a WAL database\n"
                + "read-write with query_only, so that its close, like the app's last close, checkpoints and removes\n"
                + "the -wal/-shm it needed: nothing is left that was not there) and prints\n"
                + "its journal mode, page size, file/-wal/-shm sizes and free pages, what a connection tuned by the\n"
                + "agent reads back, the quick_check result, foreign-key violations and the SQLite version.\n"
                + "\n"
                + "  --backup         check backup files instead: the full integrity_check, and any journal mode\n"
                + "                   (the agent's backups are rollback-journal files); OK when integrity is ok\n"
                + "  --json           a JSON array, one object per database: the audit's fields, plus verdict,\n"
                + "                   reasons, tuned, filesystem and network_filesystem (see the README)\n"
                + "  --driver JAR     the sqlite-jdbc jar your app uses; without it: a sqlite-jdbc*.jar next to\n"
                + "                   the agent jar, else the newest in ~/.m2/repository/org/xerial/sqlite-jdbc\n"
                + "  --config ARGS    agent settings to check with, as after -javaagent:...jar= (the -Dsqlite.agent.*\n"
                + "                   properties and SQLITE_AGENT_* variables of this shell apply too)\n"
                + "\n"
                + "Verdict per database: OK (in WAL mode, and the audit found nothing); WARN (the audit warns:\n"
                + "foreign-key violations, a big WAL, many free pages, an SQLite with a known bug...); FAIL (not\n"
                + "in WAL mode, damaged, or unreadable). Each reason is listed under the verdict.\n"
                + "\n"
                + "Exit status: 0 every database is OK; 1 a database is WARN or FAIL (warnings count); 2 usage\n"
                + "error, including invalid --config settings.\n"
                + "\n"
                + "example: java -jar sqlite-pragma-agent.jar check --driver lib/sqlite-jdbc-3.54.1.0.jar /srv/app/data.db";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(raw, new String[] {"--driver", "--config"}, new String[] {"--json", "--backup"});
        if (arguments.positionals().isEmpty()) {
            throw new UsageException("name at least one database file");
        }
        boolean backups = arguments.has("--backup");
        String settings = arguments.value("--config");
        if (backups) {
            // A backup is worth something only if it restores: the full check, as the agent's backups are verified.
            settings = (settings == null || settings.trim().isEmpty() ? "" : settings + ",") + "audit.integrity=full";
        }
        LoadedConfig loaded = ConfigLoader.load(settings);
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
        List<Object> jsonObjects = new ArrayList<Object>();
        boolean allOk = true;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toURI().toURL()}, CheckCommand.class.getClassLoader())) {
            Driver driver = JdbcDriver.instance(JdbcDriver.classIn(loader));
            String driverName = "sqlite-jdbc " + DriverVersion.version(loader) + " (" + driverJar + ")";
            if (!json) {
                out.println("driver: " + driverName);
            }
            Inspectors inspectors = new Inspectors(config);
            for (String path : arguments.positionals()) {
                Verdict verdict = check(new File(path).getAbsoluteFile(), driver, inspectors, backups);
                allOk &= verdict.level == Level.OK;
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
            out.println(JsonWriter.linePerElement(jsonObjects));
        }
        return allOk ? OK : FAILED;
    }

    /** How a database fares: in the text, the JSON's {@code verdict} and the exit status. */
    private enum Level {
        OK, WARN, FAIL;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome for one database, as text and as JSON. */
    private static final class Verdict {
        final Level level;
        final String text;
        final Map<String, Object> json;

        Verdict(Level level, String text, Map<String, Object> json) {
            this.level = level;
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
            tuner = new ConnectionTuner(config, AgentLog.get(), new TuningStats(), OpenListener.NONE,
                    TunedConnectionListener.NONE);
        }
    }

    private Verdict check(File file, Driver driver, Inspectors inspectors, boolean backup) {
        String path = file.getPath();
        if (!file.isFile()) {
            return unreadable(path, file.exists() ? "not a regular file" : "no such file (a check never creates one)");
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
            // The audit's own judgement decides, so that check and the agent's audit line never disagree.
            List<String> reasons = new ArrayList<String>();
            Level level = "error".equals(result.result()) ? Level.FAIL : "warn".equals(result.result()) ? Level.WARN : Level.OK;
            String journal = String.valueOf(result.field("journal_mode"));
            if (backup) {
                // A backup is one file, in any journal mode, that nobody runs against: only its integrity counts.
                level = "ok".equals(result.field("integrity")) ? Level.OK : Level.FAIL;
                if (level == Level.FAIL) {
                    reasons.add("integrity_check is not ok: this backup would not restore");
                }
            } else if (!"wal".equalsIgnoreCase(journal)) {
                reasons.add("journal_mode is " + journal + ", not wal (run the app under the agent once, or PRAGMA"
                        + " journal_mode=WAL)");
                level = Level.FAIL;
            }
            reasons.addAll(result.findings());
            return new Verdict(level, text(path, level, reasons, result, tuned, mount, backup), json(result, level, reasons, tuned, mount));
        } catch (Exception e) {
            return unreadable(path, "cannot read it: " + e.getMessage());
        }
    }

    private static Verdict unreadable(String path, String why) {
        Map<String, Object> json = new LinkedHashMap<String, Object>();
        json.put("db", path);
        json.put("verdict", Level.FAIL.json());
        json.put("reasons", Collections.singletonList(why));
        StringBuilder text = new StringBuilder(path).append('\n');
        verdictRows(text, Level.FAIL, Collections.singletonList(why));
        return new Verdict(Level.FAIL, text.toString(), json);
    }

    private static String text(String path, Level level, List<String> reasons, DatabaseCheck.Result result, String tuned,
            MountTable.Mount mount, boolean backup) {
        StringBuilder out = new StringBuilder(path).append('\n');
        if (backup && level == Level.OK) {
            row(out, "verdict", "OK (backup, integrity_check ok)");
        } else {
            verdictRows(out, level, reasons);
        }
        row(out, "journal_mode", result.field("journal_mode"));
        row(out, "sqlite", result.field("sqlite_version"));
        row(out, "file", Text.bytes(result.number("bytes")) + " (" + result.number("bytes") + " bytes); -wal "
                + Text.bytes(result.number("wal_bytes")) + "; -shm " + Text.bytes(result.number("shm_bytes")));
        row(out, "pages", result.number("page_count") + " of " + result.number("page_size") + " bytes; "
                + result.number("freelist_count") + " free (" + Text.bytes(result.number("reclaimable_bytes")) + " reclaimable)");
        row(out, "filesystem", mount == null ? "unknown" : mount + (mount.isNetwork() ? " (network: WAL is not switched on)" : ""));
        if (result.field("integrity") != null) {
            integrityRows(out, String.valueOf(result.field("integrity_check")), String.valueOf(result.field("integrity")),
                    result.field("problems"));
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
        return out.toString();
    }

    /** {@code OK (WAL, healthy)}, or the level with the first reason, then one indented line per further reason. */
    private static void verdictRows(StringBuilder out, Level level, List<String> reasons) {
        if (level == Level.OK) {
            row(out, "verdict", "OK (WAL, healthy)");
            return;
        }
        row(out, "verdict", level + ": " + (reasons.isEmpty() ? "see the audit's fields" : reasons.get(0)));
        for (int i = 1; i < reasons.size(); i++) {
            row(out, "", reasons.get(i));
        }
    }

    /**
     * The integrity check's result: {@code ok}, or the outcome with the number of problems, then each
     * problem on its own indented line. The audit joins the problems with "; " (and ends with "..."
     * when it shows only the first ones); SQLite starts a database's list with a line of its own,
     * {@code *** in database main ***}, which is shown but not counted.
     */
    private static void integrityRows(StringBuilder out, String check, String outcome, Object problems) {
        if (problems == null) {
            row(out, check, outcome);
            return;
        }
        List<String> lines = new ArrayList<String>();
        int counted = 0;
        boolean more = false;
        for (String problem : String.valueOf(problems).split("; ")) {
            if (problem.equals("...")) {
                more = true;
                continue;
            }
            for (String line : problem.split("\\R")) {
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                lines.add(trimmed);
                if (!(trimmed.startsWith("*** in database ") && trimmed.endsWith(" ***"))) {
                    counted++;
                }
            }
        }
        row(out, check, outcome + ": " + counted + (more ? " or more" : "") + " problem(s)"
                + (more ? ", the first " + counted + " shown" : ""));
        for (String line : lines) {
            row(out, "", line);
        }
    }

    private static Map<String, Object> json(DatabaseCheck.Result result, Level level, List<String> reasons, String tuned,
            MountTable.Mount mount) {
        Map<String, Object> json = new LinkedHashMap<String, Object>(result.fields());
        json.put("verdict", level.json());
        json.put("reasons", reasons);
        json.put("tuned", TunedLine.toJson(tuned));
        json.put("filesystem", mount == null ? "unknown" : mount.type);
        json.put("network_filesystem", mount != null && mount.isNetwork());
        return json;
    }

    private static void row(StringBuilder out, String label, Object value) {
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }
}
