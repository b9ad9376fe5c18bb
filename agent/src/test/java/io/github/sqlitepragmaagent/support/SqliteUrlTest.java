package io.github.sqlitepragmaagent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteUrlTest {

    @Test
    void theDriverOpensExactlyTheFileNamedWhateverItsNameHolds(@TempDir Path dir) throws Exception {
        for (String name : List.of("app.db?foo=bar&cache=private", "a%20b#c.db", "plain.db", "x?journal_mode=WAL")) {
            Path file = Files.createFile(dir.resolve(name));
            Properties readOnly = new Properties();
            readOnly.setProperty("open_mode", "1"); // never creates: a wrong name fails instead of making a file
            try (Connection connection = DriverManager.getConnection(SqliteUrl.forFile(file.toString()), readOnly);
                    Statement statement = connection.createStatement();
                    ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
                databases.next();
                assertEquals(file.toString(), databases.getString("file"), name);
            }
        }
    }
}
