package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import java.sql.SQLException;
import java.util.List;

/**
 * Plain settings and actions: {@code PRAGMA name=value} with nothing to check. All of them go in one
 * native call ({@code executeUpdate} runs every statement of its text); if that fails, one at a time,
 * so that a failure costs only the failing pragma and is reported against it.
 */
final class PragmaBatchStep implements TuningStep {

    @Override
    public void apply(List<PragmaSetting> settings, TuningRun run) throws SQLException {
        if (settings.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(settings.size() * 32);
        for (PragmaSetting setting : settings) {
            sql.append(sql(setting)).append(';');
        }
        try {
            run.statement().executeUpdate(sql.toString());
            return;
        } catch (SQLException e) {
            // find out which pragma failed, and apply the others
        }
        for (PragmaSetting setting : settings) {
            try {
                run.statement().execute(sql(setting));
            } catch (Exception e) {
                run.failures().add(setting, e);
            }
        }
    }

    private static String sql(PragmaSetting setting) {
        return "PRAGMA " + setting.spec().name() + "=" + setting.value().sqlLiteral();
    }
}
