package ttlab.grader;

import java.lang.reflect.Field;

/**
 * WORKAROUND for two things the kernel's cell engine does not offer publicly yet; replace this
 * class by the engine's own methods once they exist.
 *
 * <ol>
 *   <li>Lowering the stop flag ({@code ttlab.kernel.engine.StopSignal}) so that the tests after
 *   a timed-out one can run within the same stoppable run. The flag stays raised until the
 *   engine clears it at the start of its next cell or {@code runStoppable}, and only the engine
 *   package may clear it; here that is done through its private static field, which works
 *   while the kernel is on the class path (not a named module).</li>
 *   <li>Knowing whether the current thread is the engine's cell thread. {@code runStoppable}
 *   called from a cell (a notebook's {@code check(...)}) would wait forever for the thread it is
 *   running on; such code is already stoppable and must run in place. The engine names its
 *   thread, and there is one engine per JVM.</li>
 * </ol>
 */
final class EngineHooks {

    private static final String SIGNAL_CLASS = "ttlab.kernel.engine.StopSignal";
    private static final String REASON_FIELD = "reason";
    private static final String CELL_THREAD_NAME = "ttlab-cell";

    private final Field reason;

    private EngineHooks(Field reason) {
        this.reason = reason;
    }

    /** Fails now, rather than after the first timeout, when the kernel has changed underneath. */
    static EngineHooks locate() {
        try {
            Field field = Class.forName(SIGNAL_CLASS).getDeclaredField(REASON_FIELD);
            field.setAccessible(true);
            return new EngineHooks(field);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the grader cannot reset " + SIGNAL_CLASS + "." + REASON_FIELD
                    + "; the kernel's engine has changed and the grader must follow", e);
        }
    }

    void clearStop() {
        try {
            reason.set(null, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reset " + SIGNAL_CLASS, e);
        }
    }

    boolean onCellThread() {
        return Thread.currentThread().getName().equals(CELL_THREAD_NAME);
    }
}
