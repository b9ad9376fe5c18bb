package io.github.sqlitepragmaagent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a test app in a separate JVM, the way users run it: {@code java -javaagent:<the real
 * shaded jar>=ARGS ... MainClass args}, and collects what it printed.
 */
final class AppJvm {

    static final Path AGENT_JAR = Paths.get(required("agent.jar")).toAbsolutePath().normalize();
    static final Path APP_LIBS = Paths.get(required("app.libs"));
    static final Path APP_CLASSES = Paths.get(required("app.classes"));
    /** Where each app's stdout and stderr go while it runs (under target/, deleted once read). */
    static final Path APP_RUNS = Paths.get(required("app.runs"));
    /**
     * What the run wants the apps on ({@code app.java.wanted}, e.g. JDK 25), or null for the JDK
     * running the tests; {@code app.java.home} names that JDK and may be empty when none was given.
     */
    private static final String WANTED = System.getProperty("app.java.wanted");
    private static final String WANTED_HOME = System.getProperty("app.java.home", "").trim();
    /** The java the apps run on, or null when the run wants another JDK and was not told where it is. */
    static final String JAVA = WANTED == null ? Paths.get(System.getProperty("java.home"), "bin", "java").toString()
            : WANTED_HOME.isEmpty() ? null : Paths.get(WANTED_HOME, "bin", "java").toString();

    private String agentArguments;
    private boolean withAgent = true;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> optionsBeforeAgent = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>(List.of(APP_CLASSES));
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String java = JAVA;
    private Duration timeout = Duration.ofSeconds(60);

    private AppJvm() {}

    /** A JVM with the agent and the default sqlite-jdbc on its class path. */
    static AppJvm withAgent() {
        return new AppJvm().libs("sqlite-jdbc.jar");
    }

    /** A JVM without the agent and with the default sqlite-jdbc. */
    static AppJvm withoutAgent() {
        AppJvm jvm = withAgent();
        jvm.withAgent = false;
        return jvm;
    }

    /** Agent arguments: {@code -javaagent:jar=ARGS}. */
    AppJvm agentArguments(String arguments) {
        this.agentArguments = arguments;
        return this;
    }

    AppJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** An option placed before this agent's {@code -javaagent}: another agent that should start first. */
    AppJvm jvmOptionBeforeAgent(String option) {
        optionsBeforeAgent.add(option);
        return this;
    }

    AppJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Adds jars from {@code app-libs} to the class path. */
    AppJvm libs(String... jars) {
        for (String jar : jars) {
            classPath.add(APP_LIBS.resolve(jar));
        }
        return this;
    }

    /** Replaces the class path (test classes stay first). */
    AppJvm onlyLibs(String... jars) {
        classPath.clear();
        classPath.add(APP_CLASSES);
        return libs(jars);
    }

    AppJvm java(String javaExecutable) {
        this.java = javaExecutable;
        return this;
    }

    AppJvm timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Skips the calling test, saying why, when the JDK the apps should run on is not installed. */
    static void assumeJavaPresent() {
        org.junit.jupiter.api.Assumptions.assumeTrue(JAVA != null,
                () -> "skipped: this run puts the apps on " + WANTED + ", and none was given");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Paths.get(JAVA)),
                () -> "skipped: this run puts the apps on " + WANTED + ", and " + JAVA + " is not an executable java");
    }

    /** Runs {@code java -jar <the agent jar> args}: the operator's command line. */
    static AppResult cli(String... args) throws IOException, InterruptedException {
        return withoutAgent().runJar(AGENT_JAR, args);
    }

    /** Runs {@code java [-javaagent] [options] -jar JAR args}, e.g. an app's executable jar. */
    AppResult runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> target = new ArrayList<>(List.of("-jar", jar.toString()));
        target.addAll(List.of(args));
        return launch(target).await();
    }

    /** Starts {@code java [-javaagent] [options] -jar JAR args}; the caller waits or stops it. */
    Running startJar(Path jar, String... args) throws IOException {
        List<String> target = new ArrayList<>(List.of("-jar", jar.toString()));
        target.addAll(List.of(args));
        return launch(target);
    }

    /** Runs {@code mainClass} with {@code args} and waits for it. */
    AppResult run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return start(mainClass, args).await();
    }

    /** Starts {@code mainClass}; the caller waits with {@link Running#await()}. */
    Running start(Class<?> mainClass, String... args) throws IOException {
        StringBuilder path = new StringBuilder();
        for (Path entry : classPath) {
            path.append(path.length() == 0 ? "" : File.pathSeparator).append(entry);
        }
        List<String> target = new ArrayList<>(List.of("-cp", path.toString(), mainClass.getName()));
        target.addAll(List.of(args));
        return launch(target);
    }

    /** {@code java [-javaagent] [options] TARGET...} with this JVM's environment minus SQLITE_AGENT_*, plus its own. */
    private Running launch(List<String> target) throws IOException {
        assumeJavaPresent();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(optionsBeforeAgent);
        if (withAgent) {
            command.add("-javaagent:" + AGENT_JAR + (agentArguments == null ? "" : "=" + agentArguments));
        }
        command.addAll(jvmOptions);
        command.addAll(target);
        Files.createDirectories(APP_RUNS);
        Path out = Files.createTempFile(APP_RUNS, "app-out", ".txt");
        Path err = Files.createTempFile(APP_RUNS, "app-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SQLITE_AGENT_"));
        builder.environment().putAll(environment);
        return new Running(builder.start(), out, err, command, timeout);
    }

    /** A started app. */
    static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;
        private final List<String> command;
        private final Duration timeout;

        Running(Process process, Path out, Path err, List<String> command, Duration timeout) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.command = command;
            this.timeout = timeout;
        }

        Process process() {
            return process;
        }

        String stdoutSoFar() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /** What the app (and the agent, which logs to stderr) wrote on stderr so far. */
        String stderrSoFar() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        /** Stops the app (SIGTERM) and returns what it printed. */
        AppResult stop() throws IOException, InterruptedException {
            process.destroy();
            return await();
        }

        AppResult await() throws IOException, InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("app did not finish within " + timeout + ": " + command
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            AppResult result = new AppResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), command);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }
}
