package ttlab.kernel.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw javadoc comment, as JShell hands it out (HTML with {@code {@code ...}} inline tags and
 * {@code @param} block tags), turned into plain text, HTML or Markdown for an inspection reply.
 */
final class JavadocText {

    enum Style { PLAIN, HTML, MARKDOWN }

    /** One block tag: {@code @param a the value} has name "param" and text "a the value". */
    record BlockTag(String name, String text) {
    }

    private static final Map<String, String> TAG_LABELS = Map.of(
            "param", "Parameters", "return", "Returns", "throws", "Throws",
            "exception", "Throws", "see", "See also", "since", "Since",
            "deprecated", "Deprecated");

    private final String description;
    private final List<BlockTag> tags;

    private JavadocText(String description, List<BlockTag> tags) {
        this.description = description;
        this.tags = List.copyOf(tags);
    }

    /** Splits a raw comment into its main description and its block tags. */
    static JavadocText parse(String raw) {
        StringBuilder description = new StringBuilder();
        List<BlockTag> tags = new ArrayList<>();
        StringBuilder current = description;
        String tagName = null;
        for (String line : (raw == null ? "" : raw).split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.length() > 1 && trimmed.charAt(0) == '@'
                    && Character.isLetter(trimmed.charAt(1))) {
                if (tagName != null) {
                    tags.add(new BlockTag(tagName, current.toString().strip()));
                }
                int nameEnd = endOfWord(trimmed, 1);
                tagName = trimmed.substring(1, nameEnd);
                current = new StringBuilder(trimmed.substring(nameEnd).strip());
            } else {
                // Comment lines keep the blank that followed the '*'; drop it, keep the rest.
                current.append(current.length() == 0 ? "" : "\n")
                        .append(line.startsWith(" ") ? line.substring(1) : line);
            }
        }
        if (tagName != null) {
            tags.add(new BlockTag(tagName, current.toString().strip()));
        }
        return new JavadocText(description.toString().strip(), tags);
    }

    boolean isEmpty() {
        return description.isEmpty() && tags.isEmpty();
    }

    List<BlockTag> tags() {
        return tags;
    }

    /** The main description, and with {@code withTags} the block tags grouped under labels. */
    String render(Style style, boolean withTags) {
        StringBuilder out = new StringBuilder(InlineMarkup.convert(description, style));
        if (withTags && !tags.isEmpty()) {
            out.append(style == Style.HTML ? "\n<dl>" : "\n");
            groupedTags().forEach((label, entries) -> appendGroup(out, style, label, entries));
            out.append(style == Style.HTML ? "\n</dl>" : "");
        }
        return out.toString().strip();
    }

    private Map<String, List<BlockTag>> groupedTags() {
        Map<String, List<BlockTag>> groups = new LinkedHashMap<>();
        for (BlockTag tag : tags) {
            String label = TAG_LABELS.getOrDefault(tag.name(), capitalized(tag.name()));
            groups.computeIfAbsent(label, key -> new ArrayList<>()).add(tag);
        }
        return groups;
    }

    private static void appendGroup(StringBuilder out, Style style, String label, List<BlockTag> entries) {
        switch (style) {
            case HTML -> out.append("\n<dt>").append(label).append(":</dt>");
            case MARKDOWN -> out.append("\n**").append(label).append(":**\n");
            default -> out.append('\n').append(label).append(":\n");
        }
        for (BlockTag tag : entries) {
            String entry = entryText(tag, style);
            switch (style) {
                case HTML -> out.append("\n<dd>").append(entry).append("</dd>");
                case MARKDOWN -> out.append("- ").append(entry).append('\n');
                default -> out.append("  ").append(entry).append('\n');
            }
        }
    }

    /**
     * "a - the value" for tags naming a subject (a parameter, an exception), the text otherwise.
     * A tag's text is a line or two of prose, so its line breaks and the deep indents of its
     * continuation lines are read as plain spaces.
     */
    private static String entryText(BlockTag tag, Style style) {
        String text = tag.text().replaceAll("\\s*\\n\\s*", " ");
        if (tag.name().equals("see") && !text.startsWith("<") && !text.startsWith("\"")) {
            return InlineMarkup.convert("{@link " + text + "}", style); // "@see Object#toString()"
        }
        boolean named = tag.name().equals("param") || tag.name().equals("throws")
                || tag.name().equals("exception");
        if (!named) {
            return InlineMarkup.convert(text, style);
        }
        int subjectEnd = endOfWord(text, 0);
        String subject = text.substring(0, subjectEnd);
        String rest = InlineMarkup.convert(text.substring(subjectEnd).strip(), style);
        String shown = switch (style) {
            case HTML -> "<code>" + InlineMarkup.escapeHtml(subject) + "</code>";
            case MARKDOWN -> "`" + subject + "`";
            default -> subject;
        };
        return rest.isEmpty() ? shown : shown + " - " + rest;
    }

    private static int endOfWord(String text, int from) {
        int at = from;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
