package ttlab.kernel.engine;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Runs snippets in this JVM (no second process), on the thread that evaluates the cell.
 *
 * <p>Three things differ from the JDK's own local engine: every loaded class is instrumented so
 * that {@link #stop()} ends busy loops on any JDK (17 through 25), the value of the last
 * snippet is kept as an object so the kernel can render it richly, and the wrapper class each
 * snippet ran in is remembered so that a redefined variable's old value can be released.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    private volatile Thread clientThread;
    private Object lastValue;
    private String lastInvokedClass;
    private boolean assertionsEnabled;
    /**
     * The loader of snippets and added jars: JShell's default loader delegate, made by the
     * constructor on this thread, makes it the thread's context loader.
     */
    private final ClassLoader snippetLoader = Thread.currentThread().getContextClassLoader();

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] instrumented = Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(),
                        SnippetInstrumenter.instrument(ClassChecks.apply(c.name(), c.bytecodes()))))
                .toArray(ClassBytecodes[]::new);
        super.load(instrumented);
        enableAssertions(instrumented);
    }

    /**
     * Students expect {@code assert} to work. The snippet class loader decides a class's
     * assertion status when the class is initialized, so turning it on right after the first
     * load covers every snippet, whatever flags the JVM was started with.
     */
    private void enableAssertions(ClassBytecodes[] loaded) {
        if (assertionsEnabled || loaded.length == 0) {
            return;
        }
        try {
            findClass(loaded[0].name()).getClassLoader().setDefaultAssertionStatus(true);
            assertionsEnabled = true;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JShell loaded a class it cannot find: " + loaded[0].name(), e);
        }
    }

    /** The loader of notebook classes and of the jars added to their class path. */
    ClassLoader snippetLoader() {
        return snippetLoader;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, InternalException, EngineTerminationException {
        lastInvokedClass = className;
        lastValue = null;
        return super.invoke(className, methodName);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        lastValue = value;
        return shortDescription(value);
    }

    /**
     * JShell wants a string for every value; the kernel renders the object itself. Calling a
     * student's toString() here would run it twice (and a huge array would be printed whole).
     */
    private static String shortDescription(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character) {
            return valueString(value);
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(value) + "]";
        }
        return value.getClass().getName();
    }

    @Override
    protected void clientCodeEnter() {
        clientThread = Thread.currentThread();
    }

    @Override
    protected void clientCodeLeave() {
        clientThread = null;
        // An interrupt aimed at student code must not leak into the compiler or the next cell.
        Thread.interrupted();
    }

    /**
     * Runs notebook code that is not a snippet (a value's toString(), a grader's tests) as
     * client code, so that {@link #stop} also wakes it from sleep() or wait().
     */
    <T> T runAsClient(java.util.concurrent.Callable<T> work) throws Exception {
        clientCodeEnter();
        try {
            return work.call();
        } finally {
            clientCodeLeave();
        }
    }

    /** Called by JShell.stop() and by the engine's watchdog: ends the running snippet. */
    @Override
    public void stop() {
        stop(ExecutionStopped.Reason.INTERRUPTED);
    }

    void stop(ExecutionStopped.Reason reason) {
        StopSignal.request(reason);
        Thread running = clientThread;
        if (running != null) {
            running.interrupt(); // wakes sleep(), wait(), join() and blocking queues
        }
    }

    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    String lastInvokedClass() {
        return lastInvokedClass;
    }

    /**
     * Drops the static state of a snippet wrapper class that JShell no longer uses, so that a
     * redefined {@code var big = new double[1 << 26]} does not keep the old array alive.
     */
    void releaseStaticState(String className) {
        try {
            Class<?> wrapper = findClass(className);
            for (Field field : wrapper.getDeclaredFields()) {
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) && !Modifier.isFinal(mods) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    field.set(null, null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // The class may never have been loaded (a snippet that failed); nothing to release.
        }
    }
}
