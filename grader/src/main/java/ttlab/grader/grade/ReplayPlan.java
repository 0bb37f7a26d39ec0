package ttlab.grader.grade;

import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.TtlabMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches a submission's cells with its master's, by cell id and metadata (never by position),
 * and decides what to replay, in which order, with which source. Whatever the student did to the
 * notebook is explained in {@link #problems()} and grading goes on:
 *
 * <ul>
 *   <li>their cells run in their order, as they ran them in JupyterLab; a cell they moved is noted;</li>
 *   <li>a deleted solution cell is replaced by the exercise's stub, run before their cells, so that a
 *       definition of theirs elsewhere still counts and the tests fail with "not implemented yet"
 *       rather than not compiling;</li>
 *   <li>an edited or deleted locked cell is replaced by the original, where it was;</li>
 *   <li>a tests cell runs in its place as students got it (so a later {@code check(...)} cell
 *       compiles, as it did for them); the master's full version runs after all their cells,
 *       whatever they did to theirs;</li>
 *   <li>a duplicated cell id: every copy runs, in order, and the last definition counts;</li>
 *   <li>skip-in-grading cells, and cells too large to compile in reasonable time, do not run.</li>
 * </ul>
 *
 * <p>Two kinds of cells are left out because running them cannot change a grade, and compiling
 * them costs a good part of a submission's grading time ({@link ReplayTrimming}): cells that
 * only call {@code check(...)}, which does nothing while grading; and a tests cell whose
 * declarations no later cell uses, since the master's version runs after all the student's cells.
 */
final class ReplayPlan {

    private final List<WorkerRequest.ReplayStep> steps;
    private final List<WorkerRequest.TestCell> tests;
    private final List<String> problems;
    private final List<ApiScanner.StudentCell> authored;
    private final CellPlaces places;
    private final CellPlaces masterPlaces;

    private ReplayPlan(List<WorkerRequest.ReplayStep> steps, List<WorkerRequest.TestCell> tests,
                       List<String> problems, List<ApiScanner.StudentCell> authored,
                       CellPlaces places, CellPlaces masterPlaces) {
        this.places = places;
        this.masterPlaces = masterPlaces;
        this.steps = Collections.unmodifiableList(steps);
        this.tests = Collections.unmodifiableList(tests);
        this.problems = Collections.unmodifiableList(problems);
        this.authored = Collections.unmodifiableList(authored);
    }

    /** The cells to replay, in order. */
    List<WorkerRequest.ReplayStep> steps() {
        return steps;
    }

    /** The master's test cells, to evaluate after the replay. */
    List<WorkerRequest.TestCell> tests() {
        return tests;
    }

    /** What differs between the submission and its master, one sentence each. */
    List<String> problems() {
        return problems;
    }

    /** The cells the student wrote or changed (and that run): what the API scan reads. */
    List<ApiScanner.StudentCell> authored() {
        return authored;
    }

    /**
     * A cell's label with where it is: in the submission, or where the student's copy had it when
     * the submission lacks it.
     */
    String labelOf(String id) {
        return places.knows(id) ? places.label(id) : masterPlaces.label(id);
    }

    /** The label errors use for a cell, without its place: {@code cell 'square-solution'}. */
    static String label(String id) {
        return "cell '" + id + "'";
    }

    static ReplayPlan of(Master master, Notebook submission, long maxCellBytes) {
        return new Planner(master, submission, maxCellBytes).plan();
    }

    private static final class Planner {
        private final Master master;
        private final List<Cell> cells;
        private final long maxCellBytes;
        private final List<String> problems = new ArrayList<>();
        private final List<WorkerRequest.ReplayStep> steps = new ArrayList<>();
        private final List<ApiScanner.StudentCell> authored = new ArrayList<>();
        /** The units of the steps that replay a tests cell (a master's public tests, as students got them). */
        private final Set<String> testsSteps = new HashSet<>();
        /** Each code cell id of the submission, with how many times it appears. */
        private final Map<String, List<Cell>> codeCells = new LinkedHashMap<>();
        /** Where each cell is, in the submission and in the student's copy of the master, for messages. */
        private final CellPlaces places;
        private final CellPlaces masterPlaces;

        Planner(Master master, Notebook submission, long maxCellBytes) {
            this.master = master;
            this.cells = submission.cells();
            this.maxCellBytes = maxCellBytes;
            this.places = CellPlaces.of(cells);
            this.masterPlaces = CellPlaces.ofMaster(master.cells());
            for (Cell cell : cells) {
                if (cell.isCode()) {
                    codeCells.computeIfAbsent(cell.id(), id -> new ArrayList<>()).add(cell);
                }
            }
        }

        ReplayPlan plan() {
            stubsForMissingSolutions();
            Map<String, Integer> firstStepOf = new LinkedHashMap<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Cell cell : cells) {
                if (!cell.isCode()) {
                    continue;
                }
                int copy = seen.merge(cell.id(), 1, Integer::sum);
                int before = steps.size();
                replay(cell, copy);
                if (steps.size() > before) {
                    firstStepOf.putIfAbsent(cell.id(), before);
                }
            }
            originalsForMissingLockedCells(firstStepOf);
            noteDuplicates();
            noteMovedCells();
            List<WorkerRequest.TestCell> tests = new ArrayList<>();
            for (Master.MasterCell cell : master.testCells()) {
                tests.add(new WorkerRequest.TestCell("tests:" + cell.id(), masterPlaces.label(cell.id()), cell.source(),
                        master.inventory().methodsOfCell(cell.id())));
            }
            return new ReplayPlan(ReplayTrimming.trim(steps, testsSteps), tests, problems, authored, places, masterPlaces);
        }

        private void stubsForMissingSolutions() {
            for (Master.MasterCell solution : master.cells()) {
                if (solution.hasRole(CellRole.SOLUTION) && !codeCells.containsKey(solution.id())) {
                    steps.add(new WorkerRequest.ReplayStep("stub:" + solution.id(), masterPlaces.label(solution.id()) + " (stub)",
                            solution.studentSource()));
                    problems.add(masterPlaces.label(solution.id()) + ", the solution of " + solution.exercise().orElse("an exercise")
                            + ", is missing: the exercise's stub was run in its place, before your cells");
                }
            }
        }

        private void replay(Cell cell, int copy) {
            String unit = "cell:" + cell.id() + (copy > 1 ? "#" + copy : "");
            String label = places.label(cell) + (copy > 1 ? " (copy " + copy + ")" : "");
            Master.MasterCell original = master.cell(cell.id()).orElse(null);
            String source = cell.source();
            if (original == null ? ownSkipRole(cell) : original.hasRole(CellRole.SKIP_IN_GRADING)) {
                return;
            }
            if (original != null && (original.hasRole(CellRole.HIDDEN_TESTS) || original.hasRole(CellRole.WRONG_ANSWER))) {
                return; // students never had this cell; hidden tests: whatever this is, the master's run later
            }
            if (original != null && original.hasRole(CellRole.TESTS)) {
                if (copy == 1 && !sameCode(source, original.studentSource())) {
                    problems.add(label + " (tests) was edited: the course's tests were run instead; your changes do not count");
                }
                steps.add(new WorkerRequest.ReplayStep(unit, label, original.studentSource()));
                testsSteps.add(unit);
                return;
            }
            if (original != null && original.hasRole(CellRole.LOCKED) && original.code()) {
                if (!sameCode(source, original.studentSource())) {
                    problems.add(label + " is locked but was edited: the original was run instead");
                }
                steps.add(new WorkerRequest.ReplayStep(unit, label, original.studentSource()));
                return;
            }
            long bytes = source.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxCellBytes) {
                problems.add(label + " is " + Sizes.describe(bytes) + ", over the limit of "
                        + Sizes.describe(maxCellBytes) + " for one cell: it was not run");
                return;
            }
            steps.add(new WorkerRequest.ReplayStep(unit, label, source));
            if (original == null || !sameCode(source, original.studentSource())) {
                authored.add(new ApiScanner.StudentCell(cell.id(), cell.number(), source));
            }
        }

        /** A cell the student added may be marked skip-in-grading by them (scratch work, a slow plot). */
        private static boolean ownSkipRole(Cell cell) {
            try {
                return TtlabMetadata.of(cell, "submission").hasRole(CellRole.SKIP_IN_GRADING);
            } catch (NotebookException e) {
                return false;
            }
        }

        /** A locked cell the student deleted runs where it was: after the cell that preceded it in the master. */
        private void originalsForMissingLockedCells(Map<String, Integer> firstStepOf) {
            List<Master.MasterCell> all = master.cells();
            List<Map.Entry<Integer, WorkerRequest.ReplayStep>> inserts = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Master.MasterCell locked = all.get(i);
                if (!locked.code() || !locked.hasRole(CellRole.LOCKED) || codeCells.containsKey(locked.id())) {
                    continue;
                }
                int at = stubCount();
                for (int j = i - 1; j >= 0; j--) {
                    Integer step = firstStepOf.get(all.get(j).id());
                    if (step != null) {
                        at = step + 1;
                        break;
                    }
                }
                inserts.add(Map.entry(at, new WorkerRequest.ReplayStep("original:" + locked.id(),
                        masterPlaces.label(locked.id()) + " (original)", locked.studentSource())));
                problems.add(masterPlaces.label(locked.id()) + " is locked but was deleted: the original was run in its place");
            }
            // From the last position to the first, so that earlier positions stay valid; cells bound
            // for the same position keep the master's order.
            for (int k = inserts.size() - 1; k >= 0; k--) {
                steps.add(inserts.get(k).getKey(), inserts.get(k).getValue());
            }
        }

        private int stubCount() {
            return (int) steps.stream().filter(s -> s.unit().startsWith("stub:")).count();
        }

        private void noteDuplicates() {
            codeCells.forEach((id, copies) -> {
                if (copies.size() > 1) {
                    List<String> numbers = copies.stream().map(c -> String.valueOf(c.number())).toList();
                    problems.add("the cell id '" + id + "' appears " + copies.size() + " times (cells "
                            + String.join(", ", numbers) + "): every copy was run, in order, so the last definition counts");
                }
            });
        }

        /**
         * The cells the master also has, in the submission's order, should keep the master's order.
         * The longest run of them that does is in place; the others were moved.
         */
        private void noteMovedCells() {
            List<Cell> known = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (Cell cell : cells) {
                if (master.cell(cell.id()).isPresent() && taken.add(cell.id())) {
                    known.add(cell);
                }
            }
            int[] positions = known.stream().mapToInt(c -> master.cell(c.id()).orElseThrow().number()).toArray();
            boolean[] inPlace = longestIncreasing(positions);
            for (int i = 0; i < known.size(); i++) {
                if (!inPlace[i]) {
                    problems.add(places.label(known.get(i)) + " was moved from its place in the exercise notebook:"
                            + " cells were run in your notebook's order");
                }
            }
        }

        /** Marks one longest strictly increasing subsequence (the first found, so results are stable). */
        private static boolean[] longestIncreasing(int[] values) {
            int n = values.length;
            int[] length = new int[n];
            int[] previous = new int[n];
            int best = -1;
            for (int i = 0; i < n; i++) {
                length[i] = 1;
                previous[i] = -1;
                for (int j = 0; j < i; j++) {
                    if (values[j] < values[i] && length[j] + 1 > length[i]) {
                        length[i] = length[j] + 1;
                        previous[i] = j;
                    }
                }
                if (best < 0 || length[i] > length[best]) {
                    best = i;
                }
            }
            boolean[] marked = new boolean[n];
            Arrays.fill(marked, false);
            for (int i = best; i >= 0; i = previous[i]) {
                marked[i] = true;
            }
            return marked;
        }

        /** Line endings and trailing blank space are not edits. */
        private static boolean sameCode(String a, String b) {
            return b != null && normalize(a).equals(normalize(b));
        }

        private static String normalize(String code) {
            return code.replace("\r\n", "\n").lines().map(String::stripTrailing)
                    .collect(Collectors.joining("\n")).strip();
        }
    }
}
