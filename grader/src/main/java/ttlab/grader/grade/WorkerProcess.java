package ttlab.grader.grade;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts one worker JVM and keeps it within its limits from the outside: wall-clock time and CPU
 * time (polled from the process and everything it started), its output (drained continuously, so a
 * flood never blocks it, and kept only up to a cap), and on excess it kills the whole process tree.
 * The heap cap and the rest of the JVM's options are set on its command line; the rest of its
 * confinement is the {@link Sandbox}'s.
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
    private final Path scratch;
    private final Path hostScratch;

    /**
     * A worker for one run, with the JVM options that carry the limits it cannot enforce itself,
     * in this machine's {@link Sandbox}.
     *
     * @param hostScratch the scratch directory the parent made (the worker's, outside the sandbox)
     * @param report      the report file, created by the parent
     */
    WorkerProcess(GradeOptions options, Path hostScratch, Path report) {
        Sandbox sandbox = Sandbox.here();
        this.scratch = sandbox.scratch(hostScratch);
        this.hostScratch = hostScratch;
        List<String> java = new ArrayList<>();
        Path javaHome = Path.of(System.getProperty("java.home"));
        java.add(javaHome.resolve("bin").resolve("java").toString());
        java.add("-Xmx" + options.heapBytes());
        java.add("-XX:MaxMetaspaceSize=256m");
        java.add("-XX:CompressedClassSpaceSize=128m");
        java.add("-XX:+UseSerialGC");
        if (options.quickJit()) {
            java.add("-XX:TieredStopAtLevel=1");
        }
        java.add("-XX:-UsePerfData");
        java.add("-ea");
        java.add("-Djava.awt.headless=true");
        java.add("-Dfile.encoding=UTF-8");
        java.add("-Duser.language=en");
        java.add("-Duser.country=US");
        java.add("-Duser.timezone=UTC");
        java.add("-Djava.io.tmpdir=" + scratch);
        List<String> kernelOptions = kernelOptions();
        java.addAll(kernelOptions);
        java.add(SourceIndexing.OPEN_JSHELL);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(SubmissionWorker.class.getName());
        List<Path> readOnly = new ArrayList<>();
        readOnly.add(javaHome);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                readOnly.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        for (String option : kernelOptions) {
            int eq = option.indexOf('=');
            if (option.startsWith("-XX:") && eq > 0) { // the start-up cache's file
                readOnly.add(Path.of(option.substring(eq + 1)).toAbsolutePath().normalize());
            }
        }
        readOnly.addAll(Sandbox.settingsPaths(System.getenv()));
        this.command = List.copyOf(sandbox.command(java, readOnly, scratch, report, options.heapBytes()));
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

    /**
     * Runs the worker until it ends, runs over a budget, or a cell gets stuck; {@code request}
     * goes to its standard input. Whichever way this returns or throws, the worker and everything
     * it started are killed first.
     */
    Ended run(byte[] request, Duration wallBudget, Duration cpuBudget, StuckCellWatch watch)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(hostScratch.toFile()).redirectErrorStream(true);
        Map<String, String> environment = Sandbox.environment(System.getenv(), scratch);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        Set<ProcessHandle> family = new LinkedHashSet<>();
        try {
            Drain drain = new Drain(process.getInputStream());
            drain.start();
            Feed feed = new Feed(process.getOutputStream(), request);
            feed.start();
            Limit limit = Limit.NONE;
            String stuck = null;
            Duration cpu = Duration.ZERO;
            long lastCpuPoll = 0;
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                process.descendants().forEach(family::add);
                if (Duration.ofNanos(now - start).compareTo(wallBudget) > 0) {
                    limit = Limit.WALL;
                    break;
                }
                if (now - lastCpuPoll >= TimeUnit.MILLISECONDS.toNanos(CPU_POLL_MILLIS)) {
                    lastCpuPoll = now;
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
            killAll(process, family);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            drain.join(2000); // a grandchild that escaped may hold the pipe open: do not wait for it
            return new Ended(process.exitValue(), limit, stuck, wall, cpu, drain.total(), drain.head());
        } finally {
            killAll(process, family);
        }
    }

    /** Set in every worker's environment: notebook code may ask whether it is being graded. */
    static final String GRADING_VARIABLE = "TTLAB_GRADING";

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

    /**
     * The worker first, so it cannot start more, then everything it started that is still alive
     * (in the sandbox, its PID namespace ends with it anyway). Not interruptible: a worker must
     * never outlive its grading.
     */
    private static void killAll(Process process, Set<ProcessHandle> family) {
        process.descendants().forEach(family::add);
        process.destroyForcibly();
        for (ProcessHandle p : family) {
            p.destroyForcibly();
        }
        boolean interrupted = false;
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the request to the worker's standard input, then closes it (end of input for a Scanner). */
    private static final class Feed extends Thread {
        private final java.io.OutputStream out;
        private final byte[] request;

        Feed(java.io.OutputStream out, byte[] request) {
            super("ttlab-worker-request");
            setDaemon(true);
            this.out = out;
            this.request = request;
        }

        @Override
        public void run() {
            try (java.io.OutputStream stdin = out) {
                stdin.write(request);
            } catch (IOException e) {
                // the worker died before reading it: its report says so, or its absence does
            }
        }
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
