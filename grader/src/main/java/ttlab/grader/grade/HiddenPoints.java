package ttlab.grader.grade;

import ttlab.grader.assign.MasterNotebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many of each exercise's points its hidden tests carry, as the grader will count them: the
 * raw points of its hidden tests, scaled like every test of the exercise to the points the
 * exercise declares. A student copy may show this number (it names no test and shows no code), so
 * that students know what part of an exercise {@code check(...)} cannot show them.
 */
public final class HiddenPoints {

    private HiddenPoints() {
    }

    /** For every exercise that has tests: its hidden points, 0 when it has no hidden test. */
    public static Map<String, BigDecimal> of(MasterNotebook master) {
        List<Master.MasterCell> testCells = Master.cellsOf(master).stream().filter(c -> c.code() && c.isTests()).toList();
        Map<String, Double> all = new LinkedHashMap<>();
        Map<String, Double> hidden = new LinkedHashMap<>();
        for (TestInventory.TestCase test : TestInventory.of(testCells).cases()) {
            all.merge(test.exercise(), test.points(), Double::sum);
            hidden.merge(test.exercise(), test.hidden() ? test.points() : 0.0, Double::sum);
        }
        Map<String, Optional<BigDecimal>> declared = Master.exercisePoints(master);
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        all.forEach((exercise, raw) -> {
            double share = hidden.get(exercise);
            Optional<BigDecimal> exercisePoints = declared.getOrDefault(exercise, Optional.empty());
            points.put(exercise, rounded(TestRows.scaledPoints(share, raw, exercisePoints)));   // as graded
        });
        points.remove("");
        return points;
    }

    /** As check(...) shows points: at most two decimals, no trailing zeros. */
    private static BigDecimal rounded(double points) {
        BigDecimal value = BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.signum() == 0 ? BigDecimal.ZERO : value;
    }
}
