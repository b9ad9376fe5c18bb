package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;

/**
 * Foreign keys that reference a table that does not exist.
 *
 * <p>Since SQLite 3.26, {@code ALTER TABLE x RENAME TO x_old} rewrites the children's references to
 * {@code x_old}, foreign keys on or off; a migration that then creates a new {@code x} and drops
 * {@code x_old} leaves the children referencing a table that is gone. Without the agent nobody notices
 * (sqlite-jdbc enforces nothing); with foreign keys enforced, every insert into those children fails
 * with "no such table". So where such references exist, the agent leaves foreign keys off on that
 * database and says why, once.
 */
final class DanglingReferences {

    /** Past this many databases the memory starts over (a check costs one query, so forgetting is cheap). */
    private static final int MAX_DATABASES = 10_000;

    private final Logger log;
    private final OnceLog once = new OnceLog();
    /** Database path to its dangling references ("" when none), as last checked. */
    private final ConcurrentMap<String, String> checked = new ConcurrentHashMap<String, String>();

    DanglingReferences(Logger log) {
        this.log = log;
    }

    /**
     * True when foreign keys may be enforced on {@code database}; otherwise switches them off on
     * {@code connection} and warns once per database and schema state.
     */
    boolean allowEnforcement(String database, Connection connection) throws SQLException {
        String dangling = checked.get(database);
        if (dangling == null) {
            dangling = describe(find(connection));
            if (checked.size() >= MAX_DATABASES) {
                checked.clear();
            }
            checked.put(database, dangling);
        }
        if (dangling.isEmpty()) {
            return true;
        }
        Statements.execute(connection, "PRAGMA foreign_keys=OFF");
        if (once.first(database + "|" + dangling)) {
            log.warn("db={} foreign_keys left OFF: foreign keys reference tables that do not exist ({}), so with"
                    + " enforcement every write to those child tables would fail (without the agent nothing is enforced);"
                    + " once the schema references existing tables again, the agent enforces foreign keys on new"
                    + " connections", database, dangling);
        }
        return false;
    }

    /** The schema of {@code database} changed (DDL seen): check again at its next connection. */
    void schemaChanged(String database) {
        checked.remove(database);
    }

    /** {@code child.column->missing_table} for each dangling reference of the main schema. */
    static List<String> find(Connection connection) throws SQLException {
        List<String> dangling = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT m.name, p.\"from\", p.\"table\" FROM sqlite_master m"
                        + " JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND NOT EXISTS (SELECT 1 FROM"
                        + " sqlite_master t WHERE t.type = 'table' AND lower(t.name) = lower(p.\"table\"))"
                        + " ORDER BY m.name, p.id, p.seq")) {
            while (rows.next()) {
                dangling.add(rows.getString(1) + "." + rows.getString(2) + "->" + rows.getString(3));
            }
        }
        return dangling;
    }

    private static String describe(List<String> dangling) {
        return String.join(",", dangling);
    }
}
