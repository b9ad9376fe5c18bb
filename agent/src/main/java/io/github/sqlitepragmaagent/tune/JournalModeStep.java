package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code journal_mode}: SQLite answers with the mode really in effect, which may not be the one
 * asked for (a memory database, a file in use), so the answer is checked. The switch waits for
 * other connections' locks within the run's busy deadline, and is skipped while a recent
 * connection confirmed the same mode (it is stored in the file).
 */
final class JournalModeStep implements TuningStep {

    private final ConfirmedJournalModes confirmed = new ConfirmedJournalModes();

    @Override
    public void apply(List<PragmaSetting> settings, TuningRun run) throws SQLException {
        String database = run.request().database();
        for (PragmaSetting setting : settings) {
            String literal = setting.value().sqlLiteral();
            if (confirmed.fresh(database, literal)) {
                run.journalModeIs(setting.value().expectedReadBack());
                continue;
            }
            Statement statement = run.statement();
            String name = setting.spec().name();
            try {
                String mode = BusyRetry.firstColumn(statement, "PRAGMA " + name + "=" + literal, run.deadline());
                run.journalModeIs(mode);
                if (setting.value().expectedReadBack().equalsIgnoreCase(mode)) {
                    confirmed.confirmed(database, literal);
                } else {
                    run.failures().add(setting,
                            "SQLite kept " + name + "=" + mode + " (it cannot change while the database is in this state)");
                }
            } catch (Exception e) {
                run.journalModeIs(null);
                run.failures().add(setting, e);
            }
        }
    }
}
