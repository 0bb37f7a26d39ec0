package ttlab.kernel.engine;

import java.util.List;

/**
 * Why a cell failed, ready for Jupyter's error message: {@code name} (the exception class, or
 * {@code CompilationError}, {@code ExecutionInterrupted}, {@code ExecutionTimeout}), a one-line
 * {@code message}, the {@code traceback} lines to show, and for compile errors the diagnostics.
 */
public record CellError(String name, String message, List<String> traceback, List<CompileDiagnostic> diagnostics) {

    public static final String COMPILATION_ERROR = "CompilationError";
    public static final String INTERRUPTED = "ExecutionInterrupted";
    public static final String TIMEOUT = "ExecutionTimeout";
    /** The process that ran the cell's snippets ended or broke the protocol (see {@link SnippetAgent}). */
    public static final String RUNNER_ENDED = "SnippetRunnerEnded";

    public CellError {
        traceback = List.copyOf(traceback);
        diagnostics = List.copyOf(diagnostics);
    }
}
