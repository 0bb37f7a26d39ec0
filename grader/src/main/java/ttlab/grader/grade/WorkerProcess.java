package ttlab.grader.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grades one run of a submission: starts its {@link GradingAgent} in this machine's
 * {@link Sandbox}, hands the job to this thread's {@link GradingHost}, and keeps the two within
 * the run's limits from the outside: wall-clock time and CPU time (the agent and everything it
 * started, plus what the host spent meanwhile), the agent's output (drained continuously, so a
 * flood never blocks it, and kept only up to a cap); on excess it kills the agent's whole process
 * tree. A host that does not answer once its agent has ended is killed too.
 */
final class WorkerProcess {

    /** Which outside limit stopped the worker, if any; STUCK: a cell did not stop at its own limit. */
    enum Limit { NONE, WALL, CPU, STUCK }

    /**
     * How it ended.
     *
     * @param exitStatus  the agent's exit status (128 + signal when killed; the worker-error
     *                    status when the host failed)
     * @param limit       the limit it was killed for
     * @param stuckUnit   for {@link Limit#STUCK}, the cell that did not stop
     * @param outputBytes every byte the agent wrote to stdout and stderr
     * @param logHead     the first bytes of that output, for a human looking into a crash
     */
    record Ended(int exitStatus, Limit limit, String stuckUnit, Duration wall, Duration cpu, long outputBytes,
                 String logHead) {
    }

    private static final long POLL_MILLIS = 20;
    private static final long CPU_POLL_MILLIS = 200;
    /** How long a host may take to answer once its agent has ended (it closes the engine, then answers). */
    private static final Duration HOST_ANSWER = Duration.ofSeconds(5);
    /** How long an agent may stay once its host has answered (closing the engine ends it). */
    private static final Duration AGENT_AFTER_ANSWER = Duration.ofSeconds(1);

    private final GradeOptions options;

    WorkerProcess(GradeOptions options) {
        this.options = options;
    }

    /**
     * The agent for the run, from this thread's slot (started ahead, or now); the run's report
     * goes in its job folder. The caller discards it after {@link #run}.
     */
    static AgentLaunch nextAgent(GradeOptions options) throws IOException, InterruptedException {
        return HostProcess.forThisThread(options).nextAgent(options);
    }

    /**
     * Runs the request until the agent ends, runs over a budget, or a cell gets stuck. Whichever
     * way this returns or throws, the agent and everything it started are killed first.
     *
     * @param agent the run's agent ({@link #nextAgent}), whose job folder holds the request's report
     */
    Ended run(AgentLaunch agent, WorkerRequest request, Duration wallBudget, Duration cpuBudget, StuckCellWatch watch)
            throws IOException, InterruptedException {
        HostProcess host = HostProcess.forThisThread(options);
        Path toAgent = NamedPipes.make(agent.job().resolve("to-agent"));
        Path fromAgent = NamedPipes.make(agent.job().resolve("from-agent"));
        GradingAgent.AgentRequest agentRequest = new GradingAgent.AgentRequest(request.testLimitMillis(),
                request.cellLimitMillis(), request.outputLimit(), request.maxThreads(), request.report(),
                request.reportKey(), request.forbidden(), toAgent.toString(), fromAgent.toString());
        long start = System.nanoTime();
        Duration hostCpuBefore = host.cpu();
        ProcessTree tree = agent.tree();
        OutputDrain drain = agent.output();
        boolean hostAnswered = false;
        try {
            agent.send(agentRequest);
            host.send(new GradingHost.Job(request, toAgent.toString(), fromAgent.toString()));
            host.startNextAgent(options); // its JVM starts while this submission is graded
            Limit limit = Limit.NONE;
            String stuck = null;
            Duration cpu = Duration.ZERO;
            long lastCpuPoll = 0;
            String answer = null;
            long answeredAt = 0;
            while (!tree.process().waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                tree.refresh();
                if (Duration.ofNanos(now - start).compareTo(wallBudget) > 0) {
                    limit = Limit.WALL;
                    break;
                }
                if (!host.alive()) {
                    break; // the host failed: the agent has nobody to serve
                }
                if (answer == null && (answer = host.answer(Duration.ZERO)) != null) {
                    answeredAt = now;
                }
                if (answer != null && Duration.ofNanos(now - answeredAt).compareTo(AGENT_AFTER_ANSWER) > 0) {
                    break; // the host closed the engine, which ends an agent: this one stayed
                }
                if (now - lastCpuPoll >= TimeUnit.MILLISECONDS.toNanos(CPU_POLL_MILLIS)) {
                    lastCpuPoll = now;
                    cpu = tree.cpu().plus(host.cpu().minus(hostCpuBefore));
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
            Duration last = tree.cpu().plus(host.cpu().minus(hostCpuBefore)); // an agent that has ended has none to tell
            cpu = last.compareTo(cpu) > 0 ? last : cpu;
            tree.kill();
            if (answer == null && host.alive()) {
                answer = host.answer(HOST_ANSWER);
            }
            // a host that failed may be in any state: the next job gets a fresh one
            hostAnswered = (GradingHost.DONE.equals(answer) || GradingHost.AGENT_ENDED.equals(answer)) && host.alive();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            drain.join(2000); // a grandchild that escaped may hold the pipe open: do not wait for it
            int status = tree.process().exitValue();
            String log = drain.head();
            if (!hostAnswered) {
                status = SubmissionWorker.EXIT_WORKER_ERROR;
                log = log + "\n--- grading host ---\n" + host.log();
            }
            return new Ended(status, limit, stuck, wall, cpu, drain.total(), log);
        } finally {
            tree.kill();
            if (!hostAnswered) {
                host.kill();
            }
        }
    }

    /** Set in every worker's environment: notebook code may ask whether it is being graded. */
    static final String GRADING_VARIABLE = "TTLAB_GRADING";

    static boolean isSecret(String variable) {
        String name = variable.toUpperCase(java.util.Locale.ROOT);
        return name.contains("TOKEN") || name.contains("PASSWORD") || name.contains("SECRET")
                || name.startsWith("JUPYTERHUB_") || name.startsWith("PG") || name.endsWith("_KEY");
    }

}
