package ttlab.grader.grade;

import com.google.gson.reflect.TypeToken;
import ttlab.grader.TestReport;
import ttlab.grader.TestResult;
import ttlab.grader.TestRunner;
import ttlab.kernel.ParentWatch;
import ttlab.kernel.engine.ClassChecks;
import ttlab.kernel.engine.ExecutionStopped;
import ttlab.kernel.engine.SnippetAgent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process that runs one submission's code: {@code java ttlab.grader.grade.GradingAgent}, with
 * its {@link AgentRequest} as JSON on standard input. It may start before its submission is known
 * ({@link AgentLaunch}): it first warms JUnit up on a test class of its own, then reads the
 * request. A {@link GradingHost} compiles the submission and the master's tests and sends the
 * classes here over the request's named pipes, in JShell's own protocol ({@link SnippetAgent});
 * this process loads them through the {@link BytecodeAllowlist}, runs them, and runs the test
 * classes with JUnit.
 *
 * <p>Everything that watches the submission's code lives here, beside it: the cell timer, the
 * thread watchdog, the output cap and the witness of a {@code System.exit}. What only this
 * process can know (a test class's results, an exit, a thread bomb) it appends to the report
 * itself; the host asks for the rest with the commands below. The submission may end this
 * process at any point; the host then stops, and the parent starts another agent for the rest.
 */
public final class GradingAgent {

    /** Command: the unit (cell, test cell, test class) that runs from now on. */
    static final String ENTER = "grade.enter";
    /** Command: which cell each new snippet came from, as a JSON object of snippet id to label. */
    static final String SNIPPETS = "grade.snippets";
    /** Command: a tests cell's test methods, as a JSON list of {@code Class#method}. */
    static final String TEST_METHODS = "grade.testMethods";
    /** Command: snippets from this id on are the course's, not the student's (a number). */
    static final String TRUST = "grade.trust";
    /** Command: what the allowlist refused since the last time asked, as JSON. */
    static final String REFUSALS = "grade.refusals";
    /** Commands: a cell starts (its time limit runs), a cell has ended. */
    static final String ARM = "grade.arm";
    static final String DISARM = "grade.disarm";
    /**
     * Command: the last snippet's value holds the test classes of the names given (a JSON list):
     * keep them. Answers their notebook names, in order, as a JSON list; null when the value is not those classes.
     */
    static final String KEEP_CLASSES = "grade.keepClasses";
    /** Command: run a kept test class (JSON {@link ClassRun}) and append its results to the report. */
    static final String RUN_CLASS = "grade.runClass";

    /**
     * What the agent needs besides the classes; sent on standard input, never in a file or an
     * argument, since it holds the key of the report.
     *
     * @param testLimitMillis how long one test may take
     * @param cellLimitMillis how long one cell may take
     * @param outputLimit     bytes the submission may print before further output is dropped
     * @param maxThreads      live threads beyond which the agent ends itself
     * @param report          the file the agent appends its {@link WorkerEvent}s to
     * @param reportKey       the key, in hex, that signs each line of the report
     * @param forbidden       the course library's calls the master forbids
     * @param fromHost        the named pipe the host's commands come through
     * @param toHost          the named pipe the answers go through
     */
    record AgentRequest(long testLimitMillis, long cellLimitMillis, long outputLimit, int maxThreads, String report,
                        String reportKey, List<String> forbidden, String fromHost, String toHost) {
    }

    /** One test class to run: the host's unit for it and the class's name as kept. */
    record ClassRun(String unit, String name) {
    }

    private final AgentRequest request;
    private final WorkerReport report;
    private final RunningCode running = new RunningCode();
    private final SnippetAgent agent;
    private final BytecodeAllowlist allowlist;
    private final CellTimer timer;
    private final Map<String, Class<?>> kept = new LinkedHashMap<>();
    private int refusalsReported;
    private TestRunner tests;

    private GradingAgent(SnippetAgent agent, AgentRequest request, WorkerReport report) {
        this.agent = agent;
        this.request = request;
        this.report = report;
        this.allowlist = new BytecodeAllowlist(request.forbidden());
        this.timer = new CellTimer(() -> agent.stop(ExecutionStopped.Reason.TIMED_OUT),
                Duration.ofMillis(request.cellLimitMillis()));
    }

    public static void main(String[] args) {
        ParentWatch.start(SubmissionWorker.EXIT_ORPHANED);
        int status = 0;
        try {
            SnippetAgent agent = new SnippetAgent();
            AgentWarmUp.run(agent);
            // Read whole before any submitted code runs; standard input is then at its end.
            AgentRequest request = WorkerReport.JSON.fromJson(
                    new String(System.in.readAllBytes(), StandardCharsets.UTF_8), AgentRequest.class);
            WorkerReport report = WorkerReport.append(Path.of(request.report()),
                    HexFormat.of().parseHex(request.reportKey()));
            new GradingAgent(agent, request, report).serve(Path.of(request.fromHost()), Path.of(request.toHost()));
        } catch (Throwable t) {
            t.printStackTrace(); // the parent keeps this output in worker.log
            status = SubmissionWorker.EXIT_WORKER_ERROR;
        }
        // halt, not exit: threads the submission left running must not keep the JVM alive, and the
        // exit witness must stay silent since this is no student's System.exit.
        Runtime.getRuntime().halt(status);
    }

    private void serve(Path in, Path out) throws java.io.IOException {
        capOutput();
        ExitWitness.install(report, running);
        HeadlessKernel.install();
        ClassChecks.install(allowlist::check);
        ThreadWatchdog.start(request.maxThreads(), report, running, Thread.currentThread());
        agent.command(ENTER, unit -> {
            running.enter(unit);
            return null;
        });
        agent.command(SNIPPETS, json -> {
            Map<String, String> labels = WorkerReport.JSON.fromJson(json, new TypeToken<Map<String, String>>() { }.getType());
            labels.forEach(running::snippetFrom);
            return null;
        });
        agent.command(TEST_METHODS, json -> {
            running.addTestMethods(WorkerReport.JSON.<List<String>>fromJson(json, new TypeToken<List<String>>() { }.getType()));
            return null;
        });
        agent.command(TRUST, id -> {
            allowlist.trustNewSnippets(Integer.parseInt(id));
            return null;
        });
        agent.command(REFUSALS, ignored -> newRefusals());
        agent.command(ARM, ignored -> {
            agent.clearStop();
            timer.arm();
            return null;
        });
        agent.command(DISARM, ignored -> {
            timer.disarm();
            return null;
        });
        agent.command(KEEP_CLASSES, this::keepClasses);
        agent.command(RUN_CLASS, json -> {
            runTests(WorkerReport.JSON.fromJson(json, ClassRun.class));
            return null;
        });
        agent.serve(in, out);
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

    private String newRefusals() {
        List<BytecodeAllowlist.Refusal> all = allowlist.refusals();
        List<BytecodeAllowlist.Refusal> fresh = new ArrayList<>(all.subList(refusalsReported, all.size()));
        refusalsReported = all.size();
        return WorkerReport.JSON.toJson(fresh);
    }

    private String keepClasses(String json) {
        List<String> names = WorkerReport.JSON.fromJson(json, new TypeToken<List<String>>() { }.getType());
        Object value = agent.takeLastValue();
        Class<?>[] classes = value instanceof Class<?> single ? new Class<?>[] {single}
                : value instanceof Class<?>[] several ? several : null;
        if (classes == null || classes.length != names.size()) {
            return null;
        }
        List<String> notebookNames = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            kept.put(names.get(i), classes[i]);
            String name = RunningCode.notebookName(classes[i].getName());
            notebookNames.add(name == null ? classes[i].getSimpleName() : name);
        }
        return WorkerReport.JSON.toJson(notebookNames);
    }

    /** One runner for every class: its launcher is made once. */
    private TestRunner tests() {
        if (tests == null) {
            tests = TestRunner.inAgent(agent, Duration.ofMillis(request.testLimitMillis()));
        }
        return tests;
    }

    private void runTests(ClassRun run) {
        Class<?> testClass = kept.get(run.name());
        if (testClass == null) {
            throw new IllegalArgumentException("no test class " + run.name() + " was kept");
        }
        String unit = run.unit();
        agent.clearStop();
        try {
            TestReport tests = tests().run(testClass);
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
}
