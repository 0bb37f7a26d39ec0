package ttlab.kernel.engine;

import jdk.jshell.spi.ExecutionControlProvider;

import java.util.concurrent.Callable;

/**
 * The side of a {@link CellEngine} that runs what JShell compiled: in this JVM
 * ({@link LocalSnippetExecution}, the kernel's and today's grader's), or in another process that
 * serves JShell's execution protocol ({@link ForwardedSnippetExecution}), so that a long-lived
 * process can keep javac warm while the code runs elsewhere.
 *
 * <p>JShell creates the execution control itself, on the engine's thread, through
 * {@link #provider()}; the other methods are what the engine needs beyond JShell's own calls.
 */
interface SnippetExecution {

    /** What JShell builds its execution control with; called once, when the engine starts. */
    ExecutionControlProvider provider();

    /**
     * The value of the last snippet as an object, or null when it lives in another process
     * (where only JShell's short description of it crossed over).
     */
    Object takeLastValue();

    /** The wrapper class of the snippet that ran last (a variable's holder). */
    String lastInvokedClass();

    /** Releases the static fields of a wrapper class JShell no longer uses. */
    void releaseStaticState(String className);

    /** Stops the running code; a side that cannot be stopped from here says so by throwing. */
    void stop(ExecutionStopped.Reason reason);

    /** Why the running or last code was stopped; null while nothing stopped it. */
    ExecutionStopped.Reason stopRequested();

    /**
     * Why the side that runs snippets can no longer serve (it ended, or answered out of
     * protocol); null while it serves. JShell itself only logs this and closes down.
     */
    String endedBecause();

    /** Lowers the stop for the next piece of work. */
    void clearStop();

    /**
     * Sends an owner's command to the agent that runs the snippets ({@link SnippetAgent#command})
     * and returns its answer; a side without an agent throws {@link UnsupportedOperationException}.
     */
    String askAgent(String command, String argument);

    /** Runs notebook code that is not a snippet as client code (in this JVM only). */
    <T> T runAsClient(Callable<T> work) throws Exception;

    /** The class loader of notebook code (in this JVM only). */
    ClassLoader snippetLoader();
}
