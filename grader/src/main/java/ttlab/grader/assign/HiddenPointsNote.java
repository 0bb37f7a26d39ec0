package ttlab.grader.assign;

import com.google.gson.JsonObject;
import ttlab.grader.grade.HiddenPoints;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.GradedNotebook.GradedCell;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.TtlabMetadata;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes into a student copy how many points each exercise's hidden tests carry, on the exercise's
 * tests cells ({@code metadata.ttlab["hidden-points"]}), where {@code check(...)} reads it. Only the
 * number goes to students: the hidden tests themselves stay in the master.
 */
final class HiddenPointsNote {

    private HiddenPointsNote() {
    }

    static Notebook addTo(Notebook copy, MasterNotebook master) {
        Map<String, BigDecimal> hidden = HiddenPoints.of(master);
        for (Cell cell : copy.cells()) {
            GradedCell graded = master.graded().cell(cell.id()).orElseThrow();
            if (!graded.hasRole(CellRole.TESTS) || graded.metadata().exercise().isEmpty()) {
                continue;
            }
            BigDecimal points = hidden.getOrDefault(graded.metadata().exercise().get(), BigDecimal.ZERO);
            JsonObject ttlab = cell.metadata().getAsJsonObject(TtlabMetadata.KEY);
            // as Jupyter writes numbers: 1 for a whole number, 0.5 otherwise
            if (points.stripTrailingZeros().scale() <= 0) {
                ttlab.addProperty(TtlabMetadata.HIDDEN_POINTS, points.longValueExact());
            } else {
                ttlab.addProperty(TtlabMetadata.HIDDEN_POINTS, points.doubleValue());
            }
        }
        return copy;
    }
}
