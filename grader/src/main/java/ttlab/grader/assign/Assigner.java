package ttlab.grader.assign;

import ttlab.grader.notebook.Notebook;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;
import ttlab.grader.notebook.NotebookWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes the student notebooks for a folder of masters, in memory. The result depends on the
 * masters' bytes only (no time, no randomness, no file order), which is what lets CI check that
 * {@code exercises/} is exactly what {@code assign} would write.
 */
public final class Assigner {

    /** The student notebooks by file name, and the reasons masters were refused. */
    public record Assignment(SortedMap<String, byte[]> notebooks, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private Assigner() {
    }

    /** The student notebook for one master; {@code name} (its path) prefixes errors. */
    public static Notebook assign(Notebook master, String name) throws NotebookException {
        MasterNotebook checked = MasterNotebook.of(master, name);
        return HiddenPointsNote.addTo(StudentCopy.of(checked), checked);
    }

    /** The student notebook's bytes for one master file's bytes. */
    public static byte[] assign(byte[] master, String name) throws NotebookException {
        return NotebookWriter.toBytes(assign(NotebookReader.parse(master, name), name));
    }

    /** Every {@code *.ipynb} in {@code solutions}, in name order; malformed masters are listed, not thrown. */
    public static Assignment assignAll(Path solutions) throws IOException {
        SortedMap<String, byte[]> notebooks = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : NotebookFiles.list(solutions)) {
            Path master = solutions.resolve(name);
            try {
                notebooks.put(name, assign(Files.readAllBytes(master), master.toString()));
            } catch (NotebookException e) {
                problems.add(e.getMessage());
            }
        }
        return new Assignment(Collections.unmodifiableSortedMap(notebooks), Collections.unmodifiableList(problems));
    }
}
