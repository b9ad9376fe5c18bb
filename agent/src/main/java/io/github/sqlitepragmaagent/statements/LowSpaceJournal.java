package io.github.sqlitepragmaagent.statements;

import io.github.sqlitepragmaagent.log.OnceLog;
import io.github.sqlitepragmaagent.support.Litestream;
import io.github.sqlitepragmaagent.support.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * On a nearly full disk ({@code checkpoint.low.space}), the agent's own WAL gives way to a rollback journal
 * ({@code journal_mode=DELETE}), the mode the database would have without the agent.
 *
 * <p>Why: under WAL a commit is durable in the {@code -wal} before the database file grows to take it, so
 * the commit that takes a disk's last bytes cannot be checkpointed; it stays in the {@code -wal} after the
 * app exits, where a copy of the database file alone misses it and a restore by copy replays it onto the
 * wrong file. With a rollback journal the commit that does not fit fails and rolls back, and nothing is
 * left beside the database. Only WAL that is the agent's default gives way: an app or operator that asked
 * for WAL keeps it (and the low-space checkpoints keep its WAL short), and so does a database Litestream
 * replicates (Litestream needs WAL).
 *
 * <p>Why on the app's connection, as a transaction starts: SQLite leaves WAL only through a connection with
 * no transaction open, and only when it is the last connection to the database (every WAL connection that
 * has read keeps a shared lock on the file until it closes; leaving WAL takes the exclusive lock, without a
 * busy wait: a try beside another connection failed in 3 ms with a busy timeout of 5 s). So this helps the
 * many apps with one connection; in a pool, or beside another process, the try fails, costs the app nothing
 * and comes again a second later, and the low-space checkpoints keep the WAL short meanwhile. Connections
 * the app opens while space is short are not switched to WAL at all ({@code tune.PragmaPlan}): WAL comes back
 * with the first connection opened once there is room.

 */
final class LowSpaceJournal {

    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Logger log;
    private final OnceLog once = new OnceLog();

    LowSpaceJournal(Logger log) {
        this.log = log;
    }

    /** Before a transaction starts on {@code session}'s connection, while its database's filesystem is short of space. */
    void shortOfSpace(Session session) {
        if (!session.agentWal || session.appJournalMode || session.leftWal || session.walLeftAlone
                || session.openedReadOnly) {
            return;
        }
        long now = System.nanoTime();
        if (now - session.leaveWalAfter < 0) {
            return;
        }
        session.leaveWalAfter = now + RETRY_NANOS;
        Connection connection = session.connection();
        if (connection == null) {
            return;
        }
        try {
            String litestreamTable = Litestream.table(connection);
            if (litestreamTable != null) {
                session.walLeftAlone = true;
                if (once.first("litestream|" + session.database)) {
                    log.info("db={} stays in WAL on its nearly full disk: Litestream replicates it (its table {} exists) and"
                            + " needs WAL (said once per database)", session.database, litestreamTable);
                }
                return;
            }
            Statement statement = connection.createStatement();
            try {
                if (!"wal".equalsIgnoreCase(Statements.firstColumn(statement, "PRAGMA journal_mode"))) {
                    return; // not in WAL (the tuner could not switch it, or it left already through another connection)
                }
                session.leftWal = leaveWal(session, statement);
            } finally {
                Statements.closeQuietly(statement);
            }
        } catch (SQLException | RuntimeException e) {
            if (once.first("failed|" + session.database)) {
                log.info("db={} its filesystem is nearly full, and the agent could not look at its journal: {}", session.database,
                        firstLine(e));
            }
        }
    }

    /** True when the database left WAL; false while another connection keeps it there. */
    private boolean leaveWal(Session session, Statement statement) {
        try {
            if (!"delete".equalsIgnoreCase(Statements.firstColumn(statement, "PRAGMA journal_mode=DELETE"))) {
                return false;
            }
        } catch (SQLException e) {
            if (once.first("busy|" + session.database)) {
                log.info("db={} its filesystem is nearly full, but it cannot leave WAL yet ({}): SQLite leaves WAL only"
                        + " through the last connection to a database, and another one (of this app or another process) has it"
                        + " open; the agent tries again each second and keeps the WAL short with checkpoints meanwhile (said"
                        + " once per database)", session.database, firstLine(e));
            }
            return false;
        }
        if (once.first("left|" + session.database)) {
            log.warn("db={} its filesystem is nearly full (less than checkpoint.low.space free): the agent switched it from"
                    + " its own default journal_mode=WAL to journal_mode=DELETE, as it is without the agent, so that a full"
                    + " disk leaves no committed rows in a -wal; the app's connections opened once there is room are in WAL"
                    + " again (said once per database)", session.database);
        }
        return true;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.split("\n")[0];
    }
}
