package ttlab.kernel.display;

/**
 * Escapes text for HTML element content and quoted attribute values. Every string that reaches
 * rich output (a notebook value, a check table, a feedback page) passes through here, so a value
 * such as {@code "<script>"} is shown as text and never runs.
 */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /**
     * Escapes the five characters HTML gives a meaning. Control characters other than tab,
     * newline and carriage return, which HTML does not allow and program output may well contain
     * (terminal colour codes), become U+FFFD. Null gives the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
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
