package ttlab.grader.grade;

import jdk.jshell.Snippet;
import ttlab.kernel.ParentWatch;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellError;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.CompileDiagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grading of one submission on the host's side ({@link GradingHost}): it replays the
 * student's cells through the kernel's cell engine, evaluates the master's test cells, has each
 * test class run, and appends what happens to the report file as it goes. The engine compiles
 * here and runs every snippet in the submission's {@link GradingAgent}, a process of its own;
 * this side sends the agent what it needs to know (which cell runs, which snippets are the
 * course's) as the agent's commands. The agent may die at any point (the submission may call
 * {@code System.exit}): this side then stops writing, and the parent reads what was done.
 */
final class SubmissionWorker {

    /** The exit status when the worker itself failed (not the submission). */
    static final int EXIT_WORKER_ERROR = 70;

    /** The exit status of a worker that outlived its parent (see {@link ParentWatch}). */
    static final int EXIT_ORPHANED = 71;

    /** The agent ended while the submission was graded: the parent knows why, from the agent's exit. */
    static final class AgentEnded extends RuntimeException {
        AgentEnded(String why) {
            super(why, null, false, false);
        }
    }

    private final WorkerRequest request;
    private final WorkerReport report;
    private final CellEngine engine;
    private final List<String> warnings;
    private final RunningCode running = new RunningCode();

    /** Grades on {@code engine}, whose agent was set up for this request; {@code warnings} from its start. */
    SubmissionWorker(WorkerRequest request, WorkerReport report, CellEngine engine, List<String> warnings) {
        this.request = request;
        this.report = report;
        this.engine = engine;
        this.warnings = warnings;
    }

    void run() {
        if (!warnings.isEmpty()) {
            report.write(new WorkerEvent(WorkerEvent.CELL, "setup", "WARNINGS", null, null, warnings,
                    null, null, null, null, null));
        }
        Set<Snippet> beforeReplay = AddedSnippets.before(engine);
        for (WorkerRequest.ReplayStep step : request.replay()) {
            replay(step);
        }
        setAsideReservedNames(beforeReplay);
        ask(GradingAgent.TRUST, Integer.toString(engine.withShell(shell -> shell.snippets()
                .map(Snippet::id).filter(id -> id.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0) + 1)));
        for (WorkerRequest.ReplayStep step : request.restore()) {
            replay(step);
        }
        List<KeptClass> classes = new ArrayList<>();
        for (WorkerRequest.TestCell cell : request.tests()) {
            classes.addAll(evaluateTests(cell));
        }
        // Classes that killed an earlier worker go last, so that the others are graded whatever they do.
        Set<String> last = new HashSet<>(request.runLast());
        classes.sort(Comparator.comparing(c -> last.contains(c.notebookName())));
        for (KeptClass testClass : classes) {
            String unit = "class:" + testClass.notebookName();
            enter(unit);
            ask(GradingAgent.RUN_CLASS, WorkerReport.JSON.toJson(new GradingAgent.ClassRun(unit, testClass.name())));
        }
        report.write(WorkerEvent.of(WorkerEvent.DONE));
    }

    /** A test class the agent holds: its name as declared, and as the notebook knows it. */
    private record KeptClass(String name, String notebookName) {
    }

    /** Sends the agent a command; its end ends this grading. */
    private String ask(String command, String argument) {
        try {
            return engine.askAgent(command, argument);
        } catch (IllegalStateException e) {
            throw new AgentEnded(engine.runnerEnded().orElse(e.getMessage()));
        }
    }

    /** Stops here once the agent has ended: what its cells would now report is not the submission's. */
    private void requireAgent() {
        engine.runnerEnded().ifPresent(why -> {
            throw new AgentEnded(why);
        });
    }

    /** Runs a cell's evaluation under the agent's cell timer. */
    private <T> T timed(java.util.function.Supplier<T> evaluation) {
        ask(GradingAgent.ARM, null);
        T result = evaluation.get();
        requireAgent();
        ask(GradingAgent.DISARM, null);
        return result;
    }

    /** Tells the agent (and this side's own record) which cell the new snippets came from. */
    private void snippetsFrom(Set<Snippet> before, String label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Snippet s : AddedSnippets.since(engine, before)) {
            running.snippetFrom(s.id(), label);
            labels.put(s.id(), label);
        }
        if (!labels.isEmpty()) {
            ask(GradingAgent.SNIPPETS, WorkerReport.JSON.toJson(labels));
        }
    }

    private void replay(WorkerRequest.ReplayStep step) {
        enter(step.unit());
        Set<Snippet> before = AddedSnippets.before(engine);
        CellMagics.Outcome outcome = timed(() -> CellMagics.run(engine, step.code(), step.label()));
        snippetsFrom(before, step.label());
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

    /** What the agent's allowlist refused since the last call, as notes on the cell that declared it. */
    private List<String> newRefusals(String unit) {
        BytecodeAllowlist.Refusal[] fresh = WorkerReport.JSON.fromJson(ask(GradingAgent.REFUSALS, null),
                BytecodeAllowlist.Refusal[].class);
        java.util.Set<String> notes = new java.util.LinkedHashSet<>(); // a class JShell recompiles is refused again
        for (BytecodeAllowlist.Refusal r : fresh) {
            String where = BytecodeAllowlist.describe(r.className().replace('.', '/'), r.method());
            if (notes.add(r.api() + " (" + r.category() + ") may not be used in graded code: " + where.substring(3)
                    + " fails when called")) {
                report.write(new WorkerEvent(WorkerEvent.REFUSED, unit, r.category(), r.api(), null, List.of(where),
                        null, null, null, null, null));
            }
        }
        return new ArrayList<>(notes);
    }

    private boolean isCourseCode(String source) {
        String code = source.strip();
        return request.restore().stream().anyMatch(step -> step.code().contains(code));
    }

    /** Evaluates a master's test cell and returns the classes it declared that can run. */
    private List<KeptClass> evaluateTests(WorkerRequest.TestCell cell) {
        enter(cell.unit());
        running.addTestMethods(cell.testMethods());
        ask(GradingAgent.TEST_METHODS, WorkerReport.JSON.toJson(cell.testMethods()));
        Set<Snippet> before = AddedSnippets.before(engine);
        CellResult result = timed(() -> engine.evaluate(cell.code(), cell.label()));
        List<WorkerEvent.DeclaredClass> declared = AddedSnippets.classesSince(engine, before);
        snippetsFrom(before, cell.label());
        List<KeptClass> usable = new ArrayList<>();
        List<WorkerEvent.DeclaredClass> reported = new ArrayList<>();
        Set<String> skip = new HashSet<>(request.skipClasses());
        List<WorkerEvent.DeclaredClass> compiled = declared.stream().filter(WorkerEvent.DeclaredClass::usable).toList();
        Map<String, Lookup> found = keep(compiled, cell.label());
        for (WorkerEvent.DeclaredClass c : declared) {
            if (!c.usable()) {
                reported.add(c);
            } else if (found.get(c.name()).notebookName() != null) {
                reported.add(c);
                if (!skip.contains(c.name())) {
                    usable.add(new KeptClass(c.name(), found.get(c.name()).notebookName()));
                }
            } else {
                reported.add(new WorkerEvent.DeclaredClass(c.name(), false,
                        c.name() + " cannot be loaded: " + found.get(c.name()).whyNot(), List.of()));
            }
        }
        report.write(cellEvent(WorkerEvent.TESTS_CELL, cell.unit(), result, result.notes(), reported));
        return usable;
    }

    /** A test class the agent kept, by its notebook name, or why it could not. */
    private record Lookup(String notebookName, String whyNot) {
    }

    /**
     * Has the agent load and keep the classes of a tests cell: one snippet for all of them (each
     * snippet costs a compilation), or, when that fails, one each.
     */
    private Map<String, Lookup> keep(List<WorkerEvent.DeclaredClass> classes, String label) {
        Map<String, Lookup> found = new LinkedHashMap<>();
        if (classes.isEmpty()) {
            return found;
        }
        String all = classes.stream().map(c -> c.name() + ".class").collect(Collectors.joining(", ", "new Class<?>[] {", "}"));
        List<String> names = classes.stream().map(WorkerEvent.DeclaredClass::name).toList();
        CellResult together = engine.evaluate(all, label);
        requireAgent();
        String[] notebookNames = together.succeeded() ? keptAs(names) : null;
        if (notebookNames != null) {
            for (int i = 0; i < notebookNames.length; i++) {
                found.put(names.get(i), new Lookup(notebookNames[i], null));
            }
            return found;
        }
        for (String name : names) {
            CellResult lookup = engine.evaluate(name + ".class", label);
            requireAgent();
            String[] one = lookup.succeeded() ? keptAs(List.of(name)) : null;
            found.put(name, one != null ? new Lookup(one[0], null)
                    : new Lookup(null, lookup.error().map(e -> e.name() + ": " + e.message()).orElse("not found")));
        }
        return found;
    }

    /** The notebook names of the classes the last snippet's value holds, or null when it holds something else. */
    private String[] keptAs(List<String> names) {
        String answer = ask(GradingAgent.KEEP_CLASSES, WorkerReport.JSON.toJson(names));
        String[] notebookNames = answer == null ? null : WorkerReport.JSON.fromJson(answer, String[].class);
        return notebookNames != null && notebookNames.length == names.size() ? notebookNames : null;
    }

    private void enter(String unit) {
        requireAgent();
        running.enter(unit);
        ask(GradingAgent.ENTER, unit);
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
