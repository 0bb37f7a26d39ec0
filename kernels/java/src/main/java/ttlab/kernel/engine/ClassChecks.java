package ttlab.kernel.engine;


/**
 * A check that every class the cell engine loads passes before it is instrumented: the grader
 * installs one that refuses what graded code may not use; the kernel installs none. One per JVM,
 * as the engine is.
 */
public final class ClassChecks {

    private static volatile Check check = (name, bytes) -> bytes;

    /** Rewrites (or returns as it is) the class file {@code bytes} of the class {@code name}. */
    @FunctionalInterface
    public interface Check {
        byte[] apply(String name, byte[] bytes);
    }

    private ClassChecks() {
    }

    /** Installs the check; later loads go through it. */
    public static void install(Check check) {
        ClassChecks.check = check;
    }

    static byte[] apply(String name, byte[] bytes) {
        return check.apply(name, bytes);
    }
}
