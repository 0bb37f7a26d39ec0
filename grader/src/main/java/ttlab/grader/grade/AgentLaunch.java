package ttlab.grader.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link GradingAgent} started before its submission is known: its JVM starts and warms JUnit
 * up, then waits for its {@link GradingAgent.AgentRequest} on standard input. It sees one folder
 * of the parent's, its job folder, where the submission's report and named pipes are made once
 * the submission comes; nothing of the submission is there or in the agent before that.
 */
final class AgentLaunch {

    private static final int LOG_HEAD_BYTES = 64 * 1024;

    private final List<String> command;
    private final Path job;
    private final Path hostScratch;
    private final ProcessTree tree;
    private final OutputDrain output;

    private AgentLaunch(List<String> command, Path job, Path hostScratch, Process process) {
        this.command = command;
        this.job = job;
        this.hostScratch = hostScratch;
        this.tree = new ProcessTree(process);
        this.output = new OutputDrain("ttlab-worker-output", process.getInputStream(), LOG_HEAD_BYTES);
        this.output.start();
    }

    /** Starts an agent for {@code options} whose job folder is {@code job}. */
    static AgentLaunch start(GradeOptions options, Path job) throws IOException {
        Path hostScratch = Files.createTempDirectory("ttlab-scratch-");
        List<String> command = commandFor(options, job, Sandbox.here().scratch(hostScratch));
        try {
            return new AgentLaunch(command, job, hostScratch,
                    GradingJvm.builder(command, hostScratch).redirectErrorStream(true).start());
        } catch (IOException e) {
            WorkerRuns.deleteTree(hostScratch);
            throw e;
        }
    }

    private static List<String> commandFor(GradeOptions options, Path job, Path scratch) {
        return Sandbox.here().command(GradingJvm.command(options, options.heapBytes(), scratch, GradingAgent.class, List.of()),
                GradingJvm.readOnly(), scratch, List.of(job), options.heapBytes());
    }

    /** True when it is alive and was started as {@code options} would start it now. */
    boolean fits(GradeOptions options) {
        return tree.alive() && command.equals(commandFor(options, job, Sandbox.here().scratch(hostScratch)));
    }

    /** The folder for its submission's report and named pipes, bound into its sandbox. */
    Path job() {
        return job;
    }

    ProcessTree tree() {
        return tree;
    }

    /** Everything it printed so far (its first bytes are kept). */
    OutputDrain output() {
        return output;
    }

    /** Hands it its submission; it reads the request whole, then serves its host. */
    void send(GradingAgent.AgentRequest request) {
        try (OutputStream stdin = tree.process().getOutputStream()) {
            stdin.write(WorkerReport.JSON.toJson(request).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it died before reading it: its exit says so
        }
    }

    /** Kills it and deletes its folders. */
    void discard() {
        tree.kill();
        WorkerRuns.deleteTree(hostScratch);
        WorkerRuns.deleteTree(job);
    }
}
