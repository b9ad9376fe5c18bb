package io.github.sqlitepragmaagent.cli;

import io.github.sqlitepragmaagent.driver.DriverVersion;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Finds the sqlite-jdbc the {@code check} command opens databases with. The agent never bundles a
 * driver, so the best one is the app's own: {@code --driver PATH}. Without it, in this order: a
 * {@code sqlite-jdbc*.jar} next to the agent jar, then the newest sqlite-jdbc in the local Maven
 * repository ({@code ~/.m2/repository/org/xerial/sqlite-jdbc}). The output always names the jar used.
 */
final class DriverLocator {

    private DriverLocator() {}

    static File locate(String given, File agentJar) throws UsageException {
        if (given != null) {
            File jar = new File(given);
            if (!jar.isFile()) {
                throw new UsageException("--driver " + given + ": no such file (give the sqlite-jdbc jar your app uses)");
            }
            if (!isDriver(jar)) {
                throw new UsageException("--driver " + given + ": not a sqlite-jdbc jar (it has no org/sqlite/JDBC.class)");
            }
            return jar;
        }
        List<File> candidates = new ArrayList<File>();
        File agentDirectory = agentJar == null ? null : agentJar.getParentFile();
        if (agentDirectory != null) {
            File[] beside = agentDirectory.listFiles();
            if (beside != null) {
                for (File file : beside) {
                    if (file.getName().startsWith("sqlite-jdbc") && file.getName().endsWith(".jar")) {
                        candidates.add(file);
                    }
                }
            }
        }
        File newestBeside = newest(candidates);
        if (newestBeside != null && isDriver(newestBeside)) {
            return newestBeside;
        }
        File repository = new File(System.getProperty("user.home"), ".m2/repository/org/xerial/sqlite-jdbc");
        List<File> cached = new ArrayList<File>();
        File[] versions = repository.listFiles();
        if (versions != null) {
            for (File version : versions) {
                File jar = new File(version, "sqlite-jdbc-" + version.getName() + ".jar");
                if (jar.isFile()) {
                    cached.add(jar);
                }
            }
        }
        File newestCached = newest(cached);
        if (newestCached != null && isDriver(newestCached)) {
            return newestCached;
        }
        throw new UsageException("no sqlite-jdbc found: pass --driver /path/to/sqlite-jdbc.jar (the one your app uses;"
                + " without it the command looks next to the agent jar and in ~/.m2)");
    }

    /** The jar whose name has the highest version (numbers compared as numbers). */
    private static File newest(List<File> jars) {
        File best = null;
        for (File jar : jars) {
            if (best == null || DriverVersion.compare(jar.getName(), best.getName()) > 0) {
                best = jar;
            }
        }
        return best;
    }

    private static boolean isDriver(File jar) {
        try (JarFile file = new JarFile(jar)) {
            return file.getEntry("org/sqlite/JDBC.class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
