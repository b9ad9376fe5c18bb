package io.github.sqlitepragmaagent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditReportTest {

    @Test
    void plainValuesStayBareAndOthersAreQuotedOnOneLine() {
        AuditReport report = new AuditReport("/srv/my data/app.db", AuditReport.Kind.FIRST, 1000);
        report.put("integrity", "ok");
        report.put("bytes", 8192L);
        report.put("problems", "Page 3: \"bad\"\nPage 4: worse");

        assertEquals("audit db=\"/srv/my data/app.db\" kind=first result=ok integrity=ok bytes=8192"
                + " problems=\"Page 3: \\\"bad\\\" Page 4: worse\"", report.toLine());
    }

    @Test
    void findingsRaiseTheResultAndAreJoined() {
        AuditReport report = new AuditReport("/a.db", AuditReport.Kind.SIZES, 1000);
        report.warn("wal is big");
        report.error("file is damaged");
        report.warn("freelist is big");

        assertEquals(AuditReport.Severity.ERROR, report.severity());
        assertEquals("audit db=/a.db kind=sizes result=error findings=\"wal is big; file is damaged; freelist is big\"",
                report.toLine());
    }

    @Test
    void jsonHasTheSameFieldsWithNumbersAsNumbers() {
        AuditReport report = new AuditReport("/a.db", AuditReport.Kind.FIRST, 1234);
        report.put("bytes", 8192L);
        report.put("problems", "tab\there \"quoted\"");

        assertEquals("{\"time\":1234,\"db\":\"/a.db\",\"kind\":\"first\",\"result\":\"ok\",\"bytes\":8192,"
                + "\"problems\":\"tab\\u0009here \\\"quoted\\\"\"}", report.toJson());
    }
}
