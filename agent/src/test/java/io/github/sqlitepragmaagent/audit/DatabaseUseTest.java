package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a database counts as in use, on real sqlite-jdbc connections and with explicit clock readings. */
class DatabaseUseTest {

    private static final long IDLE = 1000;

    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("use.db"));
    }

    @Test
    void anOpenConnectionKeepsTheDatabaseInUseHoweverLongAgoItWasOpened() throws SQLException {
        DatabaseUse use = new DatabaseUse(0);
        try (Connection connection = open()) {
            assertTrue(use.opened(connection, 0));
            assertEquals(1, use.openConnections(10));
            assertFalse(use.retireIfIdle(IDLE, 100 * IDLE), "a connection the app still holds is use");
        }
        assertEquals(0, use.openConnections(100 * IDLE));
        assertFalse(use.retireIfIdle(IDLE, 101 * IDLE - 1), "idle counts from when a connection was last seen open");
        assertTrue(use.retireIfIdle(IDLE, 101 * IDLE));
    }

    @Test
    void aRetiredRecordRefusesNewConnectionsSoThatTheCallerBringsTheDatabaseBack() throws SQLException {
        DatabaseUse use = new DatabaseUse(0);
        assertTrue(use.retireIfIdle(IDLE, IDLE));
        try (Connection connection = open()) {
            assertFalse(use.opened(connection, IDLE + 1));
            assertTrue(use.retired());
        }
    }

    @Test
    void closedConnectionsArePrunedAndOpenOnesCounted() throws SQLException {
        DatabaseUse use = new DatabaseUse(0);
        List<Connection> kept = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Connection connection = open();
                use.opened(connection, i);
                if (i % 10 == 0) {
                    kept.add(connection);
                } else {
                    connection.close();
                }
            }
            assertEquals(10, use.openConnections(100));
        } finally {
            for (Connection connection : kept) {
                connection.close();
            }
        }
        assertEquals(0, use.openConnections(200));
    }

    @Test
    void aConnectionOpenedMeanwhileMakesTheIdleTimeStartAgain() throws SQLException {
        DatabaseUse use = new DatabaseUse(0);
        try (Connection connection = open()) {
            use.opened(connection, IDLE - 1);
        }
        assertFalse(use.retireIfIdle(IDLE, IDLE), "opened at IDLE-1, closed since: idle for 1 ms only");
        assertTrue(use.retireIfIdle(IDLE, 2 * IDLE - 1));
    }
}
