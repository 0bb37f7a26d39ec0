package ttlab.kernel.engine;

/**
 * The flag that stops running notebook code.
 *
 * <p>Every class a cell defines is instrumented (see {@link LoopChecks}) to call
 * {@link #check()} on each loop back-edge and method entry. Once a stop is requested, every
 * check throws, so even a {@code while (true) {}} or a loop that catches the error ends quickly.
 * The flag stays raised until the engine clears it at the start of the next cell: this is
 * deliberate, it is what makes a stop survive {@code catch (Throwable t)} inside a loop.
 *
 * <p>This replaces {@code Thread.stop}, which no longer works from JDK 20 on.
 */
public final class StopSignal {

    /** Why execution was stopped; {@code null} while code may run. */
    private static volatile ExecutionStopped.Reason reason;

    private StopSignal() {
    }

    /** Called by instrumented code: throws when a stop was requested. Must stay cheap. */
    public static void check() {
        ExecutionStopped.Reason r = reason;
        if (r != null) {
            throw new ExecutionStopped(r);
        }
    }

    static void request(ExecutionStopped.Reason why) {
        if (reason == null) {
            reason = why;
        }
    }

    static ExecutionStopped.Reason requested() {
        return reason;
    }

    static void clear() {
        reason = null;
    }
}
