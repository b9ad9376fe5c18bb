package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DropTableTest {

    @Test
    void theDroppedTableIsReadFromEveryShape() {
        assertEquals("customers", DropTable.tableOf("DROP TABLE customers"));
        assertEquals("customers", DropTable.tableOf("drop table if exists customers;"));
        assertEquals("Customers Old", DropTable.tableOf("DROP TABLE main.\"Customers Old\""));
        assertEquals("x", DropTable.tableOf("-- migration 7\nDROP TABLE [x]"));
    }

    @Test
    void otherStatementsAndOtherSchemasAreNotDropsToGuard() {
        assertNull(DropTable.tableOf("DROP INDEX customers_name"));
        assertNull(DropTable.tableOf("DROP TABLE temp.scratch"));
        assertNull(DropTable.tableOf("SELECT 1"));
        assertNull(DropTable.tableOf(null));
    }
}
