package ttlab.grader.grade;

import ttlab.grader.notebook.CellRole;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts together the result rows of a submission from what the workers reported and what the
 * master declares: every test of the master appears, run or not (a test that never ran fails at
 * its points, with the reason); each exercise's tests are scaled to the points the exercise
 * declares; and the rows are in the master's order, so results do not depend on timing.
 */
final class TestRows {

    /** "method square(int)", "class Counter": the name JShell says is missing. */
    private static final Pattern MISSING = Pattern.compile("^(?:\\w+\\s+)?([\\w$]+)");

    private final Master master;
    private final GradingLog log;
    private final ReplayPlan plan;
    private final List<String> problems;

    private TestRows(Master master, GradingLog log, ReplayPlan plan, List<String> problems) {
        this.master = master;
        this.log = log;
        this.plan = plan;
        this.problems = problems;
    }

    /** The rows, scaled and sorted; problems found on the way (e.g. a tests cell that failed) are added. */
    static List<GradedTest> of(Master master, GradingLog log, ReplayPlan plan, List<String> problems) {
        return new TestRows(master, log, plan, problems).rows();
    }

    /** Every test of the master, not run, for {@code reason} (a notebook that could not be read). */
    static List<GradedTest> notRun(Master master, String reason) {
        List<GradedTest> rows = new ArrayList<>();
        for (TestInventory.TestCase c : master.inventory().cases()) {
            rows.add(fromInventory(c, GradedTest.NOT_RUN, reason));
        }
        return sorted(master, scaled(master, rows));
    }

    /**
     * Only the master's tests, at the master's points: a class, a test or an invocation that the
     * worker reports and the master does not declare is no row (a submission's own test class,
     * or a forged one), and a declared test without a result fails.
     */
    private List<GradedTest> rows() {
        List<GradedTest> rows = new ArrayList<>();
        for (String testClass : master.inventory().classes()) {
            rows.addAll(rowsOf(testClass));
        }
        log.discoveryIssues().forEach((c, issues) -> {
            if (master.inventory().classes().contains(c)) {
                issues.forEach(i -> problems.add("the tests of " + c + ": " + i));
            }
        });
        return sorted(master, scaled(master, rows));
    }

    private List<GradedTest> rowsOf(String testClass) {
        List<GradedTest> rows = new ArrayList<>();
        Optional<List<WorkerEvent.TestRow>> results = log.results(testClass);
        if (results.isPresent()) {
            Map<String, List<WorkerEvent.TestRow>> byTest = new LinkedHashMap<>();
            for (WorkerEvent.TestRow r : results.get()) {
                byTest.computeIfAbsent(r.className() + "#" + r.methodName(), k -> new ArrayList<>()).add(r);
            }
            for (TestInventory.TestCase c : master.inventory().casesOf(testClass)) {
                String quarantine = log.quarantined().get(c.key());
                List<WorkerEvent.TestRow> reported = byTest.getOrDefault(c.key(), List.of());
                if (quarantine != null) {
                    rows.add(fromInventory(c, GradedTest.ERROR, quarantine));
                } else if (reported.isEmpty()) {
                    rows.add(fromInventory(c, GradedTest.FAILED, "no result: this test did not run (JUnit did not"
                            + " find it as the master declares it)"));
                } else {
                    // each invocation of a parameterized test earns its share of the test's points
                    for (WorkerEvent.TestRow r : reported) {
                        rows.add(fromWorker(r, c.points() / reported.size()));
                    }
                }
            }
            return rows;
        }
        String outcome;
        String reason;
        Optional<String> failure = log.classFailure(testClass);
        if (failure.isPresent()) {
            outcome = GradedTest.ERROR;
            reason = failure.get();
        } else {
            outcome = GradedTest.NOT_RUN;
            reason = whyNotRun(testClass);
        }
        for (TestInventory.TestCase c : master.inventory().casesOf(testClass)) {
            String quarantine = log.quarantined().get(c.key());
            rows.add(quarantine != null ? fromInventory(c, GradedTest.ERROR, quarantine) : fromInventory(c, outcome, reason));
        }
        return rows;
    }

    /** Why a class has no results: it could not be defined, its cell failed, or grading stopped first. */
    private String whyNotRun(String testClass) {
        Optional<WorkerEvent.DeclaredClass> declared = log.declared(testClass);
        if (declared.isPresent() && !declared.get().usable()) {
            return "not run: " + declared.get().reason() + becauseOf(declared.get().unresolved());
        }
        Optional<String> cellId = master.inventory().cellOf(testClass);
        if (cellId.isPresent()) {
            String unit = "tests:" + cellId.get();
            Optional<WorkerEvent> cell = log.testCell(unit);
            if (cell.isPresent() && "COMPILE_ERROR".equals(cell.get().status())) {
                return "not run: the tests in " + plan.labelOf(cellId.get()) + " do not compile against your code: line "
                        + cell.get().line() + ": " + cell.get().message() + becauseOf(List.of());
            }
            String skipped = log.skippedUnits().get(unit);
            if (skipped != null) {
                return "not run: " + skipped;
            }
        }
        return log.unfinished().orElse("not run: the grading process did not get to these tests");
    }

    /**
     * Names the student's cells behind missing declarations: a cell that did not compile and
     * declares one of them; or, when none does, every cell that did not compile.
     */
    private String becauseOf(List<String> unresolved) {
        Map<String, WorkerEvent> failed = new LinkedHashMap<>();
        for (WorkerRequest.ReplayStep step : plan.steps()) {
            WorkerEvent e = log.cells().get(step.unit());
            if (e != null && "COMPILE_ERROR".equals(e.status())) {
                failed.put(step.unit(), e);
            }
        }
        if (failed.isEmpty()) {
            return "";
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String u : unresolved) {
            Matcher m = MISSING.matcher(u);
            if (m.find()) {
                missing.add(m.group(1));
            }
        }
        List<String> blamed = new ArrayList<>();
        for (WorkerRequest.ReplayStep step : plan.steps()) {
            WorkerEvent e = failed.get(step.unit());
            if (e != null && DeclaredNames.of(step.code()).stream().anyMatch(missing::contains)) {
                blamed.add(describe(step, e));
            }
        }
        if (blamed.isEmpty()) {
            plan.steps().stream().filter(s -> failed.containsKey(s.unit()))
                    .forEach(s -> blamed.add(describe(s, failed.get(s.unit()))));
        }
        return ", because " + String.join("; and ", blamed);
    }

    private static String describe(WorkerRequest.ReplayStep step, WorkerEvent e) {
        return step.label() + " did not compile (line " + e.line() + ": " + e.message() + ")";
    }

    private static GradedTest fromWorker(WorkerEvent.TestRow r, double points) {
        return new GradedTest("", r.className(), r.methodName(), r.displayName(), r.status(),
                Messages.explain(r.status(), r.message()), points, false);
    }

    private static GradedTest fromInventory(TestInventory.TestCase c, String outcome, String reason) {
        return new GradedTest(c.exercise(), c.className(), c.methodName(), c.displayName(), outcome, reason,
                c.points(), c.hidden());
    }

    /** Fills in exercise and visibility from the master, then scales each exercise to its declared points. */
    private static List<GradedTest> scaled(Master master, List<GradedTest> rows) {
        List<GradedTest> placed = new ArrayList<>();
        for (GradedTest row : rows) {
            Optional<TestInventory.TestCase> known = master.inventory().find(row.className(), row.methodName());
            String cell = master.inventory().cellOf(TestInventory.outer(row.className())).orElse(null);
            String exercise = known.map(TestInventory.TestCase::exercise)
                    .orElse(cell == null ? row.exercise() : master.cell(cell).flatMap(Master.MasterCell::exercise).orElse(""));
            boolean hidden = known.map(TestInventory.TestCase::hidden).orElse(cell != null
                    && master.cell(cell).map(c -> c.hasRole(CellRole.HIDDEN_TESTS)).orElse(false));
            placed.add(new GradedTest(exercise, row.className(), row.methodName(), row.displayName(), row.outcome(),
                    row.message(), row.maxPoints(), hidden));
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        placed.forEach(r -> raw.merge(r.exercise(), r.maxPoints(), Double::sum));
        List<GradedTest> out = new ArrayList<>();
        for (GradedTest row : placed) {
            Optional<BigDecimal> declared = master.exercisePoints().getOrDefault(row.exercise(), Optional.empty());
            out.add(row.withPoints(scaledPoints(row.maxPoints(), raw.get(row.exercise()), declared)));
        }
        return out;
    }

    /**
     * A test's points as graded: its own points times the exercise's declared points over the sum of
     * the exercise's tests' own points, or its own points when the exercise declares none.
     */
    static double scaledPoints(double points, double exerciseSum, Optional<BigDecimal> declared) {
        return declared.isPresent() && exerciseSum > 0 ? points * declared.get().doubleValue() / exerciseSum : points;
    }

    /** The master's order: exercise, then test as declared; invocations keep the order they ran in. */
    private static List<GradedTest> sorted(Master master, List<GradedTest> rows) {
        List<GradedTest> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingInt((GradedTest r) -> master.exerciseIndex(r.exercise()))
                .thenComparingInt(r -> master.inventory().order(r.className(), r.methodName()))
                .thenComparing(r -> master.inventory().find(r.className(), r.methodName()).isPresent() ? ""
                        : r.className() + "#" + r.methodName()));
        return out;
    }
}
