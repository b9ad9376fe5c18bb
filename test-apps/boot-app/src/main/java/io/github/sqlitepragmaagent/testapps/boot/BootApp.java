package io.github.sqlitepragmaagent.testapps.boot;

import java.util.List;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Boot app with a DataSource from {@code spring.datasource.url} (HikariCP, by Boot's
 * auto-configuration) that reports what its pooled connections say and exits.
 *
 * <pre>java -jar boot-app.jar --spring.datasource.url=jdbc:sqlite:FILE</pre>
 */
@SpringBootApplication
public class BootApp implements CommandLineRunner {

    private final JdbcTemplate jdbc;

    public BootApp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BootApp.class, args)));
    }

    @Override
    public void run(String... args) {
        for (String pragma : List.of("journal_mode", "synchronous", "cache_size", "foreign_keys", "busy_timeout", "temp_store")) {
            System.out.println("app." + pragma + "=" + jdbc.queryForObject("PRAGMA " + pragma, String.class));
        }
        System.out.println("app.driver_loader=" + org.sqlite.JDBC.class.getClassLoader().getClass().getName());
        System.out.println("jvm.version=" + System.getProperty("java.version"));
        System.out.println("app.done=true");
    }
}
