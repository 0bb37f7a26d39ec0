package ttlab.grader.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Grades one submission's plan in worker processes, starting another worker when one dies, until
 * every test class has run or the submission's time budget is spent. When a worker dies, its
 * report says what was running: a test that called {@code System.exit} (or ran out of memory, or
 * started a thread bomb) is quarantined and its class runs again without it; a replayed cell that
 * did so is left out; so one deadly line costs the tests it touches, not the whole grade.
 */
final class WorkerRuns {

    /** Workers per submission at most: the first, and restarts. */
    static final int MAX_WORKERS = 4;
    private static final Duration MIN_BUDGET = Duration.ofSeconds(1);
    private static final String QUARANTINE = "@org.junit.jupiter.api.Disabled(\"stopped the grading process\") ";

    private final GradeOptions options;
    private final Master master;
    private final ReplayPlan plan;
    private final GradingLog log = new GradingLog();
    private final StringBuilder workerLog = new StringBuilder();
    private Duration wallUsed = Duration.ZERO;
    private Duration cpuUsed = Duration.ZERO;

    WorkerRuns(GradeOptions options, Master master, ReplayPlan plan) {
        this.options = options;
        this.master = master;
        this.plan = plan;
    }

    /** Runs workers as needed; returns what they reported. */
    GradingLog run() throws IOException, InterruptedException {
        for (int worker = 1; worker <= MAX_WORKERS; worker++) {
            Duration wallLeft = options.wallLimit().minus(wallUsed);
            Duration cpuLeft = options.cpuLimit().minus(cpuUsed);
            if (wallLeft.compareTo(MIN_BUDGET) < 0 || cpuLeft.compareTo(MIN_BUDGET) < 0) {
                log.stop("not run: the submission's time limit was used up by the runs before");
                return log;
            }
            if (!runWorker(worker, wallLeft, cpuLeft)) {
                return log;
            }
        }
        log.stop("not run: grading was restarted " + (MAX_WORKERS - 1) + " times, the most allowed");
        return log;
    }

    /** What the workers printed (capped), for a human looking into a crash. */
    String workerOutput() {
        return workerLog.toString();
    }

    /** Runs one worker; true when another one is needed. */
    private boolean runWorker(int worker, Duration wallLeft, Duration cpuLeft)
            throws IOException, InterruptedException {
        AgentLaunch agent = WorkerProcess.nextAgent(options);
        Path report = agent.job().resolve("report.jsonl");
        byte[] key = WorkerReport.newKey();
        WorkerProcess.Ended ended;
        List<WorkerEvent> events;
        try (WorkerReport.Reader reader = new WorkerReport.Reader(report, key)) {
            if (Sandbox.here().confined()) {
                // the grading processes are another user in the sandbox; the folder around the file stays the grader's
                Files.setPosixFilePermissions(report, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            ended = new WorkerProcess(options).run(agent, request(report, key), wallLeft, cpuLeft,
                    new StuckCellWatch(reader, options.cellLimit()));
            events = reader.read();
            if (reader.rejectedLines() > 0) {
                log.note(reader.rejectedLines() + " line(s) of the grading process's report were not its own"
                        + " (not signed by it) and were ignored");
            }
            if (reader.truncated()) {
                log.note("the grading process's report was longer than " + Sizes.describe(WorkerReport.MAX_BYTES)
                        + "; the rest was ignored");
            }
        } finally {
            agent.discard();
        }
        wallUsed = wallUsed.plus(ended.wall());
        cpuUsed = cpuUsed.plus(ended.cpu());
        workerLog.append("--- worker ").append(worker).append(", exit status ").append(ended.exitStatus())
                .append(" ---\n").append(ended.logHead()).append('\n');
        if (ended.outputBytes() > options.outputLimit() + (64 << 10)) {
            log.note("the submission wrote more than " + Sizes.describe(options.outputLimit())
                    + " to its output; the rest was dropped");
        }
        log.absorb(events);
        boolean done = events.stream().anyMatch(e -> e.is(WorkerEvent.DONE));
        if (done) {
            return log.needsRerun();
        }
        String reason = DeathReason.of(ended, events, options);
        String unit = ended.limit() == WorkerProcess.Limit.STUCK ? ended.stuckUnit() : lastStarted(events);
        boolean budgetSpent = ended.limit() == WorkerProcess.Limit.WALL || ended.limit() == WorkerProcess.Limit.CPU;
        if (budgetSpent || unit == null || unit.equals("setup")) {
            log.stop("not run: " + reason);
            if (unit != null && unit.startsWith("class:")) {
                log.blame(GradingLog.className(unit), null, null, reason);
            }
            return false;
        }
        WorkerEvent verdict = lastVerdict(events);
        if (unit.startsWith("class:")) {
            log.blame(GradingLog.className(unit), verdict == null ? null : verdict.culpritClass(),
                    verdict == null ? null : verdict.culpritMethod(), reason);
        } else if (unit.startsWith("tests:")) {
            log.skip(unit, reason);
            for (String c : master.inventory().classes()) {
                if (master.inventory().cellOf(c).map(id -> unit.equals("tests:" + id)).orElse(false)) {
                    log.blame(c, null, null, reason);
                }
            }
        } else {
            log.skip(unit, reason);
        }
        return true;
    }

    private WorkerRequest request(Path report, byte[] key) {
        List<WorkerRequest.ReplayStep> steps = new ArrayList<>();
        for (WorkerRequest.ReplayStep step : plan.steps()) {
            if (!log.skippedUnits().containsKey(step.unit())) {
                steps.add(step);
            }
        }
        List<WorkerRequest.TestCell> tests = new ArrayList<>();
        for (WorkerRequest.TestCell cell : plan.tests()) {
            if (!log.skippedUnits().containsKey(cell.unit())) {
                tests.add(new WorkerRequest.TestCell(cell.unit(), cell.label(), quarantine(cell), cell.testMethods()));
            }
        }
        List<String> runLast = log.quarantined().keySet().stream()
                .map(test -> TestInventory.outer(test.substring(0, test.indexOf('#')))).distinct().toList();
        return new WorkerRequest(steps, tests, new ArrayList<>(log.settledClasses()), runLast,
                options.cellLimit().toMillis(), options.testLimit().toMillis(), options.outputLimit(),
                options.maxThreads(), report.toString(), java.util.HexFormat.of().formatHex(key),
                List.copyOf(master.reservedNames().reserved()), master.reservedNames().restore(), master.forbidden());
    }

    /** The cell's code with each quarantined test of it marked {@code @Disabled}. */
    private String quarantine(WorkerRequest.TestCell cell) {
        String cellId = cell.unit().substring("tests:".length());
        List<Integer> offsets = new ArrayList<>();
        for (Map.Entry<String, String> q : log.quarantined().entrySet()) {
            String[] parts = q.getKey().split("#", 2);
            master.inventory().find(parts[0], parts[1])
                    .filter(c -> c.cellId().equals(cellId))
                    .ifPresent(c -> offsets.addAll(c.offsets()));
        }
        offsets.sort(Comparator.reverseOrder());
        StringBuilder code = new StringBuilder(cell.code());
        for (int offset : offsets) {
            code.insert(offset, QUARANTINE);
        }
        return code.toString();
    }

    /** The unit that was running when the worker died: the last one it started. */
    private static String lastStarted(List<WorkerEvent> events) {
        String unit = null;
        for (WorkerEvent e : events) {
            if (e.is(WorkerEvent.START)) {
                unit = e.unit();
            }
        }
        return unit;
    }

    /** The worker's last word on why it is ending (a System.exit, a thread bomb), if it had one. */
    private static WorkerEvent lastVerdict(List<WorkerEvent> events) {
        WorkerEvent verdict = null;
        for (WorkerEvent e : events) {
            if (e.is(WorkerEvent.EXIT) || e.is(WorkerEvent.THREADS) || e.is(WorkerEvent.WORKER_ERROR)) {
                verdict = e;
            }
        }
        return verdict;
    }

    /** Deletes a folder the worker wrote into, without following links it may have planted. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException notEmpty) {
                        // something we could not delete; leave the rest
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a scratch folder left behind is not worth failing a grade
        }
    }
}
