package ttlab.grader.assign;

import com.google.gson.JsonObject;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.GradedNotebook.GradedCell;
import ttlab.grader.notebook.Marker;
import ttlab.grader.notebook.Notebook;

import java.util.List;

/**
 * Turns a checked master into the notebook students get. Cell ids and all metadata stay, so the
 * grader can match every student cell with its master by id.
 */
public final class StudentCopy {

    private StudentCopy() {
    }

    public static Notebook of(MasterNotebook master) {
        Notebook copy = master.graded().notebook().copy();
        copy.removeCells(cell -> {
            GradedCell graded = master.graded().cell(cell.id()).orElseThrow();
            return graded.hasRole(CellRole.HIDDEN_TESTS) || graded.hasRole(CellRole.WRONG_ANSWER);
        });
        for (Cell cell : copy.cells()) {
            GradedCell graded = master.graded().cell(cell.id()).orElseThrow();
            if (cell.isCode()) {
                // Outputs would show the solution's results; execution counts would only be noise in git.
                cell.clearOutputs();
            }
            if (graded.hasRole(CellRole.SOLUTION)) {
                cell.setSource(SolutionStub.apply(master.text(graded.cell()), graded.metadata().exercise().orElseThrow()));
            }
            if (graded.hasRole(CellRole.TESTS)) {
                cell.setSource(master.text(graded.cell()).replace(Marker.HIDDEN_TESTS, region -> List.of()));
            }
            if (graded.hasRole(CellRole.TESTS) || graded.hasRole(CellRole.LOCKED)) {
                makeReadOnly(cell.metadata());
            }
        }
        return copy;
    }

    /**
     * JupyterLab honours nbformat's {@code editable} and {@code deletable} flags, so students are
     * not tempted to change what they are graded by. A master that sets either flag wins.
     */
    private static void makeReadOnly(JsonObject metadata) {
        if (!metadata.has("editable")) {
            metadata.addProperty("editable", false);
        }
        if (!metadata.has("deletable")) {
            metadata.addProperty("deletable", false);
        }
    }
}
