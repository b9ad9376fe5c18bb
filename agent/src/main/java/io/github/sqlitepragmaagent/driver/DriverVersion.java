package io.github.sqlitepragmaagent.driver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Names the sqlite-jdbc a class came from, so that messages say which copy and version they mean. */
public final class DriverVersion {

    private static final String POM_PROPERTIES = "META-INF/maven/org.xerial/sqlite-jdbc/pom.properties";

    /**
     * The oldest sqlite-jdbc the agent works with: from 3.25.2 on, the connection classes and the
     * methods the agent uses have kept their signatures. Older drivers are refused, not guessed at.
     */
    public static final String OLDEST_SUPPORTED = "3.25.2";

    private DriverVersion() {}

    /** True when {@code version} is known to be older than {@link #OLDEST_SUPPORTED}. */
    public static boolean tooOld(String version) {
        return isDottedNumber(version) && compare(version, OLDEST_SUPPORTED) < 0;
    }

    /** {@code 3.54.1.0}: digits in at least two dot-separated groups ("unknown" is not one). */
    private static boolean isDottedNumber(String version) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i <= version.length(); i++) {
            char c = i < version.length() ? version.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && digits > 0) {
                groups++;
                digits = 0;
            } else {
                return false;
            }
        }
        return groups >= 2;
    }

    /**
     * Compares versions number by number ({@code 3.9} before {@code 3.10}); anything but digits
     * separates numbers, so a jar's file name compares by the version in it.
     */
    public static int compare(String a, String b) {
        List<Long> left = numbers(a);
        List<Long> right = numbers(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            long l = i < left.size() ? left.get(i) : 0;
            long r = i < right.size() ? right.get(i) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    // By hand, not with a regular expression: this runs while the driver's first class loads, and
    // java.util.regex costs milliseconds the first time a JVM uses it.
    private static List<Long> numbers(String text) {
        List<Long> numbers = new ArrayList<Long>();
        long number = 0;
        boolean inNumber = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= '0' && c <= '9') {
                number = inNumber ? number * 10 + (c - '0') : c - '0';
                inNumber = true;
            } else if (inNumber) {
                numbers.add(number);
                inNumber = false;
            }
        }
        return numbers;
    }

    /** {@code sqlite-jdbc 3.54.1.0 (/path/sqlite-jdbc.jar)}, with "unknown" for what cannot be found. */
    public static String describe(ClassLoader loader, ProtectionDomain domain) {
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
