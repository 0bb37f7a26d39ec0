package ttlab.grader.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
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

/**
 * The class gradebook: one row per submission, sorted by id, with the points earned in each
 * exercise, the total, the maximum and the percent.
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

    static final String SUBMISSION = "submission";
    static final String MASTER = "master";
    static final String TOTAL = "total";
    static final String MAX = "max";
    static final String PERCENT = "percent";
    private static final List<String> FIXED = List.of(SUBMISSION, MASTER, TOTAL, MAX, PERCENT);

    private final Table table;

    private Gradebook(Table table) {
        this.table = table;
    }

    public static Gradebook of(Collection<GradingResult> results) {
        List<GradingResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparing(GradingResult::submission).thenComparing(GradingResult::master));
        Map<String, Set<String>> exercisesByMaster = exercisesByMaster(rows);
        List<String> exercises = new ArrayList<>();
        exercisesByMaster.values().forEach(set -> set.stream().filter(e -> !exercises.contains(e)).forEach(exercises::add));

        StringColumn submission = StringColumn.create(SUBMISSION);
        StringColumn master = StringColumn.create(MASTER);
        List<DoubleColumn> points = new ArrayList<>();
        for (String exercise : exercises) {
            points.add(DoubleColumn.create(columnName(exercise)));
        }
        DoubleColumn total = DoubleColumn.create(TOTAL);
        DoubleColumn max = DoubleColumn.create(MAX);
        DoubleColumn percent = DoubleColumn.create(PERCENT);
        for (GradingResult result : rows) {
            submission.append(result.submission());
            master.append(result.master());
            Map<String, Score> scores = result.exerciseScores();
            Set<String> inMaster = exercisesByMaster.get(result.master());
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
        Table table = Table.create("gradebook", submission, master);
        points.forEach(table::addColumns);
        table.addColumns(total, max, percent);
        return new Gradebook(table);
    }

    /** Each master's exercises in first-seen order, masters sorted by name. */
    private static Map<String, Set<String>> exercisesByMaster(List<GradingResult> sortedRows) {
        Map<String, Set<String>> byMaster = new TreeMap<>();
        for (GradingResult result : sortedRows) {
            byMaster.computeIfAbsent(result.master(), m -> new LinkedHashSet<>()).addAll(result.exerciseScores().keySet());
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
