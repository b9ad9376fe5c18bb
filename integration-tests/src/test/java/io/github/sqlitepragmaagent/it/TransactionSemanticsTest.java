package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.TxSemanticsApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apart from when a transaction begins, the agent changes nothing about transactions: savepoints,
 * batches, BEGIN and COMMIT written by the app, DDL and pragmas rolled back, commits without
 * statements. Every supported driver version, in the driver's default mode and with IMMEDIATE.
 */
class TransactionSemanticsTest {

    @TempDir
    Path dir;

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("matrix.sqlite.versions").split(","));
    }

    @ParameterizedTest(name = "sqlite-jdbc {0}")
    @MethodSource("versions")
    void transactionsBehaveAsWithoutTheAgent(String version) throws Exception {
        for (String suffix : new String[] {"", "?transaction_mode=IMMEDIATE"}) {
            String jar = "sqlite-jdbc-" + version + ".jar";
            AppResult without = AppJvm.withoutAgent().onlyLibs(jar, "slf4j-api.jar")
                    .run(TxSemanticsApp.class, dir.resolve("plain-" + suffix.length() + ".db") + suffix);
            AppResult with = AppJvm.withAgent().agentArguments("audit.enabled=false").onlyLibs(jar, "slf4j-api.jar")
                    .run(TxSemanticsApp.class, dir.resolve("agent-" + suffix.length() + ".db") + suffix);

            Map<String, String> expected = without.section("step");
            expected.putAll(without.section("app"));
            Map<String, String> actual = with.section("step");
            actual.putAll(with.section("app"));
            assertEquals(11, expected.size(), without::toString);
            assertEquals(expected, actual, with::toString);
        }
    }
}
