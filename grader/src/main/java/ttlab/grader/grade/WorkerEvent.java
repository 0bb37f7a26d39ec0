package ttlab.grader.grade;

import java.util.List;

/**
 * One line of a worker's report: the worker appends one JSON object per line as it goes, so that
 * when the process dies the parent still knows everything that finished and what was running.
 * Fields that an event does not use are null (and left out of the JSON).
 */
record WorkerEvent(String event, String unit, String status, String message, Integer line, List<String> notes,
                   List<String> unresolved, List<DeclaredClass> classes, List<TestRow> results,
                   String culpritClass, String culpritMethod) {

    /** A unit of work starts: a cell, a test cell, a test class. */
    static final String START = "start";
    /** A replayed cell finished: status, message, line, notes. */
    static final String CELL = "cell";
    /** A test cell was evaluated: status, message, and the classes it declared. */
    static final String TESTS_CELL = "tests-cell";
    /** A test class ran: its results. */
    static final String CLASS = "class";
    /** A test class's run was cut short (out of memory, time): message, and the culprit test if known. */
    static final String CLASS_ABORTED = "class-aborted";
    /** The submission printed more than allowed; the rest was dropped. */
    static final String OUTPUT_CAPPED = "output-capped";
    /**
     * The submission called System.exit: status is the call ({@code System.exit} or
     * {@code Runtime.exit}), message where it was called ("in square (cell 'x')"), and the
     * culprit the test that was running, if one was.
     */
    static final String EXIT = "exit";
    /** The submission started too many threads; the worker ended itself. */
    static final String THREADS = "threads";
    /**
     * The bytecode allowlist refused a method of the submission: unit is the cell that declared it,
     * status the category, message the API, notes where (e.g. "in mean").
     */
    static final String REFUSED = "refused";
    /** Something the submission's author should know (message), e.g. a declaration set aside for the tests. */
    static final String NOTE = "note";
    /** The worker itself failed (message). */
    static final String WORKER_ERROR = "worker-error";
    /** Everything ran. */
    static final String DONE = "done";

    /**
     * A class a test cell declared. {@code usable} is false when JShell could not define it, with
     * {@code reason} and the declarations it is missing in {@code unresolved}.
     */
    record DeclaredClass(String name, boolean usable, String reason, List<String> unresolved) {
    }

    /** One test's result, as {@link ttlab.grader.TestResult} has it, without its duration. */
    record TestRow(String displayName, String className, String methodName, String status, String message,
                   double maxPoints) {
    }

    static WorkerEvent of(String event) {
        return new WorkerEvent(event, null, null, null, null, null, null, null, null, null, null);
    }

    static WorkerEvent start(String unit) {
        return new WorkerEvent(START, unit, null, null, null, null, null, null, null, null, null);
    }

    static WorkerEvent message(String event, String unit, String message) {
        return new WorkerEvent(event, unit, null, message, null, null, null, null, null, null, null);
    }

    WorkerEvent withCulprit(String className, String methodName) {
        return new WorkerEvent(event, unit, status, message, line, notes, unresolved, classes, results, className, methodName);
    }

    boolean is(String kind) {
        return kind.equals(event);
    }
}
