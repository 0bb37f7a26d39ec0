package ttlab.grader.assign;

import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.GradedNotebook;
import ttlab.grader.notebook.GradedNotebook.GradedCell;
import ttlab.grader.notebook.MarkedRegion;
import ttlab.grader.notebook.MarkedText;
import ttlab.grader.notebook.Marker;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A master notebook checked for what {@code assign} needs on top of valid grading metadata: the
 * markers of every code cell are balanced and sit where they can do their job. Each rule here
 * stops a student copy that would leak a solution or would not compile.
 */
public final class MasterNotebook {

    private final GradedNotebook graded;
    private final Map<String, MarkedText> texts;

    private MasterNotebook(GradedNotebook graded, Map<String, MarkedText> texts) {
        this.graded = graded;
        this.texts = texts;
    }

    /** Checks a master; {@code name} (its path) prefixes every error. */
    public static MasterNotebook of(Notebook notebook, String name) throws NotebookException {
        GradedNotebook graded = GradedNotebook.of(notebook, name);
        Map<String, MarkedText> texts = new HashMap<>();
        for (GradedCell cell : graded.cells()) {
            if (cell.metadata().hiddenPoints().isPresent()) {
                throw new NotebookException(name, NotebookException.where(cell.cell()) + ": \"hidden-points\" is written"
                        + " by assign into student copies, from the master's hidden tests; remove it from the master");
            }
            if (cell.cell().isCode()) {
                MarkedText text = MarkedText.scan(cell.cell(), name);
                checkMarkersFitRole(cell, text, name);
                texts.put(cell.cell().id(), text);
            }
        }
        return new MasterNotebook(graded, texts);
    }

    public GradedNotebook graded() {
        return graded;
    }

    /** The marked text of one of this master's code cells. */
    public MarkedText text(Cell cell) {
        MarkedText text = texts.get(cell.id());
        if (text == null) {
            throw new IllegalArgumentException("not a code cell of this master: " + cell);
        }
        return text;
    }

    private static void checkMarkersFitRole(GradedCell graded, MarkedText text, String name) throws NotebookException {
        Cell cell = graded.cell();
        List<MarkedRegion> solutions = text.regions(Marker.SOLUTION);
        List<MarkedRegion> hidden = text.regions(Marker.HIDDEN_TESTS);
        if (graded.hasRole(CellRole.SOLUTION)) {
            if (solutions.isEmpty()) {
                throw new NotebookException(name, NotebookException.where(cell) + ": a solution cell needs a "
                        + Marker.SOLUTION.begin() + " ... " + Marker.SOLUTION.end()
                        + " region, or students would get the whole solution");
            }
            for (MarkedRegion region : solutions) {
                checkRegionEndsBody(cell, text, region, name);
            }
        } else if (!solutions.isEmpty()) {
            throw MarkedText.error(cell, name, solutions.get(0).beginIndex(), "solution markers belong in a cell whose"
                    + " metadata.ttlab role is \"solution\" (this cell's is " + roleOf(graded) + ")");
        }
        if (!hidden.isEmpty() && !graded.hasRole(CellRole.TESTS)) {
            throw MarkedText.error(cell, name, hidden.get(0).beginIndex(), "hidden-tests markers belong in a cell whose"
                    + " metadata.ttlab role is \"tests\" (this cell's is " + roleOf(graded) + ")");
        }
    }

    /**
     * The stub is a {@code throw}, so anything after the region in the same block would be an
     * unreachable statement, a compile error for students. The region must therefore end its
     * block: the next line with code must close it.
     */
    private static void checkRegionEndsBody(Cell cell, MarkedText text, MarkedRegion region, String name)
            throws NotebookException {
        List<String> lines = text.lines();
        for (int i = region.endIndex() + 1; i < lines.size(); i++) {
            String code = lines.get(i).strip();
            if (code.isEmpty() || code.startsWith("//")) {
                continue;
            }
            if (code.startsWith("}")) {
                return;
            }
            throw MarkedText.error(cell, name, i, "\"" + code + "\" follows " + Marker.SOLUTION.end()
                    + " in the same block, where it would be unreachable after the stub's throw;"
                    + " end the region with the method or constructor body");
        }
        throw MarkedText.error(cell, name, region.endIndex(), "no closing brace follows " + Marker.SOLUTION.end()
                + "; solution markers must enclose statements inside a method or constructor body");
    }

    private static String roleOf(GradedCell cell) {
        return cell.metadata().role().map(role -> "\"" + role.key() + "\"").orElse("not set");
    }
}
