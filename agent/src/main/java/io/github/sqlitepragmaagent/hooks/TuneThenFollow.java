package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import java.util.Properties;

/**
 * What happens to a new connection: the tuner applies the pragmas, then the connection's session
 * starts, so that the statement hooks know what the agent changed on it.
 */
public final class TuneThenFollow implements ConnectionListener {

    private final ConnectionListener tuner;
    private final Sessions sessions;

    public TuneThenFollow(ConnectionListener tuner, Sessions sessions) {
        this.tuner = tuner;
        this.sessions = sessions;
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        try {
            tuner.connectionOpened(connection, url, properties);
        } finally {
            sessions.connectionOpened(connection, url, properties);
        }
    }
}
