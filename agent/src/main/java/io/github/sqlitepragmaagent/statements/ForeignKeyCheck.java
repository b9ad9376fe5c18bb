package io.github.sqlitepragmaagent.statements;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code PRAGMA foreign_key_check} finds: the rows that reference no row of their parent table,
 * counted per child table and parent, with the first few rowids to look at.
 */
final class ForeignKeyCheck {

    /** Rowids kept per child table and parent: enough to find the rows, bounded however many there are. */
    static final int ROWIDS_SHOWN = 5;

    /** The violating rows of one child table against one parent table. */
    static final class Violations {
        final String table;
        final String parent;
        long rows;
        final List<String> firstRowids = new ArrayList<String>();

        Violations(String table, String parent) {
            this.table = table;
            this.parent = parent;
        }
    }

    private ForeignKeyCheck() {}

    /** Runs the check on the main schema; keyed by {@code child->parent}, in the order SQLite reports them. */
    static Map<String, Violations> run(Connection connection) throws SQLException {
        Map<String, Violations> found = new LinkedHashMap<String, Violations>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA main.foreign_key_check")) {
            while (rows.next()) {
                String table = rows.getString(1);
                String parent = rows.getString(3);
                String key = table + "->" + parent;
                Violations violations = found.get(key);
                if (violations == null) {
                    violations = new Violations(table, parent);
                    found.put(key, violations);
                }
                violations.rows++;
                if (violations.firstRowids.size() < ROWIDS_SHOWN) {
                    String rowid = rows.getString(2); // null for a WITHOUT ROWID table
                    violations.firstRowids.add(rowid == null ? "?" : rowid);
                }
            }
        }
        return found;
    }
}
