package ttlab.grader.grade;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Ends the worker when the submission starts too many threads. Threads cannot be stopped from
 * outside on JDK 20+, and a thread bomb left alone exhausts the machine's process table, which
 * would hurt the grader and every other submission; so the watchdog notes which test was running
 * and halts the JVM, and the parent grades the rest in a fresh worker without that test.
 */
final class ThreadWatchdog {

    /** The worker's exit status when the watchdog halts it. */
    static final int EXIT_STATUS = 86;
    private static final long POLL_MILLIS = 10;

    private ThreadWatchdog() {
    }

    /** Watches from now on; {@code cellThread} is the engine's thread, where tests and cells run. */
    static void start(int maxThreads, WorkerReport report, RunningCode running, Thread cellThread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread watchdog = new Thread(() -> {
            while (true) {
                int live = threads.getThreadCount();
                if (live > maxThreads) {
                    StackTraceElement[] cell = cellThread.getStackTrace();
                    String where = running.where(cell);
                    WorkerEvent event = WorkerEvent.message(WorkerEvent.THREADS, running.unit(),
                            "the submission started more than " + maxThreads + " threads"
                                    + (where.isEmpty() ? "" : " " + where) + ", so its grading process was stopped");
                    RunningCode.Culprit culprit = running.culprit(cell);
                    report.write(culprit == null ? event : event.withCulprit(culprit.className(), culprit.methodName()));
                    Runtime.getRuntime().halt(EXIT_STATUS);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ttlab-thread-watchdog");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();
    }
}
