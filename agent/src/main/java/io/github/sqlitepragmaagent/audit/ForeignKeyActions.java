package io.github.sqlitepragmaagent.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema's foreign keys whose {@code ON DELETE} / {@code ON UPDATE} action changes rows: CASCADE,
 * SET NULL, SET DEFAULT. SQLite runs them only while {@code foreign_keys} is on, which sqlite-jdbc
 * leaves off; under the agent they run, also for the implicit delete of a {@code DROP TABLE}. So the
 * first audit names them, for an operator to see what enforcement changes for a legacy schema.
 * (RESTRICT and NO ACTION only make statements fail; they change no row and are not listed.)
 */
final class ForeignKeyActions {

    private static final String QUERY = "SELECT m.name, f.id, f.\"table\", f.\"from\", f.on_delete, f.on_update"
            + " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
            + " ORDER BY m.name, f.id, f.seq";

    /** {@code orders.customer_id->customers:CASCADE}, the first {@code shown} of them; null when unreadable. */
    private final List<String> shown;
    private final int count;

    private ForeignKeyActions(List<String> shown, int count) {
        this.shown = shown;
        this.count = count;
    }

    static ForeignKeyActions read(Connection connection, int limit) {
        List<String> shown = new ArrayList<String>();
        int count = 0;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            Key key = null;
            while (rows.next()) {
                String child = rows.getString(1);
                int id = rows.getInt(2);
                if (key == null || !key.is(child, id)) {
                    if (key != null && key.hasAction()) {
                        count++;
                        if (shown.size() < limit) {
                            shown.add(key.toString());
                        }
                    }
                    key = new Key(child, id, rows.getString(3), rows.getString(5), rows.getString(6));
                }
                key.columns.add(rows.getString(4));
            }
            if (key != null && key.hasAction()) {
                count++;
                if (shown.size() < limit) {
                    shown.add(key.toString());
                }
            }
        } catch (SQLException e) {
            return new ForeignKeyActions(null, -1);
        }
        return new ForeignKeyActions(shown, count);
    }

    /** Adds {@code fk_actions} (when there are any) and {@code fk_action_count}; nothing when the schema was unreadable. */
    void into(AuditReport report, String actionsField, String countField) {
        if (shown == null) {
            return;
        }
        if (count > 0) {
            report.put(actionsField, String.join(",", shown) + (count > shown.size() ? ",..." : ""));
        }
        report.put(countField, (long) count);
    }

    /** One foreign key of a child table (one or more columns). */
    private static final class Key {
        final String child;
        final int id;
        final String parent;
        final String onDelete;
        final String onUpdate;
        final List<String> columns = new ArrayList<String>(1);

        Key(String child, int id, String parent, String onDelete, String onUpdate) {
            this.child = child;
            this.id = id;
            this.parent = parent;
            this.onDelete = action(onDelete);
            this.onUpdate = action(onUpdate);
        }

        boolean is(String otherChild, int otherId) {
            return child.equals(otherChild) && id == otherId;
        }

        boolean hasAction() {
            return onDelete != null || onUpdate != null;
        }

        /** {@code CASCADE}, {@code SET_NULL} or {@code SET_DEFAULT}; null for an action that changes no row. */
        private static String action(String action) {
            String upper = action == null ? "" : action.trim().toUpperCase(Locale.ROOT);
            if (upper.equals("CASCADE") || upper.equals("SET NULL") || upper.equals("SET DEFAULT")) {
                return upper.replace(' ', '_');
            }
            return null;
        }

        /** {@code orders.customer_id->customers:CASCADE}, {@code ...:SET_NULL+ON_UPDATE_CASCADE}, {@code t.(a|b)->p:...}. */
        @Override
        public String toString() {
            String from = columns.size() == 1 ? columns.get(0) : "(" + String.join("|", columns) + ")";
            StringBuilder out = new StringBuilder(child).append('.').append(from).append("->").append(parent).append(':');
            if (onDelete != null) {
                out.append(onDelete);
            }
            if (onUpdate != null) {
                out.append(onDelete != null ? "+" : "").append("ON_UPDATE_").append(onUpdate);
            }
            return out.toString();
        }
    }
}
