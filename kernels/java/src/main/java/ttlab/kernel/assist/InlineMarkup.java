package ttlab.kernel.assist;

import java.util.Locale;
import java.util.Map;

/**
 * Converts the running text of a javadoc comment, HTML mixed with inline tags such as
 * {@code {@code x}} and {@code {@link List#add}}, into one {@link JavadocText.Style}.
 *
 * <p>Everything is done in one left-to-right pass, because the inline tags' content must not be
 * read as HTML: in {@code {@code List<String>}} the {@code <String>} is code, not a tag.
 */
final class InlineMarkup {

    private static final Map<String, String> ENTITIES = Map.of(
            "&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ");

    private InlineMarkup() {
    }

    static String convert(String text, JavadocText.Style style) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("{@", i)) {
                int end = closingBrace(text, i);
                out.append(inlineTag(text.substring(i + 2, end), style));
                i = Math.min(end + 1, text.length());
            } else if (c == '<' && style != JavadocText.Style.HTML) {
                int end = text.indexOf('>', i);
                if (end < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(htmlTagAsText(text.substring(i + 1, end)));
                    i = end + 1;
                }
            } else if (c == '&' && style != JavadocText.Style.HTML) {
                String entity = entityAt(text, i);
                out.append(entity == null ? "&" : ENTITIES.get(entity));
                i += entity == null ? 1 : entity.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return style == JavadocText.Style.HTML ? withoutAnchors(out.toString())
                : tidyBlankLines(out.toString());
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** The index of the '}' closing the inline tag opened at {@code open}; braces may nest. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** {@code body} is the tag without its braces and '@': "code x", "link List#add adds". */
    private static String inlineTag(String body, JavadocText.Style style) {
        int nameEnd = 0;
        while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = body.substring(0, nameEnd);
        String content = body.substring(nameEnd).strip();
        switch (name) {
            case "code":
                return code(content, style);
            case "literal":
                return style == JavadocText.Style.HTML ? escapeHtml(content) : content;
            case "link":
            case "linkplain":
                return linkText(content, name.equals("link"), style);
            case "inheritDoc":
            case "docRoot":
                return "";
            default:
                return style == JavadocText.Style.HTML ? escapeHtml(content) : content;
        }
    }

    /** A link shows its label, or else its target with '#' read as '.' (List#add → List.add). */
    private static String linkText(String content, boolean asCode, JavadocText.Style style) {
        int targetEnd = 0;
        int parens = 0;
        while (targetEnd < content.length()
                && (parens > 0 || !Character.isWhitespace(content.charAt(targetEnd)))) {
            char c = content.charAt(targetEnd++);
            parens += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        String label = content.substring(targetEnd).strip();
        if (!label.isEmpty()) {
            return asCode ? code(label, style) : convert(label, style);
        }
        String target = content.substring(0, targetEnd);
        target = target.startsWith("#") ? target.substring(1) : target.replace('#', '.');
        return code(target, style);
    }

    private static String code(String content, JavadocText.Style style) {
        return switch (style) {
            case HTML -> "<code>" + escapeHtml(content) + "</code>";
            case MARKDOWN -> "`" + content + "`";
            default -> content;
        };
    }

    /** Paragraph and list markup becomes line breaks; every other tag just disappears. */
    private static String htmlTagAsText(String tag) {
        String name = tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s/].*$", "");
        if (tag.startsWith("/")) {
            name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
            return name.equals("p") || name.equals("pre") || name.equals("ul")
                    || name.equals("ol") ? "\n" : "";
        }
        return switch (name) {
            case "p", "pre", "ul", "ol", "blockquote", "table" -> "\n\n";
            case "br", "tr" -> "\n";
            case "li" -> "\n- ";
            default -> "";
        };
    }

    private static String entityAt(String text, int at) {
        for (String entity : ENTITIES.keySet()) {
            if (text.startsWith(entity, at)) {
                return entity;
            }
        }
        return null;
    }

    /** Trailing blanks go, runs of blank lines shrink to one, and a paragraph starts flush left. */
    private static String tidyBlankLines(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n")
                .replaceAll("\\n\\n[ \\t]+", "\n\n");
    }

    /**
     * Javadoc links point into the generated API pages ({@code href="#unmodifiable"}), which a
     * notebook does not have; their text stays, the link goes.
     */
    private static String withoutAnchors(String html) {
        return html.replaceAll("(?i)<a\\s[^>]*>", "").replaceAll("(?i)</a>", "");
    }
}
