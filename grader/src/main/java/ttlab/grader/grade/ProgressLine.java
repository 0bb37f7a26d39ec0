package ttlab.grader.grade;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One line on stderr, rewritten in place with a carriage return: how many submissions are done
 * out of how many, and which are being graded now. When stderr is not a terminal (a log, CI),
 * rewriting makes no sense: a plain line is printed for each finished submission instead, which
 * says "not graded" for one that could not be.
 */
final class ProgressLine {

    private static final int WIDTH = 100;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final Set<String> running = new LinkedHashSet<>();
    private int done;
    private int shown;

    ProgressLine(PrintStream out, int total) {
        this(out, total, System.console() != null);
    }

    ProgressLine(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void started(String id) {
        running.add(id);
        if (terminal) {
            draw();
        }
    }

    /** One more done: graded, or not (no master, or the grader failed: its results.json says why). */
    synchronized void finished(String id, boolean graded) {
        running.remove(id);
        done++;
        if (terminal) {
            draw();
        } else {
            out.printf("%s [%d/%d] %s%n", graded ? "graded" : "not graded", done, total,
                    graded ? id : id + " (its results.json says why)");
            out.flush();
        }
    }

    /** Ends the line, so that what is printed next starts on a line of its own. */
    synchronized void close() {
        if (terminal) {
            out.print("\n");
            out.flush();
        }
    }

    private void draw() {
        String digits = String.valueOf(total);
        String line = String.format("grading [%" + digits.length() + "d/%d]%s%s", done, total,
                running.isEmpty() ? "" : " ", String.join(", ", running));
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 3) + "...";
        }
        String pad = " ".repeat(Math.max(0, shown - line.length()));
        out.print("\r" + line + pad);
        out.flush();
        shown = line.length();
    }
}
