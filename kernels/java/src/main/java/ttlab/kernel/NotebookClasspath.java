package ttlab.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jars notebook code is compiled against: the APIs a student calls, not every jar the
 * kernel runs with.
 *
 * <p>Why not the whole class path: javac opens every jar on its class path to resolve each
 * wildcard import, and the kernel's runtime jars (ZeroMQ, ASM, PyTorch natives, fastutil...)
 * more than double the time to the first reply. The classes of every runtime jar are still
 * loadable at run time; a student who wants to compile against another jar adds it with
 * {@code %classpath}.
 */
public final class NotebookClasspath {

    /** Maven artifact ids whose jars notebooks compile against. */
    static final Set<String> NOTEBOOK_APIS = Set.of(
            "ttlab-kernel", "ttlab-course", "ttlab-grader",
            "jjava-jupyter",
            "junit-jupiter-api", "junit-jupiter-params", "junit-platform-commons",
            "junit-platform-engine", "junit-platform-launcher", "opentest4j", "apiguardian-api",
            "assertj-core",
            "tablesaw-core", "xchart",
            "api", // DJL's API (ai.djl:api)
            "jcuda");

    /** artifactId-version[-classifier].jar, where the version starts with a digit. */
    private static final Pattern JAR_NAME = Pattern.compile("^(.+?)-\\d[^/]*\\.jar$");

    private NotebookClasspath() {
    }

    /** The entries of a class path that notebooks compile against, in their order. */
    public static List<String> of(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (isNotebookApi(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static boolean isNotebookApi(String entry) {
        Path file = Path.of(entry).getFileName();
        if (file == null) {
            return false;
        }
        String name = file.toString();
        if (!name.endsWith(".jar")) {
            return true; // a classes folder (as in a development build) is always kept
        }
        Matcher m = JAR_NAME.matcher(name);
        String artifact = m.matches() ? m.group(1) : name.substring(0, name.length() - ".jar".length());
        return NOTEBOOK_APIS.contains(artifact);
    }
}
