package ttlab.kernel.bench;

import ttlab.kernel.KernelConfig;
import ttlab.kernel.NotebookEngine;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;
import ttlab.kernel.engine.SnippetAgent;
import ttlab.kernel.exercise.SavedNotebook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What it costs to evaluate one notebook's code cells in a fresh process, two ways, measured in
 * the same run with the same JVM options (the cells grading replays: not the demos marked
 * {@code skip-in-grading}, nor a master's wrong answers; its {@code check(...)} cells run the tests):
 * <ul>
 *   <li><b>one JVM</b> (how a grading worker runs today): a fresh JVM starts the notebook engine,
 *       compiles and runs every cell, and reports its own process CPU;</li>
 *   <li><b>split</b>: this long-lived JVM compiles (a fresh JShell each round, so javac stays
 *       warm here) and a fresh {@link SnippetAgent} JVM runs the code; the CPU of both counts.</li>
 * </ul>
 * The first rounds of the split show a cold compiler; the summary gives the median of all
 * rounds and of the rounds after the warm-up. A program that prints figures, not a test.
 *
 * <p>Usage: {@code java @kernels/java/target/kernel.args ttlab.kernel.bench.SplitCompileBenchmark
 * --notebook solutions/00-warmup.ipynb [--rounds 12] [--warmup 4] [--quick-jit] [--agent-cache]}
 * ({@code --agent-cache}: the agents start from a cache trained on an agent first, instead of the
 * kernel's)
 */
public final class SplitCompileBenchmark {

    private static final String CHILD = "--one-jvm-child";
    /** Added to both kinds of child JVM: {@code --quick-jit} gives them C1 alone, as grading workers run. */
    private static final List<String> CHILD_OPTIONS = new ArrayList<>();
    /**
     * The agents' start-up cache options: empty, they inherit this JVM's (the kernel's cache);
     * with {@code --agent-cache}, a cache trained on an agent running this notebook.
     */
    private static List<String> agentCache = List.of();

    private SplitCompileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(CHILD)) {
            oneJvmChild(Path.of(args[1]));
            return;
        }
        Path notebook = Path.of(option(args, "--notebook", "solutions/00-warmup.ipynb"));
        int rounds = Integer.parseInt(option(args, "--rounds", "12"));
        int warmup = Integer.parseInt(option(args, "--warmup", "4"));
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0");
        }
        List<String> cells = codeCells(notebook);
        if (java.util.Arrays.asList(args).contains("--quick-jit")) {
            CHILD_OPTIONS.add("-XX:TieredStopAtLevel=1");
        }
        System.out.printf(Locale.ROOT, "%s: %d cells, %d rounds (%d of them warm-up), %d CPUs%n",
                notebook, cells.size(), rounds, warmup, Runtime.getRuntime().availableProcessors());
        Path cacheFolder = null;
        if (java.util.Arrays.asList(args).contains("--agent-cache")) {
            cacheFolder = Files.createTempDirectory("ttlab-agent-cache-");
            trainAgentCache(cells, cacheFolder);
        }
        try {
            measure(notebook, cells, rounds, warmup);
        } finally {
            if (cacheFolder != null) {
                try (var files = Files.list(cacheFolder)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(cacheFolder);
            }
        }
    }

    private static void measure(Path notebook, List<String> cells, int rounds, int warmup)
            throws IOException, InterruptedException {
        List<Double> oneJvm = new ArrayList<>();
        List<Double> split = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double a = oneJvmRound(notebook);
            double[] b = splitRound(cells);
            if (r == 1) {
                System.out.println("correctness: every cell ran both ways, and each check(...) passed all its tests");
            }
            oneJvm.add(a);
            split.add(b[0] + b[1]);
            System.out.printf(Locale.ROOT, "  round %2d   one JVM %6.2f s CPU   split %6.2f s CPU (compiling here %5.2f, running there %5.2f)%n",
                    r, a, b[0] + b[1], b[0], b[1]);
        }
        summary("all rounds:     ", oneJvm, split);
        summary("after warm-up:  ", oneJvm.subList(Math.min(warmup, rounds - 1), rounds),
                split.subList(Math.min(warmup, rounds - 1), rounds));
    }

    /**
     * Evaluated before the notebook's cells: {@code check(...)} runs the tests with JUnit's
     * launcher, as a grading worker does, and fails when one fails (a method declared in the
     * shell wins over the kernel's static import, which needs a live kernel to show its table).
     */
    static final String CHECK_WITH_JUNIT = """
            void check(Class<?>... testClasses) {
                var request = org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request();
                for (Class<?> c : testClasses) {
                    request.selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(c));
                }
                var summary = new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
                org.junit.platform.launcher.core.LauncherFactory.create().execute(request.build(), summary);
                if (summary.getSummary().getTotalFailureCount() > 0 || summary.getSummary().getTestsSucceededCount() == 0) {
                    throw new AssertionError(summary.getSummary().getTestsSucceededCount() + " tests passed, "
                            + summary.getSummary().getTotalFailureCount() + " failed");
                }
            }
            """;

    /** Cells that grading does not replay: demos marked so, and a master's wrong answers. */
    private static final java.util.Set<String> SKIPPED_ROLES = java.util.Set.of("skip-in-grading", "wrong-answer");

    private static void summary(String rounds, List<Double> oneJvm, List<Double> split) {
        double a = EngineBenchmark.median(oneJvm);
        double b = EngineBenchmark.median(split);
        System.out.printf(Locale.ROOT, "median CPU per notebook, %s one JVM %6.2f s   split %6.2f s   (%.2fx)%n",
                rounds, a, b, a / b);
    }

    /** The code cells of a notebook that grading replays, in order, after {@link #CHECK_WITH_JUNIT}. */
    static List<String> codeCells(Path notebook) {
        SavedNotebook saved = SavedNotebook.read(notebook)
                .orElseThrow(() -> new IllegalArgumentException(notebook + " cannot be read as a notebook"));
        List<String> cells = new ArrayList<>(List.of(CHECK_WITH_JUNIT));
        for (SavedNotebook.SavedCell cell : saved.cells()) {
            if (cell.code() && !SKIPPED_ROLES.contains(cell.role())) {
                cells.add(cell.source());
            }
        }
        return cells;
    }

    /** A fresh JVM compiles and runs every cell; returns its process CPU in seconds. */
    private static double oneJvmRound(Path notebook) throws IOException, InterruptedException {
        // Its errors come with its output: a failed cell's exception is what a reader needs.
        Process child = new ProcessBuilder(childCommand(true,
                List.of(SplitCompileBenchmark.class.getName(), CHILD, notebook.toString())))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("the one-JVM child failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("CPU ")).reduce((x, y) -> y)
                .orElseThrow(() -> new IllegalStateException("the one-JVM child reported no CPU:\n" + out));
        return Double.parseDouble(line.substring(4));
    }

    private static void oneJvmChild(Path notebook) throws IOException {
        List<String> warnings = new ArrayList<>();
        try (CellEngine engine = NotebookEngine.start(config(), warnings)) {
            for (String cell : codeCells(notebook)) {
                expect(engine.evaluate(cell, "bench"));
            }
        }
        expectNone(warnings);
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.println("CPU " + cpu);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Runs the notebook once through an agent that writes a start-up cache as it ends (an AOT
     * cache on JDK 25+, a dynamic AppCDS archive before); later agents must map it (-Xshare:on,
     * -XX:AOTMode=on), or the round fails instead of silently starting slowly.
     */
    private static void trainAgentCache(List<String> cells, Path folder) throws IOException, InterruptedException {
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = folder.resolve(aot ? "agent.aot" : "agent.jsa");
        splitRound(cells, List.of(aot ? "-XX:AOTCacheOutput=" + cache : "-XX:ArchiveClassesAtExit=" + cache));
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("the agent's start-up cache was not written: " + cache);
        }
        agentCache = aot ? List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on")
                : List.of("-XX:SharedArchiveFile=" + cache, "-Xshare:on");
        System.out.printf(Locale.ROOT, "agents start from a cache trained on this notebook: %s (%.1f MB)%n",
                String.join(" ", agentCache), Files.size(cache) / 1e6);
    }

    /** This JVM compiles, a fresh agent JVM runs; returns {CPU here, CPU there} in seconds. */
    private static double[] splitRound(List<String> cells) throws IOException, InterruptedException {
        return splitRound(cells, agentCache);
    }

    private static double[] splitRound(List<String> cells, List<String> cacheOptions)
            throws IOException, InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long hereBefore = os.getProcessCpuTime();
        List<String> agentMain = new ArrayList<>(SnippetAgent.JVM_LOG_TO_STDERR);
        agentMain.addAll(cacheOptions);
        agentMain.add(SnippetAgent.class.getName());
        Process agent = new ProcessBuilder(childCommand(cacheOptions.isEmpty(), agentMain))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // its output is the protocol
        double there;
        List<String> warnings = new ArrayList<>();
        try (CellEngine engine = NotebookEngine.startForwarded(config(), warnings, agent.getInputStream(),
                agent.getOutputStream())) {
            for (String cell : cells) {
                expect(engine.evaluate(cell, "bench"));
            }
            there = agent.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
        }
        double here = (os.getProcessCpuTime() - hereBefore) / 1e9;
        expectNone(warnings);
        agent.waitFor();
        return new double[]{here, there};
    }

    private static KernelConfig config() {
        return new KernelConfig(Duration.ZERO, List.of(), List.of(), List.of(), null);
    }

    /** A child JVM's command: this JVM's options (the kernel's; its start-up cache too when {@code inheritCache}) and class path. */
    private static List<String> childCommand(boolean inheritCache, List<String> optionsMainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(EngineBenchmark.jvmOptions(inheritCache));
        command.addAll(CHILD_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(optionsMainAndArgs);
        return command;
    }

    private static void expect(CellResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("a cell failed: " + result);
        }
    }

    private static void expectNone(List<String> warnings) {
        if (!warnings.isEmpty()) {
            throw new IllegalStateException("the engine warned: " + warnings);
        }
    }

    /** The last value given for an option (a later one overrides a default put first). */
    private static String option(String[] args, String name, String fallback) {
        String value = fallback;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                value = args[i + 1];
            }
        }
        return value;
    }
}
