package io.github.sqlitepragmaagent.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How benchmarks start fresh JVMs: this JVM's java, this jar's class path, the agent if asked. */
final class Jvm {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String CLASS_PATH = System.getProperty("java.class.path");

    private Jvm() {}

    /** The agent jar: {@code --agent PATH}, or {@code agent/target/sqlite-pragma-agent.jar} from here. */
    static Path agentJar(String given) {
        return built(given, "agent/target/sqlite-pragma-agent.jar", "--agent");
    }

    /** The panel app's jar: {@code --panel-app PATH}, or {@code examples/panel-app/target/panel-app.jar} from here. */
    static Path panelAppJar(String given) {
        return built(given, "examples/panel-app/target/panel-app.jar", "--panel-app");
    }

    /** The Spring Boot test app's fat jar, {@code test-apps/boot-app/target/boot-app.jar} from here. */
    static Path bootAppJar() {
        return built(null, "test-apps/boot-app/target/boot-app.jar", "(no option: run from the repository root)");
    }

    /** Another agent's jar, copied by the build to {@code benchmarks/target/other-agents/NAME.jar} from here. */
    static Path otherAgentJar(String name) {
        return built(null, "benchmarks/target/other-agents/" + name + ".jar", "(no option: run from the repository root)");
    }

    /** The Prometheus JMX exporter configuration the README shows, {@code docs/prometheus-jmx-exporter.yaml} from here. */
    static Path exporterConfig() {
        return built(null, "docs/prometheus-jmx-exporter.yaml", "(no option: run from the repository root)");
    }

    private static Path built(String given, String fromRepositoryRoot, String option) {
        Path jar = Path.of(given == null ? fromRepositoryRoot : given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it first (mvn -B -DskipTests package)"
                    + " or pass " + option + " PATH");
        }
        return jar;
    }

    /** {@code java [javaagent] [options] -cp <this class path> mainClass args}. */
    static List<String> command(Path agentJar, List<String> options, Class<?> mainClass, String... args) {
        return command(agentJar, null, options, mainClass, args);
    }

    /** {@code java [javaagent[=agentArguments]] [options] -cp <this class path> mainClass args}. */
    static List<String> command(Path agentJar, String agentArguments, List<String> options, Class<?> mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar + (agentArguments == null ? "" : "=" + agentArguments));
        }
        command.addAll(options);
        command.add("-cp");
        command.add(CLASS_PATH);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java [javaagent] [options] -jar jar args}: an app started the way its users start it. */
    static List<String> jarCommand(Path agentJar, List<String> options, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar);
        }
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    static String describeMachine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
