package io.github.sqlitepragmaagent.examples.panel;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Panels and their settings in SQLite, the way many legacy apps do it: a plain
 * {@code jdbc:sqlite:FILE} URL, a new connection per operation, and not one pragma anywhere.
 */
final class PanelStore {

    private final String url;

    /** {@code urlSuffix} is empty but for the benchmarks, which hand-tune the URL to compare with the agent. */
    PanelStore(Path file, String urlSuffix) {
        this.url = "jdbc:sqlite:" + file + urlSuffix;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    void createSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS panels ("
                    + " id INTEGER PRIMARY KEY,"
                    + " name TEXT NOT NULL UNIQUE,"
                    + " location TEXT,"
                    + " created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS panel_settings ("
                    + " panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,"
                    + " key TEXT NOT NULL,"
                    + " value TEXT NOT NULL,"
                    + " PRIMARY KEY (panel_id, key))");
        }
    }

    long create(String name, String location) throws SQLException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement("INSERT INTO panels(name, location) VALUES (?, ?)")) {
            p.setString(1, name);
            p.setString(2, location);
            p.executeUpdate();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    boolean update(long id, String name, String location) throws SQLException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement(
                        "UPDATE panels SET name = COALESCE(?, name), location = COALESCE(?, location) WHERE id = ?")) {
            p.setString(1, name);
            p.setString(2, location);
            p.setLong(3, id);
            return p.executeUpdate() == 1;
        }
    }

    boolean delete(long id) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("DELETE FROM panels WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() == 1;
        }
    }

    void putSetting(long panelId, String key, String value) throws SQLException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement(
                        "INSERT INTO panel_settings(panel_id, key, value) VALUES (?, ?, ?)"
                                + " ON CONFLICT(panel_id, key) DO UPDATE SET value = excluded.value")) {
            p.setLong(1, panelId);
            p.setString(2, key);
            p.setString(3, value);
            p.executeUpdate();
        }
    }

    Optional<Panel> find(long id) throws SQLException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement("SELECT id, name, location FROM panels WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Panel(r.getLong(1), r.getString(2), r.getString(3), settings(c, id)));
            }
        }
    }

    List<Panel> list() throws SQLException {
        List<Panel> panels = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, name, location FROM panels ORDER BY id")) {
            while (r.next()) {
                panels.add(new Panel(r.getLong(1), r.getString(2), r.getString(3), settings(c, r.getLong(1))));
            }
        }
        return panels;
    }

    /** Settings whose panel no longer exists: what a delete leaves behind when foreign keys are off. */
    long orphanedSettings() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT count(*) FROM panel_settings WHERE panel_id NOT IN (SELECT id FROM panels)")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** What a fresh connection of this app reports about itself. */
    Map<String, String> connectionSettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String pragma : List.of("journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout",
                    "temp_store")) {
                try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
                    settings.put(pragma, r.next() ? r.getString(1) : "?");
                }
            }
        }
        return settings;
    }

    private static Map<String, String> settings(Connection c, long panelId) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT key, value FROM panel_settings WHERE panel_id = ? ORDER BY key")) {
            p.setLong(1, panelId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    settings.put(r.getString(1), r.getString(2));
                }
            }
        }
        return settings;
    }
}
