package ttlab.grader.grade;

import jdk.jshell.Snippet;
import ttlab.grader.TestReport;
import ttlab.grader.TestResult;
import ttlab.grader.TestRunner;
import ttlab.kernel.ParentWatch;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.CompileDiagnostic;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The child process that grades one submission: {@code java ttlab.grader.grade.SubmissionWorker},
 * with its {@link WorkerRequest} as JSON on standard input. It replays the student's cells through the kernel's cell engine, evaluates the
 * master's test cells, runs each test class with JUnit, and appends what happens to the report
 * file as it goes. The parent starts it with a capped heap, watches its time, and reads the
 * report, so this process may die at any point (the submission may call {@code System.exit})
 * without losing what was already done.
 */
public final class SubmissionWorker {

    /** The exit status when the worker itself failed (not the submission). */
    static final int EXIT_WORKER_ERROR = 70;

    /** The exit status of a worker that outlived its parent (see {@link ParentWatch}). */
    static final int EXIT_ORPHANED = 71;

    private final WorkerRequest request;
    private final WorkerReport report;
    private final RunningCode running = new RunningCode();
    private CellEngine engine;
    private CellTimer timer;
    private BytecodeAllowlist allowlist;
    private int refusalsReported;

    private SubmissionWorker(WorkerRequest request, WorkerReport report) {
        this.request = request;
        this.report = report;
    }

    public static void main(String[] args) {
        ParentWatch.start(EXIT_ORPHANED);
        int status = 0;
        try {
            // Read whole before any submitted code runs; standard input is then at its end, as
            // nothing answers a Scanner during grading.
            WorkerRequest request = WorkerReport.JSON.fromJson(
                    new String(System.in.readAllBytes(), StandardCharsets.UTF_8), WorkerRequest.class);
            WorkerReport report = WorkerReport.append(Path.of(request.report()),
                    java.util.HexFormat.of().parseHex(request.reportKey()));
            try {
                new SubmissionWorker(request, report).run();
            } catch (Throwable t) {
                report.write(WorkerEvent.message(WorkerEvent.WORKER_ERROR, null, "the grader failed: " + t));
                status = EXIT_WORKER_ERROR;
            }
        } catch (Throwable t) {
            t.printStackTrace(); // no report to write to: the parent keeps this output in worker.log
            status = EXIT_WORKER_ERROR;
        }
        // halt, not exit: threads the submission left running must not keep the JVM alive, and the
        // exit witness must stay silent since this is no student's System.exit.
        Runtime.getRuntime().halt(status);
    }

    private void run() {
        capOutput();
        ExitWitness.install(report, running);
        List<String> warnings = new ArrayList<>();
        report.write(WorkerEvent.start("setup"));
        engine = GradingEngine.start(warnings);
        timer = new CellTimer(engine, Duration.ofMillis(request.cellLimitMillis()));
        if (!warnings.isEmpty()) {
            report.write(new WorkerEvent(WorkerEvent.CELL, "setup", "WARNINGS", null, null, warnings,
                    null, null, null, null, null));
        }
        allowlist = new BytecodeAllowlist(request.forbidden());
        ttlab.kernel.engine.ClassChecks.install(allowlist::check);
        ThreadWatchdog.start(request.maxThreads(), report, running, engine.withShell(shell -> Thread.currentThread()));
        Set<Snippet> beforeReplay = AddedSnippets.before(engine);
        for (WorkerRequest.ReplayStep step : request.replay()) {
            replay(step);
        }
        setAsideReservedNames(beforeReplay);
        allowlist.trustNewSnippets(engine.withShell(shell -> shell.snippets()
                .map(Snippet::id).filter(id -> id.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0) + 1));
        for (WorkerRequest.ReplayStep step : request.restore()) {
            replay(step);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (WorkerRequest.TestCell cell : request.tests()) {
            classes.addAll(evaluateTests(cell));
        }
        // Classes that killed an earlier worker go last, so that the others are graded whatever they do.
        Set<String> last = new HashSet<>(request.runLast());
        classes.sort(Comparator.comparing(c -> last.contains(RunningCode.notebookName(c.getName()))));
        for (Class<?> testClass : classes) {
            runTests(testClass);
        }
        report.write(WorkerEvent.of(WorkerEvent.DONE));
    }

    /**
     * The submission's prints go through one shared budget; what is over it is dropped, once
     * noted in the report. Code that writes to the file descriptors directly is capped by the
     * parent, which drains the pipes.
     */
    private void capOutput() {
        CappedOutputStream.Budget budget = new CappedOutputStream.Budget(request.outputLimit(), () ->
                report.write(WorkerEvent.message(WorkerEvent.OUTPUT_CAPPED, running.unit(),
                        "the submission printed more than " + Sizes.describe(request.outputLimit())
                                + "; the rest was dropped")));
        System.setOut(new PrintStream(new CappedOutputStream(new FileOutputStream(FileDescriptor.out), budget), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new CappedOutputStream(new FileOutputStream(FileDescriptor.err), budget), true,
                StandardCharsets.UTF_8));
    }

    private void replay(WorkerRequest.ReplayStep step) {
        enter(step.unit());
        Set<Snippet> before = AddedSnippets.before(engine);
        CellMagics.Outcome outcome = timer.time(() -> CellMagics.run(engine, step.code(), step.label()));
        for (Snippet s : AddedSnippets.since(engine, before)) {
            running.snippetFrom(s.id(), step.label());
        }
        List<String> notes = new ArrayList<>(outcome.notes());
        notes.addAll(outcome.result().notes());
        notes.addAll(newRefusals(step.unit()));
        report.write(cellEvent(WorkerEvent.CELL, step.unit(), outcome.result(), notes, null));
    }

    /**
     * Drops the submission's declarations and single imports whose names the tests need as the
     * master means them ({@link ReservedNames}), and says so.
     */
    private void setAsideReservedNames(Set<Snippet> beforeReplay) {
        Set<String> reserved = new HashSet<>(request.reservedNames());
        List<String> notes = engine.withShell(shell -> {
            List<String> dropped = new ArrayList<>();
            for (Snippet s : shell.snippets().toList()) {
                String name = s instanceof jdk.jshell.DeclarationSnippet d ? d.name()
                        : s instanceof jdk.jshell.ImportSnippet i ? i.name() : null;
                if (beforeReplay.contains(s) || name == null || !reserved.contains(name) || !shell.status(s).isActive()) {
                    continue;
                }
                shell.drop(s);
                if (isCourseCode(s.source())) {
                    continue; // the locked cell itself, as the course wrote it: evaluated again below
                }
                String cell = running.cellOf(s.id());
                dropped.add("your " + (s instanceof jdk.jshell.ImportSnippet ? "import of " : "declaration of ") + name
                        + (cell == null ? "" : " (" + cell + ")") + " was set aside while the tests ran: the tests use "
                        + name + " as the course means it (JUnit, AssertJ, the JDK or the course's own helpers);"
                        + " give yours another name");
            }
            return dropped;
        });
        for (String note : new java.util.LinkedHashSet<>(notes)) {
            report.write(WorkerEvent.message(WorkerEvent.NOTE, "names", note));
        }
    }

    /** What the allowlist refused since the last call, as notes on the cell that declared it. */
    private List<String> newRefusals(String unit) {
        List<BytecodeAllowlist.Refusal> all = allowlist.refusals();
        java.util.Set<String> notes = new java.util.LinkedHashSet<>(); // a class JShell recompiles is refused again
        for (BytecodeAllowlist.Refusal r : all.subList(refusalsReported, all.size())) {
            String where = BytecodeAllowlist.describe(r.className().replace('.', '/'), r.method());
            if (notes.add(r.api() + " (" + r.category() + ") may not be used in graded code: " + where.substring(3)
                    + " fails when called")) {
                report.write(new WorkerEvent(WorkerEvent.REFUSED, unit, r.category(), r.api(), null, List.of(where),
                        null, null, null, null, null));
            }
        }
        refusalsReported = all.size();
        return new ArrayList<>(notes);
    }

    private boolean isCourseCode(String source) {
        String code = source.strip();
        return request.restore().stream().anyMatch(step -> step.code().contains(code));
    }

    /** Evaluates a master's test cell and returns the classes it declared that can run. */
    private List<Class<?>> evaluateTests(WorkerRequest.TestCell cell) {
        enter(cell.unit());
        running.addTestMethods(cell.testMethods());
        Set<Snippet> before = AddedSnippets.before(engine);
        CellResult result = timer.time(() -> engine.evaluate(cell.code(), cell.label()));
        List<WorkerEvent.DeclaredClass> declared = AddedSnippets.classesSince(engine, before);
        for (Snippet s : AddedSnippets.since(engine, before)) {
            running.snippetFrom(s.id(), cell.label());
        }
        List<Class<?>> usable = new ArrayList<>();
        List<WorkerEvent.DeclaredClass> reported = new ArrayList<>();
        Set<String> skip = new HashSet<>(request.skipClasses());
        List<WorkerEvent.DeclaredClass> compiled = declared.stream().filter(WorkerEvent.DeclaredClass::usable).toList();
        Map<String, Object> found = lookUp(compiled, cell.label());
        for (WorkerEvent.DeclaredClass c : declared) {
            if (!c.usable()) {
                reported.add(c);
            } else if (found.get(c.name()) instanceof Class<?> testClass) {
                reported.add(c);
                if (!skip.contains(c.name())) {
                    usable.add(testClass);
                }
            } else {
                reported.add(new WorkerEvent.DeclaredClass(c.name(), false,
                        c.name() + " cannot be loaded: " + found.get(c.name()), List.of()));
            }
        }
        report.write(cellEvent(WorkerEvent.TESTS_CELL, cell.unit(), result, result.notes(), reported));
        return usable;
    }

    /**
     * The classes of a tests cell, by name: one snippet for all of them (each snippet costs a
     * compilation), or, when that fails, one each. A class that cannot be loaded maps to why not.
     */
    private Map<String, Object> lookUp(List<WorkerEvent.DeclaredClass> classes, String label) {
        Map<String, Object> found = new LinkedHashMap<>();
        if (classes.isEmpty()) {
            return found;
        }
        String all = classes.stream().map(c -> c.name() + ".class").collect(Collectors.joining(", ", "new Class<?>[] {", "}"));
        CellResult together = engine.evaluate(all, label);
        if (together.succeeded() && together.value() instanceof Class<?>[] loaded && loaded.length == classes.size()) {
            for (int i = 0; i < loaded.length; i++) {
                found.put(classes.get(i).name(), loaded[i]);
            }
            return found;
        }
        for (WorkerEvent.DeclaredClass c : classes) {
            CellResult lookup = engine.evaluate(c.name() + ".class", label);
            found.put(c.name(), lookup.succeeded() && lookup.value() instanceof Class<?>
                    ? lookup.value()
                    : lookup.error().map(e -> e.name() + ": " + e.message()).orElse("not found"));
        }
        return found;
    }

    private void runTests(Class<?> testClass) {
        String name = RunningCode.notebookName(testClass.getName());
        String unit = "class:" + (name == null ? testClass.getSimpleName() : name);
        enter(unit);
        try {
            TestReport tests = TestRunner.onEngine(engine, Duration.ofMillis(request.testLimitMillis())).run(testClass);
            List<WorkerEvent.TestRow> rows = new ArrayList<>();
            for (TestResult r : tests.results()) {
                rows.add(new WorkerEvent.TestRow(r.displayName(), r.className(), r.methodName(), r.status().name(),
                        r.message(), r.maxPoints()));
            }
            report.write(new WorkerEvent(WorkerEvent.CLASS, unit, null, null, null, tests.discoveryIssues(), null, null,
                    rows, null, null));
        } catch (OutOfMemoryError oom) {
            // JUnit lets OutOfMemoryError through and loses the class's other results with it. The
            // garbage is gone by now; say which test it was, so that the parent can run the rest.
            String where = running.where(oom.getStackTrace());
            RunningCode.Culprit culprit = running.culprit(oom.getStackTrace());
            WorkerEvent event = WorkerEvent.message(WorkerEvent.CLASS_ABORTED, unit,
                    "OutOfMemoryError: " + oom.getMessage() + (where.isEmpty() ? "" : " " + where)
                            + ": the code used up the memory of its grading process");
            report.write(culprit == null ? event : event.withCulprit(culprit.className(), culprit.methodName()));
        } catch (RuntimeException | Error e) {
            RunningCode.Culprit culprit = running.culprit(e.getStackTrace());
            WorkerEvent event = WorkerEvent.message(WorkerEvent.CLASS_ABORTED, unit, "the test run failed: " + e);
            report.write(culprit == null ? event : event.withCulprit(culprit.className(), culprit.methodName()));
        }
    }

    private void enter(String unit) {
        running.enter(unit);
        report.write(WorkerEvent.start(unit));
    }

    /** A cell's outcome; for a compile error, the line and message of the first diagnostic. */
    private static WorkerEvent cellEvent(String kind, String unit, CellResult result, List<String> notes,
                                         List<WorkerEvent.DeclaredClass> classes) {
        CellError error = result.error().orElse(null);
        String message = null;
        Integer line = null;
        if (error != null && result.status() == CellResult.Status.COMPILE_ERROR && !error.diagnostics().isEmpty()) {
            CompileDiagnostic first = error.diagnostics().get(0);
            line = first.line();
            message = first.message();
        } else if (error != null && result.status() == CellResult.Status.RUNTIME_ERROR) {
            message = error.message().isEmpty() ? error.name() : error.name() + ": " + error.message();
        } else if (result.status() == CellResult.Status.TIMED_OUT) {
            message = "ran longer than its limit and was stopped";
        } else if (error != null) {
            message = error.message();
        }
        return new WorkerEvent(kind, unit, result.status().name(), message, line, notes, null, classes, null,
                null, null);
    }
}
