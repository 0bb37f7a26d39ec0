package ttlab.grader.grade;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Grades one notebook at a time, for a program that receives submissions one by one (the
 * submission service), exactly as {@code ttlab grade} grades each notebook of a batch: the same
 * options and limits, a grading host per calling thread and a fresh agent JVM per submission
 * ({@link GradingHost}, {@link GradingAgent}), and the same files written to the
 * submission's folder: {@code results.json} (Gradescope's format), {@code feedback.txt} and
 * {@code worker.log}. Safe to use from several threads at once.
 */
public final class NotebookGrader {

    /** The result file's name in a submission's folder. */
    public static final String RESULTS = ResultsWriter.RESULTS;
    /** The plain-text summary's name in a submission's folder. */
    public static final String FEEDBACK = ResultsWriter.FEEDBACK;
    /** The name of the file with what the grading processes printed. */
    public static final String WORKER_LOG = ResultsWriter.WORKER_LOG;

    /**
     * What grading one notebook gave.
     *
     * @param score    points earned
     * @param maxScore points possible
     * @param gradable false when the notebook could not be graded at all (e.g. no master)
     */
    public record Outcome(double score, double maxScore, boolean gradable) {
    }

    private final GradeOptions options;
    private final MasterCatalog masters = new MasterCatalog();
    private final SubmissionGrader grader;

    private NotebookGrader(GradeOptions options) {
        this.options = options;
        this.grader = new SubmissionGrader(options, masters);
    }

    /**
     * A grader with {@code ttlab grade}'s options ({@code --solutions}, {@code --master},
     * {@code --heap}, {@code --jit}, the time and output limits), without submissions or
     * {@code --out}.
     *
     * @throws IllegalArgumentException with a message for the user when an option is wrong
     */
    public static NotebookGrader withOptions(List<String> gradeOptions) {
        return new NotebookGrader(GradeOptions.parseSettings(gradeOptions.toArray(String[]::new)));
    }

    /**
     * Submissions graded at the same time unless told otherwise: half the processors, at least
     * one. A submission keeps two JVMs busy by turns (its host compiles while its agent waits,
     * then the other way round) and starts the next one's agent meanwhile; on 2 cores, grading
     * one at a time gave the same throughput as two (42.8 against 38.3 a minute for the warm-up
     * set) at half the time per submission (1.3 s against 2.8 s).
     */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Ends the grading hosts of threads that have ended. Call it once the threads that graded are
     * done: each thread that grades keeps a host for its next submission.
     */
    public static void endHostsOfEndedThreads() {
        HostProcess.killOrphans();
    }

    /** The master a notebook with this file name (e.g. {@code 00-warmup.ipynb}) is graded against. */
    public Path masterFor(String notebookFileName) {
        return grader.masterOf(new Submissions.Submission("", Path.of(notebookFileName)));
    }

    /**
     * Why a master cannot grade anything (missing, malformed), as every submission graded against
     * it would be told; empty when it can.
     */
    public java.util.Optional<String> masterProblem(Path master) {
        return java.util.Optional.ofNullable(masters.load(master).problem());
    }

    /** The folder masters are found in by file name. */
    public Path solutions() {
        return options.solutions();
    }

    /**
     * Grades {@code notebook} against the master of the same file name and writes the results
     * into {@code folder}. Whatever is wrong with the notebook, and a failure of the grader on
     * it, becomes part of the results; only an I/O error writing them, or an interrupt, throws.
     *
     * @param id the submission's id, written into results.json as {@code extra_data.submission}
     */
    public Outcome grade(String id, Path notebook, Path folder) throws InterruptedException, IOException {
        return grade(id, notebook, folder, Presentation.DEFAULT);
    }

    /** As {@link #grade(String, Path, Path)}, with results.json written as {@code presentation} says. */
    public Outcome grade(String id, Path notebook, Path folder, Presentation presentation)
            throws InterruptedException, IOException {
        SubmissionResult result = grader.gradeOrExplain(new Submissions.Submission(id, notebook));
        ResultsWriter.write(result, folder, presentation);
        return new Outcome(result.score(), result.maxScore(), result.gradable());
    }

    /**
     * Writes the results of a submission that cannot be graded at all (it holds no notebook, or
     * none that names a master), saying why, in the same files {@link #grade} writes.
     *
     * @param handedIn what was handed in, in words (file names), for results.json's {@code notebook}
     * @param problem  the reason, for the student
     */
    public void explain(String id, String handedIn, String problem, Path folder) throws IOException {
        ResultsWriter.write(new SubmissionResult(id, handedIn, "", List.of(), List.of(problem), List.of(),
                Sandbox.here().networkIsolated(), Sandbox.here().description(), false, Duration.ZERO, ""), folder);
    }
}
