package io.github.sqlitepragmaagent.testapps.tx;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An audit trail kept in transactions of its own, committed even when the caller's rolls back: Spring's
 * {@code REQUIRES_NEW}, which suspends the caller's transaction and runs on a second pooled connection of
 * the same thread.
 */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String what) {
        jdbc.update("INSERT INTO audit_trail(what) VALUES (?)", what);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long entries() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_trail", Long.class);
    }
}
