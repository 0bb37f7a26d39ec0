package ttlab.kernel.engine;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one cell engine that the kernel and the grader share: it turns a notebook cell into JShell
 * snippets and evaluates them in this JVM, exactly the same way for a student at the notebook
 * and for the grader replaying the notebook. Built with {@link Builder#runSnippetsElsewhere}, it
 * compiles here and a {@link SnippetAgent} in another process runs the snippets.
 *
 * <p>All JShell work happens on one dedicated thread, so that an interrupt (a stop request and
 * {@link Thread#interrupt()}) hits the student's code and nothing else. There is one
 * {@link StopSignal} per JVM, hence one engine that runs snippets in this JVM per JVM.
 */
public final class CellEngine implements AutoCloseable {

    private final JShell shell;
    private final SnippetExecution execution;
    private final ExecutorService executor;
    private final ScheduledExecutorService watchdog;
    private final Duration timeout;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final TracebackFormatter tracebacks = new TracebackFormatter(origins);
    /** Snippet id of each variable -> the wrapper class holding its value. */
    private final Map<String, String> varWrapperClass = new HashMap<>();
    private volatile Thread cellThread;
    /**
     * Which work a stop applies to. Work (a cell, or {@link #runStoppable}) is numbered when it is
     * asked for, on the caller's thread, before it waits for the cell thread; a stop covers all
     * work asked for until then, so an interrupt that arrives while a cell is queued behind
     * another, or just before its first line runs, still stops it. A stop from before the work
     * was asked for is cleared when it starts. Guarded by {@code stopLock}.
     */
    private final Object stopLock = new Object();
    private long workAskedFor;
    private long stopsCoverUpTo;
    private long workRunning;

    private CellEngine(Builder builder, SnippetExecution execution) {
        this.timeout = builder.timeout;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = daemon("ttlab-cell").newThread(r);
            cellThread = t;
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("ttlab-watchdog"));
        this.execution = execution;
        this.shell = onCellThread(() -> JShell.builder()
                .executionEngine(execution.provider(), Map.of())
                .compilerOptions(builder.compilerOptions.toArray(String[]::new))
                .build());
        if (!builder.classpath.isEmpty()) {
            // One call for the whole path: each call costs JShell a round of compiler set-up.
            addToClasspath(String.join(java.io.File.pathSeparator, builder.classpath));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates a cell; {@code cellLabel} names it in errors, e.g. "In[3]" or a cell id. */
    public CellResult evaluate(String cell, String cellLabel) {
        long ticket = askForWork();
        return onCellThread(() -> evaluateOnCellThread(ticket, cell, cellLabel));
    }

    /**
     * Runs notebook code that is not a cell, such as a student's {@code toString()} called while
     * rendering a value, under the same interrupt and time limit as a cell.
     *
     * @throws ExecutionStopped when it was interrupted or timed out
     */
    public <T> T runStoppable(Callable<T> work) {
        if (isCellThread()) {
            return callInPlace(work); // called from a cell: already stoppable, under the cell's limit
        }
        long ticket = askForWork();
        return onCellThread(() -> {
            beginWork(ticket);
            ScheduledFuture<?> alarm = scheduleTimeout(ticket);
            try {
                return execution.runAsClient(work);
            } finally {
                if (alarm != null) {
                    alarm.cancel(false);
                }
            }
        });
    }

    /** True on the engine's own thread: inside a cell, or inside {@link #runStoppable}. */
    public boolean isCellThread() {
        return Thread.currentThread() == cellThread;
    }

    /**
     * Lowers the stop flag on the cell thread, between two pieces of stoppable work: a grader
     * that stopped one test this way goes on with the next test in the same run.
     */
    public void clearStop() {
        if (!isCellThread()) {
            throw new IllegalStateException("clearStop() belongs on the engine's cell thread");
        }
        execution.clearStop();
        Thread.interrupted();
    }

    /** Stops the running code with a reason (a user's interrupt, a time limit). */
    public void stop(ExecutionStopped.Reason reason) {
        synchronized (stopLock) {
            stopsCoverUpTo = workAskedFor;
            execution.stop(reason);
        }
    }

    /** How much work has been asked for so far (for tests that must know a request is queued). */
    long workAskedFor() {
        synchronized (stopLock) {
            return workAskedFor;
        }
    }

    private long askForWork() {
        synchronized (stopLock) {
            return ++workAskedFor;
        }
    }

    /** On the cell thread, as work number {@code ticket} starts. */
    private void beginWork(long ticket) {
        synchronized (stopLock) {
            workRunning = ticket;
            if (stopsCoverUpTo < ticket) {
                execution.clearStop(); // that stop was for earlier work, which has ended
            }
        }
    }

    /** The time limit of work {@code ticket}: a late alarm never stops the work after it. */
    private void timeOut(long ticket) {
        synchronized (stopLock) {
            if (workRunning == ticket) {
                execution.stop(ExecutionStopped.Reason.TIMED_OUT);
            }
        }
    }

    private static <T> T callInPlace(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the running cell, if any (called from another thread). */
    public void interrupt() {
        stop(ExecutionStopped.Reason.INTERRUPTED);
    }

    /** Adds jars or folders (a path-separated list) for both compiling and running notebook code. */
    public void addToClasspath(String path) {
        onCellThread(() -> {
            shell.addToClasspath(path);
            return null;
        });
    }

    /**
     * The class loader of notebook code and of the jars added to its class path, so that a
     * library's extension found in an added jar sees the same classes as the notebook.
     */
    public ClassLoader notebookClassLoader() {
        return execution.snippetLoader();
    }

    /**
     * Sends an owner's command to the {@link SnippetAgent} that runs this engine's snippets, on
     * the engine's thread, and returns its answer (for an engine built with
     * {@link Builder#runSnippetsElsewhere}).
     *
     * @throws IllegalStateException when the agent cannot do it or has ended
     * @throws UnsupportedOperationException for an engine that runs snippets in this JVM
     */
    public String askAgent(String command, String argument) {
        return onCellThread(() -> execution.askAgent(command, argument));
    }

    /**
     * Why the process that runs this engine's snippets has ended, or empty while it serves (always
     * empty for an engine that runs snippets in this JVM). Once it has ended, every cell fails
     * with {@link CellError#RUNNER_ENDED}.
     */
    public java.util.Optional<String> runnerEnded() {
        return java.util.Optional.ofNullable(execution.endedBecause());
    }

    /** Runs {@code work} with the JShell instance on the engine's thread (for completion etc.). */
    public <T> T withShell(Function<JShell, T> work) {
        return onCellThread(() -> work.apply(shell));
    }

    @Override
    public void close() {
        onCellThread(() -> {
            shell.close();
            return null;
        });
        executor.shutdownNow();
        watchdog.shutdownNow();
    }

    private CellResult evaluateOnCellThread(long ticket, String cell, String cellLabel) {
        beginWork(ticket);
        ScheduledFuture<?> alarm = scheduleTimeout(ticket);
        try {
            List<String> notes = new ArrayList<>();
            if (execution.endedBecause() != null) {
                return runnerEnded(notes);
            }
            List<CellSplitter.Piece> pieces = CellSplitter.split(shell.sourceCodeAnalysis(), cell);
            boolean hasValue = false;
            Object value = null;
            for (int i = 0; i < pieces.size(); i++) {
                if (execution.stopRequested() != null) {
                    return stopped(notes);
                }
                CellSplitter.Piece piece = pieces.get(i);
                int firstLine = CellSplitter.lineOf(cell, piece.start());
                List<SnippetEvent> events = shell.eval(piece.source());
                if (execution.endedBecause() != null) {
                    return runnerEnded(notes);
                }
                CellResult failure = inspect(events, cell, piece, firstLine, cellLabel, notes);
                if (failure != null) {
                    return failure;
                }
                boolean last = i == pieces.size() - 1;
                hasValue = last && !piece.endsWithSemicolon() && producesValue(events);
                value = hasValue ? execution.takeLastValue() : null;
            }
            return CellResult.success(hasValue, value, notes);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    /** Looks at what one snippet did; returns a failed result, or null when it went well. */
    private CellResult inspect(List<SnippetEvent> events, String cell, CellSplitter.Piece piece,
                               int firstLine, String cellLabel, List<String> notes) {
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            boolean primary = event.causeSnippet() == null;
            if (primary && event.status() != Snippet.Status.REJECTED) {
                origins.record(snippet.id(), cellLabel, firstLine);
                if (snippet instanceof VarSnippet) {
                    // A cell run again declares an identical variable: JShell keeps the same
                    // snippet, now in a new wrapper class; the old wrapper's value is released here.
                    String wrapper = execution.lastInvokedClass();
                    String replaced = varWrapperClass.put(snippet.id(), wrapper);
                    if (replaced != null && !replaced.equals(wrapper)) {
                        execution.releaseStaticState(replaced);
                    }
                }
            }
            boolean replacedByItself = event.causeSnippet() != null && event.causeSnippet().id().equals(snippet.id());
            if (event.previousStatus() == Snippet.Status.VALID && !event.status().isActive()
                    && snippet instanceof VarSnippet && !replacedByItself) {
                String wrapper = varWrapperClass.remove(snippet.id());
                if (wrapper != null) {
                    execution.releaseStaticState(wrapper);
                }
            }
            if (primary && event.status() == Snippet.Status.REJECTED) {
                return compileError(snippet, cell, piece, cellLabel, notes);
            }
            if (primary && event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || primary && event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                notes.add(unresolvedNote((DeclarationSnippet) snippet));
            }
            if (event.exception() != null) {
                return runtimeError(event.exception(), notes);
            }
        }
        return null;
    }

    private boolean producesValue(List<SnippetEvent> events) {
        SnippetEvent primary = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (primary == null || primary.status() != Snippet.Status.VALID) {
            return false;
        }
        Snippet snippet = primary.snippet();
        if (snippet instanceof ExpressionSnippet) {
            return !"void".equals(((ExpressionSnippet) snippet).typeName());
        }
        return snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellResult compileError(Snippet snippet, String cell, CellSplitter.Piece piece, String cellLabel,
                                    List<String> notes) {
        List<CompileDiagnostic> diagnostics = shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(d -> place(d, cell, piece))
                .collect(Collectors.toList());
        if (diagnostics.isEmpty()) {
            int line = CellSplitter.lineOf(cell, piece.start());
            diagnostics = List.of(new CompileDiagnostic(line, 1, "this code could not be compiled",
                    lineText(cell, line), 1, 2));
        }
        List<String> traceback = new ArrayList<>();
        for (CompileDiagnostic d : diagnostics) {
            traceback.addAll(List.of(d.render(cellLabel).split("\n")));
        }
        CompileDiagnostic first = diagnostics.get(0);
        String message = cellLabel + " line " + first.line() + ": " + first.message();
        return CellResult.failure(CellResult.Status.COMPILE_ERROR,
                new CellError(CellError.COMPILATION_ERROR, message, traceback, diagnostics), notes);
    }

    private static CompileDiagnostic place(Diag diag, String cell, CellSplitter.Piece piece) {
        int sourceLength = piece.source().length();
        int startInSnippet = (int) clamp(diag.getStartPosition(), diag.getPosition(), sourceLength);
        int endInSnippet = (int) clamp(diag.getEndPosition(), startInSnippet + 1, sourceLength);
        int start = Math.min(piece.start() + startInSnippet, cell.length());
        int end = Math.min(piece.start() + Math.max(endInSnippet, startInSnippet + 1), cell.length());
        int line = CellSplitter.lineOf(cell, start);
        int lineStart = cell.lastIndexOf('\n', start - 1) + 1;
        String text = lineText(cell, line);
        int column = start - lineStart + 1;
        int spanEnd = Math.min(end - lineStart + 1, text.length() + 1);
        String message = diag.getMessage(Locale.ROOT).lines().findFirst().orElse("error");
        return new CompileDiagnostic(line, column, message, text, column, Math.max(spanEnd, column + 1));
    }

    private static long clamp(long position, long fallback, int length) {
        long p = position == Diag.NOPOS ? fallback : position;
        if (p == Diag.NOPOS || p < 0) {
            p = 0;
        }
        return Math.min(p, Math.max(0, length - 1));
    }

    private static String lineText(String cell, int line) {
        return cell.lines().skip(line - 1L).findFirst().orElse("");
    }

    private CellResult runtimeError(JShellException exception, List<String> notes) {
        if (execution.stopRequested() != null) {
            // Whatever the code threw once a stop was requested (ExecutionStopped, or the
            // InterruptedException of a sleep it was in) is the stop itself.
            return stopped(notes);
        }
        if (exception instanceof UnresolvedReferenceException) {
            DeclarationSnippet snippet = ((UnresolvedReferenceException) exception).getSnippet();
            String message = unresolvedNote(snippet);
            return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                    new CellError("UnresolvedReference", message, List.of(message), List.of()), notes);
        }
        String name = TracebackFormatter.exceptionName(exception);
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                new CellError(name, message, tracebacks.format(exception), List.of()), notes);
    }

    private CellResult runnerEnded(List<String> notes) {
        String message = "the process that runs the notebook's code has ended: " + execution.endedBecause();
        return CellResult.failure(CellResult.Status.RUNTIME_ERROR,
                new CellError(CellError.RUNNER_ENDED, message, List.of(message), List.of()), notes);
    }

    private CellResult stopped(List<String> notes) {
        ExecutionStopped.Reason reason = execution.stopRequested();
        if (reason == ExecutionStopped.Reason.TIMED_OUT) {
            String message = hasLimit(timeout)
                    ? "Cell timed out after " + describe(timeout) + " and was stopped"
                    : "Cell ran past its time limit and was stopped"; // a limit kept by the owner or the agent
            return CellResult.failure(CellResult.Status.TIMED_OUT,
                    new CellError(CellError.TIMEOUT, message, List.of(message), List.of()), notes);
        }
        String message = "Execution interrupted";
        return CellResult.failure(CellResult.Status.INTERRUPTED,
                new CellError(CellError.INTERRUPTED, message, List.of(message), List.of()), notes);
    }

    private String unresolvedNote(DeclarationSnippet snippet) {
        List<String> missing = shell.unresolvedDependencies(snippet).collect(Collectors.toList());
        return String.format("%s %s is defined, but cannot be used until %s %s declared",
                kindName(snippet), snippet.name(), String.join(", ", missing), missing.size() == 1 ? "is" : "are");
    }

    private static String kindName(Snippet snippet) {
        switch (snippet.kind()) {
            case METHOD: return "method";
            case TYPE_DECL: return "type";
            case VAR: return "variable";
            default: return "snippet";
        }
    }

    private static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A per-cell limit is set: zero, negative or none means no limit. */
    private static boolean hasLimit(Duration timeout) {
        return timeout != null && !timeout.isZero() && !timeout.isNegative();
    }

    private ScheduledFuture<?> scheduleTimeout(long ticket) {
        if (!hasLimit(timeout)) {
            return null;
        }
        return watchdog.schedule(() -> timeOut(ticket),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> T onCellThread(Callable<T> work) {
        Future<T> future = executor.submit(work);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt();
            throw new IllegalStateException("interrupted while waiting for the cell", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures an engine. */
    public static final class Builder {
        private final List<String> compilerOptions = new ArrayList<>();
        private final List<String> classpath = new ArrayList<>();
        private Duration timeout = Duration.ZERO;
        private java.io.InputStream fromAgent;
        private java.io.OutputStream toAgent;

        private Builder() {
        }

        /**
         * Compiles here and runs every snippet in another process, which serves JShell's
         * execution protocol on these streams ({@link SnippetAgent}). That side times and stops
         * its code itself, so such an engine takes no timeout and cannot be stopped from here; a
         * cell's value stays there too ({@link CellResult#value()} is null).
         */
        public Builder runSnippetsElsewhere(java.io.InputStream fromAgent, java.io.OutputStream toAgent) {
            this.fromAgent = java.util.Objects.requireNonNull(fromAgent);
            this.toAgent = java.util.Objects.requireNonNull(toAgent);
            return this;
        }

        /** A per-cell time limit; zero or negative means none. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder compilerOptions(List<String> options) {
            compilerOptions.addAll(options);
            return this;
        }

        public Builder classpath(List<String> entries) {
            classpath.addAll(entries);
            return this;
        }

        public CellEngine build() {
            if (fromAgent == null) {
                return new CellEngine(this, new LocalSnippetExecution());
            }
            if (hasLimit(timeout)) {
                throw new IllegalStateException("an engine whose snippets run elsewhere is timed there, not here");
            }
            return new CellEngine(this, new ForwardedSnippetExecution(fromAgent, toAgent));
        }
    }
}
