package ttlab.kernel.engine;

/**
 * What {@code System.exit(n)} in notebook code calls instead (see {@link ExitCalls}): it ends
 * the cell with a clear error, and the notebook's JVM, its variables and the kernel live on.
 */
public final class ExitGuard {

    private ExitGuard() {
    }

    public static void systemExit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    private static UnsupportedOperationException refused(String call) {
        return new UnsupportedOperationException(call + " was not run: notebook code runs inside the kernel's JVM,"
                + " and ending it would lose every variable. To stop, return from the method or throw an exception.");
    }
}
