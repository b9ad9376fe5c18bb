package io.github.sqlitepragmaagent.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.PooledConnection;
import org.sqlite.SQLiteConfig;
import org.sqlite.javax.SQLiteConnectionPoolDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * An unmodified "legacy app": opens a connection one of the ways apps do and reports what the
 * connection says.
 *
 * <pre>
 * OpenApp --via driver|datasource|config|pool|hikari-url|hikari-datasource --url URL
 *         [--prop key=value]... [--read-only] [--sql STATEMENT]... [--query-timeout SECONDS]
 *         [--extra PRAGMA]... [--connections N] [--no-report]
 * </pre>
 */
public final class OpenApp {

    public static void main(String[] args) throws Exception {
        String via = "driver";
        String url = null;
        Properties properties = new Properties();
        boolean readOnly = false;
        List<String> sql = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int queryTimeout = -1;
        int connections = 1;
        boolean report = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--via" -> via = args[++i];
                case "--url" -> url = args[++i];
                case "--prop" -> {
                    String[] pair = args[++i].split("=", 2);
                    properties.setProperty(pair[0], pair[1]);
                }
                case "--read-only" -> readOnly = true;
                case "--sql" -> sql.add(args[++i]);
                case "--extra" -> extra.add(args[++i]);
                case "--query-timeout" -> queryTimeout = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--no-report" -> report = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        for (int n = 1; n <= connections; n++) {
            try (Connection connection = open(via, url, properties, readOnly)) {
                for (String statement : sql) {
                    try (Statement s = connection.createStatement()) {
                        s.executeUpdate(statement);
                    }
                }
                if (queryTimeout >= 0) {
                    try (Statement s = connection.createStatement()) {
                        s.setQueryTimeout(queryTimeout);
                        try (ResultSet r = s.executeQuery("SELECT 1")) {
                            r.next();
                        }
                    }
                }
                if (n == 1 && report) {
                    Report.print("app", connection, extra.toArray(new String[0]));
                    System.out.println("app.read_only=" + connection.isReadOnly());
                    System.out.println("app.connection_class=" + connection.getClass().getName());
                }
            }
        }
        Report.jvm();
        System.out.println("app.opened=" + connections);
        System.out.println("app.done=true");
    }

    private static Connection open(String via, String url, Properties properties, boolean readOnly) throws Exception {
        switch (via) {
            case "driver":
                return DriverManager.getConnection(url, properties);
            case "datasource": {
                SQLiteConfig config = new SQLiteConfig(properties);
                config.setReadOnly(readOnly);
                SQLiteDataSource dataSource = new SQLiteDataSource(config);
                dataSource.setUrl(url);
                return dataSource.getConnection();
            }
            case "config": {
                SQLiteConfig config = new SQLiteConfig(properties);
                config.setReadOnly(readOnly);
                return config.createConnection(url);
            }
            case "pool": {
                SQLiteConnectionPoolDataSource pool = new SQLiteConnectionPoolDataSource();
                pool.setUrl(url);
                PooledConnection pooled = pool.getPooledConnection();
                return pooled.getConnection();
            }
            case "hikari-url": {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(url);
                config.setDataSourceProperties(properties);
                config.setMaximumPoolSize(2);
                return new HikariDataSource(config).getConnection();
            }
            case "hikari-datasource": {
                HikariConfig config = new HikariConfig();
                config.setDataSourceClassName("org.sqlite.SQLiteDataSource");
                config.addDataSourceProperty("url", url);
                config.setMaximumPoolSize(2);
                return new HikariDataSource(config).getConnection();
            }
            default:
                throw new IllegalArgumentException("unknown --via " + via);
        }
    }
}
