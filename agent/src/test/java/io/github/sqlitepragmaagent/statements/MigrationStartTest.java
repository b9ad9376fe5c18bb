package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which first statements make a transaction a schema migration, and which later ones may write. */
class MigrationStartTest {

    @Test
    void ddlFirstIsAMigration() {
        assertNotNull(MigrationStart.reasonOf("CREATE TABLE customers_new(id INTEGER PRIMARY KEY, name TEXT)"));
        assertNotNull(MigrationStart.reasonOf("  -- V2\n create index i on t(v)"));
        assertNotNull(MigrationStart.reasonOf("ALTER TABLE customers ADD COLUMN email TEXT"));
        assertNotNull(MigrationStart.reasonOf("drop table customers"));
        assertNotNull(MigrationStart.reasonOf("/* rebuild */ CREATE UNIQUE INDEX u ON t(v)"));
        assertNull(MigrationStart.reasonOf("CREATE TEMP TABLE scratch(v)"), "a temporary table is the connection's scratch space");
        assertNull(MigrationStart.reasonOf("create temporary view v as select 1"));
    }

    @Test
    void flywaysFirstStatementIsAMigration() {
        // What Flyway 13 runs first in every migration's transaction (its lock: is the history table there?).
        assertNotNull(MigrationStart.reasonOf("SELECT count(tbl_name) FROM \"main\".sqlite_master WHERE type='table'"
                + " AND tbl_name='flyway_schema_history'"));
        assertNotNull(MigrationStart.reasonOf("select name from SQLITE_SCHEMA where type = 'table'"));
    }

    @Test
    void ordinaryWorkIsNot() {
        assertNull(MigrationStart.reasonOf("SELECT balance FROM accounts WHERE id = ?"));
        assertNull(MigrationStart.reasonOf("INSERT INTO orders VALUES (1, 2, 3)"));
        assertNull(MigrationStart.reasonOf("UPDATE customers SET name = 'x'"));
        assertNull(MigrationStart.reasonOf("DELETE FROM sessions WHERE expired = 1"));
        assertNull(MigrationStart.reasonOf("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertNull(MigrationStart.reasonOf("SELECT 1"));
        assertNull(MigrationStart.reasonOf("PRAGMA foreign_keys=OFF"), "the app's own pragma is read where it is noted");
        assertNull(MigrationStart.reasonOf("UPDATE t SET v = (SELECT count(*) FROM sqlite_master)"), "only a SELECT reads the schema first");
        assertNull(MigrationStart.reasonOf(""));
        assertNull(MigrationStart.reasonOf(null));
    }

    @Test
    void onlyStatementsThatCannotChangeARowOrTheSchemaAreReads() {
        assertFalse(MigrationStart.mayWrite("SELECT * FROM customers"));
        assertFalse(MigrationStart.mayWrite("PRAGMA table_info(customers)"));
        assertFalse(MigrationStart.mayWrite("VALUES (1)"));
        assertFalse(MigrationStart.mayWrite("EXPLAIN QUERY PLAN SELECT 1"));
        assertTrue(MigrationStart.mayWrite("INSERT INTO customers_new SELECT * FROM customers"));
        assertTrue(MigrationStart.mayWrite("DROP TABLE customers"));
        assertTrue(MigrationStart.mayWrite("WITH n(v) AS (SELECT 1) INSERT INTO t SELECT v FROM n"));
        assertTrue(MigrationStart.mayWrite("REPLACE INTO t VALUES (1)"));
        assertTrue(MigrationStart.mayWrite("SAVEPOINT s"), "anything unknown counts as a write");
        assertTrue(MigrationStart.mayWrite(null), "a batch runs without its text: it may write");
    }
}
