package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.config.PragmaSpec;
import io.github.sqlitepragmaagent.config.TransactionMode;
import io.github.sqlitepragmaagent.support.FreeSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to apply to one new connection, in order, and what to leave alone and why; and the transaction
 * mode the agent gives its transactions (the app's own, when it chose one, is kept the same way).
 *
 * <p>The order is the catalog's: busy timeout, journal mode, then the rest.
 */
public final class PragmaPlan {

    private final List<PragmaSetting> toApply;
    private final Map<String, String> keptFromApp;
    private final Map<String, String> skipped;
    private final TransactionMode transactionMode;
    private final boolean walShortOfSpace;
    private final boolean agentsWal;

    private PragmaPlan(List<PragmaSetting> toApply, Map<String, String> keptFromApp, Map<String, String> skipped,
            TransactionMode transactionMode, boolean walShortOfSpace, boolean agentsWal) {
        this.toApply = Collections.unmodifiableList(toApply);
        this.keptFromApp = Collections.unmodifiableMap(keptFromApp);
        this.skipped = Collections.unmodifiableMap(skipped);
        this.transactionMode = transactionMode;
        this.walShortOfSpace = walShortOfSpace;
        this.agentsWal = agentsWal;
    }

    /**
     * True when WAL on this connection is the agent's own default: the plan switches to it (or would, were the
     * filesystem not short of space), and neither the app (its URL or properties) nor the operator (an agent
     * argument, a file, a rule) asked for it.
     */
    public boolean agentsWal() {
        return agentsWal;
    }

    /**
     * True when the agent's own default {@code journal_mode=WAL} is left out because the database's filesystem
     * has less free space than {@code checkpoint.low.space} (under WAL a full disk keeps the last commits in a
     * {@code -wal}); connections opened once there is room switch it.
     */
    public boolean walShortOfSpace() {
        return walShortOfSpace;
    }

    /**
     * The plan for {@code request} under {@code settings}; {@code readOnly} is the request's own flag
     * or what the opened connection reports, whichever says read-only.
     */
    public static PragmaPlan of(AgentConfig config, DatabaseSettings settings, OpenRequest request, boolean readOnly) {
        List<PragmaSetting> toApply = new ArrayList<PragmaSetting>(settings.pragmas().size());
        Map<String, String> keptFromApp = new LinkedHashMap<String, String>();
        Map<String, String> skipped = new LinkedHashMap<String, String>();
        boolean walShortOfSpace = false;
        boolean agentsWal = false;
        long free;
        for (PragmaSetting setting : settings.pragmas()) {
            PragmaSpec spec = setting.spec();
            String appValue = request.appPragmas().get(spec.name());
            if (appValue != null && !config.override()) {
                keptFromApp.put(spec.name(), appValue);
            } else if (spec.step() == PragmaSpec.Step.CHECKED_QUERY && request.kind() != OpenRequest.Kind.FILE) {
                skipped.put(spec.name(), request.kind().name().toLowerCase(java.util.Locale.ROOT) + " database");
            } else if (spec.step() == PragmaSpec.Step.CHECKED_QUERY && "WAL".equals(setting.value().sqlLiteral())
                    && settings.networkMount() != null && !config.walOnNetworkFilesystems()) {
                skipped.put(spec.name(), "network filesystem, " + settings.networkMount());
            } else if (spec.step() == PragmaSpec.Step.CHECKED_QUERY && "WAL".equals(setting.value().sqlLiteral())
                    && settings.readOnlyReaders() != null
                    && setting.origin().source() == io.github.sqlitepragmaagent.config.ConfigSource.DEFAULT) {
                // Only the agent's own default: a journal_mode=WAL someone configured is switched as asked.
                skipped.put(spec.name(), "readable by " + settings.readOnlyReaders()
                        + " who cannot write its directory, wal.readonly.readers=keep");
            } else if (spec.writesDatabase() && readOnly) {
                skipped.put(spec.name(), "read-only connection");
            } else if (isAgentsDefaultWal(setting, request)
                    && (free = FreeSpace.below(request.database(), config.checkpointLowSpaceBytes())) >= 0) {
                // Only the agent's own default, as LowSpaceJournal: a WAL asked for stays, and its WAL is kept short.
                skipped.put(spec.name(), free + " bytes free, less than checkpoint.low.space");
                walShortOfSpace = true;
                agentsWal = true;
            } else {
                toApply.add(setting);
                agentsWal |= isAgentsDefaultWal(setting, request);
            }
        }
        TransactionMode transactionMode = request.appTransactionMode() != null && !config.override()
                ? null
                : settings.transactionMode();
        return new PragmaPlan(toApply, keptFromApp, skipped, transactionMode, walShortOfSpace, agentsWal);
    }

    /** {@code journal_mode=WAL} from the agent's own default, with no journal mode in the app's URL or properties. */
    private static boolean isAgentsDefaultWal(PragmaSetting setting, OpenRequest request) {
        return setting.spec().step() == PragmaSpec.Step.CHECKED_QUERY && "WAL".equals(setting.value().sqlLiteral())
                && setting.origin().source() == io.github.sqlitepragmaagent.config.ConfigSource.DEFAULT
                && request.appPragmas().get(setting.spec().name()) == null;
    }

    /** The settings to apply, in order. */
    public List<PragmaSetting> toApply() {
        return toApply;
    }

    /** The settings to apply that take one of {@code steps}, in order. */
    List<PragmaSetting> toApply(PragmaSpec.Step... steps) {
        List<PragmaSetting> selected = new ArrayList<PragmaSetting>(toApply.size());
        for (PragmaSetting setting : toApply) {
            for (PragmaSpec.Step step : steps) {
                if (setting.spec().step() == step) {
                    selected.add(setting);
                }
            }
        }
        return selected;
    }

    /** Pragmas the application set itself and keeps (override=false): name to the app's value. */
    public Map<String, String> keptFromApp() {
        return keptFromApp;
    }

    /**
     * The BEGIN mode the agent gives this connection's read-write transactions, or null to keep the
     * driver's (none configured, or the app chose its own and override=false).
     */
    public TransactionMode transactionMode() {
        return transactionMode;
    }

    /** Pragmas that cannot apply to this connection: name to the reason. */
    public Map<String, String> skipped() {
        return skipped;
    }
}
