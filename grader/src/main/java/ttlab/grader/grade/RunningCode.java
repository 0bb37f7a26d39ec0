package ttlab.grader.grade;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the worker is doing right now, kept where a shutdown hook or a watchdog thread can read it
 * without the cell thread's help (that thread is the one stuck in {@code System.exit}), and the
 * reading of stack traces that turns "the JVM is ending" into "square() in cell 'square-solution'
 * called System.exit while the test squaresNegatives ran".
 */
final class RunningCode {

    /** A JShell wrapper class: {@code REPL.$JShell$12} or {@code REPL.$JShell$9B$WarmupTests$Inner}. */
    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$(\\d+)[A-Z]*(?:\\$(.+))?$");

    /** A test method a stack frame was in. */
    record Culprit(String className, String methodName) {
    }

    private volatile String unit = "setup";
    private final Map<String, String> cellOfSnippet = new ConcurrentHashMap<>();
    private final Set<String> testMethods = ConcurrentHashMap.newKeySet();
    private final Set<String> testClasses = ConcurrentHashMap.newKeySet();

    String unit() {
        return unit;
    }

    void enter(String unit) {
        this.unit = unit;
    }

    /**
     * Remembers that JShell snippet {@code id} came from the cell labelled {@code label}. A
     * redefinition keeps its predecessor's id; the latest definition is the one that runs.
     */
    void snippetFrom(String id, String label) {
        cellOfSnippet.put(id, label);
    }

    /** The label of the cell that snippet {@code id} came from, or null. */
    String cellOf(String id) {
        return cellOfSnippet.get(id);
    }

    /** Declares test methods as {@code Class#method}. */
    void addTestMethods(Iterable<String> methods) {
        for (String m : methods) {
            testMethods.add(m);
            testClasses.add(m.substring(0, m.indexOf('#')));
        }
    }

    /**
     * The test that was running in {@code stack}: the outermost frame in one of the test methods,
     * which is the method JUnit called (frames inside it may be helpers or lambdas).
     */
    Culprit culprit(StackTraceElement[] stack) {
        Culprit found = null;
        for (StackTraceElement frame : stack) {
            String className = notebookName(frame.getClassName());
            if (className != null && testMethods.contains(className + "#" + frame.getMethodName())) {
                found = new Culprit(className, frame.getMethodName());
            }
        }
        return found;
    }

    /** "in square (cell 'square-solution')": the innermost frame of the student's own code, or "". */
    String where(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            Matcher m = WRAPPER.matcher(frame.getClassName());
            if (!m.matches()) {
                continue;
            }
            String declared = m.group(2);
            String outer = declared == null ? null : declared.split("\\$")[0];
            if (outer != null && testClasses.contains(outer)) {
                continue;
            }
            String method = frame.getMethodName();
            String name = declared == null ? method : declared.replace('$', '.') + "." + method;
            if (method.startsWith("lambda$")) {
                name = "a lambda" + (declared == null ? "" : " in " + declared.replace('$', '.'));
            }
            String cell = cellOfSnippet.get(m.group(1));
            return "in " + name + (cell == null ? "" : " (" + cell + ")");
        }
        return "";
    }

    /** A JShell class name as the student wrote it ({@code WarmupTests$Inner}), or null for other classes. */
    static String notebookName(String binaryName) {
        Matcher m = WRAPPER.matcher(binaryName);
        return m.matches() ? m.group(2) : null;
    }
}
