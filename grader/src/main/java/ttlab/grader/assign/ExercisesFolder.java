package ttlab.grader.assign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * The student notebooks on disk, compared with or brought in line with what {@link Assigner}
 * computed. Only {@code *.ipynb} files are touched; anything else in the folder is left alone.
 */
public final class ExercisesFolder {

    /** How a file on disk differs from what assign would write. */
    public record Drift(Path file, Kind kind, String detail) {

        public enum Kind { MISSING, DIFFERS, EXTRA }

        @Override
        public String toString() {
            return file + " " + detail;
        }
    }

    /** What {@link #sync} did to a file. */
    public record Change(Path file, Kind kind) {

        public enum Kind { WRITTEN, UNCHANGED, DELETED }
    }

    private final Path folder;

    public ExercisesFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Every difference from {@code expected}, by file name; writes nothing. */
    public List<Drift> compare(SortedMap<String, byte[]> expected) throws IOException {
        List<Drift> drifts = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                drifts.add(new Drift(file, Drift.Kind.MISSING, "is missing"));
                continue;
            }
            byte[] actual = Files.readAllBytes(file);
            if (!Arrays.equals(actual, entry.getValue())) {
                drifts.add(new Drift(file, Drift.Kind.DIFFERS, "differs from what assign writes (first difference at line "
                        + firstDifferentLine(actual, entry.getValue()) + ")"));
            }
        }
        for (String name : extras(expected)) {
            drifts.add(new Drift(folder.resolve(name), Drift.Kind.EXTRA, "has no master notebook"));
        }
        drifts.sort((a, b) -> a.file().getFileName().toString().compareTo(b.file().getFileName().toString()));
        return drifts;
    }

    /** Writes what differs, deletes notebooks without a master; leaves identical files untouched. */
    public List<Change> sync(SortedMap<String, byte[]> expected) throws IOException {
        List<Change> changes = new ArrayList<>();
        Files.createDirectories(folder);
        List<String> extras = extras(expected);
        for (var entry : expected.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), entry.getValue())) {
                // Not rewriting keeps the file's timestamp, so JupyterLab sees no change on disk.
                changes.add(new Change(file, Change.Kind.UNCHANGED));
            } else {
                Files.write(file, entry.getValue());
                changes.add(new Change(file, Change.Kind.WRITTEN));
            }
        }
        for (String name : extras) {
            Path file = folder.resolve(name);
            Files.delete(file);
            changes.add(new Change(file, Change.Kind.DELETED));
        }
        return changes;
    }

    private List<String> extras(SortedMap<String, byte[]> expected) throws IOException {
        return NotebookFiles.list(folder).stream().filter(name -> !expected.containsKey(name)).toList();
    }

    private static int firstDifferentLine(byte[] actual, byte[] expected) {
        String a = new String(actual, StandardCharsets.UTF_8);
        String b = new String(expected, StandardCharsets.UTF_8);
        int line = 1;
        for (int i = 0; i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i); i++) {
            if (a.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
