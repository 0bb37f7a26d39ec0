package ttlab.grader.grade;

import java.util.List;

/**
 * Says in one sentence why a worker ended before finishing, from how the process ended and the
 * last words in its report: a limit the parent enforced, the submission's {@code System.exit},
 * a thread bomb, the grader's own failure, or an end without explanation (Runtime.halt, a crash,
 * the kernel's out-of-memory killer).
 */
final class DeathReason {

    private DeathReason() {
    }

    static String of(WorkerProcess.Ended ended, List<WorkerEvent> events, GradeOptions options) {
        switch (ended.limit()) {
            case WALL:
                return "the submission's grading ran over its time limit of " + Sizes.seconds(options.wallLimit().toMillis())
                        + " and was stopped";
            case CPU:
                return "the submission's grading used more than " + Sizes.seconds(options.cpuLimit().toMillis())
                        + " of CPU time and was stopped";
            case STUCK:
                return "it did not stop at the limit of " + Sizes.seconds(options.cellLimit().toMillis())
                        + " for one cell (it was blocked where the grader cannot stop it), so its grading process"
                        + " was stopped";
            default:
                break;
        }
        WorkerEvent last = null;
        for (WorkerEvent e : events) {
            if (e.is(WorkerEvent.EXIT) || e.is(WorkerEvent.THREADS) || e.is(WorkerEvent.WORKER_ERROR)) {
                last = e;
            }
        }
        int status = ended.exitStatus();
        if (last != null && last.is(WorkerEvent.EXIT)) {
            String where = last.message() == null || last.message().isEmpty() ? "" : " " + last.message();
            return "the submission called " + last.status() + "(" + status + ")" + where
                    + ", which ended its grading process";
        }
        if (last != null) {
            return last.message();
        }
        if (status == SubmissionWorker.EXIT_WORKER_ERROR) {
            return "the grader's worker process failed (exit status " + status + "; its output is in "
                    + ResultsWriter.WORKER_LOG + ")";
        }
        if (ended.logHead().contains("A fatal error has been detected")) {
            return "the grading process crashed (a fatal error in the JVM, exit status " + status + ")";
        }
        if (status == 137) {
            return "the grading process was killed (exit status 137), perhaps for using too much memory outside"
                    + " the Java heap";
        }
        return "the grading process ended without finishing (exit status " + status + "): the submission may have"
                + " called Runtime.halt, or the JVM crashed";
    }
}
