package ttlab.grader.grade;

import ttlab.kernel.KernelConfig;
import ttlab.kernel.NotebookEngine;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A grading cell engine, set up exactly as the kernel sets up its own ({@link NotebookEngine}): the same
 * compile class path, compiler options and extra class path from the kernel's settings, the same
 * default imports, the same start-up scripts; so a notebook is graded as it ran. The engine has no time limit of its own (the kernel's default; see {@link CellTimer}), and
 * {@code check(...)} does nothing (the grader runs the tests itself).
 */
final class GradingEngine {

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
     * Starts an engine that compiles here and runs the code in the {@link GradingAgent} that
     * serves these streams; problems with the kernel's settings or start-up scripts are added to
     * {@code warnings} rather than thrown, as the kernel shows them rather than failing to start.
     */
    static CellEngine start(List<String> warnings, InputStream fromAgent, OutputStream toAgent) {
        // The kernel's engine exactly, without its cell timeout: the agent times cells itself.
        KernelConfig config = kernelConfig(warnings);
        CellEngine engine = NotebookEngine.startForwarded(new KernelConfig(Duration.ZERO, config.classpath(),
                config.compilerOptions(), config.startupScriptPaths(), config.startupScript()), warnings,
                fromAgent, toAgent);
        engine.withShell(SourceIndexing::suspend);
        for (Path script : NotebookEngine.startupScripts(config, warnings)) {
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

    /**
     * Closes an engine that {@link #start} made, which ends its agent; the indexing paused at the
     * start is let go first, or the shell would stay in memory ({@link SourceIndexing#resume}).
     */
    static void close(CellEngine engine) {
        engine.withShell(SourceIndexing::resume);
        engine.close();
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
        NotebookEngine.warnIfFailed(result, what, warnings);
    }
}
