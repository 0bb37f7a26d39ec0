package ttlab.grader.gradescope;

import ttlab.grader.grade.NotebookGrader;
import ttlab.grader.serve.CourseConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code ttlab gradescope [--out autograder.zip]}: the autograder bundle for Gradescope, built
 * from the masters and the grader's own build. See {@link BundleOptions#USAGE}; what goes into
 * the zip is {@link AutograderBundle}'s.
 */
public final class GradescopeCommand {

    private GradescopeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(BundleOptions.USAGE);
            return 0;
        }
        try {
            BundleOptions options = BundleOptions.parse(args);
            List<String> checkOptions = new ArrayList<>(options.gradeOptions());
            checkOptions.addAll(List.of("--solutions", options.solutions().toString()));
            NotebookGrader grader = NotebookGrader.withOptions(checkOptions);
            List<String> assignments = assignments(options);
            List<Path> masters = new ArrayList<>();
            for (String name : assignments) {
                Path master = options.solutions().resolve(name + ".ipynb");
                Optional<String> problem = grader.masterProblem(master);
                if (problem.isPresent()) {
                    throw new IllegalArgumentException(problem.get());
                }
                masters.add(master);
            }
            BundleSettings settings = new BundleSettings(options.gradeOptions(), options.assignment(),
                    options.hiddenTests(), options.courseConfig() != null);
            long bytes = new AutograderBundle(options.repository(), masters, options.courseConfig(), settings)
                    .write(options.out());
            out.println("wrote " + options.out() + " (" + (bytes + (1 << 19)) / (1 << 20) + " MB): "
                    + (options.assignment() != null ? "every submission graded against " + options.assignment()
                    : "the notebook's file name picks one of " + String.join(", ", assignments))
                    + "; hidden tests " + options.hiddenTests()
                    + "; late policy " + (options.courseConfig() != null ? "from " + options.courseConfig() : "none"));
            out.println("upload it as the autograder of a Gradescope programming assignment (Ubuntu base image)");
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("ttlab gradescope: " + e.getMessage());
            err.println("run ttlab gradescope --help for the options");
            return 2;
        }
    }

    /**
     * The assignments the bundle grades: the one asked for, else those the course configuration
     * lists (as the submission service accepts only those), else every master.
     */
    private static List<String> assignments(BundleOptions options) throws IOException {
        if (!Files.isDirectory(options.solutions())) {
            throw new IllegalArgumentException("no solutions folder " + options.solutions());
        }
        TreeSet<String> names = new TreeSet<>();
        if (options.courseConfig() != null) {
            if (!Files.isRegularFile(options.courseConfig())) {
                throw new IllegalArgumentException("--late-policy: no course configuration " + options.courseConfig());
            }
            names.addAll(CourseConfig.read(options.courseConfig(), options.solutions()).assignments().keySet());
        } else {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(options.solutions(), "*.ipynb")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (!name.startsWith(".")) {
                        names.add(name.substring(0, name.length() - ".ipynb".length()));
                    }
                }
            }
        }
        if (options.assignment() != null) {
            if (!names.contains(options.assignment())) {
                throw new IllegalArgumentException("--assignment " + options.assignment() + ": there is no master "
                        + options.assignment() + ".ipynb" + (options.courseConfig() != null
                        ? " that " + options.courseConfig() + " lists" : " in " + options.solutions())
                        + (names.isEmpty() ? "" : " (there are: " + String.join(", ", names) + ")"));
            }
            return List.of(options.assignment());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no masters (*.ipynb) in " + options.solutions());
        }
        return List.copyOf(names);
    }
}
