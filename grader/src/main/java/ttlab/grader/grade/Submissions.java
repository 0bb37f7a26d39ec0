package ttlab.grader.grade;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the command line's notebooks and folders into the submissions to grade, each with an id
 * that names its results folder: the file name without {@code .ipynb}, prefixed with its parent
 * folder's name when it was found in a folder ({@code alice/01-warmup.ipynb} is
 * {@code alice--01-warmup}). Ids are made unique (more of the path, then a counter) and safe as a
 * file name on any system, and the list is sorted, so the same arguments always give the same ids.
 */
final class Submissions {

    /** One notebook to grade. */
    record Submission(String id, Path file) {
    }

    private static final int MAX_ID_LENGTH = 120;

    private Submissions() {
    }

    static List<Submission> find(List<Path> arguments) throws IOException {
        Map<Path, Boolean> found = new LinkedHashMap<>(); // file -> came from a folder
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                for (Path nb : notebooksIn(arg)) {
                    found.putIfAbsent(nb.normalize(), true);
                }
            } else if (Files.isRegularFile(arg)) {
                found.putIfAbsent(arg.normalize(), false);
            } else {
                throw new IOException("no such notebook or folder: " + arg);
            }
        }
        List<Path> files = new ArrayList<>(found.keySet());
        files.sort(Comparator.comparing(Path::toString));
        return withIds(files, found);
    }

    /** Every *.ipynb under a folder, skipping hidden folders such as .ipynb_checkpoints. */
    private static List<Path> notebooksIn(Path folder) throws IOException {
        List<Path> notebooks = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(folder) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.endsWith(".ipynb") && !name.startsWith(".")) {
                    notebooks.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return notebooks;
    }

    private static List<Submission> withIds(List<Path> files, Map<Path, Boolean> fromFolder) {
        Map<Path, Integer> depth = new HashMap<>();
        files.forEach(f -> depth.put(f, fromFolder.get(f) ? 1 : 0));
        Map<Path, String> ids = new LinkedHashMap<>();
        // Lengthen colliding ids with more of their path until they differ or the path runs out.
        for (boolean changed = true; changed; ) {
            changed = false;
            ids.clear();
            files.forEach(f -> ids.put(f, idOf(f, depth.get(f))));
            Map<String, List<Path>> byId = new HashMap<>();
            ids.forEach((f, id) -> byId.computeIfAbsent(id, k -> new ArrayList<>()).add(f));
            for (List<Path> same : byId.values()) {
                if (same.size() < 2) {
                    continue;
                }
                for (Path f : same) {
                    if (depth.get(f) < f.getNameCount() - 1) {
                        depth.put(f, depth.get(f) + 1);
                        changed = true;
                    }
                }
            }
        }
        // What is still the same (the same name in the same-named folders) gets a counter.
        Set<String> taken = new LinkedHashSet<>();
        List<Submission> submissions = new ArrayList<>();
        for (Path f : files) {
            String id = ids.get(f);
            for (int n = 2; !taken.add(id.toLowerCase(Locale.ROOT)); n++) {
                id = ids.get(f) + "-" + n;
            }
            submissions.add(new Submission(id, f));
        }
        return submissions;
    }

    /** The file's name without .ipynb, after {@code depth} of its parent folders' names, joined by "--". */
    static String idOf(Path file, int depth) {
        List<String> parts = new ArrayList<>();
        Path abs = file.toAbsolutePath().normalize();
        int count = abs.getNameCount();
        for (int i = Math.max(0, count - 1 - depth); i < count - 1; i++) {
            parts.add(safe(abs.getName(i).toString()));
        }
        String name = abs.getFileName().toString();
        parts.add(safe(name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name));
        String id = String.join("--", parts);
        return id.length() <= MAX_ID_LENGTH ? id : id.substring(id.length() - MAX_ID_LENGTH);
    }

    /** Letters, digits, '.', '_' and '-' only; never empty, never starting with a dot. */
    private static String safe(String part) {
        String s = part.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".")) {
            s = "_" + s;
        }
        return s;
    }
}
