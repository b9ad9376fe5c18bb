package io.github.sqlitepragmaagent.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverPragmasTest {

    @Test
    void theBuiltInNamesAreThoseOfTheDriverThisProjectBuildsWith(@TempDir Path dir) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("names.db"))) {
            assertEquals(DriverPragmas.LATEST, DriverHandles.of(connection).pragmaNames(), "asked of the driver itself");
        }
    }
}
