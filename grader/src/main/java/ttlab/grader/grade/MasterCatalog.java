package ttlab.grader.grade;

import ttlab.grader.notebook.NotebookException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masters by file, each read and checked once however many submissions use it, from any thread.
 */
final class MasterCatalog {

    /** A master, or why there is none. */
    record Loaded(Master master, String problem) {
    }

    private final Map<Path, Loaded> masters = new ConcurrentHashMap<>();

    Loaded load(Path file) {
        return masters.computeIfAbsent(file.toAbsolutePath().normalize(), key -> read(file));
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
