package io.github.sqlitepragmaagent.instrument;

import java.util.Properties;

/**
 * A stand-in with the shape of {@code org.sqlite.JDBC.createConnection}, woven once in the
 * background at start-up so that Byte Buddy's classes are loaded before the app needs them.
 * Never loaded as a class and never called.
 */
final class WarmUpTarget {

    private WarmUpTarget() {}

    static Object createConnection(String url, Properties properties) {
        return url == null ? properties : url;
    }
}
