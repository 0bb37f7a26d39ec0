package ttlab.kernel.bench;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import ttlab.kernel.NotebookClasspath;
import ttlab.kernel.engine.CellEngine;
import ttlab.kernel.engine.CellResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up and per-snippet latency of ttlab's in-process engine against JShell's default
 * engine (a second JVM driven over JDI), the engine a plain JShell kernel uses.
 *
 * <p>Each start is a fresh JVM launched by this program with the kernel's own JVM options;
 * the child reports when its first snippet has been evaluated, then times further snippets.
 * A program that prints figures, not a test.
 */
public final class EngineBenchmark {

    private static final String CHILD = "--child";

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(CHILD)) {
            child(args[1]);
            return;
        }
        int runs = intOption(args, "--runs", 5);
        int snippets = intOption(args, "--snippets", 50);
        for (String engine : List.of("ttlab-inprocess", "jshell-default")) {
            List<Double> starts = new ArrayList<>();
            List<Double> evals = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                double[] figures = launchChild(engine, snippets);
                starts.add(figures[0]);
                evals.add(figures[1]);
            }
            System.out.printf(Locale.ROOT, "  %-16s launch -> first snippet  median %8.1f ms   min %8.1f   max %8.1f%n",
                    engine, median(starts), min(starts), max(starts));
            System.out.printf(Locale.ROOT, "  %-16s snippet eval (median of medians)  %8.2f ms%n", engine, median(evals));
        }
    }

    /** Launches a child JVM; returns {ms to first snippet, median ms per further snippet}. */
    private static double[] launchChild(String engine, int snippets) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // The start-up cache was trained on the kernel, not on this program: leave it out for
        // both engines alike, so neither gets an advantage the other cannot have.
        command.addAll(jvmOptions(false));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EngineBenchmark.class.getName(), CHILD, engine + ":" + snippets));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double first = -1;
        double perSnippet = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("FIRST")) {
                    first = (System.nanoTime() - t0) / 1e6;
                } else if (line.startsWith("EVAL ")) {
                    perSnippet = Double.parseDouble(line.substring(5));
                }
            }
        }
        if (process.waitFor() != 0 || first < 0 || perSnippet < 0) {
            throw new IllegalStateException("benchmark child for " + engine + " failed (exit " + process.exitValue() + ")");
        }
        return new double[]{first, perSnippet};
    }

    /**
     * The JVM options this JVM was started with (the kernel's), minus the class path, and minus
     * the start-up cache unless {@code withStartupCache}.
     */
    static List<String> jvmOptions(boolean withStartupCache) {
        List<String> options = new ArrayList<>();
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (withStartupCache || !arg.startsWith("-XX:SharedArchiveFile") && !arg.startsWith("-XX:AOTCache")) {
                options.add(arg);
            }
        }
        return options;
    }

    private static void child(String spec) {
        String[] parts = spec.split(":");
        String engine = parts[0];
        int snippets = Integer.parseInt(parts[1]);
        List<Double> times = new ArrayList<>();
        if (engine.equals("ttlab-inprocess")) {
            try (CellEngine cells = CellEngine.builder()
                    .classpath(NotebookClasspath.of(System.getProperty("java.class.path")))
                    .build()) {
                expect(cells.evaluate("1 + 1", "bench"));
                System.out.println("FIRST");
                for (int i = 0; i < snippets; i++) {
                    long t = System.nanoTime();
                    expect(cells.evaluate(i + " + 1", "bench"));
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
        } else {
            try (JShell shell = JShell.create()) {
                expect(shell.eval("1 + 1"));
                System.out.println("FIRST");
                for (int i = 0; i < snippets; i++) {
                    long t = System.nanoTime();
                    expect(shell.eval(i + " + 1"));
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        System.out.println("EVAL " + median(times));
        System.out.flush();
        System.exit(0);
    }

    private static void expect(CellResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("snippet failed: " + result);
        }
    }

    private static void expect(List<SnippetEvent> events) {
        if (events.isEmpty() || events.get(0).value() == null) {
            throw new IllegalStateException("snippet failed: " + events);
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
