package io.github.sqlitepragmaagent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Properties;

/** Names the sqlite-jdbc a class came from, so that messages say which copy and version they mean. */
public final class DriverVersion {

    private static final String POM_PROPERTIES = "META-INF/maven/org.xerial/sqlite-jdbc/pom.properties";

    /**
     * The oldest sqlite-jdbc the agent works with: from 3.25.2 on, the connection classes and the
     * methods the agent uses have kept their signatures. Older drivers are refused, not guessed at.
     */
    static final String OLDEST_SUPPORTED = "3.25.2";

    private DriverVersion() {}

    /** True when {@code version} is known to be older than {@link #OLDEST_SUPPORTED}. */
    static boolean tooOld(String version) {
        return version.matches("\\d+(\\.\\d+)+") && compare(version, OLDEST_SUPPORTED) < 0;
    }

    /**
     * Compares versions number by number ({@code 3.9} before {@code 3.10}); anything but digits
     * separates numbers, so a jar's file name compares by the version in it.
     */
    public static int compare(String a, String b) {
        String[] left = a.replaceAll("[^0-9]+", " ").trim().split(" ");
        String[] right = b.replaceAll("[^0-9]+", " ").trim().split(" ");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length && !left[i].isEmpty() ? Long.parseLong(left[i]) : 0;
            long r = i < right.length && !right[i].isEmpty() ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    /** {@code sqlite-jdbc 3.54.1.0 (/path/sqlite-jdbc.jar)}, with "unknown" for what cannot be found. */
    static String describe(ClassLoader loader, ProtectionDomain domain) {
        return "sqlite-jdbc " + version(loader) + " (" + location(domain) + ")";
    }

    /** The version in the driver jar's Maven metadata, or {@code unknown}. */
    public static String version(ClassLoader loader) {
        if (loader == null) {
            return "unknown";
        }
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "unknown");
            }
        } catch (IOException | RuntimeException ignored) {
            // a version is a courtesy in a message; its absence changes nothing
        }
        return "unknown";
    }

    private static String location(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? "unknown location" : url.toString();
    }
}
