package io.github.sqlitepragmaagent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of each test run, renders every cell recorded so far (this run's and earlier runs' of
 * the same build, e.g. the JDK 17 and JDK 25 executions) as Markdown tables in
 * {@code target/compatibility/compatibility-matrix.md}. A cell that did not pass is shown as "—".
 */
public final class CompatibilityReport implements TestExecutionListener {

    /** The first test run of a build starts the table over (the pom sets this); later runs add to it. */
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Boolean.getBoolean("compatibility.reset")) {
            try {
                Files.deleteIfExists(CompatibilityMatrix.CELLS);
            } catch (IOException e) {
                throw new IllegalStateException("cannot reset " + CompatibilityMatrix.CELLS, e);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!Files.exists(CompatibilityMatrix.CELLS)) {
            return;
        }
        try {
            Map<String, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
            TreeSet<String> jdks = new TreeSet<>((a, b) -> Integer.compare(feature(a), feature(b)));
            for (String line : Files.readAllLines(CompatibilityMatrix.CELLS, StandardCharsets.UTF_8)) {
                String[] cell = line.split("\t", -1);
                if (cell.length < 4) {
                    continue;
                }
                jdks.add(cell[2]);
                tables.computeIfAbsent(cell[0], t -> new LinkedHashMap<>())
                        .computeIfAbsent(cell[1], r -> new LinkedHashMap<>())
                        .put(cell[2], cell[3].isEmpty() ? "✓" : "✓ " + cell[3]);
            }
            StringBuilder markdown = new StringBuilder();
            for (Map.Entry<String, Map<String, Map<String, String>>> table : tables.entrySet()) {
                markdown.append("| ").append(table.getKey());
                jdks.forEach(jdk -> markdown.append(" | ").append(jdk));
                markdown.append(" |\n|---");
                jdks.forEach(jdk -> markdown.append("|---"));
                markdown.append("|\n");
                List<String> rows = new ArrayList<>(table.getValue().keySet());
                for (String row : rows) {
                    markdown.append("| ").append(row);
                    for (String jdk : jdks) {
                        markdown.append(" | ").append(table.getValue().get(row).getOrDefault(jdk, "—"));
                    }
                    markdown.append(" |\n");
                }
                markdown.append('\n');
            }
            Files.writeString(CompatibilityMatrix.DIR.resolve("compatibility-matrix.md"), markdown.toString(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the compatibility matrix", e);
        }
    }

    private static int feature(String jdk) {
        try {
            return Integer.parseInt(jdk.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
