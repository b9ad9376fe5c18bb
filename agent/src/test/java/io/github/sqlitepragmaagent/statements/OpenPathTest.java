package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.tune.ConnectionTuner;
import io.github.sqlitepragmaagent.tune.OpenListener;
import io.github.sqlitepragmaagent.tune.TunedConnection;
import io.github.sqlitepragmaagent.tune.TuningStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * The open path runs once per connection: the tuner reads the app's URL and Properties and resolves
 * the database's rule, and the statement layer takes what the tuner resolved instead of doing it again.
 * Wired as the agent's runtime wires it, on real sqlite-jdbc connections.
 */
class OpenPathTest {

    @TempDir
    Path dir;

    private final Logger log = NOPLogger.NOP_LOGGER;
    private final StatementHooks hooks = new StatementHooks(log, new LockErrorRegistry(log));
    private final List<TunedConnection> handedOn = new ArrayList<>();

    private ConnectionTuner tuner() {
        AgentConfig config = ConfigLoader.load("transaction_mode=IMMEDIATE,rule.1.match=" + dir + "/ruled-*.db"
                + ",rule.1.transaction_mode=EXCLUSIVE", Map.of(), Map.of()).config();
        return new ConnectionTuner(config, log, new TuningStats(), OpenListener.NONE, tuned -> {
            handedOn.add(tuned);
            hooks.sessions().connectionTuned(tuned);
        });
    }

    @Test
    void aConnectionsUrlIsParsedAndItsRuleResolvedOncePerOpen() throws SQLException {
        ConnectionTuner tuner = tuner();
        String url = "jdbc:sqlite:" + dir.resolve("ruled-app.db") + "?transaction_mode=DEFERRED";
        for (int open = 1; open <= 3; open++) {
            CountingProperties properties = new CountingProperties();
            try (Connection connection = DriverManager.getConnection(url, new Properties())) {
                tuner.connectionOpened(connection, url, properties);
                assertEquals(1, properties.reads, "open " + open + ": the app's URL and Properties are read once");
                assertNull(hooks.sessions().ofConnection(connection).beginSql,
                        "the app's own transaction_mode stays, as the tuner's plan says");
            }
        }
        assertEquals(3, handedOn.size(), "the statement layer hears of each open once");
        TunedConnection first = handedOn.get(0);
        assertEquals("DEFERRED", first.request().appTransactionMode());
        assertEquals(1, first.settings().rule().number());
        for (TunedConnection later : handedOn) {
            assertSame(first.settings(), later.settings(), "the rule was resolved once, by the tuner, for every open");
        }
    }

    @Test
    void theStatementLayerTakesForeignKeysAndTheTransactionModeFromWhatTheTunerResolved() throws SQLException {
        ConnectionTuner tuner = tuner();
        assertSession(tuner, "jdbc:sqlite:" + dir.resolve("ruled-a.db"), true, "begin exclusive;");
        assertSession(tuner, "jdbc:sqlite:" + dir.resolve("plain.db"), true, "begin immediate;");
        assertSession(tuner, "jdbc:sqlite:" + dir.resolve("plain.db") + "?foreign_keys=true", false, "begin immediate;");
        assertSession(tuner, "jdbc:sqlite::memory:", true, "begin immediate;");
    }

    private void assertSession(ConnectionTuner tuner, String url, boolean agentForeignKeys, String beginSql)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            tuner.connectionOpened(connection, url, null);
            Session session = hooks.sessions().ofConnection(connection);
            assertEquals(agentForeignKeys, session.agentForeignKeys, url + ": foreign_keys=ON is the agent's doing");
            assertEquals(beginSql, session.beginSql, url);
        }
    }

    /** Counts every read of its entries: parsing the app's Properties reads them once. */
    private static final class CountingProperties extends Properties {
        int reads;

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            reads++;
            return super.entrySet();
        }

        @Override
        public String getProperty(String key) {
            reads++;
            return super.getProperty(key);
        }

        @Override
        public String getProperty(String key, String defaultValue) {
            reads++;
            return super.getProperty(key, defaultValue);
        }
    }
}
