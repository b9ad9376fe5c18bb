package io.github.sqlitepragmaagent.it.apps.webapp;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The webapp's own code, as a typical one does it: at start-up it loads the sqlite-jdbc of its
 * {@code WEB-INF/lib}, opens its database (context parameter {@code db}), writes a row and closes.
 * {@link io.github.sqlitepragmaagent.it.apps.RedeployApp} copies this class into the webapp's
 * {@code WEB-INF/classes}, so the webapp's own class loader loads it.
 */
public final class OpenDatabaseListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String db = event.getServletContext().getInitParameter("db");
        try {
            Class.forName("org.sqlite.JDBC");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS visits(at INTEGER)");
                statement.executeUpdate("INSERT INTO visits VALUES (1)");
            }
        } catch (ClassNotFoundException | SQLException e) {
            throw new IllegalStateException("the webapp cannot open " + db, e);
        }
    }
}
