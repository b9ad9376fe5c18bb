package io.github.sqlitepragmaagent.instrument;

import java.util.Properties;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the exit of {@code org.sqlite.JDBC.createConnection(String, Properties)}.
 *
 * <p>Every way of opening a connection passes that method: {@code DriverManager} (through
 * {@code JDBC.connect}), {@code SQLiteDataSource}, {@code SQLiteConfig.createConnection},
 * {@code SQLiteConnectionPoolDataSource} and the pools built on them. Its exit sees a fully
 * constructed connection that no application code has touched yet, plus the caller's own URL and
 * Properties, which tell what the app asked for itself.
 *
 * <p>This body is copied into sqlite-jdbc's class, in whatever class loader holds it: a webapp or
 * fat-jar loader, or an isolated loader whose parent is the platform loader, none of which can see
 * the agent's classes by name. So it names JDK types only and reaches the bridge through the system
 * class loader, which holds every agent jar, whether given by {@code -javaagent} or attached later.
 * (Appending a bridge to the bootstrap loader instead would make JDK 11-17 turn class-data sharing
 * off for the whole application and print a VM warning on its console.)
 */
public final class CreateConnectionAdvice {

    private CreateConnectionAdvice() {}

    /** Hands the new connection to the agent; anything thrown here is swallowed, never seen by the app. */
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
            @Advice.Argument(0) String url,
            @Advice.Argument(1) Properties properties,
            @Advice.Return Object connection) throws Exception {
        if (connection != null) {
            // Class.forName finds the already-loaded bridge in the JVM's own table without locking;
            // ClassLoader.loadClass would take a per-name lock that every opening thread contends on.
            Class.forName("io.github.sqlitepragmaagent.bridge.AgentBridge", false, ClassLoader.getSystemClassLoader())
                    .getMethod("connectionOpened", Object.class, String.class, Properties.class)
                    .invoke(null, connection, url, properties);
        }
    }
}
