package ttlab.kernel;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell engine set up as every notebook's: compiled against the notebook class path, with the
 * default imports. The kernel and the grader both start theirs here, so that a notebook is
 * graded in exactly the environment it ran in.
 */
public final class NotebookEngine {

    /**
     * Imported in every notebook, on any kernel: the JDK basics (JJava's too), JUnit 5, AssertJ
     * and the course library.
     */
    public static final List<String> LIBRARY_IMPORTS = List.of(
            "java.util.*",
            "java.util.function.*",
            "java.util.stream.*",
            "java.io.*",
            "java.math.*",
            "java.net.*",
            "java.nio.file.*",
            "java.time.*",
            "java.util.concurrent.*",
            "java.util.prefs.*",
            "java.util.regex.*",
            "org.junit.jupiter.api.*",
            "org.junit.jupiter.params.*",
            "org.junit.jupiter.params.provider.*",
            "static org.assertj.core.api.Assertions.*",
            "ttlab.course.*");

    /** The display helpers ({@code display}, {@code html}, {@code printf}...): the ttlab kernel's own. */
    public static final String NOTEBOOK_STATICS = "static ttlab.kernel.Notebook.*";

    /** Imported in every notebook on the ttlab kernel. */
    public static final List<String> DEFAULT_IMPORTS = concat(LIBRARY_IMPORTS, List.of(NOTEBOOK_STATICS));

    /**
     * Imported too when the grader is on the class path (the installed kernel runs with it; the
     * kernel module's own tests run without): {@code check(SomeTests.class)}, {@code @Points} and
     * {@code submit()}.
     */
    public static final List<String> GRADER_IMPORTS = List.of("static ttlab.grader.Check.*", "ttlab.grader.Points",
            "static ttlab.grader.Submit.submit");

    private static final String GRADER_CHECK = "ttlab.grader.Check";

    private NotebookEngine() {
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * Builds the engine and runs the imports; a failed import is added to {@code warnings}
     * (shown to the user) rather than stopping the kernel.
     */
    public static CellEngine start(KernelConfig config, List<String> warnings) {
        return start(config, warnings, CellEngine.builder().timeout(config.timeout()));
    }

    /**
     * The same engine, compiling here and running the notebook's code in another process that
     * serves these streams ({@link ttlab.kernel.engine.SnippetAgent}, started with the same
     * class path); that process times the code, so the configuration's time limit is not used.
     */
    public static CellEngine startForwarded(KernelConfig config, List<String> warnings,
                                            java.io.InputStream fromAgent, java.io.OutputStream toAgent) {
        return start(config, warnings, CellEngine.builder().runSnippetsElsewhere(fromAgent, toAgent));
    }

    private static CellEngine start(KernelConfig config, List<String> warnings, CellEngine.Builder builder) {
        List<String> classpath = new ArrayList<>(NotebookClasspath.of(System.getProperty("java.class.path")));
        classpath.addAll(config.classpath());
        CellEngine engine = builder
                .compilerOptions(config.compilerOptions())
                .classpath(classpath)
                .build();
        warnIfFailed(engine.evaluate(importCell(), "default imports"), "default imports", warnings);
        return engine;
    }

    /** The default imports as one cell, with the grader's when it is present. */
    static String importCell() {
        StringBuilder imports = new StringBuilder();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        if (graderAvailable()) {
            GRADER_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        }
        return imports.toString();
    }

    /**
     * The start-up scripts a configuration names: files named directly, and the .jsh files of
     * folders named, in name order; what cannot be read is added to {@code warnings}.
     */
    public static List<Path> startupScripts(KernelConfig config, List<String> warnings) {
        List<Path> scripts = new ArrayList<>();
        for (String entry : config.startupScriptPaths()) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "*.jsh")) {
                    List<Path> found = new ArrayList<>();
                    files.forEach(found::add);
                    found.sort(null);
                    scripts.addAll(found);
                } catch (IOException e) {
                    warnings.add("Start-up folder " + path + " could not be listed: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                scripts.add(path);
            } else {
                warnings.add("Start-up script " + path + " does not exist");
            }
        }
        return scripts;
    }

    public static void warnIfFailed(CellResult result, String what, List<String> warnings) {
        result.error().ifPresent(e -> warnings.add("Error in " + what + ": " + e.name() + ": " + e.message()));
    }

    private static boolean graderAvailable() {
        try {
            Class.forName(GRADER_CHECK, false, NotebookEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
