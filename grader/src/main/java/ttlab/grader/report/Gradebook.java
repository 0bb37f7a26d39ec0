package ttlab.grader.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvWriteOptions;
import tech.tablesaw.io.csv.CsvWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The class gradebook: one row per submission, sorted by id, with its student and assignment, the
 * points earned in each exercise, the total, the maximum, the percent and a status
 * ({@value #GRADED}). Rows without a grade ({@link #appendWithoutGrade}, e.g. {@value #MISSING}
 * for a student of the roster who handed nothing in) have only the names and the status.
 *
 * <p>The student of a submission graded by {@code ./ttlab grade} is the folder its notebook was in
 * (the part of the id before {@code --}: {@code alice--00-warmup} is alice's), or the id itself for
 * a notebook given alone; its assignment is its master's name without {@code .ipynb}.
 *
 * <p>Exercise columns come in a fixed order: masters sorted by name, and within a master the
 * order its exercises first appear in. The same results therefore always give the same bytes,
 * whatever order the file system lists the folders in.
 *
 * <p>An exercise cell is empty when the exercise is not in the submission's master (a warm-up
 * submission has no attention exercises), and 0 when it is in the master but the submission's
 * results lack it, e.g. because its tests never ran.
 */
public final class Gradebook {

    /** The file name written in the results folder. */
    public static final String FILE_NAME = "gradebook.csv";

    public static final String SUBMISSION = "submission";
    public static final String STUDENT = "student";
    public static final String ASSIGNMENT = "assignment";
    static final String TOTAL = "total";
    static final String MAX = "max";
    static final String PERCENT = "percent";
    public static final String STATUS = "status";
    private static final List<String> FIXED = List.of(SUBMISSION, STUDENT, ASSIGNMENT, TOTAL, MAX, PERCENT, STATUS);

    /** The status of a row with a grade. */
    public static final String GRADED = "graded";
    /** The status of a roster student's assignment that nobody handed in. */
    public static final String MISSING = "missing";

    private final Table table;

    private Gradebook(Table table) {
        this.table = table;
    }

    /** The gradebook of {@code ./ttlab grade}'s results: students from the submission ids. */
    public static Gradebook of(Collection<GradingResult> results) {
        return of(results, result -> studentOf(result.submission()));
    }

    /** The student of a submission id: the part before the first {@code --}, or the whole id. */
    public static String studentOf(String submissionId) {
        int cut = submissionId.indexOf("--");
        return cut > 0 ? submissionId.substring(0, cut) : submissionId;
    }

    /** The assignment of a master: its file name without {@code .ipynb} (see {@link GradingResult#assignment()}). */
    public static String assignmentOf(String master) {
        String name = GradingResult.fileNameOf(master);
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    /** The gradebook of these results, each row's student given by {@code studentOf}. */
    public static Gradebook of(Collection<GradingResult> results, Function<GradingResult, String> studentOf) {
        List<GradingResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparing(GradingResult::submission).thenComparing(GradingResult::master));
        Map<String, Set<String>> exercisesByMaster = exercisesByMaster(rows);
        List<String> exercises = new ArrayList<>();
        exercisesByMaster.values().forEach(set -> set.stream().filter(e -> !exercises.contains(e)).forEach(exercises::add));

        StringColumn submission = StringColumn.create(SUBMISSION);
        StringColumn student = StringColumn.create(STUDENT);
        StringColumn master = StringColumn.create(ASSIGNMENT);
        List<DoubleColumn> points = new ArrayList<>();
        for (String exercise : exercises) {
            points.add(DoubleColumn.create(columnName(exercise)));
        }
        DoubleColumn total = DoubleColumn.create(TOTAL);
        DoubleColumn max = DoubleColumn.create(MAX);
        DoubleColumn percent = DoubleColumn.create(PERCENT);
        StringColumn status = StringColumn.create(STATUS);
        for (GradingResult result : rows) {
            submission.append(result.submission());
            student.append(studentOf.apply(result));
            master.append(result.assignment());
            status.append(GRADED);
            Map<String, Score> scores = result.exerciseScores();
            Set<String> inMaster = exercisesByMaster.get(result.assignment());
            for (int i = 0; i < exercises.size(); i++) {
                Score score = scores.get(exercises.get(i));
                if (score != null) {
                    points.get(i).append(score.earned());
                } else if (inMaster.contains(exercises.get(i))) {
                    points.get(i).append(0.0);
                } else {
                    points.get(i).appendMissing();
                }
            }
            Score sum = result.total();
            total.append(sum.earned());
            max.append(sum.max());
            OptionalDouble p = sum.percent();
            if (p.isPresent()) {
                percent.append(p.getAsDouble());
            } else {
                percent.appendMissing();
            }
        }
        Table table = Table.create("gradebook", submission, student, master);
        points.forEach(table::addColumns);
        table.addColumns(total, max, percent, status);
        return new Gradebook(table);
    }

    /**
     * Adds a row for a student and assignment without a grade: every cell empty but the student,
     * the assignment and the status.
     */
    public void appendWithoutGrade(String student, String assignment, String status) {
        for (Column<?> column : table.columns()) {
            switch (column.name()) {
                case STUDENT -> ((StringColumn) column).append(student);
                case ASSIGNMENT -> ((StringColumn) column).append(assignment);
                case STATUS -> ((StringColumn) column).append(status);
                default -> column.appendMissing();
            }
        }
    }

    /**
     * The same gradebook with a {@value #MISSING} row for each of these students and each
     * assignment of the gradebook that the student has no row for, sorted by student, assignment
     * and submission. A student with no row at all still gets one per assignment.
     */
    public Gradebook withEveryStudentOf(Collection<String> roster) {
        Gradebook out = new Gradebook(table.copy());
        Set<String> assignments = new TreeSet<>(table.stringColumn(ASSIGNMENT).asSet());
        Set<String> present = new java.util.HashSet<>();
        for (int row = 0; row < table.rowCount(); row++) {
            present.add(table.stringColumn(STUDENT).get(row) + "\u0000" + table.stringColumn(ASSIGNMENT).get(row));
        }
        for (String student : new TreeSet<>(roster)) {
            for (String assignment : assignments) {
                if (!present.contains(student + "\u0000" + assignment)) {
                    out.appendWithoutGrade(student, assignment, MISSING);
                }
            }
        }
        return out.sortedOn(STUDENT, ASSIGNMENT, SUBMISSION);
    }

    /** The assignments of the gradebook, sorted. */
    public List<String> assignments() {
        return List.copyOf(new TreeSet<>(table.stringColumn(ASSIGNMENT).asSet()));
    }

    /** Each master's exercises in first-seen order, masters sorted by name. */
    private static Map<String, Set<String>> exercisesByMaster(List<GradingResult> sortedRows) {
        Map<String, Set<String>> byMaster = new TreeMap<>();
        for (GradingResult result : sortedRows) {
            byMaster.computeIfAbsent(result.assignment(), m -> new LinkedHashSet<>()).addAll(result.exerciseScores().keySet());
        }
        return byMaster;
    }

    /** An exercise called "total" (say) must not clash with the column of the same name. */
    private static String columnName(String exercise) {
        boolean clash = FIXED.stream().anyMatch(name -> name.equalsIgnoreCase(exercise));
        return clash ? "exercise " + exercise : exercise;
    }

    public Table table() {
        return table;
    }

    /** The same gradebook with its rows in the order of these columns (ascending). */
    public Gradebook sortedOn(String... columns) {
        return new Gradebook(table.sortAscendingOn(columns));
    }

    /** The gradebook as CSV, as Tablesaw writes it, with {@code \n} line ends on every system. */
    public String csv() {
        StringWriter text = new StringWriter();
        new CsvWriter().write(table, CsvWriteOptions.builder(text).lineEnd("\n").build());
        return text.toString();
    }

    /** Writes {@code folder/gradebook.csv} in UTF-8 and returns its path. */
    public Path write(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
        return file;
    }
}
