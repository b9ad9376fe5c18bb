package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.LockHolderApp;
import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Read-only, in-memory, locked and broken databases: the app always gets its connection. */
class SpecialConnectionsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> readOnlyOpenings() {
        List<Arguments> cases = new ArrayList<>();
        for (String mode : List.of("wal", "delete")) {
            cases.add(Arguments.of(mode, "SQLiteConfig.setReadOnly", List.of("--via", "config", "--read-only")));
            cases.add(Arguments.of(mode, "SQLiteDataSource read-only", List.of("--via", "datasource", "--read-only")));
            cases.add(Arguments.of(mode, "open_mode flags", List.of("--prop", "open_mode=1")));
            cases.add(Arguments.of(mode, "mode=ro", List.of("--uri-suffix", "?mode=ro")));
            cases.add(Arguments.of(mode, "immutable=1", List.of("--uri-suffix", "?immutable=1")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on a {0} database")
    @MethodSource("readOnlyOpenings")
    void readOnlyConnectionsOpenAsWithoutTheAgentAndGetWhatCanApply(String mode, String how, List<String> options)
            throws Exception {
        Path db = Databases.create(dir.resolve("ro-" + mode + ".db"), mode);
        String[] args = appArgs(db, options);

        AppResult plain = AppJvm.withoutAgent().run(OpenApp.class, args);
        AppResult tuned = AppJvm.withAgent().run(OpenApp.class, args);

        assertEquals(0, plain.exitStatus(), plain::toString);
        assertEquals(0, tuned.exitStatus(), tuned::toString);
        assertEquals(plain.get("app.journal_mode"), tuned.get("app.journal_mode"), tuned::toString);
        assertEquals("5000", tuned.get("app.busy_timeout"), tuned::toString);
        assertEquals("1", tuned.get("app.foreign_keys"), tuned::toString);
        assertEquals("-20000", tuned.get("app.cache_size"), tuned::toString);
        assertEquals(List.of(), tuned.agentLinesContaining("WARN"), tuned::toString);
        assertEquals(1, tuned.agentLinesContaining("skipped_journal_mode=\"read-only connection\"").size(), tuned::toString);
        assertEquals(mode, Databases.pragma(db, "journal_mode"), "the file keeps its journal mode");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {":memory:", "file::memory:?cache=shared", ""})
    void memoryAndTempDatabasesSkipTheJournalModeQuietly(String name) throws Exception {
        AppResult result = AppJvm.withAgent().run(OpenApp.class, "--url", "jdbc:sqlite:" + name);

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(name.isEmpty() ? "delete" : "memory", result.get("app.journal_mode"), result::toString);
        assertEquals("1", result.get("app.synchronous"), result::toString);
        assertEquals("5000", result.get("app.busy_timeout"), result::toString);
        assertEquals("1", result.get("app.foreign_keys"), result::toString);
        assertEquals(List.of(), result.agentLinesContaining("WARN"), result::toString);
    }

    @Test
    void aDatabaseLockedByAnotherProcessStillOpensAndTheAgentSaysWhatItCouldNotDo() throws Exception {
        Path db = Databases.create(dir.resolve("locked.db"), "delete");
        Path release = dir.resolve("release");
        AppJvm.Running holder = AppJvm.withoutAgent().start(LockHolderApp.class, "jdbc:sqlite:" + db, release.toString());
        LockedDatabaseTest.awaitLocked(holder);

        AppResult result = AppJvm.withAgent().agentArguments("busy_timeout=300")
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + db, "--no-report");
        Files.createFile(release);
        AppResult holderResult = holder.await();

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("1", result.get("app.opened"), result::toString);
        List<String> warnings = result.agentLinesContaining("could not apply journal_mode=WAL");
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("locked"), warnings::toString);
        assertEquals(0, holderResult.exitStatus(), holderResult::toString);
        assertEquals(1, Databases.rows(db, "held"), "the other process's commit is intact");
        CompatibilityMatrix.passed("fault", "another process holds an exclusive lock", result.get("jvm.version"),
                "connection opens after busy_timeout, one warning");
    }

    @Test
    void thousandsOfConnectionsToATroubledDatabaseGiveOneWarning() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "not an SQLite database, only text ".repeat(100), StandardCharsets.US_ASCII);

        AppResult result = AppJvm.withAgent()
                .run(OpenApp.class, "--url", "jdbc:sqlite:" + garbage, "--no-report", "--connections", "3000");

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("3000", result.get("app.opened"), result::toString);
        assertEquals(1, result.agentLinesContaining("could not apply").size(), result::toString);
        assertEquals(List.of(), result.agentLinesContaining("could not tune"), result::toString);
    }

    private static String[] appArgs(Path db, List<String> options) {
        List<String> args = new ArrayList<>();
        String url = "jdbc:sqlite:" + db;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--uri-suffix")) {
                url = "jdbc:sqlite:file:" + db + options.get(++i);
            } else {
                args.add(options.get(i));
            }
        }
        args.add("--url");
        args.add(url);
        return args.toArray(new String[0]);
    }
}
