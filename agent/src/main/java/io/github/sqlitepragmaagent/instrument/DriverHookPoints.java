package io.github.sqlitepragmaagent.instrument;

import io.github.sqlitepragmaagent.bridge.DriverHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where the agent hooks into sqlite-jdbc. Every method here has kept its name, its meaning and the
 * hooked parameters from 3.25.2 to 3.54.1.0 (checked with {@code javap} on each release).
 *
 * <p>Keep it one table with a one-line reason per row: it is the whole contract between the agent and
 * the driver's internals, and a driver upgrade is checked against this list and nothing else.
 */
final class DriverHookPoints {

    static final String JDBC = "org/sqlite/JDBC";
    static final String DB = "org/sqlite/core/DB";
    static final String NATIVE_DB = "org/sqlite/core/NativeDB";
    static final String CONNECTION = "org/sqlite/jdbc3/JDBC3Connection";

    /** The classes to weave, as the JVM names them to a transformer. */
    static final List<String> CLASSES = Collections.unmodifiableList(Arrays.asList(JDBC, DB, NATIVE_DB, CONNECTION));

    static final List<HookPoint> ALL = Collections.unmodifiableList(Arrays.asList(
            // Every way of opening a connection passes here, and its exit sees the finished connection
            // plus the caller's own URL and Properties (what the app asked for itself).
            HookPoint.exit(JDBC, "createConnection", "(Ljava/lang/String;Ljava/util/Properties;)", DriverHook.OPENED, 0, 1),
            // The SQL of every JDBC statement is compiled here; a DROP TABLE's cascade is decided at this point.
            HookPoint.entry(DB, "prepare", "(Lorg/sqlite/core/CoreStatement;)", DriverHook.PREPARE, 0, 1).withSqlOf("sql"),
            // The statement runners: where a transaction the agent delayed really begins.
            HookPoint.entry(DB, "execute", "(Lorg/sqlite/core/CoreStatement;", DriverHook.EXECUTE, 0, 1).withSqlOf("sql"),
            HookPoint.entry(DB, "executeUpdate", "(Lorg/sqlite/core/CoreStatement;", DriverHook.EXECUTE, 0, 1).withSqlOf("sql"),
            HookPoint.entry(DB, "executeBatch", "(", DriverHook.EXECUTE, 0),
            // Statement.executeUpdate(String) compiles and runs its text natively, without prepare().
            HookPoint.entry(NATIVE_DB, "_exec", "(Ljava/lang/String;)", DriverHook.EXECUTE, 0, 1),
            // Before any of the above can lock a new DB object (HookPoint.constructed says why).
            HookPoint.constructed(DB),
            // The driver's own begin, commit and rollback.
            HookPoint.entry(DB, "exec", "(Ljava/lang/String;Z)", DriverHook.EXEC, 0, 1).skippable(),
            // Every native error code becomes an exception here, with the DB it happened on.
            HookPoint.entry(DB, "newSQLException", "(I)", DriverHook.ERROR, 0, 1).includingPrivate(),
            // The read-only flag where the agent emulates it (sqlite-jdbc refuses it on an open connection
            // unless explicit_readonly is on): the change, and the answer to isReadOnly().
            HookPoint.entry(CONNECTION, "setReadOnly", "(Z)", DriverHook.SET_READ_ONLY, 0, 1).skippable(),
            HookPoint.entry(CONNECTION, "isReadOnly", "()", DriverHook.IS_READ_ONLY, 0).skippable()));

    private DriverHookPoints() {}

    /** The points in class {@code internalName}. */
    static List<HookPoint> in(String internalName) {
        List<HookPoint> points = new ArrayList<HookPoint>();
        for (HookPoint point : ALL) {
            if (point.owner.equals(internalName)) {
                points.add(point);
            }
        }
        return points;
    }
}
