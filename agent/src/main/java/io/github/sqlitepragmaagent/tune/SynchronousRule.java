package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.ConfigSource;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code synchronous=NORMAL} (or OFF) is safe from corruption only in WAL: in a rollback journal a
 * power loss at the wrong moment can corrupt the file. So the agent's default NORMAL goes only to
 * databases that are in WAL; elsewhere the connection keeps the driver's FULL. A value the operator
 * configured is applied as configured, with a warning once per database when it is not in WAL.
 * Memory and temporary databases are exempt: nothing of them outlives a power loss.
 */
final class SynchronousRule {

    private static final String NAME = "synchronous";

    private final TuningReports reports;

    SynchronousRule(TuningReports reports) {
        this.reports = reports;
    }

    /** {@code settings} without a default synchronous that the run's database must not get. */
    List<PragmaSetting> filter(List<PragmaSetting> settings, TuningRun run) {
        PragmaSetting synchronous = PragmaSetting.named(settings, NAME);
        if (synchronous == null || !weakerThanFull(synchronous) || !onDisk(run.request())) {
            return settings;
        }
        String mode = run.journalMode();
        if ("wal".equalsIgnoreCase(mode)) {
            return settings;
        }
        String state = mode == null ? "journal mode unknown" : "journal_mode=" + mode.toLowerCase(java.util.Locale.ROOT);
        if (synchronous.origin().source() != ConfigSource.DEFAULT) {
            if (mode != null) {
                reports.synchronousOutsideWal(run.request(), synchronous, state);
            }
            return settings;
        }
        run.skip(NAME, state + ", " + synchronous.value() + " is safe only in WAL");
        List<PragmaSetting> rest = new ArrayList<PragmaSetting>(settings);
        rest.remove(synchronous);
        return rest;
    }

    /** OFF (0) and NORMAL (1); FULL and EXTRA are safe in any journal mode. */
    private static boolean weakerThanFull(PragmaSetting setting) {
        String level = setting.value().expectedReadBack();
        return "0".equals(level) || "1".equals(level);
    }

    private static boolean onDisk(OpenRequest request) {
        return request.kind() == OpenRequest.Kind.FILE || request.kind() == OpenRequest.Kind.RESOURCE;
    }
}
