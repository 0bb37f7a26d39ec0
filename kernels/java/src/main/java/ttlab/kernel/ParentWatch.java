package ttlab.kernel;

import java.util.Optional;

/**
 * Ends this process when the process that started it dies. A Jupyter server that is stopped
 * without a terminal (JupyterHub's spawner sends SIGINT), or killed, does not always shut its
 * kernels down, and a grading process killed with {@code kill -9} cannot stop its workers; what
 * they would still compute is lost with the parent anyway, so they must not keep running.
 */
public final class ParentWatch {

    private static final long POLL_MILLIS = 500;

    private ParentWatch() {
    }

    /**
     * Polls, on a daemon thread, whether this process still has the parent it started with, and
     * halts with {@code exitStatus} once it does not.
     */
    public static void start(int exitStatus) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty() || parent.get().pid() == 1) {
            return; // started by init, or in a container as its first process: nothing to watch
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
                    Runtime.getRuntime().halt(exitStatus);
                }
            }
        }, "ttlab-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
