package ttlab.grader.grade;

import ttlab.grader.assign.MasterNotebook;
import ttlab.grader.assign.StudentCopy;
import ttlab.grader.notebook.Cell;
import ttlab.grader.notebook.CellRole;
import ttlab.grader.notebook.GradedNotebook;
import ttlab.grader.notebook.MarkedRegion;
import ttlab.grader.notebook.MarkedText;
import ttlab.grader.notebook.Marker;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A master notebook as the grader needs it: every cell with its role and exercise, the version
 * students got of it (the stub of a solution, the public part of a tests cell), the exercises
 * with their points, and the tests its test cells declare. Read once per master and shared by
 * every submission graded against it (immutable).
 */
final class Master {

    /**
     * One cell of the master.
     *
     * @param studentSource the cell as students got it; null for a hidden-tests cell, left out
     * @param hiddenLines   1-based lines of the cell that students never saw (all, for hidden-tests)
     */
    record MasterCell(String id, int number, boolean code, Optional<CellRole> role, Optional<String> exercise,
                      String source, String studentSource, Set<Integer> hiddenLines) {

        boolean hasRole(CellRole wanted) {
            return role.isPresent() && role.get() == wanted;
        }

        boolean isTests() {
            return hasRole(CellRole.TESTS) || hasRole(CellRole.HIDDEN_TESTS);
        }
    }

    private final String name;
    private final List<MasterCell> cells;
    private final Map<String, MasterCell> byId;
    private final Map<String, Optional<BigDecimal>> exercisePoints;
    private final TestInventory inventory;
    private final ReservedNames reservedNames;
    private final List<String> forbidden;

    private Master(String name, List<MasterCell> cells, Map<String, Optional<BigDecimal>> exercisePoints,
                   List<String> forbidden) {
        this.forbidden = List.copyOf(forbidden);
        this.name = name;
        this.cells = Collections.unmodifiableList(cells);
        Map<String, MasterCell> index = new LinkedHashMap<>();
        cells.forEach(c -> index.put(c.id(), c));
        this.byId = Collections.unmodifiableMap(index);
        this.exercisePoints = Collections.unmodifiableMap(exercisePoints);
        this.inventory = TestInventory.of(this);
        this.reservedNames = ReservedNames.of(this);
    }

    /** Reads and checks a master as {@code assign} does; {@code name} (its path) prefixes errors. */
    static Master read(Path file, String name) throws IOException, NotebookException {
        Notebook notebook = NotebookReader.parse(Files.readAllBytes(file), name);
        MasterNotebook master = MasterNotebook.of(notebook, name);
        return new Master(name, cellsOf(master), exercisePoints(master), forbidden(notebook, name));
    }

    /** Every cell of a checked master, with the version students get of it. */
    static List<MasterCell> cellsOf(MasterNotebook master) {
        Map<String, Cell> studentCells = new LinkedHashMap<>();
        StudentCopy.of(master).cells().forEach(c -> studentCells.put(c.id(), c));
        List<MasterCell> cells = new ArrayList<>();
        for (GradedNotebook.GradedCell graded : master.graded().cells()) {
            Cell cell = graded.cell();
            Cell student = studentCells.get(cell.id());
            cells.add(new MasterCell(cell.id(), cell.number(), cell.isCode(), graded.metadata().role(),
                    graded.metadata().exercise(), cell.source(), student == null ? null : student.source(),
                    hiddenLines(master, graded)));
        }
        return cells;
    }

    /** Exercise ids in the order they first appear, with the points a cell declares for them. */
    static Map<String, Optional<BigDecimal>> exercisePoints(MasterNotebook master) {
        Map<String, Optional<BigDecimal>> points = new LinkedHashMap<>();
        master.graded().exercises().forEach(e -> points.put(e.id(), e.points()));
        return points;
    }

    /** Qualified names: a package, a class or a method, e.g. {@code ttlab.course.Vectors.dot}. */
    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    /**
     * The course library's calls that this set forbids in answers: {@code metadata.ttlab.forbid}
     * of the notebook, a list of qualified names of packages, classes or methods.
     */
    private static List<String> forbidden(Notebook notebook, String name) throws NotebookException {
        com.google.gson.JsonObject metadata = notebook.metadata();
        if (metadata == null || !metadata.has("ttlab")) {
            return List.of();
        }
        String usage = "metadata.ttlab.forbid of the notebook must be a list of qualified names of packages,"
                + " classes or methods, e.g. [\"ttlab.course.Vectors.dot\", \"ttlab.course.attention\"]";
        if (!metadata.get("ttlab").isJsonObject()) {
            throw new NotebookException(name, "metadata.ttlab of the notebook must be an object");
        }
        com.google.gson.JsonObject ttlab = metadata.getAsJsonObject("ttlab");
        for (String key : ttlab.keySet()) {
            if (!key.equals("forbid")) {
                throw new NotebookException(name, "unknown key \"" + key + "\" in metadata.ttlab of the notebook;"
                        + " known: forbid");
            }
        }
        if (!ttlab.get("forbid").isJsonArray()) {
            throw new NotebookException(name, usage);
        }
        List<String> names = new ArrayList<>();
        for (com.google.gson.JsonElement e : ttlab.getAsJsonArray("forbid")) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !QUALIFIED.matcher(e.getAsString()).matches()) {
                throw new NotebookException(name, usage + "; not " + e);
            }
            names.add(e.getAsString());
        }
        return names;
    }

    /** The course library's calls that answers may not use (metadata.ttlab.forbid). */
    List<String> forbidden() {
        return forbidden;
    }

    private static Set<Integer> hiddenLines(MasterNotebook master, GradedNotebook.GradedCell graded) {
        Set<Integer> lines = new HashSet<>();
        if (!graded.cell().isCode()) {
            return lines;
        }
        MarkedText text = master.text(graded.cell());
        if (graded.hasRole(CellRole.HIDDEN_TESTS)) {
            for (int i = 1; i <= text.lines().size(); i++) {
                lines.add(i);
            }
        }
        for (MarkedRegion region : text.regions(Marker.HIDDEN_TESTS)) {
            for (int line = region.beginLine(); line <= region.endLine(); line++) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The master's path, as messages and results.json name it. */
    String name() {
        return name;
    }

    List<MasterCell> cells() {
        return cells;
    }

    Optional<MasterCell> cell(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The master's tests and hidden-tests code cells, in notebook order. */
    List<MasterCell> testCells() {
        return cells.stream().filter(c -> c.code() && c.isTests()).toList();
    }

    /** Exercise ids in the order they first appear, with the points a cell declares for them. */
    Map<String, Optional<BigDecimal>> exercisePoints() {
        return exercisePoints;
    }

    /** The position of an exercise in the master, or the number of exercises for an unknown one. */
    int exerciseIndex(String exercise) {
        int i = 0;
        for (String id : exercisePoints.keySet()) {
            if (id.equals(exercise)) {
                return i;
            }
            i++;
        }
        return exercisePoints.size();
    }

    TestInventory inventory() {
        return inventory;
    }

    /** The names its tests need as it means them, and its locked cells to evaluate again before them. */
    ReservedNames reservedNames() {
        return reservedNames;
    }
}
