package io.github.sqlitepragmaagent.config;

/** Which integrity check the audits run ({@code audit.integrity}). */
public enum AuditIntegrity {
    /** {@code PRAGMA quick_check}: O(N), skips the index-content cross-check. */
    QUICK,
    /** {@code PRAGMA integrity_check}: the complete check. */
    FULL,
    /** No integrity and no foreign-key check. */
    OFF
}
