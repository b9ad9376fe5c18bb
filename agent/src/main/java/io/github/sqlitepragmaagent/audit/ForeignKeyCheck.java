package io.github.sqlitepragmaagent.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PRAGMA foreign_key_check}: the rows that break the schema's foreign keys, counted per
 * table, with the first few shown. Worth knowing before (or right after) turning enforcement on for a
 * legacy app, whose data may have broken its own rules for years.
 */
final class ForeignKeyCheck {

    static final int ROWS_SHOWN = 5;

    /** Null when the check could not run or was interrupted (see {@link #failure}). */
    final Map<String, Long> violationsByTable;
    final List<String> firstRows;
    final String failure;

    private ForeignKeyCheck(Map<String, Long> violationsByTable, List<String> firstRows, String failure) {
        this.violationsByTable = violationsByTable;
        this.firstRows = firstRows;
        this.failure = failure;
    }

    long total() {
        long total = 0;
        if (violationsByTable != null) {
            for (long count : violationsByTable.values()) {
                total += count;
            }
        }
        return total;
    }

    static ForeignKeyCheck run(Connection connection, long timeoutMillis, Watchdog watchdog) {
        Map<String, Long> byTable = new LinkedHashMap<String, Long>();
        List<String> firstRows = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                Watchdog.Timing timing = watchdog.time(statement, timeoutMillis)) {
            try (ResultSet result = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (result.next()) {
                    String table = result.getString(1);
                    Long count = byTable.get(table);
                    byTable.put(table, count == null ? 1L : count + 1);
                    if (firstRows.size() < ROWS_SHOWN) {
                        firstRows.add(table + " rowid=" + result.getString(2) + " parent=" + result.getString(3));
                    }
                }
            } catch (SQLException e) {
                return failed(timing.timedOut() ? "timeout" : String.valueOf(e.getMessage()));
            }
        } catch (SQLException e) {
            return failed(String.valueOf(e.getMessage()));
        }
        return new ForeignKeyCheck(byTable, firstRows, null);
    }

    private static ForeignKeyCheck failed(String why) {
        return new ForeignKeyCheck(null, Collections.<String>emptyList(), why);
    }
}
