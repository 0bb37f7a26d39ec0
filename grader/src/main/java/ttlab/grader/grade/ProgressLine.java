package ttlab.grader.grade;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One line on stderr, rewritten in place with a carriage return: how many submissions are done
 * out of how many, and which are being graded now.
 */
final class ProgressLine {

    private static final int WIDTH = 100;

    private final PrintStream out;
    private final int total;
    private final Set<String> running = new LinkedHashSet<>();
    private int done;
    private int shown;

    ProgressLine(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    synchronized void started(String id) {
        running.add(id);
        draw();
    }

    synchronized void finished(String id) {
        running.remove(id);
        done++;
        draw();
    }

    /** Ends the line, so that what is printed next starts on a line of its own. */
    synchronized void close() {
        out.print("\n");
        out.flush();
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
