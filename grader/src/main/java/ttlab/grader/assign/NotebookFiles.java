package ttlab.grader.assign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The notebooks directly in a folder: {@code *.ipynb} files, by name, dot-files left out. */
public final class NotebookFiles {

    private NotebookFiles() {
    }

    /** Sorted file names; none when the folder does not exist. */
    public static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Dot-files are editor and checkpoint leftovers, never course notebooks.
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".ipynb") && !name.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
