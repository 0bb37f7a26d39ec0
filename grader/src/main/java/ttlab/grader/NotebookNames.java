package ttlab.grader;

import java.util.regex.Pattern;

/**
 * Class names as a student wrote them. JShell compiles {@code class SquareTests} from a cell into
 * a nested class of a wrapper, {@code REPL.$JShell$12$SquareTests}; the wrapper is noise to them.
 */
final class NotebookNames {

    private static final Pattern JSHELL_WRAPPER = Pattern.compile("\\bREPL\\.\\$JShell\\$\\w+\\$");

    private NotebookNames() {
    }

    /** A class name, or a message that mentions classes, with the wrappers taken out. */
    static String readable(String text) {
        return JSHELL_WRAPPER.matcher(text).replaceAll("");
    }
}
