package ttlab.grader.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell's source split into lines, with its marked regions found and checked: every BEGIN has
 * its END, regions do not nest, and a marker stands alone on its line. Errors name the notebook,
 * the cell and the line.
 */
public final class MarkedText {

    /** A marker line: the marker as a line comment, alone but for whitespace. */
    private static final Pattern MARKER_LINE =
            Pattern.compile("^([ \\t]*)//[ \\t]*(BEGIN|END)[ \\t]+(SOLUTION|HIDDEN[ \\t]+TESTS)\\s*$");
    /** Marker words anywhere: a line with these that is not a marker line is a mistake. */
    private static final Pattern MARKER_WORDS = Pattern.compile("\\b(BEGIN|END)[ \\t]+(SOLUTION|HIDDEN[ \\t]+TESTS)\\b");

    private final List<String> lines;
    private final List<MarkedRegion> regions;

    private MarkedText(List<String> lines, List<MarkedRegion> regions) {
        this.lines = lines;
        this.regions = regions;
    }

    /** Scans a cell; {@code notebook} names it in errors. */
    public static MarkedText scan(Cell cell, String notebook) throws NotebookException {
        List<String> lines = Arrays.asList(cell.source().split("\n", -1));
        List<MarkedRegion> regions = new ArrayList<>();
        MarkedRegion open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER_LINE.matcher(line);
            if (!m.matches()) {
                if (MARKER_WORDS.matcher(line).find()) {
                    throw error(cell, notebook, i, "a marker must stand alone on its line as a // comment, e.g. "
                            + Marker.SOLUTION.begin() + ", not: " + line.strip());
                }
                continue;
            }
            Marker kind = Marker.fromWord(m.group(3));
            boolean begin = m.group(2).equals("BEGIN");
            if (begin && open != null) {
                throw error(cell, notebook, i, kind.begin() + " inside the region that " + open.kind().begin()
                        + " opened at line " + open.beginLine() + "; markers do not nest");
            }
            if (begin) {
                open = new MarkedRegion(kind, i, -1, m.group(1));
            } else if (open == null) {
                throw error(cell, notebook, i, kind.end() + " without a " + kind.begin() + " before it");
            } else if (open.kind() != kind) {
                throw error(cell, notebook, i, kind.end() + " cannot close the " + open.kind().begin()
                        + " at line " + open.beginLine() + "; expected " + open.kind().end());
            } else {
                regions.add(new MarkedRegion(kind, open.beginIndex(), i, open.indent()));
                open = null;
            }
        }
        if (open != null) {
            throw error(cell, notebook, open.beginIndex(), open.kind().begin() + " has no " + open.kind().end());
        }
        return new MarkedText(Collections.unmodifiableList(lines), Collections.unmodifiableList(regions));
    }

    /** The source's lines, without their line breaks. */
    public List<String> lines() {
        return lines;
    }

    /** Every region, in order. */
    public List<MarkedRegion> regions() {
        return regions;
    }

    public List<MarkedRegion> regions(Marker kind) {
        return regions.stream().filter(r -> r.kind() == kind).toList();
    }

    /** The source with each region of {@code kind}, markers included, replaced by other lines. */
    public String replace(Marker kind, Function<MarkedRegion, List<String>> replacement) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (MarkedRegion region : regions(kind)) {
            out.addAll(lines.subList(next, region.beginIndex()));
            out.addAll(replacement.apply(region));
            next = region.endIndex() + 1;
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out);
    }

    /** An error at a line of a cell: "NB: cell 3 (id "x"), line 7: problem". */
    public static NotebookException error(Cell cell, String notebook, int lineIndex, String problem) {
        return new NotebookException(notebook, NotebookException.where(cell) + ", line " + (lineIndex + 1) + ": " + problem);
    }
}
