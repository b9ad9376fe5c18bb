package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.PragmaSetting;
import java.sql.SQLException;
import java.util.List;

/** How the settings of one kind of step ({@link io.github.sqlitepragmaagent.config.PragmaSpec.Step}) reach a connection. */
interface TuningStep {

    /**
     * Applies {@code settings} (this step's kind only, in catalog order) to the run's connection.
     * A setting that fails goes to the run's failures and costs nothing else.
     *
     * @throws SQLException only when the connection cannot give the agent a statement at all
     */
    void apply(List<PragmaSetting> settings, TuningRun run) throws SQLException;
}
