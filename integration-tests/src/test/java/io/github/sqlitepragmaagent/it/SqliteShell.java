package io.github.sqlitepragmaagent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code sqlite3} command-line shell, as an operator or a cron job runs it on a live database:
 * each call is a process of its own that opens the file, runs its commands and closes it.
 */
final class SqliteShell {

    private static final String SHELL = System.getenv().getOrDefault("SQLITE3", "sqlite3");

    private SqliteShell() {}

    /** Skips the calling test, saying why, where the shell is not installed ({@code .ci/run} installs it). */
    static void assumePresent() {
        String version;
        try {
            version = run(List.of(SHELL, "--version")).out;
        } catch (IOException | InterruptedException e) {
            version = null;
        }
        String found = version;
        Assumptions.assumeTrue(found != null && !found.isBlank(),
                () -> "skipped: the sqlite3 shell is not installed (Debian: apt-get install sqlite3; .ci/run does)");
    }

    /** What one call printed, and whether it succeeded. */
    record Result(int exitStatus, String out, String err) {
        boolean ok() {
            return exitStatus == 0 && err.isEmpty();
        }

        long number() {
            if (!ok()) {
                throw new AssertionError("sqlite3 failed (" + exitStatus + "): " + err);
            }
            return Long.parseLong(out);
        }
    }

    /** {@code sqlite3 -bail DB} with a 5 s busy timeout, then each of {@code commands} (SQL or dot-commands). */
    static Result on(Path db, String... commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SHELL, "-bail", "-cmd", ".timeout 5000", db.toString()));
        command.addAll(List.of(commands));
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sqlite3 did not finish within a minute: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).trim(),
                new String(err, StandardCharsets.UTF_8).trim());
    }
}
