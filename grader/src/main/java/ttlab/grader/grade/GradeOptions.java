package ttlab.grader.grade;

import ttlab.grader.CommandArg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ttlab grade}, parsed and checked. See {@link #USAGE}.
 *
 * @param submissions  notebooks, or folders searched for them
 * @param out          where each submission's results go, in a folder of its own
 * @param solutions    where masters are found by file name
 * @param master       one master for every submission, instead of looking in {@code solutions}
 * @param jobs         submissions graded at the same time
 * @param heapBytes    each worker's heap cap
 * @param testLimit    one test's time limit
 * @param cellLimit    one replayed cell's time limit (also bounds one test class's whole run)
 * @param wallLimit    one submission's wall-clock budget, restarts included
 * @param cpuLimit     one submission's CPU-time budget, restarts included
 * @param outputLimit  bytes a submission may print
 * @param maxThreads   live threads beyond which a worker is stopped
 * @param maxCellBytes a cell larger than this is not run
 * @param maxNotebookBytes a submission file larger than this is not read
 * @param quickJit     workers compile with C1 only: a grading run is seconds of JShell and javac
 *                     warming up, which C1-only code does about 40% faster; long numeric student
 *                     code runs slower, hence {@code --jit full} for heavy exercises
 */
record GradeOptions(List<Path> submissions, Path out, Path solutions, Path master, int jobs, long heapBytes,
                    Duration testLimit, Duration cellLimit, Duration wallLimit, Duration cpuLimit, long outputLimit,
                    int maxThreads, long maxCellBytes, long maxNotebookBytes, boolean quickJit) {

    static final String USAGE = String.join("\n",
            "usage: ttlab grade SUBMISSION... --out DIR [options]",
            "",
            "Grades student notebooks against their masters, each in a fresh JVM with limits, and",
            "writes DIR/<id>/results.json (Gradescope format) and DIR/<id>/feedback.txt.",
            "SUBMISSION is a notebook or a folder searched for *.ipynb (recursively). The id of a",
            "notebook is its file name without .ipynb, prefixed with its folder's name when it was",
            "found in a folder: alice/01-warmup.ipynb -> DIR/alice--01-warmup/.",
            "",
            "options:",
            "  --out DIR             where results go (required)",
            "  --solutions DIR       masters, matched by file name (default: solutions; with ./ttlab grade,",
            "                        the repository's solutions/ from any folder)",
            "  --master FILE         grade every submission against this master",
            "  --jobs N              submissions graded in parallel (default: half the processors, at least 1)",
            "  --heap SIZE           heap cap of each grading JVM (default: 512m)",
            "  --test-timeout SEC    time limit of one test (default: 10)",
            "  --cell-timeout SEC    time limit of one replayed cell (default: 60)",
            "  --wall-limit SEC      wall-clock limit of one submission (default: 300)",
            "  --cpu-limit SEC       CPU-time limit of one submission (default: 300)",
            "  --output-limit SIZE   output one submission may print (default: 1m)",
            "  --max-threads N       threads one submission may start (default: 512)",
            "  --jit quick|full      quick: the JIT's fast compiler only, for short-running exercises",
            "                        (default); full: both compilers, for computation-heavy ones",
            "",
            "exit status: 0 every submission graded; 1 some could not be (a master is missing or",
            "malformed: their results.json says why); 2 bad usage or an I/O error.");

    /** Parses arguments; throws IllegalArgumentException with a message for the user. */
    static GradeOptions parse(String[] args) {
        return parse(args, true);
    }

    /**
     * Parses the grading settings alone, for a program that hands over one submission at a time:
     * no submissions and no {@code --out} are expected, and none may be given.
     */
    static GradeOptions parseSettings(String[] args) {
        return parse(args, false);
    }

    private static GradeOptions parse(String[] args, boolean batch) {
        List<Path> submissions = new ArrayList<>();
        Path out = null;
        Path solutions = Path.of("solutions");
        Path master = null;
        int jobs = NotebookGrader.defaultJobs();
        long heap = Sizes.parseBytes("512m");
        Duration test = Duration.ofSeconds(10);
        Duration cell = Duration.ofSeconds(60);
        Duration wall = Duration.ofSeconds(300);
        Duration cpu = Duration.ofSeconds(300);
        long output = Sizes.parseBytes("1m");
        int threads = 512;
        boolean quickJit = true;
        for (CommandArg arg : CommandArg.split(args, Set.of())) {
            if (arg.plain()) {
                if (!batch) {
                    throw new IllegalArgumentException("unexpected argument " + arg.value());
                }
                submissions.add(Path.of(arg.value()));
                continue;
            }
            String value = arg.value();
            try {
                switch (arg.name()) {
                    case "--out": out = Path.of(value); break;
                    case "--solutions": solutions = Path.of(value); break;
                    case "--master": master = Path.of(value); break;
                    case "--jobs": jobs = positive(Integer.parseInt(value)); break;
                    case "--heap": heap = Sizes.parseBytes(value); break;
                    case "--test-timeout": test = Sizes.parseSeconds(value); break;
                    case "--cell-timeout": cell = Sizes.parseSeconds(value); break;
                    case "--wall-limit": wall = Sizes.parseSeconds(value); break;
                    case "--cpu-limit": cpu = Sizes.parseSeconds(value); break;
                    case "--output-limit": output = Sizes.parseBytes(value); break;
                    case "--max-threads": threads = positive(Integer.parseInt(value)); break;
                    case "--jit": quickJit = quickJit(value); break;
                    default: throw new IllegalArgumentException("unknown option " + arg.name());
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw arg.invalidValue();
            }
        }
        if (batch && submissions.isEmpty()) {
            throw new IllegalArgumentException("no submission given");
        }
        if (batch && out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (!batch && out != null) {
            throw new IllegalArgumentException("--out is not an option here");
        }
        return new GradeOptions(List.copyOf(submissions), out, solutions, master, jobs, heap, test, cell, wall, cpu,
                output, threads, 1L << 20, 64L << 20, quickJit);
    }

    private static boolean quickJit(String value) {
        switch (value) {
            case "quick": return true;
            case "full": return false;
            default: throw new IllegalArgumentException("--jit takes quick or full, not " + value);
        }
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new NumberFormatException("must be positive");
        }
        return n;
    }
}
