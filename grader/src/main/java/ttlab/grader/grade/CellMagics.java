package ttlab.grader.grade;

import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a cell with the kernel's line and cell magics, as {@code ttlab.kernel.CellRunner} does
 * (that class is package-private in the kernel, hence this small copy of its rules): {@code %time}
 * and {@code %%time} run their code; {@code %classpath} and {@code %load} are not run while
 * grading, since the grader's class path is fixed and the student's files are not there, which a
 * note says. Code keeps its line numbers, so errors still name the line the student sees.
 */
final class CellMagics {

    /** A line magic: '%' then a letter at the start of a line ("% 3" is Java's modulo). */
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z]\\w*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z]\\w*)([^\\n]*)\\n?");

    /** What a cell did, with notes about magics that were not run. */
    record Outcome(CellResult result, List<String> notes) {
    }

    private CellMagics() {
    }

    static Outcome run(CellEngine engine, String cell, String label) {
        List<String> notes = new ArrayList<>();
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.find()) {
            if (!cellMagic.group(1).equals("time")) {
                notes.add("%%" + cellMagic.group(1) + " is not run while grading");
                return new Outcome(CellResult.success(false, null, List.of()), notes);
            }
            cell = "\n" + cell.substring(cellMagic.end()); // the header stays a blank line
        }
        CellResult last = CellResult.success(false, null, List.of());
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        boolean codeHasText = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher magic = LINE_MAGIC.matcher(lines[i]);
            if (!magic.matches()) {
                code.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                codeHasText |= !lines[i].isBlank();
                continue;
            }
            if (codeHasText) {
                last = engine.evaluate(code.toString(), label);
                if (!last.succeeded()) {
                    return new Outcome(last, notes);
                }
            }
            if (magic.group(1).equals("time")) {
                last = engine.evaluate("\n".repeat(i) + magic.group(2).trim(), label);
                if (!last.succeeded()) {
                    return new Outcome(last, notes);
                }
            } else {
                notes.add("line " + (i + 1) + ": %" + magic.group(1) + " is not run while grading");
            }
            code = new StringBuilder("\n".repeat(i + 1));
            codeHasText = false;
        }
        if (codeHasText) {
            last = engine.evaluate(code.toString(), label);
        }
        return new Outcome(last, notes);
    }
}
