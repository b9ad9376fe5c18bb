package io.github.sqlitepragmaagent.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.HdrHistogram.Histogram;

/** What the load subjects (LoadApp, TxLoadApp) read off their own connection and their latencies. */
final class SubjectReadings {

    private SubjectReadings() {}

    /** A percentile of nanosecond latencies, in microseconds; NaN when nothing was recorded. */
    static double micros(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The six pragmas the agent sets, as the connection behind {@code s} reports them. */
    static String settings(Statement s) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String pragma : List.of("journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout",
                "temp_store")) {
            try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
                r.next();
                out.append(out.length() == 0 ? "" : " ").append(pragma).append('=').append(r.getString(1));
            }
        }
        return out.toString();
    }
}
