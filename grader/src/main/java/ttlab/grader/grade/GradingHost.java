package ttlab.grader.grade;

import ttlab.kernel.ParentWatch;
import ttlab.kernel.engine.CellEngine;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The long-lived process that compiles submissions for one grading slot:
 * {@code java ttlab.grader.grade.GradingHost}. It reads one {@link Job} per line on standard
 * input, grades it with a fresh cell engine whose code runs in the job's {@link GradingAgent}
 * (started by the parent, in a sandbox of its own), and answers one line on standard output.
 *
 * <p>The point of a host is that its compiler stays warm: a fresh JVM spends about a second of
 * CPU before JShell compiles its first cell, and most of a submission's grading is compiling.
 * No submitted code runs here: the engine only compiles, and the agent loads and runs what it
 * compiled. What the host keeps from one submission to the next is its warm JIT; each
 * submission gets a new JShell.
 */
public final class GradingHost {

    /** The answer to a job whose grading ran to its end. */
    static final String DONE = "ttlab-host: done";
    /** The answer to a job whose agent ended before its grading did. */
    static final String AGENT_ENDED = "ttlab-host: agent ended";
    /** The answer to a job that failed here; the report says why. */
    static final String FAILED = "ttlab-host: failed";
    /** The first line of a host that is ready for jobs. */
    static final String READY = "ttlab-host: ready";

    /**
     * One submission: what to grade, and the job's named pipes to its agent (to the agent, then
     * from it; the host opens them in that order, as {@link ttlab.kernel.engine.SnippetAgent} does).
     */
    record Job(WorkerRequest request, String toAgent, String fromAgent) {
    }

    private GradingHost() {
    }

    public static void main(String[] args) {
        ParentWatch.start(SubmissionWorker.EXIT_ORPHANED);
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // standard output carries the answers and nothing else
        try {
            BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            answers.println(READY);
            for (String line; (line = jobs.readLine()) != null; ) {
                String answer;
                try {
                    answer = grade(WorkerReport.JSON.fromJson(line, Job.class));
                } catch (Exception e) {
                    e.printStackTrace(); // no report to say it in: the parent keeps this output
                    answer = FAILED;
                }
                answers.println(answer);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            Runtime.getRuntime().halt(SubmissionWorker.EXIT_WORKER_ERROR);
        }
        Runtime.getRuntime().halt(0);
    }

    /** Grades one job and says how it ended. */
    static String grade(Job job) throws java.io.IOException {
        WorkerRequest request = job.request();
        try (WorkerReport report = WorkerReport.append(Path.of(request.report()),
                HexFormat.of().parseHex(request.reportKey()))) {
            // Opening a named pipe waits for its other end: the agent opens them in this order too.
            OutputStream toAgent = new FileOutputStream(job.toAgent());
            InputStream fromAgent = new FileInputStream(job.fromAgent());
            List<String> warnings = new ArrayList<>();
            CellEngine engine = null;
            try {
                report.write(WorkerEvent.start("setup"));
                engine = GradingEngine.start(warnings, fromAgent, toAgent);
                new SubmissionWorker(request, report, engine, warnings).run();
                return DONE;
            } catch (SubmissionWorker.AgentEnded e) {
                return AGENT_ENDED;
            } catch (Throwable t) {
                if (engine != null && engine.runnerEnded().isPresent()) {
                    return AGENT_ENDED;
                }
                report.write(WorkerEvent.message(WorkerEvent.WORKER_ERROR, null, "the grader failed: " + t));
                return FAILED;
            } finally {
                if (engine != null) {
                    GradingEngine.close(engine);
                }
                toAgent.close();
                fromAgent.close();
            }
        }
    }
}
