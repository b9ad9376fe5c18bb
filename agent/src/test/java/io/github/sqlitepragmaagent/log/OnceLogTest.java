package io.github.sqlitepragmaagent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OnceLogTest {

    @Test
    void aKeyIsFirstOnceAndThenNotAgain() {
        OnceLog once = new OnceLog();
        assertTrue(once.first("tuned|/srv/a.db"));
        assertFalse(once.first("tuned|/srv/a.db"));
        assertTrue(once.first("tuned|/srv/b.db"));
    }

    @Test
    void loggingGoesOnPastTenThousandDatabases() {
        OnceLog once = new OnceLog();
        int firsts = 0;
        for (int i = 0; i < 30_000; i++) {
            if (once.first("tuned|/srv/tenants/" + i + ".db")) {
                firsts++;
            }
        }
        assertEquals(30_000, firsts, "every new database gets its line");
        assertTrue(once.first("tuned|/srv/tenants/30000.db"), "the 30,001st too");
        assertFalse(once.first("tuned|/srv/tenants/29999.db"), "a recent one is still remembered");
    }

    @Test
    void memoryIsBoundedAndAForgottenKeyIsLoggedAgainRatherThanNever() {
        OnceLog once = new OnceLog(100);
        assertTrue(once.first("old"));
        for (int i = 0; i < 100; i++) {
            once.first("key" + i);
        }
        assertTrue(once.first("old"), "forgotten after 100 other keys: logged once more");
        assertFalse(once.first("old"));
    }

    @Test
    void aKeySeenAgainStaysRemembered() {
        OnceLog once = new OnceLog(100);
        once.first("busy");
        for (int i = 0; i < 1000; i++) {
            once.first("key" + i);
            assertFalse(once.first("busy"), "a key offered often is never forgotten");
        }
    }
}
