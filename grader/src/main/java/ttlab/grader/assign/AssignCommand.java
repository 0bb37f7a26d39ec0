package ttlab.grader.assign;

import ttlab.grader.assign.Assigner.Assignment;
import ttlab.grader.assign.ExercisesFolder.Change;
import ttlab.grader.assign.ExercisesFolder.Drift;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code assign [--check] [--solutions DIR] [--exercises DIR]}: writes the student notebooks in
 * {@code exercises/} from the masters in {@code solutions/}, or with {@code --check} only says
 * whether {@code exercises/} is exactly what it would write (for CI).
 *
 * <p>Exit status: 0 done or up to date; 1 ({@code --check}) {@code exercises/} differs;
 * 2 bad usage, a malformed master (nothing is written then) or an I/O error.
 */
public final class AssignCommand {

    static final int OK = 0;
    static final int DRIFT = 1;
    static final int ERROR = 2;

    private static final String USAGE = "usage: assign [--check] [--solutions DIR] [--exercises DIR]\n"
            + "  writes exercises/*.ipynb (student copies) from solutions/*.ipynb (masters);\n"
            + "  --check writes nothing and exits 1 when exercises/ is not exactly what assign would write";

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
                    ? check(options.solutions(), options.exercises(), out, err)
                    : assign(options.solutions(), options.exercises(), out, err);
        } catch (IOException e) {
            err.println("assign: " + e);
            return ERROR;
        }
    }

    /** The command line, parsed; {@code --opt DIR} and {@code --opt=DIR} both work. */
    record Options(boolean check, boolean help, Path solutions, Path exercises) {

        static Options parse(String[] args) {
            boolean check = false;
            boolean help = false;
            Path solutions = Path.of("solutions");
            Path exercises = Path.of("exercises");
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
                    case "-h", "--help" -> help = true;
                    case "--solutions", "--exercises" -> {
                        String value = equals >= 0 ? args[i].substring(equals + 1)
                                : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException(option + " needs a folder");
                        }
                        if (option.equals("--solutions")) {
                            solutions = Path.of(value);
                        } else {
                            exercises = Path.of(value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            return new Options(check, help, solutions, exercises);
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

    private static int check(Path solutions, Path exercises, PrintStream out, PrintStream err) throws IOException {
        Assignment assignment = masters(solutions, err);
        if (assignment == null) {
            return ERROR;
        }
        List<Drift> drifts = new ExercisesFolder(exercises).compare(assignment.notebooks());
        if (drifts.isEmpty()) {
            out.println("assign --check: " + exercises + " is up to date with " + solutions + " ("
                    + notebooks(assignment.notebooks().size()) + ")");
            return OK;
        }
        for (Drift drift : drifts) {
            err.println(drift);
        }
        err.println(exercises + " is not what assign would write: run ./ttlab assign");
        return DRIFT;
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
