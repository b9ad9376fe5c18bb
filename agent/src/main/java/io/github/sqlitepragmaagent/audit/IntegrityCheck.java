package io.github.sqlitepragmaagent.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code PRAGMA quick_check} (one pass over the pages) or {@code PRAGMA integrity_check} (also
 * checks indices against their tables; several times slower), interrupted after a time limit.
 *
 * <p>Both run as one read transaction: in WAL mode writers go on meanwhile, but in rollback-journal
 * mode no writer can commit until the check ends, which is why it is bounded.
 */
final class IntegrityCheck {

    /** How a check ended. */
    enum Outcome {
        OK, CORRUPT, TIMEOUT, ERROR
    }

    /** The errors SQLite lists at most; the log line shows the first few. */
    static final int MAX_PROBLEMS = 20;

    final Outcome outcome;
    final List<String> problems;

    private IntegrityCheck(Outcome outcome, List<String> problems) {
        this.outcome = outcome;
        this.problems = Collections.unmodifiableList(problems);
    }

    static IntegrityCheck run(Connection connection, boolean full, long timeoutMillis, Watchdog watchdog) {
        String pragma = (full ? "PRAGMA integrity_check(" : "PRAGMA quick_check(") + MAX_PROBLEMS + ")";
        List<String> rows = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                Watchdog.Timing timing = watchdog.time(statement, timeoutMillis)) {
            try (ResultSet result = statement.executeQuery(pragma)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            } catch (SQLException e) {
                Outcome outcome = timing.timedOut() ? Outcome.TIMEOUT : isCorruption(e) ? Outcome.CORRUPT : Outcome.ERROR;
                rows.add(String.valueOf(e.getMessage()));
                return new IntegrityCheck(outcome, rows);
            }
        } catch (SQLException e) {
            // creating (or closing) the statement failed: no check ran
            return new IntegrityCheck(isCorruption(e) ? Outcome.CORRUPT : Outcome.ERROR,
                    Collections.singletonList(String.valueOf(e.getMessage())));
        }
        if (rows.size() == 1 && "ok".equals(rows.get(0))) {
            return new IntegrityCheck(Outcome.OK, Collections.<String>emptyList());
        }
        return new IntegrityCheck(Outcome.CORRUPT, rows);
    }

    /**
     * A check can also fail outright when the damage is in a page it needs to walk the file: that is
     * a finding (SQLITE_CORRUPT 11, SQLITE_NOTADB 26), not a failure of the audit.
     */
    static boolean isCorruption(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int code = e.getErrorCode() & 0xff;
        return code == 11 || code == 26 || message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB");
    }
}
