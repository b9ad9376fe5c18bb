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
     * ({@code (app)}) and values that differ from what the agent applied ({@code (wanted X)}), then
     * the pragmas skipped and why.
     */
    static String describe(Statement statement, List<PragmaSetting> pragmas, PragmaPlan plan) {
        StringBuilder out = new StringBuilder();
        for (PragmaSetting setting : pragmas) {
            PragmaSpec spec = setting.spec();
            if (spec.step() == PragmaSpec.Step.ACTION) {
                continue;
            }
            String actual;
            try {
                actual = Statements.firstColumn(statement, "PRAGMA " + spec.name());
            } catch (SQLException e) {
                actual = "unreadable";
            }
            out.append(spec.name()).append('=').append(actual);
            String wanted = setting.value().expectedReadBack();
            if (plan.keptFromApp().containsKey(spec.name())) {
                out.append("(app)");
            } else if (plan.toApply().contains(setting) && wanted != null && !wanted.equalsIgnoreCase(actual)) {
                out.append("(wanted ").append(wanted).append(')');
            }
            out.append(' ');
        }
        for (Map.Entry<String, String> skipped : plan.skipped().entrySet()) {
            out.append("skipped_").append(skipped.getKey()).append("=\"").append(skipped.getValue()).append("\" ");
        }
        return out.toString().trim();
    }
}
