package io.github.sqlitepragmaagent.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitepragmaagent.config.AgentConfig;
import io.github.sqlitepragmaagent.config.ConfigLoader;
import io.github.sqlitepragmaagent.config.PragmaSetting;
import io.github.sqlitepragmaagent.support.MountTable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PragmaPlanTest {

    private static AgentConfig config(String arguments) {
        return ConfigLoader.load(arguments, Map.of(), Map.of()).config();
    }

    /** The plan as the tuner makes it, for a file on a local disk. */
    private static PragmaPlan plan(AgentConfig config, OpenRequest request, boolean readOnly) {
        return PragmaPlan.of(config, DatabaseSettings.of(config, request, MountTable.parse("")), request, readOnly);
    }

    private static List<String> applied(PragmaPlan plan) {
        return plan.toApply().stream().map(PragmaSetting::toString).toList();
    }

    @Test
    void aFileDatabaseGetsEverythingInOrder() {
        PragmaPlan plan = plan(config(null), OpenRequest.parse("jdbc:sqlite:a.db", null), false);

        assertEquals(List.of("busy_timeout=5000", "journal_mode=WAL", "synchronous=NORMAL", "cache_size=-20000",
                "foreign_keys=ON", "temp_store=MEMORY","journal_size_limit=67108864"), applied(plan));
    }

    @Test
    void theAppsOwnValuesAreKeptUnlessOverrideIsOn() {
        Properties properties = new Properties();
        properties.setProperty("cache_size", "-500");
        OpenRequest request = OpenRequest.parse("jdbc:sqlite:a.db?journal_mode=DELETE", properties);

        PragmaPlan kept = plan(config(null), request, false);
        assertEquals(Map.of("journal_mode", "DELETE", "cache_size", "-500"), kept.keptFromApp());
        assertEquals(List.of("busy_timeout=5000", "synchronous=NORMAL", "foreign_keys=ON", "temp_store=MEMORY","journal_size_limit=67108864"),
                applied(kept));

        PragmaPlan overridden = plan(config("override=true"), request, false);
        assertEquals(Map.of(), overridden.keptFromApp());
        assertEquals(7, overridden.toApply().size());
    }

    @Test
    void readOnlyConnectionsSkipWhatWritesTheFile() {
        PragmaPlan plan = plan(config("optimize=on"), OpenRequest.parse("jdbc:sqlite:a.db", null), true);

        assertEquals(Map.of("journal_mode", "read-only connection", "optimize", "read-only connection"), plan.skipped());
        assertEquals(List.of("busy_timeout=5000", "synchronous=NORMAL", "cache_size=-20000", "foreign_keys=ON",
                "temp_store=MEMORY","journal_size_limit=67108864"), applied(plan));
    }

    @Test
    void memoryTempAndResourceDatabasesSkipTheJournalMode() {
        for (String url : List.of("jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite::resource:seed.db")) {
            PragmaPlan plan = plan(config(null), OpenRequest.parse(url, null), false);
            assertEquals(List.of("journal_mode"), List.copyOf(plan.skipped().keySet()), url);
            assertEquals(6, plan.toApply().size(), url);
        }
    }

    @Test
    void onAFilesystemShortOfSpaceOnlyTheAgentsOwnWalWaits() {
        String moreThanAnyDiskHas = "checkpoint.low.space=1000000GiB";
        OpenRequest request = OpenRequest.parse("jdbc:sqlite:a.db", null);

        PragmaPlan waits = plan(config(moreThanAnyDiskHas), request, false);
        assertTrue(waits.walShortOfSpace());
        assertTrue(waits.skipped().get("journal_mode").endsWith(" bytes free, less than checkpoint.low.space"),
                waits.skipped().toString());
        assertEquals(6, waits.toApply().size());

        PragmaPlan asked = plan(config(moreThanAnyDiskHas + ",journal_mode=WAL"), request, false);
        assertFalse(asked.walShortOfSpace(), "a WAL the operator asked for is switched as asked");
        assertEquals(7, asked.toApply().size());

        PragmaPlan appsOwn = plan(config(moreThanAnyDiskHas), OpenRequest.parse("jdbc:sqlite:a.db?journal_mode=WAL", null), false);
        assertFalse(appsOwn.walShortOfSpace(), "the app's own journal mode is the app's");

        assertFalse(plan(config(null), request, false).walShortOfSpace(), "16 MiB: this disk has more");
        assertFalse(plan(config(moreThanAnyDiskHas + ",checkpoint.idle=off"), request, false).walShortOfSpace(),
                "checkpoint.idle=off turns the low-space handling off");
    }

    @Test
    void aNetworkFilesystemKeepsItsJournalModeUnlessAllowed() {
        MountTable nfs = MountTable.parse("35 22 0:31 / /mnt/share rw - nfs4 server:/export rw");
        OpenRequest request = OpenRequest.parse("jdbc:sqlite:/mnt/share/app.db", null);

        PragmaPlan refused = PragmaPlan.of(config(null), DatabaseSettings.of(config(null), request, nfs), request, false);
        assertEquals(Map.of("journal_mode", "network filesystem, nfs4 mounted at /mnt/share"), refused.skipped());

        AgentConfig allow = config("wal.network=allow");
        PragmaPlan allowed = PragmaPlan.of(allow, DatabaseSettings.of(allow, request, nfs), request, false);
        assertEquals(Map.of(), allowed.skipped());

        AgentConfig delete = config("journal_mode=DELETE");
        PragmaPlan notWal = PragmaPlan.of(delete, DatabaseSettings.of(delete, request, nfs), request, false);
        assertEquals(Map.of(), notWal.skipped(), "switching away from WAL is fine on any filesystem");
    }

    @Test
    void aRulesPragmasReplaceTheGlobalOnes() {
        AgentConfig config = config("rule.1.match=/srv/cache/*.db,rule.1.synchronous=OFF,rule.1.journal_mode=keep");
        OpenRequest request = OpenRequest.parse("jdbc:sqlite:/srv/cache/c.db", null);

        PragmaPlan plan = PragmaPlan.of(config, DatabaseSettings.of(config, request, MountTable.parse("")), request, false);

        assertEquals(List.of("busy_timeout=5000", "synchronous=OFF", "cache_size=-20000", "foreign_keys=ON",
                "temp_store=MEMORY","journal_size_limit=67108864"), applied(plan));
    }
}
