package io.github.sqlitepragmaagent.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
        assertEquals("/tmp/a.db", request.database());
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
}
