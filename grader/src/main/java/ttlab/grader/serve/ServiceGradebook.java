package ttlab.grader.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import ttlab.grader.report.Gradebook;
import ttlab.grader.report.GradingResult;
import ttlab.grader.report.ResultsFileException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class gradebook of the service: one row per student and assignment, from the submission the
 * course counts ({@link CourseConfig.Counted}: the latest graded, or the best after penalties).
 * It is the report's {@link Gradebook} (exercise columns, total, max, percent), with the columns
 * renamed for people ({@code student}, {@code assignment}) and the late policy's columns added:
 * the submission counted, when it was handed in, days late, the penalty and the final score.
 * Every student of the roster has a row for every assignment: one who handed nothing in has the
 * status {@code missing}, one whose hand-in is not graded yet (queued, or failed) the status
 * {@code not graded}, both with empty cells; rows are sorted by student and assignment.
 */
final class ServiceGradebook {

    private final Gradebook gradebook;
    private final CourseConfig.Counted counted;

    private ServiceGradebook(Gradebook gradebook, CourseConfig.Counted counted) {
        this.gradebook = gradebook;
        this.counted = counted;
    }

    static final String NOT_GRADED = "not graded";

    /**
     * @param students    the roster's students (none without a roster: then only those who handed in)
     * @param assignments the course's assignments
     * @param handedIn    every submission, graded or not
     */
    static ServiceGradebook of(List<SubmissionStore.Graded> graded, CourseConfig.Counted counted,
                               Collection<String> students, Collection<String> assignments,
                               Collection<SubmissionStore.Submission> handedIn) {
        Map<String, SubmissionStore.Graded> chosen = new LinkedHashMap<>();
        for (SubmissionStore.Graded g : graded) {
            chosen.merge(key(g.submission().student(), g.submission().assignment()), g,
                    (a, b) -> preferred(a, b, counted));
        }
        List<GradingResult> results = new ArrayList<>();
        for (SubmissionStore.Graded g : chosen.values()) {
            GradingResult r = parse(g);
            results.add(new GradingResult(g.submission().student(), g.submission().assignment(), r.score(), r.maxScore(),
                    r.executionTime(), r.output(), r.tests(), r.problems(), r.apiFlags(), r.networkIsolation()));
        }
        // Here a result's submission is its student's name (set above), not a file-based id.
        Gradebook gradebook = Gradebook.of(results, GradingResult::submission);
        Table table = gradebook.table();
        table.removeColumns(Gradebook.SUBMISSION);
        StringColumn student = table.stringColumn(Gradebook.STUDENT);
        StringColumn assignment = table.stringColumn(Gradebook.ASSIGNMENT);
        IntColumn id = IntColumn.create("submission");
        StringColumn at = StringColumn.create("submitted_at");
        IntColumn late = IntColumn.create("days_late");
        DoubleColumn penalty = DoubleColumn.create("penalty");
        DoubleColumn fin = DoubleColumn.create("final");
        for (int row = 0; row < table.rowCount(); row++) {
            SubmissionStore.Submission s = chosen.get(key(student.get(row), assignment.get(row))).submission();
            id.append((int) s.id());
            at.append(s.submittedAt().toString());
            late.append(s.daysLate());
            penalty.append(s.penalty());
            fin.append(s.finalScore() == null ? 0 : s.finalScore());
        }
        Column<?> status = table.column(Gradebook.STATUS);
        table.removeColumns(status);
        table.addColumns(id, at, late, penalty, fin, status);          // the status stays last
        java.util.Set<String> waiting = new java.util.LinkedHashSet<>();
        for (SubmissionStore.Submission s : handedIn) {
            String k = key(s.student(), s.assignment());
            if (!chosen.containsKey(k) && waiting.add(k)) {
                gradebook.appendWithoutGrade(s.student(), s.assignment(), NOT_GRADED);
            }
        }
        for (String name : students) {
            for (String a : assignments) {
                String k = key(name, a);
                if (!chosen.containsKey(k) && !waiting.contains(k)) {
                    gradebook.appendWithoutGrade(name, a, Gradebook.MISSING);
                }
            }
        }
        return new ServiceGradebook(gradebook.sortedOn(Gradebook.STUDENT, Gradebook.ASSIGNMENT), counted);
    }

    /** The one of two graded submissions of a student for an assignment that counts. */
    private static SubmissionStore.Graded preferred(SubmissionStore.Graded a, SubmissionStore.Graded b,
                                                    CourseConfig.Counted counted) {
        SubmissionStore.Submission x = a.submission();
        SubmissionStore.Submission y = b.submission();
        if (counted == CourseConfig.Counted.BEST) {
            double fx = x.finalScore() == null ? 0 : x.finalScore();
            double fy = y.finalScore() == null ? 0 : y.finalScore();
            if (fx != fy) {
                return fx > fy ? a : b;
            }
        }
        return x.id() > y.id() ? a : b; // the later one
    }

    private static String key(String student, String assignment) {
        return student + "\u0000" + assignment;
    }

    private static GradingResult parse(SubmissionStore.Graded g) {
        try {
            return GradingResult.parse(g.resultsJson().getBytes(StandardCharsets.UTF_8),
                    "submission-" + g.submission().id() + "/results.json", "submission-" + g.submission().id());
        } catch (ResultsFileException e) {
            throw new IllegalStateException("the stored results of submission #" + g.submission().id()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    String csv() {
        return gradebook.csv();
    }

    /** {@code {"counted": "last", "columns": [...], "rows": [[...], ...]}}; an empty cell is null. */
    JsonObject json() {
        Table table = gradebook.table();
        JsonObject o = new JsonObject();
        o.addProperty("counted", counted.name().toLowerCase(Locale.ROOT));
        JsonArray columns = new JsonArray();
        table.columnNames().forEach(columns::add);
        o.add("columns", columns);
        JsonArray rows = new JsonArray();
        for (int row = 0; row < table.rowCount(); row++) {
            JsonArray cells = new JsonArray();
            for (Column<?> column : table.columns()) {
                if (column.isMissing(row)) {
                    cells.add((String) null);
                } else if (column instanceof DoubleColumn d) {
                    cells.add(d.getDouble(row));
                } else if (column instanceof IntColumn n) {
                    cells.add(n.getInt(row));
                } else {
                    cells.add(column.getString(row));
                }
            }
            rows.add(cells);
        }
        o.add("rows", rows);
        return o;
    }
}
