package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.it.apps.ChurnApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demand only (it takes minutes; its name keeps it out of the default run too): the agent's heap
 * after a churn of 20,000 databases against a run of 200, both in fresh JVMs with the same settings.
 *
 * <pre>mvn -B verify -pl integration-tests -am -Dit.test=ChurnHeapMeasurement -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dchurn.measure=true</pre>
 */
@EnabledIfSystemProperty(named = "churn.measure", matches = "true")
class ChurnHeapMeasurement {

    private static final int WINDOW = 200;

    @TempDir
    Path dir;

    private AppResult churn(int count) throws Exception {
        Path work = Files.createDirectories(dir.resolve("churn-" + count));
        AppResult result = AppJvm.withAgent().jvmOption("-Xmx256m").jvmOption("-XX:+UseSerialGC")
                .timeout(Duration.ofMinutes(30)).run(ChurnApp.class, work.toString(), String.valueOf(count), String.valueOf(WINDOW));
        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals(String.valueOf(count), result.get("app.audits_run"), result::toString);
        return result;
    }

    @Test
    void heapAfterTwentyThousandDatabasesStaysWithinFiveMegabytesOfTwoHundred() throws Exception {
        AppResult small = churn(200);
        AppResult large = churn(20_000);

        long smallHeap = Long.parseLong(small.get("app.heap_used_bytes"));
        long largeHeap = Long.parseLong(large.get("app.heap_used_bytes"));
        System.out.printf("churn 200: heap %,d bytes, %s beans, %s s%nchurn 20000: heap %,d bytes, %s beans, %s s%n"
                + "difference: %,d bytes%n", smallHeap, small.get("app.beans"), small.get("app.seconds"), largeHeap,
                large.get("app.beans"), large.get("app.seconds"), largeHeap - smallHeap);
        assertTrue(largeHeap - smallHeap <= 5L << 20, "heap grew by " + (largeHeap - smallHeap) + " bytes");
    }
}
