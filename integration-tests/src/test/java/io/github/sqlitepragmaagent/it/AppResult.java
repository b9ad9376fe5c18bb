package io.github.sqlitepragmaagent.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an app JVM did: exit status, stdout, stderr, and the {@code key=value} lines it reported. */
final class AppResult {

    private final int exitStatus;
    private final String stdout;
    private final String stderr;
    private final List<String> command;
    private final Map<String, String> reported = new LinkedHashMap<>();

    AppResult(int exitStatus, String stdout, String stderr, List<String> command) {
        this.exitStatus = exitStatus;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
        for (String line : stdout.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.contains(" ")) {
                reported.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
    }

    int exitStatus() {
        return exitStatus;
    }

    String stdout() {
        return stdout;
    }

    String stderr() {
        return stderr;
    }

    /** A value the app reported as {@code key=value}, e.g. {@code app.journal_mode}. */
    String get(String key) {
        return reported.get(key);
    }

    /** Every reported value under {@code label.}, without the label. */
    Map<String, String> section(String label) {
        Map<String, String> values = new LinkedHashMap<>();
        reported.forEach((key, value) -> {
            if (key.startsWith(label + ".")) {
                values.put(key.substring(label.length() + 1), value);
            }
        });
        return values;
    }

    /** The agent's lines on stderr. */
    List<String> agentLines() {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            if (line.contains("sqlite-pragma-agent")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The agent's lines containing {@code text}. */
    List<String> agentLinesContaining(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : agentLines()) {
            if (line.contains(text)) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "exit status " + exitStatus + " of " + command + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
