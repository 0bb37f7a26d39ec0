package ttlab.grader.assign;

import ttlab.grader.assign.Assigner.Assignment;
import ttlab.grader.assign.ExercisesFolder.Change;
import ttlab.grader.assign.ExercisesFolder.Drift;
import ttlab.grader.grade.WrongAnswerCheck;
import ttlab.grader.notebook.NotebookException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code assign [--check [--copies-only | --jobs N]] [--solutions DIR] [--exercises DIR]}: writes the student
 * notebooks in {@code exercises/} from the masters in {@code solutions/}. With {@code --check} it
 * writes nothing (for CI): it says whether {@code exercises/} is exactly what it would write, then
 * proves each master's tests with its wrong answers ({@link WrongAnswerCheck}); {@code --copies-only}
 * leaves out the proof, the slow part, to say quickly whether {@code ./ttlab assign} needs running.
 *
 * <p>Exit status: 0 done, or up to date and every wrong answer rejected; 1 ({@code --check})
 * {@code exercises/} differs or a wrong answer does not prove its tests; 2 bad usage, a malformed
 * master (nothing is written then) or an I/O error.
 */
public final class AssignCommand {

    static final int OK = 0;
    static final int DRIFT = 1;
    static final int ERROR = 2;

    private static final String USAGE = "usage: assign [--check [--copies-only | --jobs N]] [--solutions DIR] [--exercises DIR]\n"
            + "  writes exercises/*.ipynb (student copies) from solutions/*.ipynb (masters);\n"
            + "  --check writes nothing and exits 1 when exercises/ is not exactly what assign would write,\n"
            + "  or when a master's wrong answer is not rejected by its exercise's tests alone (each is graded\n"
            + "  in place of its solution, N at a time: default half the processors);\n"
            + "  --copies-only checks exercises/ alone, without grading the wrong answers";

    private AssignCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; relative folders are relative to the working directory. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("assign: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        if (options.help()) {
            out.println(USAGE);
            return OK;
        }
        try {
            return options.check()
                    ? check(options, out, err)
                    : assign(options.solutions(), options.exercises(), out, err);
        } catch (IOException | NotebookException e) {
            err.println("assign: " + e);
            return ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("assign: interrupted");
            return ERROR;
        }
    }

    /** The command line, parsed; {@code --opt VALUE} and {@code --opt=VALUE} both work. */
    record Options(boolean check, boolean copiesOnly, boolean help, Path solutions, Path exercises, int jobs) {

        static Options parse(String[] args) {
            boolean check = false;
            boolean help = false;
            boolean copiesOnly = false;
            Path solutions = Path.of("solutions");
            Path exercises = Path.of("exercises");
            Integer jobs = null;
            for (int i = 0; i < args.length; i++) {
                int equals = args[i].indexOf('=');
                String option = equals < 0 ? args[i] : args[i].substring(0, equals);
                switch (option) {
                    case "--check" -> {
                        if (equals >= 0) {
                            throw new IllegalArgumentException("--check takes no value");
                        }
                        check = true;
                    }
                    case "--copies-only" -> copiesOnly = true;
                    case "-h", "--help" -> help = true;
                    case "--solutions", "--exercises", "--jobs" -> {
                        String value = equals >= 0 ? args[i].substring(equals + 1)
                                : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException(option + (option.equals("--jobs") ? " needs a number"
                                    : " needs a folder"));
                        }
                        switch (option) {
                            case "--solutions" -> solutions = Path.of(value);
                            case "--exercises" -> exercises = Path.of(value);
                            default -> jobs = jobs(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (jobs != null && !check) {
                throw new IllegalArgumentException("--jobs goes with --check");
            }
            if (copiesOnly && (!check || jobs != null)) {
                throw new IllegalArgumentException("--copies-only goes with --check, without --jobs");
            }
            return new Options(check, copiesOnly, help, solutions, exercises,
                    jobs != null ? jobs : ttlab.grader.grade.NotebookGrader.defaultJobs());
        }

        private static int jobs(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("--jobs takes a positive number, not " + value);
        }
    }

    private static int assign(Path solutions, Path exercises, PrintStream out, PrintStream err) throws IOException {
        Assignment assignment = masters(solutions, err);
        if (assignment == null) {
            return ERROR;
        }
        List<Change> changes = new ExercisesFolder(exercises).sync(assignment.notebooks());
        int written = 0;
        int deleted = 0;
        for (Change change : changes) {
            switch (change.kind()) {
                case WRITTEN -> {
                    written++;
                    out.println("wrote " + change.file());
                }
                case DELETED -> {
                    deleted++;
                    out.println("deleted " + change.file() + ": it has no master in " + solutions);
                }
                case UNCHANGED -> {
                }
            }
        }
        int total = assignment.notebooks().size();
        out.println("assign: " + notebooks(total) + " from " + solutions + " to "
                + exercises + " (" + written + " written, " + (total - written) + " unchanged, " + deleted + " deleted)");
        return OK;
    }

    /** Both checks, whatever the first finds, so that CI reports everything at once. */
    private static int check(Options options, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, NotebookException {
        Path solutions = options.solutions();
        Path exercises = options.exercises();
        Assignment assignment = masters(solutions, err);
        if (assignment == null) {
            return ERROR;
        }
        List<Drift> drifts = new ExercisesFolder(exercises).compare(assignment.notebooks());
        if (drifts.isEmpty()) {
            out.println("assign --check: " + exercises + " is up to date with " + solutions + " ("
                    + notebooks(assignment.notebooks().size()) + ")");
        } else {
            for (Drift drift : drifts) {
                err.println(drift);
            }
            err.println(exercises + " is not what assign would write: run ./ttlab assign");
        }
        if (options.copiesOnly()) {
            return drifts.isEmpty() ? OK : DRIFT;
        }
        int proof = WrongAnswerCheck.run(solutions, options.jobs(), out, err);
        return drifts.isEmpty() && proof == WrongAnswerCheck.PROVEN ? OK : DRIFT;
    }

    /** Every master assigned in memory, or null after reporting why not. */
    private static Assignment masters(Path solutions, PrintStream err) throws IOException {
        if (!Files.isDirectory(solutions)) {
            err.println("assign: no folder of master notebooks at " + solutions);
            return null;
        }
        Assignment assignment = Assigner.assignAll(solutions);
        if (!assignment.ok()) {
            assignment.problems().forEach(err::println);
            int n = assignment.problems().size();
            err.println("assign: " + n + " malformed master notebook" + (n == 1 ? "" : "s") + "; nothing written");
            return null;
        }
        return assignment;
    }

    private static String notebooks(int n) {
        return n + (n == 1 ? " notebook" : " notebooks");
    }
}
