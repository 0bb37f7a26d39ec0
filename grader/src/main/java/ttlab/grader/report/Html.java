package ttlab.grader.report;

/**
 * Text made safe to put in HTML. Everything on a feedback page comes from a student's notebook in
 * the end (names, messages quoting their values), so every piece of it goes through here.
 */
final class Html {

    private Html() {
    }

    /**
     * Escapes the five characters that HTML gives a meaning, for text and for quoted attribute
     * values alike. Control characters other than tab, newline and carriage return, which HTML
     * does not allow and a test's output may well contain (terminal colour codes), become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
