package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.driver.DriverHandles;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code busy_timeout}: through the driver's {@code setBusyTimeout}, which its query timeouts do not
 * undo; a raw {@code PRAGMA} only where the driver has no such method.
 */
final class BusyTimeoutStep implements TuningStep {

    @Override
    public void apply(List<PragmaSetting> settings, TuningRun run) throws SQLException {
        for (PragmaSetting setting : settings) {
            int milliseconds = Integer.parseInt(setting.value().sqlLiteral());
            try {
                DriverHandles driver = DriverHandles.of(run.connection());
                if (driver.canSetBusyTimeout()) {
                    driver.setBusyTimeout(run.connection(), milliseconds);
                } else {
                    run.statement().execute("PRAGMA busy_timeout=" + milliseconds);
                }
            } catch (Exception e) {
                run.failures().add(setting, e);
            }
        }
    }
}
