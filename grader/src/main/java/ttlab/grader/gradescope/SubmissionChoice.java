package ttlab.grader.gradescope;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which notebook of a Gradescope submission is graded, and against which master; or, when none
 * can be, why, in words for the student. Students upload files (or a repository), so the folder
 * may hold anything: the notebooks in it ({@code *.ipynb}, outside hidden folders such as
 * {@code .ipynb_checkpoints}) are what counts.
 *
 * @param notebook   the notebook to grade; null when there is none
 * @param assignment the master's name; null when there is none
 * @param problem    why nothing can be graded; null when something can
 * @param handedIn   the files handed in, for the results
 */
record SubmissionChoice(Path notebook, String assignment, String problem, String handedIn) {

    private static final int NAMES_SHOWN = 10;

    /**
     * @param known      the assignments the bundle grades (its masters' names)
     * @param assignment the one assignment every notebook is graded against, or null: the file name picks it
     */
    static SubmissionChoice of(Path folder, Collection<String> known, String assignment) throws IOException {
        List<Path> files = files(folder);
        String handedIn = names(folder, files);
        String expected = assignment != null ? assignment + ".ipynb"
                : known.stream().map(n -> n + ".ipynb").collect(Collectors.joining(", "));
        List<Path> notebooks = files.stream().filter(f -> f.getFileName().toString().endsWith(".ipynb")).toList();
        if (files.isEmpty()) {
            return refused("Nothing was handed in: upload your notebook (" + expected + ").", handedIn);
        }
        if (notebooks.isEmpty()) {
            return refused("No notebook (.ipynb) was handed in, only " + handedIn + ": upload the notebook itself ("
                    + expected + ").", handedIn);
        }
        if (assignment != null) {
            List<Path> named = notebooks.stream().filter(n -> nameOf(n).equals(assignment)).toList();
            List<Path> candidates = notebooks.size() == 1 ? notebooks : named;
            if (candidates.size() == 1) {
                return new SubmissionChoice(candidates.get(0), assignment, null, handedIn);
            }
            return refused("Several notebooks were handed in (" + names(folder, notebooks) + "): upload only "
                    + expected + ".", handedIn);
        }
        List<Path> matching = notebooks.stream().filter(n -> known.contains(nameOf(n))).toList();
        if (matching.size() == 1) {
            return new SubmissionChoice(matching.get(0), nameOf(matching.get(0)), null, handedIn);
        }
        if (matching.isEmpty()) {
            return refused(names(folder, notebooks) + (notebooks.size() == 1 ? " names" : " name")
                    + " no assignment this autograder grades. The notebook's file name says which assignment it is: "
                    + expected + ". Rename your notebook and upload it again.", handedIn);
        }
        return refused("Several assignments' notebooks were handed in (" + names(folder, matching)
                + "): upload one notebook per submission.", handedIn);
    }

    private static SubmissionChoice refused(String problem, String handedIn) {
        return new SubmissionChoice(null, null, problem, handedIn);
    }

    private static String nameOf(Path notebook) {
        String name = notebook.getFileName().toString();
        return name.substring(0, name.length() - ".ipynb".length());
    }

    /** Every regular file under the folder, outside hidden folders, sorted. */
    private static List<Path> files(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(folder) && (name.startsWith(".") || name.equals("__MACOSX"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static String names(Path folder, List<Path> files) {
        List<String> names = files.stream().limit(NAMES_SHOWN).map(f -> folder.relativize(f).toString()).toList();
        return String.join(", ", names) + (files.size() > NAMES_SHOWN ? " and " + (files.size() - NAMES_SHOWN) + " more" : "");
    }
}
