package ttlab.grader.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code ttlab grade SUBMISSION... --out DIR}: grades student notebooks against their masters,
 * each in a fresh JVM with limits, and writes {@code DIR/<id>/results.json} (Gradescope's format)
 * and {@code DIR/<id>/feedback.txt}. Prints one line per submission when done. See
 * {@link GradeOptions#USAGE} for the options and exit statuses.
 */
public final class GradeCommand {

    private GradeCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(GradeOptions.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        GradeOptions options;
        List<Submissions.Submission> submissions;
        try {
            options = GradeOptions.parse(args);
            submissions = Submissions.find(options.submissions());
            Files.createDirectories(options.out());
        } catch (IllegalArgumentException | IOException e) {
            err.println("ttlab grade: " + e.getMessage());
            err.println("run ttlab grade --help for the options");
            return 2;
        }
        if (submissions.isEmpty()) {
            err.println("ttlab grade: no notebooks (*.ipynb) found in " + options.submissions());
            return 2;
        }
        if (options.master() == null && !Files.isDirectory(options.solutions())) {
            err.println("ttlab grade: no folder of master notebooks at " + options.solutions().toAbsolutePath()
                    + ": give it with --solutions DIR, or one master with --master FILE");
            return 2;
        }
        if (!Sandbox.here().confined()) {
            err.println("ttlab grade: warning: grading without a sandbox: " + Sandbox.here().description()
                    + " (results.json says so in \"sandbox\")");
        }
        List<SubmissionResult> lines;
        try {
            lines = new BatchGrader(options).grade(submissions, err);
        } catch (IllegalStateException e) {
            err.println("ttlab grade: " + e.getMessage() + ": " + e.getCause());
            return 2;
        }
        boolean allGraded = true;
        int width = lines.stream().mapToInt(l -> l.id().length()).max().orElse(0);
        for (SubmissionResult line : lines) {
            String score = line.gradable()
                    ? ResultsWriter.number(line.score()) + " / " + ResultsWriter.number(line.maxScore())
                    : "not graded";
            out.println(String.format("%-" + width + "s  %s", line.id(), score));
            allGraded &= line.gradable();
        }
        out.println("results in " + options.out());
        return allGraded ? 0 : 1;
    }
}
