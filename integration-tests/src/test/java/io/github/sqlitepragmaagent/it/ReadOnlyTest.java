package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.driver.DriverVersion;
import io.github.sqlitepragmaagent.it.apps.ReadOnlyApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-only flag. Where sqlite-jdbc supports it itself (explicit_readonly, a connection opened
 * read-only), the agent leaves it to the driver: sqlite-jdbc's own read-only scenarios end as without
 * the agent, on every supported driver version that has explicit_readonly. Where the driver refuses it
 * (its default), the agent emulates it with query_only, and the emulation answers isReadOnly() truly
 * and refuses a change in the middle of a transaction as the driver's own support does.
 */
class ReadOnlyTest {

    @TempDir
    Path dir;

    static Stream<String> explicitReadOnlyVersions() {
        return Arrays.stream(System.getProperty("matrix.sqlite.versions").split(","))
                .filter(version -> DriverVersion.compare(version, "3.41") >= 0);
    }

    @ParameterizedTest(name = "sqlite-jdbc {0}")
    @MethodSource("explicitReadOnlyVersions")
    void explicitReadOnlyEndsAsWithoutTheAgent(String version) throws Exception {
        String jar = "sqlite-jdbc-" + version + ".jar";
        AppResult without = AppJvm.withoutAgent().onlyLibs(jar, "slf4j-api.jar")
                .run(ReadOnlyApp.class, dir.resolve("plain.db").toString(), "explicit");
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false").onlyLibs(jar, "slf4j-api.jar")
                .run(ReadOnlyApp.class, dir.resolve("agent.db").toString(), "explicit");

        Map<String, String> expected = without.section("step");
        expected.putAll(without.section("app"));
        Map<String, String> actual = with.section("step");
        actual.putAll(with.section("app"));
        assertEquals(11, expected.size(), without::toString);
        assertEquals("ok,isReadOnly=true", expected.get("read-only-then-transaction"), without::toString);
        assertEquals(expected, actual, with::toString);
    }

    @Test
    void emulatedReadOnlyAnswersTheTruthAndRefusesChangesMidTransaction() throws Exception {
        AppResult without = AppJvm.withoutAgent().run(ReadOnlyApp.class, dir.resolve("plain.db").toString(), "plain");
        AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false")
                .run(ReadOnlyApp.class, dir.resolve("agent.db").toString(), "plain");
        Map<String, String> steps = with.section("step");

        assertEquals("ok,isReadOnly=true", steps.get("read-only-then-transaction"), with::toString);
        assertEquals("ok,isReadOnly=true", steps.get("transaction-then-read-only"), with::toString);
        assertEquals("Cannot_change_Read-Only_status_of_this_connection:_the_first_statement_was_already_executed_and_the"
                + "_transaction_is_open.,isReadOnly=false", steps.get("read-only-after-first-statement"), with::toString);
        assertEquals("[SQLITE_READONLY]_Attempt_to_write_a_readonly_database_(attempt_to_write_a_readonly_database)"
                + ",isReadOnly=true", steps.get("write-in-read-only-transaction"), with::toString);
        assertEquals("ok,isReadOnly=false", steps.get("write-after-read-only-transaction"), with::toString);
        assertEquals("ok,isReadOnly=false", steps.get("read-only-in-autocommit"), with::toString);
        // Where the driver decides (opened read-only, closed), the app gets the driver's answers.
        for (String step : new String[] {"opened-read-only-set-false", "opened-read-only-set-true",
                "opened-read-only-transaction", "closed-set-true"}) {
            assertEquals(without.section("step").get(step), steps.get(step), with::toString);
        }
        assertEquals("2", with.section("app").get("rows"), with::toString);
    }
}
