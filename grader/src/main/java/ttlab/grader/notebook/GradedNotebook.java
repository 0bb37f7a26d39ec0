package ttlab.grader.notebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A notebook whose grading metadata has been checked as a whole: unique cell ids, valid
 * {@code metadata.ttlab} on every cell, one points value per exercise. The grader finds cells by
 * id and role through this class, never by position.
 */
public final class GradedNotebook {

    /** A cell with its grading metadata. */
    public record GradedCell(Cell cell, TtlabMetadata metadata) {

        public boolean hasRole(CellRole role) {
            return metadata.hasRole(role);
        }
    }

    /** An exercise, in the order it first appears; points where a cell declares them. */
    public record Exercise(String id, Optional<BigDecimal> points) {
    }

    private final Notebook notebook;
    private final String name;
    private final List<GradedCell> cells;
    private final Map<String, GradedCell> byId;
    private final List<Exercise> exercises;

    private GradedNotebook(Notebook notebook, String name, List<GradedCell> cells,
                           Map<String, GradedCell> byId, List<Exercise> exercises) {
        this.notebook = notebook;
        this.name = name;
        this.cells = cells;
        this.byId = byId;
        this.exercises = exercises;
    }

    /** Checks {@code notebook}'s grading metadata; {@code name} (its path) prefixes errors. */
    public static GradedNotebook of(Notebook notebook, String name) throws NotebookException {
        List<GradedCell> cells = new ArrayList<>();
        Map<String, GradedCell> byId = new HashMap<>();
        for (Cell cell : notebook.cells()) {
            GradedCell graded = new GradedCell(cell, TtlabMetadata.of(cell, name));
            GradedCell earlier = byId.putIfAbsent(cell.id(), graded);
            if (earlier != null) {
                throw new NotebookException(name, "cell " + cell.number() + " has the same id \"" + cell.id()
                        + "\" as cell " + earlier.cell().number() + "; cell ids must be unique");
            }
            cells.add(graded);
        }
        GradedNotebook graded = new GradedNotebook(notebook, name, Collections.unmodifiableList(cells),
                byId, exercises(cells, name));
        for (GradedCell wrong : graded.cellsWith(CellRole.WRONG_ANSWER)) {
            graded.replacedBy(wrong);
        }
        return graded;
    }

    /**
     * The solution cell a {@code wrong-answer} cell stands in for: the one it names with
     * {@code replaces}, or its exercise's only solution cell. Also checks that the exercises it
     * names in {@code also-affects} exist.
     */
    public GradedCell replacedBy(GradedCell wrong) throws NotebookException {
        TtlabMetadata.WrongAnswer answer = wrong.metadata().wrongAnswer()
                .orElseThrow(() -> new IllegalArgumentException("not a wrong-answer cell: " + wrong.cell()));
        String exercise = wrong.metadata().exercise().orElseThrow();
        String where = NotebookException.where(wrong.cell());
        for (String other : answer.alsoAffects()) {
            if (other.equals(exercise) || exercises.stream().noneMatch(e -> e.id().equals(other))) {
                throw new NotebookException(name, where + ": \"also-affects\" names \"" + other + "\", which is not"
                        + " another exercise of this notebook");
            }
        }
        List<GradedCell> solutions = cellsWith(CellRole.SOLUTION).stream()
                .filter(c -> c.metadata().exercise().orElseThrow().equals(exercise)).toList();
        if (answer.replaces().isPresent()) {
            String id = answer.replaces().get();
            return solutions.stream().filter(c -> c.cell().id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotebookException(name, where + ": \"replaces\" names \"" + id
                            + "\", which is not a solution cell of exercise \"" + exercise + "\""));
        }
        if (solutions.size() != 1) {
            throw new NotebookException(name, where + ": exercise \"" + exercise + "\" has " + solutions.size()
                    + " solution cells; say which one this wrong answer replaces with \"replaces\": \"<cell id>\"");
        }
        return solutions.get(0);
    }

    private static List<Exercise> exercises(List<GradedCell> cells, String name) throws NotebookException {
        Map<String, Optional<BigDecimal>> points = new LinkedHashMap<>();
        Map<String, Cell> pointsFrom = new HashMap<>();
        for (GradedCell graded : cells) {
            Optional<String> id = graded.metadata().exercise();
            if (id.isEmpty()) {
                continue;
            }
            points.putIfAbsent(id.get(), Optional.empty());
            Optional<BigDecimal> declared = graded.metadata().points();
            if (declared.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> known = points.get(id.get());
            if (known.isPresent() && known.get().compareTo(declared.get()) != 0) {
                throw new NotebookException(name, NotebookException.where(graded.cell()) + ": exercise \"" + id.get()
                        + "\" has " + declared.get().toPlainString() + " points here but "
                        + known.get().toPlainString() + " in " + NotebookException.where(pointsFrom.get(id.get()))
                        + "; declare its points once");
            }
            points.put(id.get(), declared);
            pointsFrom.putIfAbsent(id.get(), graded.cell());
        }
        List<Exercise> exercises = new ArrayList<>();
        points.forEach((id, p) -> exercises.add(new Exercise(id, p)));
        return Collections.unmodifiableList(exercises);
    }

    public Notebook notebook() {
        return notebook;
    }

    /** The name errors use, usually the notebook's path. */
    public String name() {
        return name;
    }

    /** Every cell in notebook order. */
    public List<GradedCell> cells() {
        return cells;
    }

    public Optional<GradedCell> cell(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The cells that have {@code role}, in notebook order. */
    public List<GradedCell> cellsWith(CellRole role) {
        return cells.stream().filter(c -> c.hasRole(role)).toList();
    }

    public List<Exercise> exercises() {
        return exercises;
    }
}
