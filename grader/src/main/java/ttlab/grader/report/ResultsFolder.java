package ttlab.grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The grader's output folder: {@code DIR/<submission id>/results.json}, one folder per
 * submission. Reading it never stops at the first bad file, so that one run lists them all.
 */
public final class ResultsFolder {

    /** A submission's folder and what its {@code results.json} says. */
    public record Submission(Path folder, GradingResult result) {
    }

    /**
     * What a folder holds: the submissions whose results could be read, in folder-name order, and
     * an error for each {@code results.json} that could not.
     */
    public record Contents(List<Submission> submissions, List<ResultsFileException> errors) {

        public Contents {
            submissions = List.copyOf(submissions);
            errors = List.copyOf(errors);
        }

        public List<GradingResult> results() {
            return submissions.stream().map(Submission::result).toList();
        }

        /** Whether the folder had any {@code results.json} at all, readable or not. */
        public boolean isEmpty() {
            return submissions.isEmpty() && errors.isEmpty();
        }
    }

    private ResultsFolder() {
    }

    /**
     * Reads every {@code DIR/<submission id>/results.json}. Folders without one (and hidden folders) are
     * not submissions and are passed over; two files that name the same submission are an error,
     * since a gradebook row must mean one student's work.
     */
    public static Contents read(Path dir) throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(dir)) {
            folders = children.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .filter(folder -> Files.exists(folder.resolve(GradingResult.FILE_NAME)))
                    .sorted()
                    .toList();
        }
        List<Submission> submissions = new ArrayList<>();
        List<ResultsFileException> errors = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path folder : folders) {
            Path file = folder.resolve(GradingResult.FILE_NAME);
            try {
                GradingResult result = GradingResult.read(file);
                Path other = seen.putIfAbsent(result.submission(), file);
                if (other != null) {
                    throw new ResultsFileException(file, "is for submission \"" + result.submission()
                            + "\", as " + other + " is");
                }
                submissions.add(new Submission(folder, result));
            } catch (ResultsFileException e) {
                errors.add(e);
            }
        }
        return new Contents(submissions, errors);
    }
}
