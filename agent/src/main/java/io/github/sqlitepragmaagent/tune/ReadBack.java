package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.config.PragmaSpec;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Reads back, on the app's own connection, what each configured pragma really is now. */
final class ReadBack {

    private ReadBack() {}

    /**
     * {@code name=value} for every configured pragma that can be read, marking values the app kept
     * ({@code (app)}) and values that differ from what the agent applied ({@code (wanted X)});
     * {@code name=ON} (or {@code =failed}) for an action run on this connection; then the pragmas
     * skipped and why.
     */
    static String describe(TuningRun run, List<PragmaSetting> pragmas) throws SQLException {
        PragmaPlan plan = run.plan();
        StringBuilder out = new StringBuilder();
        for (PragmaSetting setting : pragmas) {
            PragmaSpec spec = setting.spec();
            if (spec.step() == PragmaSpec.Step.ACTION) {
                // an action has nothing to read back: say whether it ran on this connection
                if (plan.toApply().contains(setting)) {
                    out.append(spec.name()).append(run.failures().contains(setting) ? "=failed " : "=ON ");
                }
                continue;
            }
            String actual;
            try {
                Statement statement;
                if (spec.step() == PragmaSpec.Step.DRIVER_SETTER) {
                    // the busy timeout as the app will have it, not as the deadline may have lowered it
                    run.restoreBusyTimeout();
                    statement = run.statementAsIs();
                } else {
                    statement = run.statement();
                }
                actual = Statements.firstColumn(statement, "PRAGMA " + spec.name());
            } catch (SQLException e) {
                actual = "unreadable";
            }
            out.append(spec.name()).append('=').append(actual);
            String wanted = setting.value().expectedReadBack();
            if (plan.keptFromApp().containsKey(spec.name())) {
                out.append("(app)");
            } else if (plan.toApply().contains(setting) && !run.skipped().containsKey(spec.name())
                    && wanted != null && !wanted.equalsIgnoreCase(actual)) {
                out.append("(wanted ").append(wanted).append(')');
            }
            out.append(' ');
        }
        appendSkipped(out, plan.skipped());
        appendSkipped(out, run.skipped());
        return out.toString().trim();
    }

    private static void appendSkipped(StringBuilder out, Map<String, String> skipped) {
        for (Map.Entry<String, String> pragma : skipped.entrySet()) {
            out.append("skipped_").append(pragma.getKey()).append("=\"").append(pragma.getValue()).append("\" ");
        }
    }
}
