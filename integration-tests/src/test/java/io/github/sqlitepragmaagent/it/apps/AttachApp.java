package io.github.sqlitepragmaagent.it.apps;

import com.sun.tools.attach.VirtualMachine;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * An app that is already running with sqlite-jdbc loaded and a connection open when the agent is
 * attached to it: the connection opened before stays as it was, the one opened after is tuned.
 *
 * <pre>AttachApp AGENT_JAR URL_BEFORE URL_AFTER [AGENT_ARGUMENTS]</pre>
 * (needs {@code -Djdk.attach.allowAttachSelf=true})
 */
public final class AttachApp {

    public static void main(String[] args) throws Exception {
        try (Connection before = DriverManager.getConnection(args[1])) {
            Report.print("before", before);
            VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                self.loadAgent(args[0], args.length > 3 ? args[3] : null);
            } finally {
                self.detach();
            }
            Report.print("still_open", before);
            try (Connection after = DriverManager.getConnection(args[2])) {
                Report.print("after", after);
            }
        }
        Report.jvm();
        System.out.println("app.done=true");
    }
}
