package ttlab.grader.grade;

import ttlab.kernel.KernelConfig;
import ttlab.kernel.NotebookClasspath;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell engine set up exactly as the kernel sets up its own in {@code ttlab.kernel.KernelSession
 * .start}: the same compile class path, compiler options and extra class path from the kernel's
 * settings, the same default imports, the same start-up scripts; so a notebook is graded as it
 * ran. The engine has no time limit of its own (the kernel's default; see {@link CellTimer}), and
 * {@code check(...)} does nothing (the grader runs the tests itself).
 */
final class GradingEngine {

    // ---- KERNEL COPY ----------------------------------------------------------------------------
    // ttlab.kernel.KernelSession (package-private) owns these lists and its start(KernelConfig) is
    // not public either. Until the kernel exposes them (e.g. a public KernelSession.IMPORTS or a
    // public engine factory), they are copied here; GradingEngineTest fails when they drift apart.
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
    static final List<String> GRADER_IMPORTS = List.of("static ttlab.grader.Check.*", "ttlab.grader.Points");
    // ---- END KERNEL COPY ------------------------------------------------------------------------

    /**
     * {@code check(SomeTests.class)} in a student's cell would run the tests in the middle of the
     * replay and display a table nobody sees. Methods declared in the shell win over the static
     * import, so these make it do nothing; a student's own {@code check} would still win over them.
     */
    static final String CHECK_DOES_NOTHING =
            "void check(Class<?>... testClasses) {}\n"
            + "void check(java.time.Duration perTestLimit, Class<?>... testClasses) {}\n";

    private GradingEngine() {
    }

    /**
     * Starts an engine; problems with the kernel's settings or start-up scripts are added to
     * {@code warnings} rather than thrown, as the kernel shows them rather than failing to start.
     */
    static CellEngine start(List<String> warnings) {
        KernelConfig config = kernelConfig(warnings);
        List<String> classpath = new ArrayList<>(NotebookClasspath.of(System.getProperty("java.class.path")));
        classpath.addAll(config.classpath());
        CellEngine engine = CellEngine.builder()
                .compilerOptions(config.compilerOptions())
                .classpath(classpath)
                .build();
        HeadlessKernel.install();
        StringBuilder imports = new StringBuilder();
        DEFAULT_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        GRADER_IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
        check(engine.evaluate(imports.toString(), "default imports"), "the default imports", warnings);
        for (Path script : startupScripts(config.startupScriptPaths(), warnings)) {
            try {
                String code = Files.readString(script, StandardCharsets.UTF_8);
                check(CellMagics.run(engine, code, script.getFileName().toString()).result(), script.toString(), warnings);
            } catch (IOException e) {
                warnings.add("start-up script " + script + " could not be read: " + e.getMessage());
            }
        }
        if (config.startupScript() != null) {
            check(CellMagics.run(engine, config.startupScript(), "start-up script").result(), "the start-up script", warnings);
        }
        check(engine.evaluate(CHECK_DOES_NOTHING, "grader set-up"), "the grader's set-up", warnings);
        return engine;
    }

    private static KernelConfig kernelConfig(List<String> warnings) {
        try {
            return KernelConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            warnings.add("kernel settings ignored: " + e.getMessage());
            return new KernelConfig(Duration.ZERO, List.of(), List.of(), List.of(), null);
        }
    }

    private static void check(CellResult result, String what, List<String> warnings) {
        result.error().ifPresent(e -> warnings.add("error in " + what + ": " + e.name() + ": " + e.message()));
    }

    /** Files named directly, and the .jsh files of folders named, in name order (as the kernel does). */
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
                    warnings.add("start-up folder " + path + " could not be listed: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                scripts.add(path);
            } else {
                warnings.add("start-up script " + path + " does not exist");
            }
        }
        return scripts;
    }
}
