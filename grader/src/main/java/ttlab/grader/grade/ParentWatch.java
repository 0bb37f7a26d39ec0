package ttlab.grader.grade;

import java.util.Optional;

/**
 * Ends a worker whose parent died: a grading process killed with {@code kill -9} cannot stop its
 * workers, and the grading they would finish is lost with the parent anyway (a submission
 * service hands it to another worker), so they must not keep the machine's cores busy.
 */
final class ParentWatch {

    /** The exit status of a worker that outlived its parent. */
    static final int EXIT_ORPHANED = 71;
    private static final long POLL_MILLIS = 500;

    private ParentWatch() {
    }

    /** Polls, on a daemon thread, whether this process still has the parent it started with. */
    static void start() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        long parentPid = parent.get().pid();
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                // An orphan is handed to another parent (init or a subreaper): the pid changes.
                boolean orphaned = ProcessHandle.current().parent().map(p -> p.pid() != parentPid || !p.isAlive())
                        .orElse(true);
                if (orphaned) {
                    Runtime.getRuntime().halt(EXIT_ORPHANED);
                }
            }
        }, "ttlab-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
