package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitepragmaagent.it.apps.OpenApp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement hooks find a connection's session by the identity of its DB object, while the driver
 * holds that object's lock (its methods are synchronized). On a JVM that moves a locked object's
 * header aside (JDK 17's stack locking), asking a locked object for its identity hash the first time
 * inflates its monitor, for as long as the connection lives: every synchronized driver call then takes
 * the slow path (measured: a simple prepared query about 15 % slower). The JVM logs each inflation.
 */
class DriverMonitorsTest {

    @TempDir
    Path dir;

    private static List<String> driverInflations(AppResult result) {
        return result.stdout().lines().filter(line -> line.contains("inflate(") && line.contains("org.sqlite."))
                .collect(Collectors.toList());
    }

    private static AppResult run(AppJvm jvm, Path db) throws Exception {
        // A pragma in the URL: the driver runs its own statements while it opens the connection.
        return jvm.jvmOption("-Xlog:monitorinflation=trace").run(OpenApp.class, "--url",
                "jdbc:sqlite:" + db + "?busy_timeout=4000", "--sql", "CREATE TABLE IF NOT EXISTS t(x)", "--sql",
                "INSERT INTO t VALUES (1)", "--connections", "3");
    }

    @Test
    void theAgentsHooksLeaveTheDriversLocksAsLightAsWithoutIt() throws Exception {
        AppResult plain = run(AppJvm.withoutAgent(), dir.resolve("plain.db"));
        AppResult tuned = run(AppJvm.withAgent().agentArguments("audit.enabled=false"), dir.resolve("tuned.db"));

        assertEquals(0, plain.exitStatus(), plain::toString);
        assertEquals(0, tuned.exitStatus(), tuned::toString);
        assertEquals(List.of(), driverInflations(plain), "without the agent");
        assertEquals(List.of(), driverInflations(tuned), "with the agent");
    }
}
