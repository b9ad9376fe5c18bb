package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar sqlite-pragma-agent.jar ...}: output and exit status of every command. */
class CliTest {

    static final String DRIVER = AppJvm.APP_LIBS.resolve("sqlite-jdbc.jar").toString();

    @TempDir
    Path dir;

    @Test
    void withoutACommandItSaysSoWithAShortUsageAndExits2() throws Exception {
        AppResult result = AppJvm.cli();

        assertEquals(2, result.exitStatus(), result::toString);
        assertEquals("", result.stdout(), result::toString);
        String[] lines = result.stderr().split("\\R");
        assertEquals("sqlite-pragma-agent: name a command: check, restore, attach, list, config", lines[0], result::toString);
        assertTrue(lines[1].startsWith("usage: java -jar sqlite-pragma-agent.jar COMMAND [ARGUMENTS]"), result::toString);
        assertEquals(3, lines.length, "a short usage, not the whole help: " + result);

        AppResult help = AppJvm.cli("--help");
        assertTrue(help.stdout().startsWith("usage: java -jar sqlite-pragma-agent.jar COMMAND [ARGUMENTS]"), help::toString);
        for (String command : new String[] {"check", "restore", "attach", "list", "config"}) {
            assertTrue(help.stdout().contains("\n  " + command + " "), command + ": " + help);
        }
        assertTrue(help.stdout().contains("\nExit status: 0 success; 1 "), help::toString);
    }

    @Test
    void helpAndVersionExit0() throws Exception {
        assertEquals(0, AppJvm.cli("--help").exitStatus());
        AppResult version = AppJvm.cli("--version");
        assertEquals(0, version.exitStatus(), version::toString);
        assertTrue(version.stdout().matches("sqlite-pragma-agent \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{12}|unknown)\\)\\R"),
                version::toString);
        AppResult app = AppJvm.withAgent().run(io.github.sqlitepragmaagent.it.apps.OpenApp.class,
                "--url", "jdbc:sqlite:" + dir.resolve("version.db"), "--connections", "1");
        assertEquals(1, app.agentLinesContaining(version.stdout().trim() + " started (premain)").size(), app::toString);
        for (String command : new String[] {"check", "restore", "attach", "list", "config"}) {
            AppResult help = AppJvm.cli(command, "--help");
            assertEquals(0, help.exitStatus(), help::toString);
            assertTrue(help.stdout().startsWith("usage: java -jar sqlite-pragma-agent.jar " + command), help::toString);
            assertTrue(help.stdout().contains("Exit status:"), help::toString);
        }
    }

    @Test
    void usageErrorsGiveAOneLineReasonThenTheUsageAndExit2() throws Exception {
        String[][] cases = {
            {"frobnicate"}, {"check"}, {"check", "--bogus", "x.db"}, {"check", "--driver"},
            {"check", "--driver", "/nonexistent/sqlite-jdbc.jar", "x.db"}, {"attach"}, {"attach", "notapid"},
            {"attach", "1", "a=b", "extra"}, {"list", "extra"}, {"config", "a=1", "b=2"}, {"restore", "one.backup"},
            {"restore", "/nonexistent/app.db.backup", "app.db"},
        };
        String[] reasons = {
            "sqlite-pragma-agent: unknown command 'frobnicate'", "sqlite-pragma-agent check: name at least one database file",
            "sqlite-pragma-agent check: unknown option --bogus", "sqlite-pragma-agent check: --driver needs a value",
            "sqlite-pragma-agent check: --driver /nonexistent/sqlite-jdbc.jar: no such file",
            "sqlite-pragma-agent attach: name the PID to attach to", "sqlite-pragma-agent attach: PID notapid is not a process id",
            "sqlite-pragma-agent attach: too many arguments", "sqlite-pragma-agent list: list takes no arguments",
            "sqlite-pragma-agent config: give the settings as one KEY=VALUE,KEY=VALUE argument",
            "sqlite-pragma-agent restore: name the backup file and the database: restore BACKUP DB",
            "sqlite-pragma-agent restore: BACKUP /nonexistent/app.db.backup: no such file",
        };
        for (int i = 0; i < cases.length; i++) {
            AppResult result = AppJvm.cli(cases[i]);
            assertEquals(2, result.exitStatus(), result::toString);
            String[] lines = result.stderr().split("\\R");
            assertTrue(lines[0].startsWith(reasons[i]), "first line: " + result);
            assertTrue(lines[1].startsWith("usage: java -jar sqlite-pragma-agent.jar"), "then the usage: " + result);
            assertEquals(3, lines.length, "a short usage, not the whole help: " + result);
            assertFalse(result.stderr().contains("Exit status"), result::toString);
        }
    }

    @Test
    void checkPassesAWalDatabaseAndShowsWhatATunedConnectionReadsBack() throws Exception {
        Path db = Databases.create(dir.resolve("wal.db"), "wal");

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, db.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        String out = result.stdout();
        assertTrue(out.startsWith("driver: sqlite-jdbc 3."), out);
        assertTrue(out.contains(db + "\n  verdict          OK (WAL, healthy)\n  journal_mode     wal\n  sqlite           3."), out);
        assertTrue(out.contains("  quick_check      ok\n  foreign keys     0 violation(s)\n"), out);
        assertTrue(out.contains("  tuned connection busy_timeout=5000 journal_mode=wal synchronous=1 cache_size=-20000"
                + " foreign_keys=1 temp_store=2 journal_size_limit=67108864 skipped_journal_mode=\"read-only connection\"\n"), out);
        assertTrue(out.matches("(?s).*  pages            \\d+ of 4096 bytes; 0 free \\(0 B reclaimable\\)\n.*"), out);
    }

    @Test
    void checkFailsADeleteModeDatabaseWithoutConvertingIt() throws Exception {
        Path db = Databases.create(dir.resolve("delete.db"), "delete");

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, db.toString());

        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("verdict          FAIL: journal_mode is delete, not wal"), result::toString);
        assertEquals("delete", Databases.pragma(db, "journal_mode"), "a check writes nothing");
    }

    @Test
    void checkNeverCreatesAMissingDatabase() throws Exception {
        Path wal = Databases.create(dir.resolve("ok.db"), "wal");
        Path missing = dir.resolve("missing.db");

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, wal.toString(), missing.toString());

        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains(missing + "\n  verdict          FAIL: no such file (a check never creates one)"),
                result::toString);
        assertFalse(Files.exists(missing));
    }

    @Test
    void checkReportsCorruptionAndForeignKeyViolations() throws Exception {
        Path corrupt = Databases.createCorrupt(dir.resolve("corrupt.db"));
        Path fk = Databases.createForeignKeyViolations(dir.resolve("fk.db"));

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, corrupt.toString(), fk.toString());

        assertEquals(1, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains(corrupt + "\n  verdict          FAIL: journal_mode is delete, not wal"), result::toString);
        assertTrue(result.stdout().contains("\n                   the integrity check found "), result::toString);
        assertTrue(result.stdout().contains("  foreign keys     3 violation(s) in child:3"), result::toString);
    }

    @Test
    void checkWarnsAboutForeignKeyViolationsInAWalDatabaseAndExits1() throws Exception {
        Path fk = Databases.createForeignKeyViolations(dir.resolve("fk.db"));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fk);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
        }

        AppResult text = AppJvm.cli("check", "--driver", DRIVER, fk.toString());
        AppResult json = AppJvm.cli("check", "--json", "--driver", DRIVER, fk.toString());

        assertEquals(1, text.exitStatus(), "warnings count: " + text);
        assertTrue(text.stdout().contains(fk + "\n  verdict          WARN: 3 row(s) break the schema's foreign keys"), text::toString);
        assertFalse(text.stdout().contains("healthy"), text::toString);
        assertEquals(1, json.exitStatus(), json::toString);
        assertTrue(json.stdout().contains("\"result\":\"warn\""), json::toString);
        assertTrue(json.stdout().contains("\"verdict\":\"warn\",\"reasons\":[\"3 row(s) break the schema's foreign keys"),
                json::toString);
    }

    @Test
    void checkCountsAndIndentsEachIntegrityProblem() throws Exception {
        Path corrupt = Databases.createCorrupt(dir.resolve("corrupt.db"));

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, corrupt.toString());

        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("\n  quick_check      corrupt: (\\d+) problem\\(s\\)\n")
                .matcher(result.stdout());
        assertTrue(counted.find(), result::toString);
        String after = result.stdout().substring(counted.end());
        int indented = 0;
        for (String line : after.split("\n")) {
            if (!line.startsWith("                   ")) {
                break;
            }
            if (!line.trim().startsWith("*** in database ")) {
                indented++;
            }
        }
        assertEquals(Integer.parseInt(counted.group(1)), indented, "one indented line per problem counted: " + result);
        assertTrue(Integer.parseInt(counted.group(1)) >= 1, result::toString);
        for (String line : result.stdout().split("\n")) {
            assertTrue(line.startsWith("  ") || line.startsWith("/") || line.startsWith("driver: "), "no line escapes the layout: " + line);
        }
    }

    @Test
    void checkJsonGivesTheTunedConnectionAsAnObject() throws Exception {
        Path wal = Databases.create(dir.resolve("tuned.db"), "wal");

        AppResult result = AppJvm.cli("check", "--json", "--driver", DRIVER, "--config", "rule.1.match=" + dir + "/*.db,rule.1.cache_size=-777",
                wal.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("\"tuned\":{\"pragmas\":{\"busy_timeout\":5000,\"journal_mode\":\"wal\",\"synchronous\":1,"
                + "\"cache_size\":-777,\"foreign_keys\":1,\"temp_store\":2,\"journal_size_limit\":67108864},\"kept_from_app\":[],\"wanted\":{},"
                + "\"skipped\":{\"journal_mode\":\"read-only connection\"},\"rule\":1}"), result::toString);
    }

    @Test
    void checkJsonIsOneObjectPerDatabaseWithTheAuditsFields() throws Exception {
        Path wal = Databases.create(dir.resolve("j1.db"), "wal");
        Path delete = Databases.create(dir.resolve("j2.db"), "delete");

        AppResult result = AppJvm.cli("check", "--json", "--driver", DRIVER, wal.toString(), delete.toString());

        assertEquals(1, result.exitStatus(), result::toString);
        String json = result.stdout().trim();
        assertTrue(json.startsWith("[{\"time\":") && json.endsWith("}]"), json);
        assertTrue(json.contains("\"db\":\"" + wal + "\",\"kind\":\"first\",\"result\":\"ok\",\"integrity\":\"ok\""), json);
        assertTrue(json.contains("\"verdict\":\"ok\",\"reasons\":[]"), json);
        assertTrue(json.contains("\"verdict\":\"fail\",\"reasons\":[\"journal_mode is delete, not wal"), json);
        assertTrue(json.contains("\"network_filesystem\":false"), json);
    }

    @Test
    void checkUsesTheGivenSettings() throws Exception {
        Path db = Databases.create(dir.resolve("settings.db"), "wal");

        AppResult result = AppJvm.cli("check", "--driver", DRIVER, "--config", "cache_size=-1234,foreign_keys=keep", db.toString());

        assertEquals(0, result.exitStatus(), result::toString);
        assertTrue(result.stdout().contains("tuned connection busy_timeout=5000 journal_mode=wal synchronous=1"
                + " cache_size=-1234 temp_store=2"), result::toString);
        AppResult invalid = AppJvm.cli("check", "--driver", DRIVER, "--config", "cache_size=lots", db.toString());
        assertEquals(2, invalid.exitStatus(), invalid::toString);
        assertTrue(invalid.stderr().startsWith("sqlite-pragma-agent check: invalid configuration: cache_size='lots'"), invalid::toString);
    }

    @Test
    void configPrintsEachValueWithItsSourceAndValidates() throws Exception {
        Path file = Files.writeString(dir.resolve("agent.properties"), "cache_size=-4444\nrule.1.match=/srv/cache/*.db\n"
                + "rule.1.synchronous=OFF\n");

        AppResult valid = AppJvm.cli("config", "config=" + file + ",busy_timeout=8000");
        assertEquals(0, valid.exitStatus(), valid::toString);
        assertTrue(valid.stdout().matches("(?s)  KEY +VALUE +FROM\n.*"), valid::toString);
        assertTrue(valid.stdout().matches("(?s).*\n  busy_timeout +8000 +agent argument\n.*"), valid::toString);
        assertTrue(valid.stdout().matches("(?s).*\n  cache_size +-4444 +file " + java.util.regex.Pattern.quote(file.toString()) + "\n.*"),
                valid::toString);
        assertTrue(valid.stdout().matches("(?s).*\n  rule\\.1\\.synchronous +OFF +file .*"), valid::toString);
        assertTrue(valid.stdout().matches("(?s).*\n  journal_mode +WAL +default\n.*"), valid::toString);
        assertTrue(valid.stdout().endsWith("valid\n"), valid::toString);

        Files.writeString(file, "cache_size=-4444\njournal_mod=WAL\n");
        AppResult invalid = AppJvm.cli("config", "config=" + file);
        assertEquals(1, invalid.exitStatus(), invalid::toString);
        assertTrue(invalid.stderr().startsWith("sqlite-pragma-agent config: unknown key 'journal_mod' from file " + file
                + " (did you mean 'journal_mode'?)"), invalid::toString);
        assertTrue(invalid.stdout().endsWith("valid, but 1 unknown key(s) that the agent would ignore (strict=true would"
                + " stop the JVM)\n"), invalid::toString);
    }

    @Test
    void configKeepsItsColumnsAndOrderAndMarksWhatItRefuses() throws Exception {
        String longPath = "/srv/" + "very-long-directory-name/".repeat(3) + "cache.db";
        Path file = Files.writeString(dir.resolve("rules.properties"), "rule.10.synchronous=OFF\nrule.10.match=/a/*.db\n"
                + "rule.2.cache_size=-1000\nrule.2.match=" + longPath + "\n");

        AppResult result = AppJvm.cli("config", "config=" + file + ",cache_size=lots,journal_mod=WAL");

        assertEquals(1, result.exitStatus(), result::toString);
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (line.matches("[ !] \\S.*") && !line.startsWith("! =")) {
                rows.add(line);
            }
        }
        int valueColumn = rows.get(0).indexOf("VALUE");
        int fromColumn = rows.get(0).indexOf("FROM");
        for (String row : rows.subList(1, rows.size())) {
            assertEquals(' ', row.charAt(valueColumn - 1), "the VALUE column holds: " + row);
            assertTrue(row.charAt(valueColumn) != ' ', "the VALUE column holds: " + row);
            assertEquals(' ', row.charAt(fromColumn - 1), "the FROM column holds: " + row);
            assertTrue(row.charAt(fromColumn) != ' ', "the FROM column holds: " + row);
        }
        java.util.List<String> keys = rows.stream().map(row -> row.substring(2).split(" +")[0]).toList();
        assertEquals(java.util.List.of("rule.2.match", "rule.2.cache_size", "rule.10.match", "rule.10.synchronous"),
                keys.subList(keys.size() - 4, keys.size()), "rules by number, match first: " + result);
        assertTrue(keys.indexOf("enabled") < keys.indexOf("busy_timeout"), result::toString);
        assertTrue(rows.stream().anyMatch(row -> row.matches("! cache_size +lots +agent argument")), result::toString);
        assertTrue(rows.stream().anyMatch(row -> row.matches("! journal_mod +WAL +agent argument")), result::toString);
        assertTrue(rows.stream().noneMatch(row -> row.startsWith("  cache_size ")), "the refused value only: " + result);
        assertTrue(result.stdout().contains("\n! = refused: "), result::toString);

        AppResult again = AppJvm.cli("config", "config=" + file + ",cache_size=lots,journal_mod=WAL");
        assertEquals(result.stdout(), again.stdout(), "a stable order");
    }
}
