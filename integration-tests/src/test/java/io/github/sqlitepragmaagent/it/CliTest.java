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
    void withoutACommandItPrintsTheUsageAndExits2() throws Exception {
        AppResult result = AppJvm.cli();

        assertEquals(2, result.exitStatus(), result::toString);
        assertTrue(result.stdout().startsWith("usage: java -jar sqlite-pragma-agent.jar COMMAND [ARGUMENTS]"), result::toString);
        for (String command : new String[] {"check", "attach", "list", "config"}) {
            assertTrue(result.stdout().contains("\n  " + command + " "), command + ": " + result);
        }
    }

    @Test
    void helpAndVersionExit0() throws Exception {
        assertEquals(0, AppJvm.cli("--help").exitStatus());
        AppResult version = AppJvm.cli("--version");
        assertEquals(0, version.exitStatus(), version::toString);
        assertTrue(version.stdout().matches("sqlite-pragma-agent \\d+\\.\\d+\\.\\d+\\S*\\R"), version::toString);
        for (String command : new String[] {"check", "attach", "list", "config"}) {
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
            {"attach", "1", "a=b", "extra"}, {"list", "extra"}, {"config", "a=1", "b=2"},
        };
        String[] reasons = {
            "sqlite-pragma-agent: unknown command 'frobnicate'", "sqlite-pragma-agent check: name at least one database file",
            "sqlite-pragma-agent check: unknown option --bogus", "sqlite-pragma-agent check: --driver needs a value",
            "sqlite-pragma-agent check: --driver /nonexistent/sqlite-jdbc.jar: no such file",
            "sqlite-pragma-agent attach: name the PID to attach to", "sqlite-pragma-agent attach: PID notapid is not a process id",
            "sqlite-pragma-agent attach: too many arguments", "sqlite-pragma-agent list: list takes no arguments",
            "sqlite-pragma-agent config: give the settings as one KEY=VALUE,KEY=VALUE argument",
        };
        for (int i = 0; i < cases.length; i++) {
            AppResult result = AppJvm.cli(cases[i]);
            assertEquals(2, result.exitStatus(), result::toString);
            String[] lines = result.stderr().split("\\R");
            assertTrue(lines[0].startsWith(reasons[i]), "first line: " + result);
            assertTrue(lines[1].startsWith("usage: java -jar sqlite-pragma-agent.jar"), "then the usage: " + result);
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
                + " foreign_keys=1 temp_store=2 skipped_journal_mode=\"read-only connection\"\n"), out);
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
        assertTrue(result.stdout().contains("integrity is corrupt"), result::toString);
        assertTrue(result.stdout().contains("  foreign keys     3 violation(s) in child:3"), result::toString);
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
        assertTrue(valid.stdout().startsWith("KEY                          VALUE                  FROM\n"), valid::toString);
        assertTrue(valid.stdout().contains("\nbusy_timeout                 8000                   agent argument\n"), valid::toString);
        assertTrue(valid.stdout().contains("\ncache_size                   -4444                  file " + file + "\n"), valid::toString);
        assertTrue(valid.stdout().contains("\nrule.1.synchronous           OFF                    file " + file + "\n"), valid::toString);
        assertTrue(valid.stdout().contains("\njournal_mode                 WAL                    default\n"), valid::toString);
        assertTrue(valid.stdout().endsWith("valid\n"), valid::toString);

        Files.writeString(file, "cache_size=-4444\njournal_mod=WAL\n");
        AppResult invalid = AppJvm.cli("config", "config=" + file);
        assertEquals(1, invalid.exitStatus(), invalid::toString);
        assertTrue(invalid.stderr().startsWith("sqlite-pragma-agent config: unknown key 'journal_mod' from file " + file
                + " (did you mean 'journal_mode'?)"), invalid::toString);
        assertTrue(invalid.stdout().endsWith("valid, but 1 unknown key(s) that the agent would ignore (strict=true would"
                + " stop the JVM)\n"), invalid::toString);
    }
}
