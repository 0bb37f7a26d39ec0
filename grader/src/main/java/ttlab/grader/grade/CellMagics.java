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
 * and {@code %%time} run their code; every other magic is refused, with a note that says why.
 * Graded code runs against the course's libraries alone: {@code %maven} would fetch jars (the
 * sandbox has no network, and a grade must not depend on what a repository serves that day),
 * {@code %jars} and {@code %classpath} would add the student's jars, and {@code %load} would run
 * the student's files, none of which the sandbox holds. Code after a refused magic still runs;
 * what needed the jar then fails to compile, and the note says which magic was not run.
 * Code keeps its line numbers, so errors still name the line the student sees.
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
                notes.add(refused("%%" + cellMagic.group(1)));
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
                notes.add("line " + (i + 1) + ": " + refused("%" + magic.group(1)));
            }
            code = new StringBuilder("\n".repeat(i + 1));
            codeHasText = false;
        }
        if (codeHasText) {
            last = engine.evaluate(code.toString(), label);
        }
        return new Outcome(last, notes);
    }

    /** Why a magic is not run: what it would have needed that graded code does not get. */
    static String refused(String magic) {
        String why = switch (magic) {
            case "%maven" -> "graded code has the course's libraries only, and nothing is downloaded while grading";
            case "%jars", "%classpath" -> "graded code has the course's libraries only, and your files are not there";
            case "%load" -> "your files are not there while grading; put the code in a cell";
            default -> "only %time and %%time run while grading";
        };
        return magic + " is not run while grading (" + why + ")";
    }
}
