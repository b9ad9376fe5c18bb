package io.github.sqlitepragmaagent.support;

/**
 * JDBC URLs that make sqlite-jdbc open exactly the file named, whatever characters its name holds.
 *
 * <p>A plain {@code jdbc:sqlite:PATH} is not that: the driver reads everything after the first
 * {@code ?} as parameters, moves the pragmas out and puts the rest back in reverse order, so the
 * file {@code app.db?foo=bar&cache=private} would be opened as {@code app.db?cache=private&foo=bar}.
 * A {@code file:} URI with {@code %}, {@code ?} and {@code #} escaped carries no parameters the
 * driver could read, and SQLite decodes the escapes back into the name.
 */
public final class SqliteUrl {

    private SqliteUrl() {}

    /** {@code jdbc:sqlite:file:PATH} with the characters a URI would read escaped; {@code absolutePath} starts with '/'. */
    public static String forFile(String absolutePath) {
        StringBuilder url = new StringBuilder("jdbc:sqlite:file:".length() + absolutePath.length() + 8).append("jdbc:sqlite:file:");
        for (int i = 0; i < absolutePath.length(); i++) {
            char c = absolutePath.charAt(i);
            switch (c) {
                case '%':
                    url.append("%25");
                    break;
                case '?':
                    url.append("%3F");
                    break;
                case '#':
                    url.append("%23");
                    break;
                default:
                    url.append(c);
            }
        }
        return url.toString();
    }
}
