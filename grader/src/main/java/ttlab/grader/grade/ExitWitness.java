package ttlab.grader.grade;

import java.util.Map;

/**
 * Notices a submission calling {@code System.exit}. JDK 17 to 25 have no usable SecurityManager
 * to refuse the call, so the JVM will end; but it runs shutdown hooks first, and this hook writes
 * down who called it (from the calling thread's stack) for the parent, which reads the exit status
 * from the process. The worker itself ends with {@code Runtime.halt}, which skips hooks, so this
 * hook speaks only when someone else ended the JVM.
 */
final class ExitWitness {

    private ExitWitness() {
    }

    static void install(WorkerReport report, RunningCode running) {
        Thread hook = new Thread(() -> testify(report, running), "ttlab-exit-witness");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void testify(WorkerReport report, RunningCode running) {
        StackTraceElement[] caller = exitingStack();
        String call = calledSystemExit(caller) ? "System.exit" : "Runtime.exit";
        String where = running.where(caller);
        RunningCode.Culprit culprit = running.culprit(caller);
        // The exit status is not known here; the parent reads it from the process.
        WorkerEvent event = new WorkerEvent(WorkerEvent.EXIT, running.unit(), call, where, null, null, null, null,
                null, null, null);
        report.write(culprit == null ? event : event.withCulprit(culprit.className(), culprit.methodName()));
    }

    /** The stack of the thread blocked in Runtime.exit, or an empty one if it cannot be found. */
    private static StackTraceElement[] exitingStack() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return e.getValue();
                }
            }
        }
        return new StackTraceElement[0];
    }

    private static boolean calledSystemExit(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals("java.lang.System") && frame.getMethodName().equals("exit")) {
                return true;
            }
        }
        return false;
    }
}
