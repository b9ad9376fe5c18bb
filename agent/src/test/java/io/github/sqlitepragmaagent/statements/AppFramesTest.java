package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppFramesTest {

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java", 7);
    }

    @Test
    void theJdkTheDriverTheAgentAndFrameworksAreLeftOut() {
        StackTraceElement[] stack = {
            frame("java.lang.Thread", "sleep"),
            frame("org.sqlite.core.NativeDB", "step"),
            frame("io.github.sqlitepragmaagent.bridge.AgentBridge", "dispatch"),
            frame("com.zaxxer.hikari.pool.ProxyStatement", "executeQuery"),
            frame("com.example.Reports$$SpringCGLIB$$0", "slowMonthlyReport"),
            frame("com.example.Reports", "slowMonthlyReport"),
            frame("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed"),
            frame("com.example.Scheduler", "run"),
        };

        assertEquals("com.example.Reports.slowMonthlyReport(Reports.java:7) < com.example.Scheduler.run(Scheduler.java:7)",
                AppFrames.of(stack));
    }

    @Test
    void appsUnderTheAgentsTopLevelNameAreTheApps() {
        assertTrue(AppFrames.isApp("io.github.sqlitepragmaagent.it.apps.WriteLockHolderApp"));
        assertFalse(AppFrames.isApp("io.github.sqlitepragmaagent.statements.Transactions"));
        assertFalse(AppFrames.isApp("io.github.sqlitepragmaagent.shaded.org.slf4j.Logger"));
    }

    @Test
    void atMostFiveFramesAndNoneWhenNoFrameIsTheApps() {
        StackTraceElement[] deep = new StackTraceElement[9];
        for (int i = 0; i < deep.length; i++) {
            deep[i] = frame("com.example.Deep", "level" + i);
        }
        assertEquals(AppFrames.SHOWN, AppFrames.of(deep).split(" < ").length);
        assertEquals("", AppFrames.of(new StackTraceElement[] {frame("java.lang.Object", "wait")}));
    }

    @Test
    void onlyStatementsThatCertainlyWriteAreRefusedAndOnlyPlainSelectsCountAsReads() {
        assertTrue(WriteLockHolders.writes("insert into t values (1)"));
        assertTrue(WriteLockHolders.writes("  /* c */ UPDATE t SET x = 1"));
        assertTrue(WriteLockHolders.writes("DELETE FROM t"));
        assertFalse(WriteLockHolders.writes("SELECT * FROM t"));
        assertFalse(WriteLockHolders.writes("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertFalse(WriteLockHolders.writes(null));
        assertTrue(WriteLockHolders.plainRead("select 1 from t"));
        assertFalse(WriteLockHolders.plainRead("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
        assertFalse(WriteLockHolders.plainRead(null));
    }
}
