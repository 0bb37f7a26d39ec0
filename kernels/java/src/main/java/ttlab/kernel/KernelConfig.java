package ttlab.kernel;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The kernel's settings, read from environment variables. Each setting accepts ttlab's own
 * name and, for notebooks and servers set up for IJava or JJava, their names too
 * (TTLAB_ wins over JJAVA_, which wins over IJAVA_).
 *
 * <ul>
 *   <li>{@code *_TIMEOUT}: per-cell time limit in milliseconds; -1 or 0 for none (default none).</li>
 *   <li>{@code *_CLASSPATH}: extra jars and folders, separated by the path separator.</li>
 *   <li>{@code *_COMPILER_OPTS}: extra javac options, separated by spaces.</li>
 *   <li>{@code *_STARTUP_SCRIPTS_PATH}: .jsh files (or folders of them) run at start.</li>
 *   <li>{@code *_STARTUP_SCRIPT}: code run at start, after those files.</li>
 *   <li>{@code *_JVM_OPTS}: JVM options; read by the launcher script, not here.</li>
 * </ul>
 */
public record KernelConfig(Duration timeout, List<String> classpath, List<String> compilerOptions,
                           List<String> startupScriptPaths, String startupScript) {

    private static final String[] PREFIXES = {"TTLAB_", "JJAVA_", "IJAVA_"};

    public static KernelConfig fromEnvironment() {
        return from(System.getenv());
    }

    static KernelConfig from(Map<String, String> env) {
        return new KernelConfig(
                parseTimeout(lookup(env, "TIMEOUT")),
                splitPaths(lookup(env, "CLASSPATH")),
                splitWords(lookup(env, "COMPILER_OPTS")),
                splitPaths(lookup(env, "STARTUP_SCRIPTS_PATH")),
                lookup(env, "STARTUP_SCRIPT"));
    }

    private static String lookup(Map<String, String> env, String name) {
        for (String prefix : PREFIXES) {
            String value = env.get(prefix + name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    static Duration parseTimeout(String millis) {
        if (millis == null) {
            return Duration.ZERO;
        }
        try {
            long ms = Long.parseLong(millis);
            return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The cell timeout must be a whole number of milliseconds, got '" + millis + "'", e);
        }
    }

    private static List<String> splitPaths(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static List<String> splitWords(String value) {
        return value == null ? List.of() : Arrays.asList(value.split("\\s+"));
    }
}
