package ttlab.grader.gradescope;

import ttlab.grader.CommandArg;
import ttlab.grader.grade.Presentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ttlab gradescope}, parsed. See {@link #USAGE}.
 *
 * @param repository   the ttlab repository whose build and launcher go into the bundle
 * @param out          the zip to write
 * @param solutions    the masters
 * @param assignment   the one master every submission is graded against, or null
 * @param hiddenTests  Gradescope's visibility of hidden tests
 * @param courseConfig the course configuration whose late penalty applies, or null
 * @param gradeOptions the grading limits, passed on as {@code ttlab grade} takes them
 */
record BundleOptions(Path repository, Path out, Path solutions, String assignment, String hiddenTests,
                     Path courseConfig, List<String> gradeOptions) {

    static final String USAGE = String.join("\n",
            "usage: ttlab gradescope [--out autograder.zip] [options]",
            "",
            "Builds the autograder bundle to upload to a Gradescope programming assignment: setup.sh",
            "(installs a JDK when there is none, then the grader's launch files), run_autograder (grades",
            "the notebook handed in as ./ttlab grade does and writes /autograder/results/results.json),",
            "the grader's jars and the masters. Grading needs no network.",
            "",
            "options:",
            "  --out FILE              the zip to write (default: autograder.zip)",
            "  --solutions DIR         the masters (default: the repository's solutions/)",
            "  --assignment NAME       grade every submission against the master NAME.ipynb, whatever the",
            "                          notebook's file name; without it, the file name picks the master",
            "  --hidden-tests WHEN     when students see hidden tests on Gradescope: after_published (once",
            "                          the grades are published; default) or hidden (never)",
            "  --late-policy FILE      the course configuration (as for ./ttlab serve --config) whose late",
            "                          penalty applies to Gradescope's submission time and due date",
            "  --heap, --jit, --test-timeout, --cell-timeout, --wall-limit, --cpu-limit,",
            "  --output-limit, --max-threads",
            "                          the grading limits, as for ./ttlab grade (same defaults)",
            "",
            "exit status: 0 written; 2 bad usage, a malformed master or configuration, or an I/O error.");

    /** The options of {@code ttlab grade} that set a grading limit; the bundle passes them on. */
    static final Set<String> GRADE_OPTIONS = Set.of("--heap", "--jit", "--test-timeout", "--cell-timeout",
            "--wall-limit", "--cpu-limit", "--output-limit", "--max-threads");

    /** Parses arguments; throws IllegalArgumentException with a message for the user. */
    static BundleOptions parse(String[] args) {
        Path repository = null;
        Path out = Path.of("autograder.zip");
        Path solutions = null;
        String assignment = null;
        String hidden = Presentation.AFTER_PUBLISHED;
        Path config = null;
        List<String> gradeOptions = new ArrayList<>();
        for (CommandArg arg : CommandArg.split(args, Set.of())) {
            if (arg.plain()) {
                throw new IllegalArgumentException("unexpected argument " + arg.value());
            }
            String value = arg.value();
            switch (arg.name()) {
                case "--repository": repository = Path.of(value); break;
                case "--out": out = Path.of(value); break;
                case "--solutions": solutions = Path.of(value); break;
                case "--assignment": assignment = value.endsWith(".ipynb")
                        ? value.substring(0, value.length() - ".ipynb".length()) : value; break;
                case "--hidden-tests":
                    if (!Presentation.HIDDEN_TEST_VISIBILITIES.contains(value)) {
                        throw new IllegalArgumentException("--hidden-tests takes "
                                + String.join(" or ", Presentation.HIDDEN_TEST_VISIBILITIES) + ", not " + value);
                    }
                    hidden = value;
                    break;
                case "--late-policy": config = Path.of(value); break;
                default:
                    if (!GRADE_OPTIONS.contains(arg.name())) {
                        throw new IllegalArgumentException("unknown option " + arg.name());
                    }
                    gradeOptions.add(arg.name());
                    gradeOptions.add(value);
            }
        }
        if (repository == null) {
            throw new IllegalArgumentException("--repository DIR (the ttlab repository) is required");
        }
        if (solutions == null) {
            solutions = repository.resolve("solutions");
        }
        return new BundleOptions(repository, out, solutions, assignment, hidden, config, List.copyOf(gradeOptions));
    }
}
