package ttlab.grader.grade;

import ttlab.grader.notebook.NotebookException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masters by file, each read and checked once however many submissions use it, from any thread,
 * and read again when the file changes (a long-running submission service regrades against the
 * master an instructor corrected).
 */
final class MasterCatalog {

    /** A master, or why there is none. */
    record Loaded(Master master, String problem) {
    }

    /** A master as read, and the file's state when it was. */
    private record Entry(Loaded loaded, String stamp) {
    }

    private final Map<Path, Entry> masters = new ConcurrentHashMap<>();

    Loaded load(Path file) {
        String stamp = stampOf(file);
        return masters.compute(file.toAbsolutePath().normalize(), (key, entry) ->
                entry != null && entry.stamp().equals(stamp) ? entry : new Entry(read(file), stamp)).loaded();
    }

    /** The file's size and modification time; "" when it cannot be read. */
    private static String stampOf(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    private static Loaded read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Loaded(null, "cannot grade: there is no master notebook " + file);
        }
        try {
            return new Loaded(Master.read(file, file.toString()), null);
        } catch (NotebookException e) {
            return new Loaded(null, "cannot grade: the master is malformed: " + e.getMessage());
        } catch (NoSuchFileException e) {
            return new Loaded(null, "cannot grade: there is no master notebook " + file);
        } catch (IOException e) {
            return new Loaded(null, "cannot grade: the master " + file + " could not be read: " + e.getMessage());
        }
    }
}
