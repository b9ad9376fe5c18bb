package io.github.sqlitepragmaagent.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.driver.DriverPragmas;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRequestTest {

    @Test
    void aPlainFileIsNamedByItsAbsolutePath() {
        OpenRequest request = OpenRequest.parse("jdbc:sqlite:data/app.db", null);

        assertEquals(OpenRequest.Kind.FILE, request.kind());
        assertEquals(new File("data/app.db").getAbsolutePath(), request.database());
        assertFalse(request.readOnly());
        assertTrue(request.appPragmas().isEmpty());
    }

    @Test
    void urlPragmasCountAsTheAppsOwnButPropertiesWin() {
        Properties properties = new Properties();
        properties.setProperty("synchronous", "OFF");
        properties.setProperty("JOURNAL_MODE", "TRUNCATE"); // the driver ignores upper-case Properties keys

        OpenRequest request = OpenRequest.parse(
                "jdbc:sqlite:/tmp/a.db?Journal_Mode=DELETE&synchronous=FULL&foo=bar&cache_size=", properties);

        assertEquals(Map.of("journal_mode", "DELETE", "synchronous", "OFF"), request.appPragmas());
        assertEquals("/tmp/a.db?foo=bar", request.database(), "the driver keeps what is not a pragma in the name");
    }

    @Test
    void theDriversOwnDefaultBusyTimeoutIsNotTheAppsChoice() {
        Properties dataSourceProperties = new Properties();
        dataSourceProperties.setProperty("busy_timeout", "3000");
        dataSourceProperties.setProperty("open_mode", "6");

        assertTrue(OpenRequest.parse("jdbc:sqlite:x.db", dataSourceProperties).appPragmas().isEmpty());

        dataSourceProperties.setProperty("busy_timeout", "2500");
        assertEquals(Map.of("busy_timeout", "2500"), OpenRequest.parse("jdbc:sqlite:x.db", dataSourceProperties).appPragmas());
    }

    @Test
    void readOnlyComesFromOpenModeFlagsOrUriParameters() {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "65"); // SQLITE_OPEN_READONLY | SQLITE_OPEN_URI

        assertTrue(OpenRequest.parse("jdbc:sqlite:x.db", readOnly).readOnly());
        assertTrue(OpenRequest.parse("jdbc:sqlite:file:x.db?mode=ro", null).readOnly());
        assertTrue(OpenRequest.parse("jdbc:sqlite:file:x.db?immutable=1", null).readOnly());
        assertTrue(OpenRequest.parse("jdbc:sqlite:x.db?open_mode=1", null).readOnly());
        assertFalse(OpenRequest.parse("jdbc:sqlite:file:x.db?mode=rwc", null).readOnly());
        assertFalse(OpenRequest.parse("jdbc:sqlite:x.db?open_mode=six", null).readOnly());
    }

    @Test
    void fileUrisLoseTheirSchemeAuthorityAndEscapes() {
        assertEquals("/srv/my data/app.db",
                OpenRequest.parse("jdbc:sqlite:file:///srv/my%20data/app.db?mode=ro", null).database());
        assertEquals("/srv/app.db", OpenRequest.parse("jdbc:sqlite:file://localhost/srv/app.db", null).database());
    }

    @Test
    void memoryTempAndResourceDatabasesAreRecognised() {
        assertEquals(OpenRequest.Kind.MEMORY, OpenRequest.parse("jdbc:sqlite::memory:", null).kind());
        assertEquals(OpenRequest.Kind.MEMORY, OpenRequest.parse("jdbc:sqlite:file::memory:?cache=shared", null).kind());
        assertEquals(OpenRequest.Kind.MEMORY, OpenRequest.parse("jdbc:sqlite:file:shared?mode=memory&cache=shared", null).kind());
        assertEquals(OpenRequest.Kind.TEMP, OpenRequest.parse("jdbc:sqlite:", null).kind());
        assertEquals(OpenRequest.Kind.RESOURCE, OpenRequest.parse("jdbc:sqlite::resource:db/seed.db", null).kind());
    }

    @Test
    void nonStringPropertiesAndNullsDoNotBreakParsing() {
        Properties odd = new Properties();
        odd.put("cache_size", 500);
        odd.put(42, "x");

        assertEquals(Map.of("cache_size", "500"), OpenRequest.parse(null, odd).appPragmas());
    }

    @Test
    void parametersThatAreNotPragmasStayInTheFileNameInTheOrderTheDriverRebuildsIt() {
        assertEquals("/x/app.db?foo=bar&cache=private", OpenRequest.parse("jdbc:sqlite:/x/app.db?cache=private&foo=bar", null).database());
        assertEquals("/x/app.db?zz=9&c=3&b=2&a=1", OpenRequest.parse("jdbc:sqlite:/x/app.db?a=1&b=2&c=3&zz=9", null).database());
        assertEquals("/x/app.db?x&Foo=Bar", OpenRequest.parse("jdbc:sqlite:/x/app.db?Foo=Bar&x", null).database());
        assertEquals("/x/app.db", OpenRequest.parse("jdbc:sqlite:/x/app.db?", null).database());
        assertEquals("/x/app.db", OpenRequest.parse("jdbc:sqlite:/x/app.db?&journal_mode=WAL&", null).database());

        OpenRequest mixed = OpenRequest.parse("jdbc:sqlite:/x/app.db?journal_mode=DELETE&foo=bar&journal_mode=TRUNCATE", null);
        assertEquals("/x/app.db?foo=bar", mixed.database());
        assertEquals(Map.of("journal_mode", "TRUNCATE"), mixed.appPragmas(), "the last one given wins");
    }

    @Test
    void whatIsAPragmaDependsOnTheDriverVersion() {
        Set<String> driver3252 = new HashSet<>(DriverPragmas.LATEST);
        driver3252.removeAll(Set.of("wal_autocheckpoint", "automatic_index"));
        String url = "jdbc:sqlite:/x/app.db?wal_autocheckpoint=100";

        assertEquals("/x/app.db", OpenRequest.parse(url, null).database());
        assertEquals(Map.of("wal_autocheckpoint", "100"), OpenRequest.parse(url, null).appPragmas());
        OpenRequest older = OpenRequest.parse(url, null, driver3252);
        assertEquals("/x/app.db?wal_autocheckpoint=100", older.database());
        assertEquals(Map.of(), older.appPragmas(), "sqlite-jdbc 3.25.2 does not apply it");
    }

    @Test
    void aFileUriKeepsItsQueryForSqliteAndNamesThePath() {
        assertEquals("/x/app.db", OpenRequest.parse("jdbc:sqlite:file:/x/app.db?cache=private&foo=bar", null).database());
    }

    @Test
    void theNameIsTheFileTheDriverReallyOpens(@TempDir Path dir) throws Exception {
        for (String suffix : List.of("?cache=private&foo=bar", "?journal_mode=WAL&a=1&b=2", "?foo=bar&foo=baz", "?&x&",
                "?synchronous=OFF")) {
            String url = "jdbc:sqlite:" + dir.resolve("app.db") + suffix;
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement();
                    ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
                databases.next();
                assertEquals(databases.getString("file"), OpenRequest.parse(url, null).database(), url);
            }
        }
    }
}
