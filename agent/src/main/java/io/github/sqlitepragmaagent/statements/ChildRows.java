package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of other tables that reference a table through a foreign key: what dropping that table
 * with foreign keys enforced would delete, change, or refuse to drop.
 */
final class ChildRows {

    /** One referencing foreign key with rows behind it. */
    static final class Reference {
        final String child;
        final List<String> columns;
        final String onDelete;
        final long rows;

        Reference(String child, List<String> columns, String onDelete, long rows) {
            this.child = child;
            this.columns = columns;
            this.onDelete = onDelete;
            this.rows = rows;
        }

        @Override
        public String toString() {
            return rows + " row(s) of " + child + "(" + String.join(",", columns) + ") ON DELETE " + onDelete;
        }
    }

    private ChildRows() {}

    /** The foreign keys of the main schema that reference {@code parent} and have at least one row at stake. */
    static List<Reference> referencing(Connection connection, String parent) throws SQLException {
        // child table -> (foreign key id -> columns, action)
        Map<String, Map<Integer, Object[]>> keys = new LinkedHashMap<String, Map<Integer, Object[]>>();
        PreparedStatement query = connection.prepareStatement("SELECT m.name, p.id, p.\"from\", p.on_delete"
                + " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p"
                + " WHERE m.type = 'table' AND lower(p.\"table\") = lower(?) ORDER BY m.name, p.id, p.seq");
        try {
            query.setString(1, parent);
            ResultSet rows = query.executeQuery();
            try {
                while (rows.next()) {
                    Map<Integer, Object[]> byId = keys.get(rows.getString(1));
                    if (byId == null) {
                        byId = new LinkedHashMap<Integer, Object[]>();
                        keys.put(rows.getString(1), byId);
                    }
                    Object[] key = byId.get(rows.getInt(2));
                    if (key == null) {
                        key = new Object[] {new ArrayList<String>(), rows.getString(4)};
                        byId.put(rows.getInt(2), key);
                    }
                    @SuppressWarnings("unchecked")
                    List<String> columns = (List<String>) key[0];
                    columns.add(rows.getString(3));
                }
            } finally {
                rows.close();
            }
        } finally {
            query.close();
        }
        List<Reference> references = new ArrayList<Reference>();
        for (Map.Entry<String, Map<Integer, Object[]>> child : keys.entrySet()) {
            if (child.getKey().equalsIgnoreCase(parent)) {
                continue; // a self-reference disappears with the table itself
            }
            for (Object[] key : child.getValue().values()) {
                @SuppressWarnings("unchecked")
                List<String> columns = (List<String>) key[0];
                long rows = rowsReferencing(connection, child.getKey(), columns);
                if (rows > 0) {
                    references.add(new Reference(child.getKey(), columns, String.valueOf(key[1]), rows));
                }
            }
        }
        return references;
    }

    /** Rows whose foreign key columns are all set (a NULL in any column references nothing). */
    private static long rowsReferencing(Connection connection, String child, List<String> columns) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ").append(SqlText.quote(child)).append(" WHERE ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(SqlText.quote(columns.get(i))).append(" IS NOT NULL");
        }
        try (Statement statement = connection.createStatement()) {
            String count = Statements.firstColumn(statement, sql.toString());
            return count == null ? 0 : Long.parseLong(count);
        }
    }
}
