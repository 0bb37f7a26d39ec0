package ttlab.grader.grade;

import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades one submission from start to end in the parent: finds its master, reads the notebook,
 * plans the replay, scans the student's code for disallowed APIs, runs the workers, and turns all
 * of it into a {@link SubmissionResult}. Whatever goes wrong with the submission becomes part of
 * the result; nothing here is allowed to lose a submission.
 */
final class SubmissionGrader {

    private final GradeOptions options;
    private final MasterCatalog masters;

    SubmissionGrader(GradeOptions options, MasterCatalog masters) {
        this.options = options;
        this.masters = masters;
    }

    /** The master a submission is graded against: --master, else the same file name in --solutions. */
    Path masterOf(Submissions.Submission submission) {
        return options.master() != null ? options.master()
                : options.solutions().resolve(submission.file().getFileName().toString());
    }

    /**
     * As {@link #grade}, and a failure of the grader itself becomes the submission's result
     * (with the reason) instead of an exception, so that it cannot lose the submission.
     */
    SubmissionResult gradeOrExplain(Submissions.Submission submission) throws InterruptedException {
        try {
            return grade(submission);
        } catch (RuntimeException | Error e) {
            return new SubmissionResult(submission.id(), submission.file().toString(), masterOf(submission).toString(),
                    List.of(), List.of("the grader failed on this submission: " + e), List.of(),
                    Sandbox.here().networkIsolated(), Sandbox.here().description(), false, Duration.ZERO, "");
        }
    }

    SubmissionResult grade(Submissions.Submission submission) throws InterruptedException {
        long start = System.nanoTime();
        Path masterFile = masterOf(submission);
        String subName = submission.file().toString();
        boolean isolated = Sandbox.here().networkIsolated();
        String sandbox = Sandbox.here().description();
        MasterCatalog.Loaded loaded = masters.load(masterFile);
        if (loaded.master() == null) {
            return new SubmissionResult(submission.id(), subName, masterFile.toString(), List.of(),
                    List.of(loaded.problem()), List.of(), isolated, sandbox, false, since(start), "");
        }
        Master master = loaded.master();
        Notebook notebook;
        try {
            notebook = read(submission.file());
        } catch (NotebookException | IOException e) {
            String problem = "the notebook could not be read: " + e.getMessage();
            return new SubmissionResult(submission.id(), subName, master.name(),
                    TestRows.notRun(master, "not run: " + problem), List.of(problem), List.of(), isolated, sandbox, true,
                    since(start), "");
        }
        ReplayPlan plan = ReplayPlan.of(master, notebook, options.maxCellBytes());
        List<ApiScanner.ApiFlag> flags = ApiScanner.scan(plan.authored());
        WorkerRuns runs = new WorkerRuns(options, master, plan);
        GradingLog log;
        try {
            log = runs.run();
        } catch (IOException e) {
            String problem = "the grader could not run this submission: " + e.getMessage();
            return new SubmissionResult(submission.id(), subName, master.name(),
                    TestRows.notRun(master, "not run: " + problem), List.of(problem), flags, isolated, sandbox, true,
                    since(start), "");
        }
        List<String> problems = new ArrayList<>(plan.problems());
        log.setupWarnings().forEach(w -> problems.add("the grader's set-up: " + w));
        problems.addAll(cellProblems(master, plan, log, options.cellLimit()));
        problems.addAll(log.notes());
        List<GradedTest> tests = notCounted(TestRows.of(master, log, plan, problems),
                SignatureCheck.check(master, plan), problems);
        List<ApiScanner.ApiFlag> allFlags = new ArrayList<>(flags);
        allFlags.addAll(refusedFlags(plan, log));
        return new SubmissionResult(submission.id(), subName, master.name(), tests, problems, allFlags, isolated, sandbox, true,
                since(start), runs.workerOutput());
    }

    /**
     * The allowlist's refusals as flags: category "refused:" and the allowlist's category, the API,
     * and where (line 0: bytecode knows the method, not the cell's line).
     */
    /** The tests of an exercise whose method the submission declares with another signature fail. */
    private static List<GradedTest> notCounted(List<GradedTest> tests, List<SignatureCheck.Mismatch> mismatches,
                                               List<String> problems) {
        if (mismatches.isEmpty()) {
            return tests;
        }
        java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
        for (SignatureCheck.Mismatch m : mismatches) {
            why.putIfAbsent(m.exercise(), m.message());
            problems.add(m.message().substring("not counted: ".length()));
        }
        List<GradedTest> out = new ArrayList<>();
        for (GradedTest t : tests) {
            String reason = why.get(t.exercise());
            out.add(reason == null || !t.passed() ? t : new GradedTest(t.exercise(), t.className(), t.methodName(),
                    t.displayName(), GradedTest.FAILED, reason, t.maxPoints(), t.hidden()));
        }
        return out;
    }

    private static List<ApiScanner.ApiFlag> refusedFlags(ReplayPlan plan, GradingLog log) {
        List<ApiScanner.ApiFlag> flags = new ArrayList<>();
        for (WorkerEvent e : log.refusals()) {
            String id = e.unit().substring(e.unit().indexOf(':') + 1).replaceFirst("#\\d+$", "");
            int number = plan.authored().stream().filter(c -> c.id().equals(id)).mapToInt(ApiScanner.StudentCell::number)
                    .findFirst().orElse(0);
            String where = e.notes() == null || e.notes().isEmpty() ? "" : e.notes().get(0);
            flags.add(new ApiScanner.ApiFlag(id, number, 0, "refused:" + e.status(), e.message(), where));
        }
        return flags;
    }

    private Notebook read(Path file) throws IOException, NotebookException {
        long size = Files.size(file);
        if (size > options.maxNotebookBytes()) {
            throw new NotebookException(file.toString(), "is " + Sizes.describe(size) + ", over the limit of "
                    + Sizes.describe(options.maxNotebookBytes()) + " for a notebook");
        }
        return NotebookReader.parse(Files.readAllBytes(file), file.toString());
    }

    /** What happened to the replayed cells, in replay order: errors, time-outs, notes, cells left out. */
    private static List<String> cellProblems(Master master, ReplayPlan plan, GradingLog log, Duration cellLimit) {
        List<String> problems = new ArrayList<>();
        for (WorkerRequest.ReplayStep step : plan.steps()) {
            String skipped = log.skippedUnits().get(step.unit());
            if (skipped != null) {
                problems.add(step.label() + " was left out: when it ran, " + skipped
                        + "; grading started again without it");
                continue;
            }
            if (isTestsInPlace(master, step)) {
                continue; // its failures are the tests' own, reported with them
            }
            WorkerEvent e = log.cells().get(step.unit());
            if (e == null) {
                continue;
            }
            switch (e.status()) {
                case "COMPILE_ERROR":
                    problems.add(step.label() + " did not compile: line " + e.line() + ": " + e.message());
                    break;
                case "RUNTIME_ERROR":
                    problems.add(step.label() + " failed when replayed: " + firstLine(e.message()));
                    break;
                case "TIMED_OUT":
                    problems.add(step.label() + " ran longer than the limit of " + Sizes.seconds(cellLimit.toMillis())
                            + " for one cell and was stopped");
                    break;
                case "INTERRUPTED":
                    problems.add(step.label() + ": " + e.message());
                    break;
                default:
                    break;
            }
            if (e.notes() != null) {
                e.notes().forEach(n -> problems.add(step.label() + ": " + n));
            }
        }
        return problems;
    }

    private static boolean isTestsInPlace(Master master, WorkerRequest.ReplayStep step) {
        if (!step.unit().startsWith("cell:")) {
            return false;
        }
        String id = step.unit().substring("cell:".length()).replaceFirst("#\\d+$", "");
        return master.cell(id).map(c -> c.hasRole(CellRole.TESTS)).orElse(false);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
