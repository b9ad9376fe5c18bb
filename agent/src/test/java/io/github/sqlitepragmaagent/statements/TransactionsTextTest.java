package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which statements may run before a delayed begin without changing what the transaction sees. */
class TransactionsTextTest {

    @Test
    void connectionPragmasAndTableFreeSelectsNeedNoTransaction() {
        assertTrue(Transactions.isConnectionPragma("PRAGMA busy_timeout=300"));
        assertTrue(Transactions.isConnectionPragma("pragma query_only = 1"));
        assertTrue(Transactions.isConnectionPragma("PRAGMA foreign_keys=OFF"));
        assertFalse(Transactions.isConnectionPragma("PRAGMA user_version=7"), "stored in the file: transactional");
        assertFalse(Transactions.isConnectionPragma("PRAGMA defer_foreign_keys=ON"), "lasts for one transaction only");
        assertTrue(Transactions.readsNoTable("SELECT 1"));
        assertTrue(Transactions.readsNoTable("select last_insert_rowid()"));
        assertFalse(Transactions.readsNoTable("SELECT v FROM t"));
        assertFalse(Transactions.readsNoTable("SELECT (SELECT count(*)\nFROM t)"));
        assertFalse(Transactions.readsNoTable("UPDATE t SET v = 1"));
    }

    @Test
    void theAppsOwnQueryOnlyIsReadInEverySpelling() {
        assertEquals(Boolean.TRUE, Transactions.queryOnlyValue("PRAGMA query_only=1"));
        assertEquals(Boolean.TRUE, Transactions.queryOnlyValue("pragma QUERY_ONLY = on"));
        assertEquals(Boolean.TRUE, Transactions.queryOnlyValue("PRAGMA query_only('true')"));
        assertEquals(Boolean.FALSE, Transactions.queryOnlyValue("PRAGMA query_only = 0"));
        assertNull(Transactions.queryOnlyValue("PRAGMA query_only"), "a read changes nothing");
        assertNull(Transactions.queryOnlyValue("PRAGMA foreign_keys=1"));
        assertNull(Transactions.queryOnlyValue("SELECT 1"));
    }

    @Test
    void foreignKeysPragmasAreRecognisedWithOrWithoutASchema() {
        assertTrue(Transactions.isForeignKeysPragma("PRAGMA foreign_keys=OFF"));
        assertTrue(Transactions.isForeignKeysPragma("PRAGMA main.foreign_keys = 0"));
        assertFalse(Transactions.isForeignKeysPragma("PRAGMA foreign_key_check"));
    }
}
