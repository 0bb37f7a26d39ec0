package ttlab.kernel;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the kernel needs once JShell is up: the engine, the cell runner, and any warnings
 * from start-up scripts (shown with the first cell's output rather than lost in a log).
 */
final class KernelSession {

    /** Imported in every notebook: the JDK basics, JUnit 5, AssertJ, display and the course library. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.util.*",
            "java.util.function.*",
            "java.util.stream.*",
            "java.io.*",
            "java.math.*",
            "java.nio.file.*",
            "java.util.concurrent.*",
            "org.junit.jupiter.api.*",
            "org.junit.jupiter.params.*",
            "org.junit.jupiter.params.provider.*",
            "static org.assertj.core.api.Assertions.*",
            "static ttlab.kernel.Notebook.*",
            "ttlab.course.*");

    /**
     * Imported too when the grader is on the class path (the installed kernel runs with it; the
     * kernel module's own tests run without): {@code check(SomeTests.class)} and {@code @Points}.
     */
    static final List<String> GRADER_IMPORTS = List.of("static ttlab.grader.Check.*", "ttlab.grader.Points");
    private static final String GRADER_CHECK = "ttlab.grader.Check";

    private final CellEngine engine;
    private final CellRunner runner;
    private final List<String> startupWarnings;

    private KernelSession(CellEngine engine, CellRunner runner, List<String> startupWarnings) {
        this.engine = engine;
        this.runner = runner;
        this.startupWarnings = startupWarnings;
    }

    static KernelSession start(KernelConfig config) {
        List<String> classpath = new ArrayList<>(NotebookClasspath.of(System.getProperty("java.class.path")));
        classpath.addAll(config.classpath());
        CellEngine engine = CellEngine.builder()
                .timeout(config.timeout())
                .compilerOptions(config.compilerOptions())
                .classpath(classpath)
                .build();
        CellRunner runner = new CellRunner(engine, Path.of("").toAbsolutePath());
        List<String> warnings = new ArrayList<>();
        StringBuilder imports = new StringBuilder();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        if (graderAvailable()) {
            GRADER_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        }
        check(engine.evaluate(imports.toString(), "default imports"), "default imports", warnings);
        for (Path script : startupScripts(config.startupScriptPaths(), warnings)) {
            try {
                String code = Files.readString(script, StandardCharsets.UTF_8);
                check(runner.run(code, script.getFileName().toString()), script.toString(), warnings);
            } catch (IOException e) {
                warnings.add("Start-up script " + script + " could not be read: " + e.getMessage());
            }
        }
        if (config.startupScript() != null) {
            check(runner.run(config.startupScript(), "start-up script"), "the start-up script", warnings);
        }
        return new KernelSession(engine, runner, warnings);
    }

    private static boolean graderAvailable() {
        try {
            Class.forName(GRADER_CHECK, false, KernelSession.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(CellResult result, String what, List<String> warnings) {
        result.error().ifPresent(e -> warnings.add("Error in " + what + ": " + e.name() + ": " + e.message()));
    }

    /** Files named directly, and the .jsh files of folders named, in name order. */
    private static List<Path> startupScripts(List<String> paths, List<String> warnings) {
        List<Path> scripts = new ArrayList<>();
        for (String entry : paths) {
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

    CellEngine engine() {
        return engine;
    }

    CellRunner runner() {
        return runner;
    }

    /** Warnings not yet shown; returns them once. */
    synchronized List<String> takeStartupWarnings() {
        List<String> copy = List.copyOf(startupWarnings);
        startupWarnings.clear();
        return copy;
    }
}
