package ttlab.grader.gradescope;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import ttlab.grader.grade.NotebookGrader;
import ttlab.grader.grade.Presentation;
import ttlab.grader.serve.CourseConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code run_autograder} runs for each submission on Gradescope: grades the notebook in
 * {@code ROOT/submission} with the grader of {@code ttlab grade} (the same grading JVMs, sandbox and
 * limits, the bundle's masters) and writes {@code ROOT/results/results.json}. A submission that
 * holds no notebook, or none that names an assignment of the bundle, gets results that say so;
 * only a broken bundle or a disk that cannot be written fails the run. What Gradescope shows the
 * instructor as the run's output ({@code feedback.txt} and the grading processes' log) goes to
 * standard output.
 *
 * <p>Usage: {@code AutograderCommand ROOT}, where ROOT is laid out as Gradescope's
 * {@code /autograder}: {@code source/} (the unzipped bundle), {@code submission/},
 * {@code submission_metadata.json}, {@code results/}.
 */
public final class AutograderCommand {

    private AutograderCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length != 1) {
            err.println("usage: AutograderCommand ROOT   (Gradescope's /autograder)");
            return 2;
        }
        Path root = Path.of(args[0]);
        Path source = root.resolve("source");
        Path work = null;
        try {
            BundleSettings settings = BundleSettings.read(source.resolve(BundleSettings.FILE));
            Path solutions = source.resolve(BundleSettings.SOLUTIONS);
            SubmissionChoice choice = SubmissionChoice.of(root.resolve("submission"), masters(solutions),
                    settings.assignment());
            List<String> options = new ArrayList<>(settings.gradeOptions());
            if (settings.assignment() != null) {
                options.addAll(List.of("--master", solutions.resolve(settings.assignment() + ".ipynb").toString()));
            } else {
                options.addAll(List.of("--solutions", solutions.toString()));
            }
            NotebookGrader grader = NotebookGrader.withOptions(options);
            Path metadata = root.resolve("submission_metadata.json");
            String id = submissionId(metadata, choice);
            work = Files.createTempDirectory("ttlab-autograder-");
            if (choice.problem() != null) {
                grader.explain(id, choice.handedIn(), choice.problem(), work);
            } else {
                Presentation presentation = new Presentation(settings.hiddenTests(), null);
                if (settings.latePolicy()) {
                    CourseConfig config = CourseConfig.read(source.resolve(BundleSettings.COURSE_CONFIG), solutions);
                    presentation = presentation.withLate(new LatePolicy(config).penalty(choice.assignment(), metadata));
                }
                grader.grade(id, choice.notebook(), work, presentation);
            }
            Path results = root.resolve("results").resolve(NotebookGrader.RESULTS);
            Files.createDirectories(results.getParent());
            Files.copy(work.resolve(NotebookGrader.RESULTS), results, StandardCopyOption.REPLACE_EXISTING);
            out.print(Files.readString(work.resolve(NotebookGrader.FEEDBACK), StandardCharsets.UTF_8));
            String log = Files.readString(work.resolve(NotebookGrader.WORKER_LOG), StandardCharsets.UTF_8);
            if (!log.isBlank()) {
                out.println("--- what the grading processes printed ---");
                out.print(log);
            }
            out.println("results in " + results);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("ttlab autograder: " + e.getMessage());
            return 1;
        } finally {
            delete(work, err);
        }
    }

    /** The bundle's masters, by name. */
    private static TreeSet<String> masters(Path solutions) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(solutions, "*.ipynb")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                names.add(name.substring(0, name.length() - ".ipynb".length()));
            }
        }
        return names;
    }

    /** Gradescope's submission id when its metadata gives one, else the notebook's name. */
    private static String submissionId(Path metadata, SubmissionChoice choice) {
        try {
            JsonElement id = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("id");
            if (id != null && id.isJsonPrimitive()) {
                return "gradescope-" + id.getAsString().replaceAll("[^A-Za-z0-9._-]", "_");
            }
        } catch (IOException | RuntimeException e) {
            // no metadata (a run outside Gradescope): the notebook names it
        }
        return choice.assignment() != null ? choice.assignment() : "submission";
    }

    private static void delete(Path folder, PrintStream err) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            err.println("ttlab autograder: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
