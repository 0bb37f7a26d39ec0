package ttlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell cut into runs of Java code and line magics ({@code %name args} at the start of a
 * line), in order. Code runs keep their line numbers: they are padded with the newlines that
 * precede them, so errors still name the line the student sees.
 */
record MagicLine(String name, String args, int line) {

    /** A line magic: '%' then a letter at the start of a line ("% 3" is Java's modulo). */
    private static final Pattern MAGIC = Pattern.compile("^\\s*%([A-Za-z]\\w*)(.*)$");

    /** One piece of a cell: either code (magic == null) or a magic line. */
    record Part(String code, MagicLine magic) {
        boolean isMagic() {
            return magic != null;
        }
    }

    static List<Part> split(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        boolean codeHasText = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i]);
            if (m.matches()) {
                if (codeHasText) {
                    parts.add(new Part(code.toString(), null));
                }
                parts.add(new Part(null, new MagicLine(m.group(1), m.group(2).trim(), i + 1)));
                code = new StringBuilder("\n".repeat(i + 1));
                codeHasText = false;
            } else {
                code.append(lines[i]);
                if (i < lines.length - 1) {
                    code.append('\n');
                }
                codeHasText |= !lines[i].isBlank();
            }
        }
        if (codeHasText) {
            parts.add(new Part(code.toString(), null));
        }
        return parts;
    }

    /** A cell magic: the first line is {@code %%name args}; the body is everything after it. */
    record CellMagic(String name, String args, String body) {
        private static final Pattern HEADER = Pattern.compile("^\\s*%%([A-Za-z]\\w*)([^\\n]*)\\n?");

        static CellMagic parse(String cell) {
            Matcher m = HEADER.matcher(cell);
            if (!m.find()) {
                return null;
            }
            // Keep the header as a blank line so body lines keep their cell line numbers.
            return new CellMagic(m.group(1), m.group(2).trim(), "\n" + cell.substring(m.end()));
        }
    }
}
