package ttlab.grader.grade;

import ttlab.grader.assign.MasterNotebook;
import ttlab.grader.assign.NotebookFiles;
import ttlab.grader.notebook.GradedNotebook;
import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;
import ttlab.grader.notebook.NotebookWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves that each master's tests reject wrong solutions: grades the master with each of its
 * wrong answers swapped in ({@link WrongAnswerTrial}), with the grader and limits of
 * {@code ttlab grade}, and judges each result ({@link WrongAnswerVerdict}). Prints one line per
 * wrong answer and a summary; {@code assign --check} runs it after comparing {@code exercises/}.
 */
public final class WrongAnswerCheck {

    /** Every wrong answer proves its exercise's tests, or there are none. */
    public static final int PROVEN = 0;
    /** Some wrong answer was not rejected, lost points elsewhere, or did not compile. */
    public static final int NOT_PROVEN = 1;

    private WrongAnswerCheck() {
    }

    /**
     * Checks every master directly in {@code solutions} (already checked by {@code assign}),
     * grading {@code jobs} trials at a time. Verdicts and notes go to {@code out}, grading progress to
     * {@code err}.
     */
    public static int run(Path solutions, int jobs, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, NotebookException {
        long start = System.nanoTime();
        List<WrongAnswerTrial> trials = new ArrayList<>();
        int masters = 0;
        for (String name : NotebookFiles.list(solutions)) {
            Path file = solutions.resolve(name);
            Notebook notebook = NotebookReader.parse(Files.readAllBytes(file), file.toString());
            MasterNotebook master = MasterNotebook.of(notebook, file.toString());
            List<WrongAnswerTrial> own = WrongAnswerTrial.of(master);
            masters++;
            for (String exercise : withoutWrongAnswers(master.graded(), own)) {
                out.println(file + ": exercise " + exercise + " has no wrong answers: nothing proves that its tests"
                        + " reject a wrong solution");
            }
            trials.addAll(own);
        }
        if (trials.isEmpty()) {
            out.println("assign --check: no wrong answers in " + solutions + " (" + masters + " masters)");
            return PROVEN;
        }
        Path work = Files.createTempDirectory("ttlab-wrong-answers-");
        List<Submissions.Submission> submissions = new ArrayList<>();
        for (WrongAnswerTrial trial : trials) {
            Path file = work.resolve("submissions").resolve(trial.id()).resolve(fileName(trial.master()));
            Files.createDirectories(file.getParent());
            NotebookWriter.write(trial.submission(), file);
            submissions.add(new Submissions.Submission(trial.id(), file));
        }
        GradeOptions options = GradeOptions.parse(new String[] {work.resolve("submissions").toString(),
                "--out", work.resolve("results").toString(), "--solutions", solutions.toString(),
                "--jobs", String.valueOf(jobs)});
        err.println("assign --check: grading " + trials.size() + " wrong answers from " + masters + " masters, "
                + Math.min(jobs, trials.size()) + " at a time");
        List<SubmissionResult> results = new BatchGrader(options).grade(submissions, err);
        int failed = 0;
        for (int i = 0; i < trials.size(); i++) {
            WrongAnswerVerdict verdict = WrongAnswerVerdict.judge(trials.get(i), results.get(i));
            out.println(verdict.line());
            failed += verdict.proves() ? 0 : 1;
        }
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        if (failed == 0) {
            WorkerRuns.deleteTree(work);
            out.println("assign --check: each of " + trials.size() + " wrong answers in " + masters
                    + " masters lost points in its own exercise only (" + seconds + " s)");
            return PROVEN;
        }
        out.println("assign --check: " + failed + " of " + trials.size() + " wrong answers do not prove their"
                + " exercise's tests (" + seconds + " s); the graded notebooks and their results are in " + work);
        return NOT_PROVEN;
    }

    /** The master's exercises for which it has no wrong answer, in notebook order. */
    private static Set<String> withoutWrongAnswers(GradedNotebook master, List<WrongAnswerTrial> trials) {
        Set<String> missing = new LinkedHashSet<>();
        master.exercises().forEach(e -> missing.add(e.id()));
        trials.forEach(t -> missing.remove(t.exercise()));
        return missing;
    }

    private static String fileName(String path) {
        return Path.of(path).getFileName().toString();
    }
}
