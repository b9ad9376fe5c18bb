package io.github.sqlitepragmaagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployments with class loaders of their own: a Spring Boot executable jar (nested jars). */
class DeploymentsTest {

    static final Path BOOT_APP = Paths.get(System.getProperty("boot.app.jar"));

    @TempDir
    Path dir;

    @Test
    void aSpringBootFatJarWithBootsHikariPoolIsTuned() throws Exception {
        AppResult result = AppJvm.withAgent().timeout(java.time.Duration.ofSeconds(120))
                .runJar(BOOT_APP, "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("boot.db"));

        assertEquals(0, result.exitStatus(), result::toString);
        assertEquals("org.springframework.boot.loader.launch.LaunchedClassLoader", result.get("app.driver_loader"), result::toString);
        assertEquals(ConnectionPathsTest.DEFAULTS, result.section("app").entrySet().stream()
                .filter(e -> ConnectionPathsTest.DEFAULTS.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), result::toString);
        CompatibilityMatrix.passed("deployment", "Spring Boot 4.0.7 executable jar (LaunchedClassLoader, HikariCP)",
                result.get("jvm.version"), null);
    }
}
