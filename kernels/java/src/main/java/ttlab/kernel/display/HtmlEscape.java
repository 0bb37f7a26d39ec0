package ttlab.kernel.display;

/**
 * Escapes text for HTML element content and quoted attribute values.
 * Every string that reaches rich output passes through here, so a value
 * such as {@code "<script>"} is shown as text and never runs in the notebook.
 */
final class HtmlEscape {
    private HtmlEscape() {
    }

    static String escape(String text) {
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
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
