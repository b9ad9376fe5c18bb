package io.github.sqlitepragmaagent.bridge;

import java.util.Properties;

/** What the agent does with a connection the driver has just opened. */
public interface ConnectionListener {

    /**
     * Called once for every connection sqlite-jdbc hands to the application, before the application
     * sees it.
     *
     * @param connection the driver's {@code org.sqlite.SQLiteConnection}
     * @param url the JDBC URL the application asked for
     * @param properties the Properties the application passed (may be null); never modified
     */
    void connectionOpened(Object connection, String url, Properties properties);
}
