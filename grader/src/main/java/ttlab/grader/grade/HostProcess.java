package ttlab.grader.grade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's side of a {@link GradingHost}: one per grading thread (a job slot), started on
 * the thread's first submission and kept while it answers as it should. It runs in this machine's
 * {@link Sandbox} like every grading process, and sees one folder of the parent's, its slot,
 * where each job's report and named pipes are made.
 *
 * <p>A host that dies, answers out of turn or does not answer in time is killed, and the
 * thread's next submission starts a new one: nothing of a job can carry over into the next
 * through a host that misbehaved.
 */
final class HostProcess {

    private static final ThreadLocal<HostProcess> OF_THREAD = new ThreadLocal<>();
    /** Every live host and the thread it serves: a host whose thread has ended is killed. */
    private static final Map<HostProcess, Thread> LIVE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int LOG_HEAD_BYTES = 16 * 1024;
    /**
     * The host's heap, whatever the submissions' ({@code --heap}): compiling a notebook with
     * JShell takes some 100 MB, and the host runs no submitted code that could use more.
     */
    static final long HEAP_BYTES = 512L << 20;
    private static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final List<String> command;
    private final Path slot;
    private final Path scratch;
    private final ProcessTree tree;
    private final OutputStream jobs;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final OutputDrain errors;
    private int jobCount;
    private AgentLaunch next;

    private HostProcess(List<String> command, Path slot, Path scratch, Process process) {
        this.command = command;
        this.slot = slot;
        this.scratch = scratch;
        this.tree = new ProcessTree(process);
        this.jobs = process.getOutputStream();
        this.errors = new OutputDrain("ttlab-host-errors", process.getErrorStream(), LOG_HEAD_BYTES);
        this.errors.start();
        Thread reader = new Thread(() -> readAnswers(process), "ttlab-host-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** This thread's host for {@code options}, started (and ready) if it has none that works. */
    static HostProcess forThisThread(GradeOptions options) throws IOException, InterruptedException {
        killOrphans();
        HostProcess host = OF_THREAD.get();
        if (host != null && host.tree.alive() && host.command.equals(commandFor(options, host.slot))) {
            return host;
        }
        if (host != null) {
            host.kill();
        }
        host = start(options);
        OF_THREAD.set(host);
        LIVE.put(host, Thread.currentThread());
        return host;
    }

    /**
     * Kills the hosts whose threads have ended (a finished batch's pool): in the sandbox a host
     * dies with the thread that started it, but where there is none it would wait for jobs for as
     * long as this JVM runs.
     */
    static void killOrphans() {
        LIVE.forEach((host, thread) -> {
            if (!thread.isAlive()) {
                host.kill();
            }
        });
    }

    private static List<String> commandFor(GradeOptions options, Path slot) {
        Sandbox sandbox = Sandbox.here();
        Path scratch = sandbox.scratch(scratchOf(slot));
        return sandbox.command(GradingJvm.command(options, HEAP_BYTES, scratch, GradingHost.class, List.of()),
                GradingJvm.readOnly(), scratch, List.of(slot), HEAP_BYTES);
    }

    /** The host's scratch folder, beside its slot (the agents see their job folders alone). */
    private static Path scratchOf(Path slot) {
        return slot.resolveSibling(slot.getFileName() + "-scratch");
    }

    private static HostProcess start(GradeOptions options) throws IOException, InterruptedException {
        // The slot and its job folders stay the grader's: the host, another user in the sandbox,
        // may enter them and use the files made for it there, but make nothing.
        Path slot = Files.createTempDirectory("ttlab-slot-", PosixFilePermissions.asFileAttribute(TRAVERSABLE));
        Path hostScratch = Files.createDirectories(scratchOf(slot));
        List<String> command = commandFor(options, slot);
        HostProcess host = new HostProcess(command, slot, hostScratch, GradingJvm.builder(command, hostScratch).start());
        String first = host.answer(START_LIMIT);
        if (!GradingHost.READY.equals(first)) {
            host.kill();
            throw new IOException("the grading host did not start (" + (first == null ? "no answer" : first) + "): "
                    + host.errors.head());
        }
        return host;
    }

    private void readAnswers(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ttlab-host: ")) { // anything else is a JVM's chatter
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the host is gone: no more answers
        }
    }

    /** The folder where jobs' files go; the host sees it at the same path. */
    Path slot() {
        return slot;
    }

    /**
     * The agent for this slot's next submission: the one started ahead ({@link #startNextAgent})
     * if it is still alive and fits {@code options}, else one started now. The caller owns it.
     */
    AgentLaunch nextAgent(GradeOptions options) throws IOException {
        AgentLaunch agent = next;
        next = null;
        if (agent != null && agent.fits(options)) {
            return agent;
        }
        if (agent != null) {
            agent.discard();
        }
        return AgentLaunch.start(options, jobFolder());
    }

    /**
     * Starts the agent for this slot's next submission now, so that its JVM starts and warms up
     * while the current one is graded.
     */
    void startNextAgent(GradeOptions options) throws IOException {
        if (next != null) {
            next.discard();
        }
        next = AgentLaunch.start(options, jobFolder());
    }

    /** The process of the agent started ahead for the next submission, if there is one. */
    java.util.Optional<ProcessHandle> agentStartedAhead() {
        return java.util.Optional.ofNullable(next).map(agent -> agent.tree().process().toHandle());
    }

    /** A fresh folder in the slot for one job's report and named pipes. */
    private Path jobFolder() throws IOException {
        Path job = Files.createDirectory(slot.resolve("job-" + (++jobCount)));
        Files.setPosixFilePermissions(job, TRAVERSABLE); // whatever the umask
        return job;
    }

    /** Sends a job; its answer comes through {@link #answer}. */
    void send(GradingHost.Job job) throws IOException {
        answers.clear();
        jobs.write((WorkerReport.JSON.toJson(job) + "\n").getBytes(StandardCharsets.UTF_8));
        jobs.flush();
    }

    /** The next answer within {@code wait}, or null. */
    String answer(Duration wait) throws InterruptedException {
        return answers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return tree.alive();
    }

    /** The host's process (in the sandbox, the sandbox's: the host runs inside it). */
    long pid() {
        return tree.process().pid();
    }

    /** CPU time the host has used since it started. */
    Duration cpu() {
        tree.refresh();
        return tree.cpu();
    }

    /** What the host printed on its standard error, for a human looking into a failure. */
    String log() {
        return errors.head();
    }

    /** Kills the host and forgets it: the thread's next submission starts another. */
    void kill() {
        LIVE.remove(this);
        if (next != null) {
            next.discard();
            next = null;
        }
        tree.kill();
        if (OF_THREAD.get() == this) {
            OF_THREAD.remove();
        }
        WorkerRuns.deleteTree(slot);
        WorkerRuns.deleteTree(scratch);
    }
}
