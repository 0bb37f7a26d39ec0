package ttlab.grader.report;

import ttlab.grader.report.ResultsFolder.Contents;
import ttlab.grader.report.ResultsFolder.Submission;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report DIR [--show-hidden] [--roster FILE]}: from the grader's
 * {@code DIR/<submission id>/results.json}, writes each submission's {@code feedback.html} next to
 * its results, then {@code DIR/gradebook.csv} (with a {@code missing} row for each student of the
 * roster and assignment without a submission) and {@code DIR/scores-<assignment>.png} per assignment.
 *
 * <p>Exit status: 0 done; 2 bad usage, no results in DIR, an unreadable results file (each is
 * listed and nothing is written, since a gradebook without some students looks complete and is
 * not) or an I/O error.
 */
public final class ReportCommand {

    static final int OK = 0;
    static final int ERROR = 2;

    private static final String USAGE = "usage: report DIR [--show-hidden] [--roster FILE]\n"
            + "  writes DIR/<id>/feedback.html for each DIR/<id>/results.json, DIR/" + Gradebook.FILE_NAME
            + " and DIR/" + ScorePlot.fileName("<assignment>") + " for each assignment;\n"
            + "  --show-hidden puts the names and output of hidden tests on the pages (the instructor's view);\n"
            + "  --roster FILE lists every student of FILE in the gradebook, missing hand-ins as such\n"
            + "  (one student per line, or the service's user,role,token lines)";

    private ReportCommand() {
    }

    public static void main(String[] args) {
        // The plot is drawn off screen; this keeps AWT from looking for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; a relative DIR is relative to the working directory. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path rosterFile = null;
        boolean showHidden = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return OK;
                }
                case "--show-hidden" -> showHidden = true;
                case "--roster" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "--roster needs a file");
                    }
                    rosterFile = Path.of(args[++i]);
                }
                default -> {
                    if (arg.startsWith("-") || dir != null) {
                        return usage(err, "unknown argument: " + arg);
                    }
                    dir = Path.of(arg);
                }
            }
        }
        if (dir == null) {
            return usage(err, "no results folder given");
        }
        if (!Files.isDirectory(dir)) {
            err.println("report: no folder " + dir);
            return ERROR;
        }
        List<String> roster = null;
        if (rosterFile != null) {
            try {
                roster = StudentList.read(rosterFile);
            } catch (IOException | IllegalArgumentException e) {
                err.println("report: cannot read the roster " + rosterFile + ": " + e.getMessage());
                return ERROR;
            }
        }
        try {
            return report(dir, showHidden, roster, out, err);
        } catch (IOException e) {
            err.println("report: " + e);
            return ERROR;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("report: " + problem);
        err.println(USAGE);
        return ERROR;
    }

    private static int report(Path dir, boolean showHidden, List<String> roster, PrintStream out, PrintStream err)
            throws IOException {
        Contents contents = ResultsFolder.read(dir);
        if (contents.isEmpty()) {
            err.println("report: no results in " + dir + ": expected " + dir.resolve("<submission id>")
                    .resolve(GradingResult.FILE_NAME) + " from the grader");
            return ERROR;
        }
        if (!contents.errors().isEmpty()) {
            contents.errors().forEach(e -> err.println(e.getMessage()));
            int n = contents.errors().size();
            err.println("report: " + n + " unreadable results file" + (n == 1 ? "" : "s") + "; nothing written");
            return ERROR;
        }
        FeedbackPage page = new FeedbackPage(showHidden);
        for (Submission submission : contents.submissions()) {
            out.println("wrote " + page.write(submission.result(), submission.folder()));
        }
        List<GradingResult> results = contents.results();
        Gradebook gradebook = Gradebook.of(results);
        if (roster != null) {
            gradebook = gradebook.withEveryStudentOf(roster);
        }
        out.println("wrote " + gradebook.write(dir));
        List<String> plotted = new java.util.ArrayList<>();
        for (String assignment : gradebook.assignments()) {
            ScorePlot plot = ScorePlot.of(assignment, results);
            out.println("wrote " + plot.write(dir));
            plotted.add(plot.title().replaceFirst("^Scores of ", ""));
        }
        long missing = gradebook.table().stringColumn(Gradebook.STATUS).countOccurrences(Gradebook.MISSING);
        out.println("report: " + contents.submissions().size() + " submission"
                + (contents.submissions().size() == 1 ? "" : "s") + " in " + dir + (showHidden ? " (hidden tests shown)" : "")
                + (roster != null ? "; " + missing + " missing of a roster of " + roster.size() : "")
                + "; plotted " + String.join("; ", plotted));
        return OK;
    }
}
