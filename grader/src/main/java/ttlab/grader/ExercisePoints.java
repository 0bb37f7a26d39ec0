package ttlab.grader;

import ttlab.kernel.exercise.SavedNotebook;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the exercises a {@code check(...)} covers are worth in all, and how much of that only the
 * hidden tests can earn: the public tests' points alone would make a full table look like full
 * marks. Read from the student copy, where {@code assign} recorded the hidden points.
 *
 * @param exercises the exercise ids, in the order their test classes were given
 */
public record ExercisePoints(List<String> exercises, BigDecimal total, BigDecimal hidden) {

    public ExercisePoints {
        exercises = List.copyOf(exercises);
    }

    /**
     * The points of the exercises whose tests cells declare these classes; empty when one of them
     * is not a tests cell's, or its exercise's points or hidden points are not recorded (a master,
     * or a copy made before assign recorded them).
     */
    public static Optional<ExercisePoints> of(List<Class<?>> testClasses, SavedNotebook notebook) {
        Set<String> exercises = new LinkedHashSet<>();
        for (Class<?> testClass : testClasses) {
            Optional<String> exercise = notebook.testsCellDeclaring(testClass.getSimpleName())
                    .map(SavedNotebook.SavedCell::exercise).filter(id -> !id.isEmpty());
            if (exercise.isEmpty()) {
                return Optional.empty();
            }
            exercises.add(exercise.get());
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal hidden = BigDecimal.ZERO;
        for (String exercise : exercises) {
            Optional<BigDecimal> points = notebook.pointsOf(exercise);
            Optional<BigDecimal> hiddenPoints = notebook.hiddenPointsOf(exercise);
            if (points.isEmpty() || hiddenPoints.isEmpty()) {
                return Optional.empty();
            }
            total = total.add(points.get());
            hidden = hidden.add(hiddenPoints.get());
        }
        return exercises.isEmpty() ? Optional.empty() : Optional.of(new ExercisePoints(List.copyOf(exercises), total, hidden));
    }

    /** "warmup.dot: 3 points, 1 of them in hidden tests that run only at grading", or for several exercises their count. */
    public String describe() {
        String what = exercises.size() == 1 ? exercises.get(0) : exercises.size() + " exercises";
        String points = CheckTable.points(total.doubleValue());
        String share = hidden.signum() == 0 ? "no hidden tests"
                : CheckTable.points(hidden.doubleValue()) + " of them in hidden tests that run only at grading";
        return what + ": " + points + (points.equals("1") ? " point, " : " points, ") + share;
    }
}
