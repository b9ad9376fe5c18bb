package io.github.sqlitepragmaagent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Records what passed, for the README's compatibility table: a test calls {@link #passed} after its
 * assertions, with the JVM version its app reported; {@link CompatibilityReport} renders the table.
 */
final class CompatibilityMatrix {

    static final Path DIR = Paths.get(System.getProperty("compatibility.dir", "target/compatibility"));
    static final Path CELLS = DIR.resolve("cells.tsv");

    private CompatibilityMatrix() {}

    /** One passed cell: {@code table} (e.g. "sqlite-jdbc"), its {@code row}, the app's Java version, a note. */
    static synchronized void passed(String table, String row, String javaVersion, String note) {
        String feature = javaVersion == null ? "?" : javaVersion.split("[.+-]")[0];
        String line = String.join("\t", table, row, "JDK " + feature, note == null ? "" : note) + "\n";
        try {
            Files.createDirectories(DIR);
            Files.writeString(CELLS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the compatibility matrix in " + CELLS, e);
        }
    }
}
