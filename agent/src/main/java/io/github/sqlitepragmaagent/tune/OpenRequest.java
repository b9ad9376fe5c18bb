package io.github.sqlitepragmaagent.tune;

import io.github.sqlitepragmaagent.config.BooleanWords;
import io.github.sqlitepragmaagent.config.PragmaCatalog;
import io.github.sqlitepragmaagent.driver.DriverPragmas;
import java.io.File;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the application asked the driver for, read from its JDBC URL and Properties the way
 * sqlite-jdbc reads them: which database, whether it is read-only or in memory, and which pragmas
 * the application set itself.
 */
public final class OpenRequest {

    /** What kind of database a URL names. */
    public enum Kind {
        /** A file on disk. */
        FILE,
        /** {@code :memory:} and the {@code mode=memory} URIs. */
        MEMORY,
        /** The empty name: a private temporary database. */
        TEMP,
        /** {@code :resource:} databases, shipped with the application and never converted. */
        RESOURCE
    }

    private static final String PREFIX = "jdbc:sqlite:";
    private static final String RESOURCE_PREFIX = ":resource:";
    /** The driver's own busy timeout; its DataSource path always passes it, asked for or not. */
    private static final String DRIVER_DEFAULT_BUSY_TIMEOUT = "3000";
    private static final int READ_ONLY_FLAG = 0x1;

    private final String database;
    private final Kind kind;
    private final boolean readOnly;
    private final Map<String, String> appPragmas;
    private final String appTransactionMode;

    private OpenRequest(String database, Kind kind, boolean readOnly, Map<String, String> appPragmas,
            String appTransactionMode) {
        this.database = database;
        this.kind = kind;
        this.readOnly = readOnly;
        this.appPragmas = Collections.unmodifiableMap(appPragmas);
        this.appTransactionMode = appTransactionMode;
    }

    /**
     * What {@code connection}'s own driver read from {@code url} and {@code properties} (either may
     * be null): which parameters are pragmas, and so which file it opened, depends on its version.
     */
    public static OpenRequest of(Object connection, String url, Properties properties) {
        return parse(url, properties, connection == null ? DriverPragmas.LATEST : DriverPragmas.of(connection));
    }

    /** Reads {@code url} and {@code properties} (either may be null) as sqlite-jdbc 3.54.1.0 would; never throws. */
    public static OpenRequest parse(String url, Properties properties) {
        return parse(url, properties, DriverPragmas.LATEST);
    }

    /**
     * Reads {@code url} and {@code properties} (either may be null) as a driver that takes
     * {@code driverPragmas} as pragmas would; never throws.
     */
    public static OpenRequest parse(String url, Properties properties, Set<String> driverPragmas) {
        String address = url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? url.substring(PREFIX.length())
                : (url == null ? "" : url);
        int question = address.indexOf('?');
        Map<String, String> parameters = question < 0
                ? Collections.<String, String>emptyMap()
                : parameters(address.substring(question + 1));
        Map<String, String> appPragmas = new LinkedHashMap<String, String>();
        String name = question < 0 ? address : address.substring(0, question) + keptParameters(
                address.substring(question + 1), driverPragmas, appPragmas);

        String openMode = appPragmas.remove("open_mode");
        String transactionMode = appPragmas.remove("transaction_mode");
        for (String key : new ArrayList<String>(appPragmas.keySet())) {
            if (PragmaCatalog.byName(key) == null) {
                appPragmas.remove(key);
            }
        }
        if (properties != null) {
            // The driver copies only the Properties' own entries (putAll), so defaults do not count.
            for (Map.Entry<Object, Object> entry : properties.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String value = String.valueOf(entry.getValue());
                if (PragmaCatalog.byName(key) != null && driverPragmas.contains(key)) {
                    appPragmas.put(key, value);
                } else if (key.equals("open_mode")) {
                    openMode = value;
                } else if (key.equals("transaction_mode")) {
                    transactionMode = value;
                }
            }
            if (DRIVER_DEFAULT_BUSY_TIMEOUT.equals(appPragmas.get("busy_timeout"))) {
                appPragmas.remove("busy_timeout");
            }
        }

        Kind kind = kindOf(name, address, parameters);
        boolean readOnly = isReadOnlyOpenMode(openMode)
                || "ro".equalsIgnoreCase(parameters.get("mode"))
                || Boolean.TRUE.equals(BooleanWords.parse(parameters.get("immutable")));
        return new OpenRequest(databaseName(name, kind), kind, readOnly, appPragmas, transactionMode);
    }

    /**
     * The absolute path of the file the driver opens, as SQLite names it in {@code PRAGMA
     * database_list}; {@code :memory:}, {@code temp} or the resource name otherwise.
     */
    public String database() {
        return database;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the URL or Properties open the database read-only ({@code open_mode}, {@code mode=ro}, {@code immutable=1}). */
    public boolean readOnly() {
        return readOnly;
    }

    /** The pragmas the application set in its URL or Properties, as the driver will apply them. */
    public Map<String, String> appPragmas() {
        return appPragmas;
    }

    /** The {@code transaction_mode} the application gave the driver in its URL or Properties, or null. */
    public String appTransactionMode() {
        return appTransactionMode;
    }

    private static Kind kindOf(String name, String address, Map<String, String> parameters) {
        if (name.isEmpty()) {
            return Kind.TEMP;
        }
        if (name.equals(":memory:") || address.contains("mode=memory")
                || (name.startsWith("file:") && (name.contains(":memory:") || "memory".equals(parameters.get("mode"))))) {
            return Kind.MEMORY;
        }
        if (name.startsWith(RESOURCE_PREFIX)) {
            return Kind.RESOURCE;
        }
        return Kind.FILE;
    }

    private static String databaseName(String name, Kind kind) {
        switch (kind) {
            case TEMP:
                return "temp";
            case MEMORY:
                return ":memory:";
            case RESOURCE:
                return name;
            default:
                return new File(filePath(name)).getAbsolutePath();
        }
    }

    /**
     * The path inside a {@code file:} URI (query, which SQLite reads, and authority dropped, escapes
     * decoded), or the name itself: a plain name is the file, {@code ?} and all.
     */
    private static String filePath(String name) {
        if (!name.startsWith("file:")) {
            return name;
        }
        int question = name.indexOf('?');
        String path = name.substring("file:".length(), question < 0 ? name.length() : question);
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return path;
        }
    }

    /**
     * What the driver leaves of the URL's parameters in the file name it opens, as it rebuilds it:
     * the parameters that are not pragmas, trimmed, in reverse order (sqlite-jdbc reads them last to
     * first), {@code ?} before the first and {@code &} between; empty ones dropped. The pragmas go to
     * {@code pragmas} (the last one given wins), as the driver moves them to its Properties.
     * {@code jdbc:sqlite:/x/app.db?cache=private&foo=bar} opens the file {@code app.db?foo=bar&cache=private}.
     */
    private static String keptParameters(String query, Set<String> driverPragmas, Map<String, String> pragmas) {
        StringBuilder kept = new StringBuilder();
        String[] parameters = query.split("&");
        for (int i = parameters.length - 1; i >= 0; i--) {
            String parameter = parameters[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            String[] pair = parameter.split("=");
            String key = pair[0].trim().toLowerCase(Locale.ROOT);
            if (driverPragmas.contains(key)) {
                String value = pair.length > 1 ? pair[1].trim() : "";
                if (!value.isEmpty() && !pragmas.containsKey(key)) {
                    pragmas.put(key, value);
                }
            } else {
                kept.append(kept.length() == 0 ? '?' : '&').append(parameter);
            }
        }
        return kept.toString();
    }

    /** URL parameters as the driver reads them: names trimmed and lower-cased, the last one winning. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<String, String>();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String key = (equals < 0 ? parameter : parameter.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                parameters.put(key, equals < 0 ? "" : parameter.substring(equals + 1).trim());
            }
        }
        return parameters;
    }

    private static boolean isReadOnlyOpenMode(String openMode) {
        if (openMode == null) {
            return false;
        }
        try {
            return (Integer.parseInt(openMode.trim()) & READ_ONLY_FLAG) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
