package ttlab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample grader output in {@code src/test/resources/report/class}: three submissions of two
 * masters. bob's has every field and names its master by path, as {@code ./ttlab grade --solutions DIR} records
 * it; carol's leaves out what is optional; alice's is another master.
 */
final class SampleResults {

    static final String ALICE = "alice--01-attention";
    static final String BOB = "bob--00-warmup";
    static final String CAROL = "carol--00-warmup";
    static final List<String> IDS = List.of(ALICE, BOB, CAROL);

    private SampleResults() {
    }

    /** The folder of sample results on the test class path. */
    static Path folder() {
        URL url = SampleResults.class.getResource("/report/class");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String id) {
        return folder().resolve(id).resolve(GradingResult.FILE_NAME);
    }

    static GradingResult read(String id) {
        try {
            return GradingResult.read(file(id));
        } catch (ResultsFileException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<GradingResult> all() {
        return IDS.stream().map(SampleResults::read).toList();
    }

    /** Copies the sample folder to {@code target}, so that a test may write next to the results. */
    static Path copyTo(Path target) throws IOException {
        Path source = folder();
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                try {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
