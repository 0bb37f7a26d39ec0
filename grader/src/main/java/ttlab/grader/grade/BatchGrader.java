package ttlab.grader.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades submissions in parallel ({@code --jobs}), each written to its own folder as soon as it is
 * done. A submission is independent of the others and of the order they finish in, so the results
 * are the same with one job or sixteen. Whatever happens while grading one, it gets a results.json.
 */
final class BatchGrader {

    private final GradeOptions options;
    private final SubmissionGrader grader;

    BatchGrader(GradeOptions options) {
        this.options = options;
        this.grader = new SubmissionGrader(options, new MasterCatalog());
    }

    /** Every submission's result, in the order given. */
    List<SubmissionResult> grade(List<Submissions.Submission> submissions, PrintStream progressOut) throws InterruptedException {
        ProgressLine progress = new ProgressLine(progressOut, submissions.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, submissions.size())), r -> {
            Thread t = new Thread(r, "ttlab-grade");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (Submissions.Submission s : submissions) {
                futures.add(pool.submit(() -> {
                    progress.started(s.id());
                    SubmissionResult result = null;
                    try {
                        result = gradeOne(s);
                        return result;
                    } finally {
                        progress.finished(s.id(), result != null && result.gradable());
                    }
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("grading failed unexpectedly", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            HostProcess.killOrphans(); // the pool's grading hosts
            progress.close();
        }
    }

    private SubmissionResult gradeOne(Submissions.Submission s) throws InterruptedException, IOException {
        SubmissionResult result = grader.gradeOrExplain(s);
        ResultsWriter.write(result, folderOf(s));
        return result;
    }

    Path folderOf(Submissions.Submission s) {
        return options.out().resolve(s.id());
    }
}
