package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteVersionTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "3.6.23.1, false", "3.7.0, true", "3.36.0, true", "3.44.5, true", "3.44.6, false", "3.44.7, false",
        "3.45.3, true", "3.50.6, true", "3.50.7, false", "3.51.2, true", "3.51.3, false", "3.54.1, false", "4.0.0, false",
    })
    void theWalResetBugRangeAndItsBackports(String version, boolean affected) {
        assertEquals(affected, SqliteVersion.parse(version).hasWalResetBug());
    }

    @ParameterizedTest
    @CsvSource({"x.y", "3", "''"})
    void nonsenseIsNotAVersion(String text) {
        assertNull(SqliteVersion.parse(text));
    }
}
