package ttlab.grader.gradescope;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The zip Gradescope takes as an autograder. At its root, as Gradescope requires, {@code setup.sh}
 * and {@code run_autograder} (from {@code tools/gradescope/}); beside them the pieces of the
 * repository that {@code ./ttlab grade} runs on, in the repository's own layout so that the
 * {@code ttlab} launcher's steps work on them unchanged: the {@code ttlab} script and the
 * start-up cache's {@code tools/startup-cache.sh}, the grader's jar
 * and every jar of its class path ({@code grader/target/lib}: the kernel, the course library,
 * JUnit, AssertJ, ...), the masters in {@code solutions/}, the course configuration when a late
 * policy applies, and {@link BundleSettings#FILE}. Scripts are stored executable (Unix modes in
 * the zip), everything else readable by all: the grading sandbox reads the jars as another user.
 */
final class AutograderBundle {

    private static final String SCRIPTS = "tools/gradescope";
    private static final String GRADER_TARGET = "grader/target";

    private final Path repository;
    private final List<Path> masters;
    private final Path courseConfig;
    private final BundleSettings settings;

    AutograderBundle(Path repository, List<Path> masters, Path courseConfig, BundleSettings settings) {
        this.repository = repository;
        this.masters = List.copyOf(masters);
        this.courseConfig = courseConfig;
        this.settings = settings;
    }

    /** One file of the bundle: where it comes from, where it goes, whether it is run. */
    private record Entry(Path from, String to, boolean executable) {
    }

    /**
     * Writes the zip to a temporary file beside {@code out}, then puts it in place, so that a
     * failure leaves an earlier bundle as it was. Returns the zip's size in bytes.
     */
    long write(Path out) throws IOException {
        List<Entry> entries = entries();
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".autograder-", ".zip");
        try {
            Files.delete(partial); // the zip file system creates it
            // Stored, not deflated: nearly all of it is jars, which are compressed already.
            Map<String, Object> env = Map.of("create", "true", "enablePosixFileAttributes", "true",
                    "noCompression", "true");
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + partial.toUri()), env)) {
                for (Entry e : entries) {
                    Path to = zip.getPath("/" + e.to());
                    folders(to.getParent());
                    if (e.from() != null) {
                        Files.copy(e.from(), to);
                    } else {
                        Files.writeString(to, settings.toJson(), StandardCharsets.UTF_8);
                    }
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(e.executable() ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(out);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Creates the folders down to {@code folder}, each readable and enterable by all. */
    private static void folders(Path folder) throws IOException {
        if (folder == null || folder.getParent() == null || Files.isDirectory(folder)) {
            return;
        }
        folders(folder.getParent());
        Files.createDirectory(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(required(SCRIPTS + "/setup.sh"), "setup.sh", true));
        entries.add(new Entry(required(SCRIPTS + "/run_autograder"), "run_autograder", true));
        entries.add(new Entry(required("ttlab"), "ttlab", true));
        // The launcher's start-up cache step runs it.
        entries.add(new Entry(required("tools/startup-cache.sh"), "tools/startup-cache.sh", true));
        entries.add(new Entry(required(GRADER_TARGET + "/ttlab-grader.jar"), GRADER_TARGET + "/ttlab-grader.jar", false));
        Path lib = required(GRADER_TARGET + "/lib");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "*.jar")) {
            for (Path jar : jars) {
                entries.add(new Entry(jar, GRADER_TARGET + "/lib/" + jar.getFileName(), false));
            }
        }
        for (Path master : masters) {
            entries.add(new Entry(master, BundleSettings.SOLUTIONS + "/" + master.getFileName(), false));
        }
        if (courseConfig != null) {
            entries.add(new Entry(courseConfig, BundleSettings.COURSE_CONFIG, false));
        }
        entries.add(new Entry(null, BundleSettings.FILE, false));
        return entries;
    }

    private Path required(String relative) {
        Path p = repository.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("the bundle needs " + p + ", which is missing: run ./ttlab setup");
        }
        return p;
    }
}
