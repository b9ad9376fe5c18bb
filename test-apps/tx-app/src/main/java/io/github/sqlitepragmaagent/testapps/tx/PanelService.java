package io.github.sqlitepragmaagent.testapps.tx;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The two kinds of request the service answers, written the way JPA services usually are. */
@Service
public class PanelService {

    /** A listing's size: what a caller can check without holding entities outside the transaction. */
    public record Listing(int panels, int settings) {}

    private final PanelRepository panels;
    private final AuditTrail audit;

    public PanelService(PanelRepository panels, AuditTrail audit) {
        this.panels = panels;
        this.audit = audit;
    }

    /**
     * A read-modify-write that calls a {@code REQUIRES_NEW} method between its read and its write: the inner
     * transaction runs on a second connection of the same thread while the outer one is open. With
     * {@code auditWrites} the inner one inserts an audit row, otherwise it only counts them.
     */
    @Transactional
    public int adjustAudited(long panelId, String setting, boolean auditWrites) {
        Panel panel = panels.findById(panelId).orElseThrow(() -> new IllegalArgumentException("no panel " + panelId));
        int next = Integer.parseInt(panel.getSettings().getOrDefault(setting, "0")) + 1;
        if (auditWrites) {
            audit.record("adjust " + panelId + " " + setting + " to " + next);
        } else {
            audit.entries();
        }
        panel.getSettings().put(setting, Integer.toString(next));
        panels.save(panel);
        return next;
    }

    /**
     * Read a panel, change one of its settings, save: the read-modify-write of every JPA update.
     * In a DEFERRED transaction the read starts a read transaction and the write at commit must
     * upgrade it, which SQLite refuses at once (SQLITE_BUSY) if another connection wrote meanwhile.
     *
     * @param betweenReadAndWrite run after the read, inside the transaction (the tests' handshakes)
     */
    @Transactional
    public int adjust(long panelId, String setting, Runnable betweenReadAndWrite) {
        Panel panel = panels.findById(panelId).orElseThrow(() -> new IllegalArgumentException("no panel " + panelId));
        int next = Integer.parseInt(panel.getSettings().getOrDefault(setting, "0")) + 1;
        betweenReadAndWrite.run();
        panel.getSettings().put(setting, Integer.toString(next));
        panels.save(panel);
        return next;
    }

    @Transactional(readOnly = true)
    public Listing list() {
        List<Panel> all = panels.findAll();
        int settings = 0;
        for (Panel panel : all) {
            settings += panel.getSettings().size();
        }
        return new Listing(all.size(), settings);
    }

    /** The sum of one setting over every panel: the integrity check after a run. */
    @Transactional(readOnly = true)
    public long total(String setting) {
        long total = 0;
        for (Panel panel : panels.findAll()) {
            total += Long.parseLong(panel.getSettings().getOrDefault(setting, "0"));
        }
        return total;
    }

    /** {@code count} panels, each with {@code counter} at 0 (so that every adjustment is an update). */
    @Transactional
    public List<Long> seed(int count, String counter) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Panel panel = new Panel("roof-" + i, "south roof");
            panel.getSettings().put("tilt", "30");
            panel.getSettings().put("azimuth", "180");
            panel.getSettings().put(counter, "0");
            ids.add(panels.save(panel).getId());
        }
        return ids;
    }
}
