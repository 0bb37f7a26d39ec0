package ttlab.kernel;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the kernel needs once JShell is up: the engine, the cell runner, and any warnings
 * from start-up scripts (shown with the first cell's output rather than lost in a log).
 */
final class KernelSession {

    private final CellEngine engine;
    private final CellRunner runner;
    private final List<String> startupWarnings;

    private KernelSession(CellEngine engine, CellRunner runner, List<String> startupWarnings) {
        this.engine = engine;
        this.runner = runner;
        this.startupWarnings = startupWarnings;
    }

    static KernelSession start(KernelConfig config) {
        List<String> warnings = new ArrayList<>();
        CellEngine engine = NotebookEngine.start(config, warnings);
        CellRunner runner = new CellRunner(engine, Path.of("").toAbsolutePath());
        for (Path script : NotebookEngine.startupScripts(config, warnings)) {
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

    private static void check(CellResult result, String what, List<String> warnings) {
        NotebookEngine.warnIfFailed(result, what, warnings);
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
