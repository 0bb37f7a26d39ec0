package ttlab.kernel.engine;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an exception thrown by snippet code into the lines a student reads: the exception and
 * message, then only the frames that matter (their own methods, named by cell and line, and the
 * library frames above them), never JShell's wrapper classes or the reflection that ran them.
 */
final class TracebackFormatter {

    private static final String DO_IT = "do_it$";

    private final SnippetOrigins origins;

    TracebackFormatter(SnippetOrigins origins) {
        this.origins = origins;
    }

    List<String> format(JShellException exception) {
        List<String> lines = new ArrayList<>();
        Throwable current = exception;
        String prefix = "";
        while (current != null) {
            lines.add(prefix + headline(current));
            for (StackTraceElement frame : current.getStackTrace()) {
                if (isEngineFrame(frame)) {
                    continue;
                }
                lines.add("    at " + describe(frame));
                if (isTopLevelStatement(frame)) {
                    break; // everything below is JShell running the snippet
                }
            }
            current = current.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    static String exceptionName(Throwable t) {
        if (t instanceof EvalException) {
            return ((EvalException) t).getExceptionClassName();
        }
        return t.getClass().getName();
    }

    private static String headline(Throwable t) {
        String message = t.getMessage();
        return exceptionName(t) + (message == null ? "" : ": " + message);
    }

    /**
     * JShell has already renamed snippet frames: the class is the user's own class name (empty
     * for top-level methods), the file is "#" + snippet id and the line is the snippet's line.
     */
    private String describe(StackTraceElement frame) {
        String where = origins.describe(frame.getFileName(), frame.getLineNumber());
        if (!isSnippetFrame(frame)) {
            return frame.toString();
        }
        String owner = frame.getClassName();
        String method = frame.getMethodName();
        String name = method.isEmpty() ? "" : (owner.isEmpty() ? method : owner + "." + method) + " ";
        return name + "(" + (where != null ? where : "notebook code") + ")";
    }

    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    /** The frame of the snippet's own top-level code (JShell's do_it$, renamed to ""). */
    private static boolean isTopLevelStatement(StackTraceElement frame) {
        return isSnippetFrame(frame) && (frame.getMethodName().isEmpty() || DO_IT.equals(frame.getMethodName()));
    }

    private static boolean isEngineFrame(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("ttlab.kernel.engine.")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.");
    }
}
