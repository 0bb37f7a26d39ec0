package ttlab.grader.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.splitlines(keepends=True)}, which nbformat uses to store text as a list of
 * lines. It breaks at more than {@code \n}: also {@code \r}, {@code \r\n}, vertical tab, form
 * feed, the file/group/record separators, NEL and the Unicode line and paragraph separators.
 */
final class PythonLines {

    private PythonLines() {
    }

    static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i += 2;
                lines.add(text.substring(start, i));
                start = i;
            } else if (isLineBreak(c)) {
                i++;
                lines.add(text.substring(start, i));
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
