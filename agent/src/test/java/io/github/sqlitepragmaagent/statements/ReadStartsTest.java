package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadStartsTest {

    private static List<String> sqlOf(ReadStarts starts) {
        List<String> sql = new ArrayList<String>();
        for (int i = 0; i < ReadStarts.SLOTS; i++) {
            ReadStarts.Start start = starts.get(i);
            if (start != null) {
                sql.add(start.sql);
            }
        }
        return sql;
    }

    @Test
    void aStatementRunAgainKeepsItsSlotSoAnOuterReadSurvivesAnNPlusOneLoop() {
        ReadStarts starts = new ReadStarts();
        Object outer = new Object();
        Object inner = new Object();
        starts.started(outer, "SELECT * FROM orders");
        for (int n = 0; n < 1000; n++) {
            starts.started(inner, "SELECT * FROM lines WHERE order_id = ?");
        }
        assertEquals(List.of("SELECT * FROM orders", "SELECT * FROM lines WHERE order_id = ?"), sqlOf(starts));
        assertSame(outer, starts.get(0).statement.get());
        assertEquals(Thread.currentThread().getId(), starts.get(0).threadId);
    }

    @Test
    void pastTheSlotsTheOldestStatementIsForgotten() {
        ReadStarts starts = new ReadStarts();
        List<Object> statements = new ArrayList<Object>();
        for (int n = 0; n <= ReadStarts.SLOTS; n++) {
            Object statement = new Object();
            statements.add(statement);
            starts.started(statement, "SELECT " + n);
        }
        List<String> sql = sqlOf(starts);
        assertEquals(ReadStarts.SLOTS, sql.size());
        assertEquals("SELECT " + ReadStarts.SLOTS, sql.get(0), "the newest took the oldest's slot");
    }
}
