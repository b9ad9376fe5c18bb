package io.github.sqlitepragmaagent.hooks;

import io.github.sqlitepragmaagent.bridge.ConnectionListener;
import io.github.sqlitepragmaagent.tune.ConnectionTuner;
import java.util.Properties;

/**
 * What happens to a new connection: the tuner applies the pragmas, then the connection's session
 * starts, so that the statement hooks know what the agent changed on it.
 */
public final class TuneThenFollow implements ConnectionListener {

    private final ConnectionTuner tuner;
    private final Sessions sessions;

    public TuneThenFollow(ConnectionTuner tuner, Sessions sessions) {
        this.tuner = tuner;
        this.sessions = sessions;
    }

    @Override
    public void connectionOpened(Object connection, String url, Properties properties) {
        // The session starts within the tuner's busy deadline: on a locked database its schema check
        // waits no longer than what is left of the one busy timeout.
        tuner.connectionOpened(connection, url, properties, sessions);
    }
}
