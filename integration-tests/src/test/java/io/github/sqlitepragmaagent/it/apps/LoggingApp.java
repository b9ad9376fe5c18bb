package io.github.sqlitepragmaagent.it.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import net.bytebuddy.ByteBuddy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app with its own SLF4J, logback configuration and Byte Buddy (another version than the
 * agent's): all of them must work exactly as without the agent.
 *
 * <pre>LoggingApp URL</pre>
 */
public final class LoggingApp {

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger("legacy.app");
        log.info("app starting");
        // Java 8 class files: this older Byte Buddy cannot write the newest JDK's format.
        Class<?> generated = new ByteBuddy(net.bytebuddy.ClassFileVersion.JAVA_V8).subclass(Object.class).name("legacy.app.Generated").make()
                .load(LoggingApp.class.getClassLoader()).getLoaded();
        java.util.Properties pom = new java.util.Properties();
        try (java.io.InputStream in = ByteBuddy.class.getResourceAsStream("/META-INF/maven/net.bytebuddy/byte-buddy/pom.properties")) {
            pom.load(in);
        }
        System.out.println("app.bytebuddy_version=" + pom.getProperty("version"));
        System.out.println("app.generated=" + generated.getName());
        System.out.println("app.slf4j_provider=" + LoggerFactory.getILoggerFactory().getClass().getName());
        try (Connection connection = DriverManager.getConnection(args[0])) {
            Report.print("app", connection);
        }
        log.info("app done");
        Report.jvm();
        System.out.println("app.done=true");
    }
}
