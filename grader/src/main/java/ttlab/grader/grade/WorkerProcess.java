package ttlab.grader.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts one worker JVM and keeps it within its limits from the outside: wall-clock time and CPU
 * time (polled from the process and everything it started), its output (drained continuously, so a
 * flood never blocks it, and kept only up to a cap), and on excess it kills the whole process tree.
 * The heap cap and the rest of the JVM's options are set on its command line; the network is cut
 * by {@link NetworkIsolation}.
 */
final class WorkerProcess {

    /** Which outside limit stopped the worker, if any; STUCK: a cell did not stop at its own limit. */
    enum Limit { NONE, WALL, CPU, STUCK }

    /**
     * How it ended.
     *
     * @param exitStatus  the process's exit status (128 + signal when killed)
     * @param limit       the limit it was killed for
     * @param stuckUnit   for {@link Limit#STUCK}, the cell that did not stop
     * @param outputBytes every byte it wrote to stdout and stderr
     * @param logHead     the first bytes of that output, for a human looking into a crash
     */
    record Ended(int exitStatus, Limit limit, String stuckUnit, Duration wall, Duration cpu, long outputBytes,
                 String logHead) {
    }

    private static final long POLL_MILLIS = 50;
    private static final long CPU_POLL_MILLIS = 200;
    private static final int LOG_HEAD_BYTES = 64 * 1024;

    private final List<String> command;

    /** A worker for {@code request}, with the JVM options that carry the limits it cannot enforce itself. */
    WorkerProcess(GradeOptions options, Path request, Path scratch) {
        List<String> c = new ArrayList<>(NetworkIsolation.prefix());
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx" + options.heapBytes());
        c.add("-XX:MaxMetaspaceSize=256m");
        c.add("-XX:+UseSerialGC");
        if (options.quickJit()) {
            c.add("-XX:TieredStopAtLevel=1");
        }
        c.add("-XX:-UsePerfData");
        c.add("-ea");
        c.add("-Djava.awt.headless=true");
        c.add("-Dfile.encoding=UTF-8");
        c.add("-Duser.language=en");
        c.add("-Duser.country=US");
        c.add("-Duser.timezone=UTC");
        c.add("-Djava.io.tmpdir=" + scratch);
        c.addAll(kernelOptions());
        c.add(SourceIndexing.OPEN_JSHELL);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(SubmissionWorker.class.getName());
        c.add(request.toString());
        this.command = List.copyOf(c);
    }

    /** Options of this JVM (started as the kernel is, by ./ttlab) that the worker takes over. */
    private static final List<String> KERNEL_OPTIONS = List.of(
            // the kernel's start-up cache: the worker starts JShell as the kernel does, so the same
            // AppCDS archive or AOT cache saves it a second or so
            "-XX:SharedArchiveFile=", "-XX:AOTCache=",
            // what the course allows its libraries on newer JDKs; without them the JDK would print
            // warnings into the submission's output that the kernel never showed
            "--enable-native-access", "--sun-misc-unsafe-memory-access", "--illegal-native-access",
            "--add-opens", "--add-exports");

    private static List<String> kernelOptions() {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (KERNEL_OPTIONS.stream().anyMatch(arg::startsWith)) {
                options.add(arg);
            }
        }
        return options;
    }

    List<String> command() {
        return command;
    }

    /** Runs the worker in {@code scratch} until it ends, runs over a budget, or a cell gets stuck. */
    Ended run(Path scratch, Duration wallBudget, Duration cpuBudget, StuckCellWatch watch)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true);
        builder.environment().put("TMPDIR", scratch.toString());
        workerEnvironment(builder.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close(); // stdin: end of input at once, as nothing answers a Scanner
        Drain drain = new Drain(process.getInputStream());
        drain.start();
        Set<ProcessHandle> family = new LinkedHashSet<>();
        Limit limit = Limit.NONE;
        String stuck = null;
        Duration cpu = Duration.ZERO;
        long lastCpuPoll = 0;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (Duration.ofNanos(now - start).compareTo(wallBudget) > 0) {
                limit = Limit.WALL;
                break;
            }
            if (now - lastCpuPoll >= TimeUnit.MILLISECONDS.toNanos(CPU_POLL_MILLIS)) {
                lastCpuPoll = now;
                process.descendants().forEach(family::add);
                cpu = cpuOf(process.toHandle(), family);
                if (cpu.compareTo(cpuBudget) > 0) {
                    limit = Limit.CPU;
                    break;
                }
                stuck = watch.stuckUnit();
                if (stuck != null) {
                    limit = Limit.STUCK;
                    break;
                }
            }
        }
        process.descendants().forEach(family::add);
        killAll(process, family);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        drain.join(2000); // a grandchild that escaped may hold the pipe open: do not wait for it
        return new Ended(process.exitValue(), limit, stuck, wall, cpu, drain.total(), drain.head());
    }

    /** Set in every worker's environment: notebook code may ask whether it is being graded. */
    static final String GRADING_VARIABLE = "TTLAB_GRADING";

    /**
     * The worker's environment: the parent's, less its secrets (a submission service holds the
     * JupyterHub API token, a database password...; student code could print them), plus
     * {@link #GRADING_VARIABLE}, which code in the notebook cannot unset, so that e.g.
     * {@code submit()} in a replayed cell does nothing.
     */
    static void workerEnvironment(java.util.Map<String, String> environment) {
        environment.keySet().removeIf(WorkerProcess::isSecret);
        environment.put(GRADING_VARIABLE, "1");
    }

    static boolean isSecret(String variable) {
        String name = variable.toUpperCase(java.util.Locale.ROOT);
        return name.contains("TOKEN") || name.contains("PASSWORD") || name.contains("SECRET")
                || name.startsWith("JUPYTERHUB_") || name.startsWith("PG") || name.endsWith("_KEY");
    }

    private static Duration cpuOf(ProcessHandle root, Set<ProcessHandle> family) {
        Duration total = root.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle p : family) {
            total = total.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** The worker first, so it cannot start more, then everything it started that is still alive. */
    private static void killAll(Process process, Set<ProcessHandle> family) throws InterruptedException {
        process.destroyForcibly();
        for (ProcessHandle p : family) {
            p.destroyForcibly();
        }
        process.waitFor();
    }

    /** Reads a worker's output as fast as it comes, keeping only the first bytes. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private volatile long total;

        Drain(InputStream in) {
            super("ttlab-worker-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream input = in) {
                for (int n; (n = input.read(buffer)) >= 0; ) {
                    synchronized (head) {
                        int keep = Math.max(0, Math.min(n, LOG_HEAD_BYTES - head.size()));
                        head.write(buffer, 0, keep);
                    }
                    total += n;
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        long total() {
            return total;
        }

        String head() {
            synchronized (head) {
                return head.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
