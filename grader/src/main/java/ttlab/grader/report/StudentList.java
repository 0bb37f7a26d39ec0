package ttlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The students of a class, for the gradebook of {@code ./ttlab report --roster}: one student per
 * line, or the submission service's roster ({@code user,role,token}, where only users whose role is
 * {@code student} count). Blank lines, lines starting with {@code #} and a header line are skipped.
 * A name is what the grader makes of the student's folder: letters, digits, '.', '_' and '-'.
 */
final class StudentList {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private StudentList() {
    }

    static List<String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException naming the line of the first bad name, or when no student is listed
     */
    static List<String> parse(List<String> lines) {
        Set<String> students = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty() || line.startsWith("#") || lower.startsWith("user,") || lower.equals("student")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String name = fields[0].strip();
            if (fields.length > 1 && !fields[1].strip().equalsIgnoreCase("student")) {
                continue; // an instructor of the service's roster
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": \"" + name
                        + "\" is not a student name (letters, digits, '.', '_' and '-', as the folders are named)");
            }
            students.add(name);
        }
        if (students.isEmpty()) {
            throw new IllegalArgumentException("it lists no student");
        }
        return new ArrayList<>(students);
    }
}
