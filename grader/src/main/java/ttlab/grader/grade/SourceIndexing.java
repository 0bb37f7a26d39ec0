package ttlab.grader.grade;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.Method;

/**
 * Stops JShell's class-path indexing in shells the grader makes. As soon as a shell's source
 * analysis is first used, JShell starts indexing every class of the JDK and of the class path in
 * a background thread, for tab completion. Nobody completes code while grading, and the indexing
 * costs a fresh grading process about 0.4 s of CPU (a tenth of a typical submission's), taken
 * from the other submission graded beside it.
 *
 * <p>JShell has no public switch for it; its analysis object has public {@code suspendIndexing}
 * in a class of its own module, which the grading processes open to us
 * ({@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}, see {@link WorkerProcess}). Without
 * that, indexing simply goes on: it costs time, never a result.
 */
final class SourceIndexing {

    /** The option that lets {@link #suspend} reach JShell's analysis class. */
    static final String OPEN_JSHELL = "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED";

    private SourceIndexing() {
    }

    /** Suspends the shell's indexing; returns whether it could. */
    static boolean suspend(JShell shell) {
        return call(shell, "suspendIndexing");
    }

    /**
     * Lets the shell's indexing go on; returns whether it could. A process that makes one shell
     * after another (a grading host) must call it before it closes each: JShell indexes on one
     * thread for all its shells, and a suspended shell's indexing holds that thread, so every
     * later shell's would wait behind it, keeping each shell (its compiler, its open jars) in
     * memory for good. Resumed, the first shell's indexing runs once; the indexes are shared, so
     * the next shells' find them made.
     */
    static boolean resume(JShell shell) {
        return call(shell, "resumeIndexing");
    }

    private static boolean call(JShell shell, String method) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        try {
            Method m = analysis.getClass().getMethod(method);
            m.setAccessible(true);
            m.invoke(analysis);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
