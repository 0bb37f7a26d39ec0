package ttlab.grader.grade;

import ttlab.grader.notebook.Cell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a cell is, for the messages that name it: its number in the notebook and the heading above
 * it. JupyterLab shows neither cell ids nor numbers, so {@code cell 'square-solution'} alone does
 * not tell a student where to look; {@code cell 'square-solution' (cell 7, under "2. Squares")} does.
 */
final class CellPlaces {

    /** Headings longer than this are cut, so that a message stays one readable line. */
    private static final int HEADING_CHARS = 60;

    private final Map<String, String> placeById = new HashMap<>();
    private final Map<Integer, String> placeByNumber = new HashMap<>();

    private CellPlaces() {
    }

    /** The places of a submission's cells (the first, where an id appears twice). */
    static CellPlaces of(List<Cell> cells) {
        return from(cells.stream().map(c -> new Placed(c.id(), c.number(), c.isCode(), c.source())).toList());
    }

    /** The places of a master's cells: where the student's copy had them. */
    static CellPlaces ofMaster(List<Master.MasterCell> cells) {
        return from(cells.stream().map(c -> new Placed(c.id(), c.number(), c.code(), c.source())).toList());
    }

    /** What a place needs of a cell, whether a submission's or a master's. */
    private record Placed(String id, int number, boolean code, String source) {
    }

    private static CellPlaces from(List<Placed> cells) {
        CellPlaces places = new CellPlaces();
        String heading = null;
        for (Placed cell : cells) {
            String place = place(cell.number(), heading);
            places.placeById.putIfAbsent(cell.id(), place);
            places.placeByNumber.put(cell.number(), place);
            if (!cell.code()) {
                heading = lastHeading(cell.source(), heading);
            }
        }
        return places;
    }

    /** Whether these places include a cell with this id. */
    boolean knows(String id) {
        return placeById.containsKey(id);
    }

    /** {@code cell 'id' (cell 7, under "2. Squares")}, or {@code cell 'id'} for a cell it does not know. */
    String label(String id) {
        return withPlace(id, placeById.get(id));
    }

    /** The label of this very cell, where a notebook holds its id twice. */
    String label(Cell cell) {
        return withPlace(cell.id(), placeByNumber.get(cell.number()));
    }

    private static String withPlace(String id, String place) {
        return ReplayPlan.label(id) + (place == null ? "" : " (" + place + ")");
    }

    /**
     * Whether a message is about the cell {@code id} and goes on with one of {@code continuations}
     * after its label, with or without a place: {@code cell 'id' (cell 7, under "…") did not compile}.
     */
    static boolean isAbout(String message, String id, String... continuations) {
        String alternatives = String.join("|", java.util.Arrays.stream(continuations).map(Pattern::quote).toList());
        return Pattern.compile(Pattern.quote(ReplayPlan.label(id)) + "( \\(cell \\d+(, under \".*?\")?\\))? (" + alternatives + ")")
                .matcher(message).lookingAt();
    }

    private static String place(int number, String heading) {
        return "cell " + number + (heading == null ? "" : ", under \"" + heading + "\"");
    }

    /** The last Markdown heading of a cell's source, without its #s, or {@code current} when it has none. */
    static String lastHeading(String markdown, String current) {
        String heading = current;
        for (String line : markdown.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                String text = trimmed.replaceFirst("^#+", "").strip();
                if (!text.isEmpty()) {
                    heading = text.length() > HEADING_CHARS ? text.substring(0, HEADING_CHARS - 1) + "…" : text;
                }
            }
        }
        return heading;
    }
}
