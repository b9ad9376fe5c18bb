package io.github.sqlitepragmaagent.audit;

import io.github.sqlitepragmaagent.log.OnceLog;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** Writes each audit as one log line (info, warn or error) and, if configured, one JSON line to a file. */
final class AuditLog {

    private final Logger log;
    private final String jsonFile;
    private final OnceLog once = new OnceLog();

    AuditLog(Logger log, String jsonFile) {
        this.log = log;
        this.jsonFile = jsonFile;
    }

    void write(AuditReport report) {
        switch (report.severity()) {
            case ERROR:
                log.error(report.toLine());
                break;
            case WARN:
                log.warn(report.toLine());
                break;
            default:
                log.info(report.toLine());
                break;
        }
        if (jsonFile != null) {
            appendJson(report);
        }
    }

    /** Called from the one audit thread only, so appends never interleave. */
    private void appendJson(AuditReport report) {
        try (OutputStream out = new FileOutputStream(jsonFile, true)) {
            out.write((report.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (once.first("json|" + e.getClass().getName())) {
                log.warn("cannot append audits to audit.log.file {}: {}; audits are still logged here", jsonFile, e.toString());
            }
        }
    }
}
