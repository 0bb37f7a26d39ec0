package ttlab.grader.grade;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A grading process and everything it started: their CPU time together, and a kill that reaches
 * them all. Descendants are collected at each {@link #refresh}, so that one that was re-parented
 * after its parent died is still killed.
 */
final class ProcessTree {

    private final Process process;
    private final Set<ProcessHandle> family = new LinkedHashSet<>();

    ProcessTree(Process process) {
        this.process = process;
    }

    Process process() {
        return process;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Notes the processes started since the last call. */
    void refresh() {
        process.descendants().forEach(family::add);
    }

    /** CPU time of the process and of every descendant seen so far. */
    Duration cpu() {
        Duration total = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle p : family) {
            total = total.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /**
     * The process first, so it cannot start more, then everything it started that is still
     * alive (in the sandbox, its PID namespace ends with it anyway). Not interruptible: a grading
     * process must never outlive its grading.
     */
    void kill() {
        refresh();
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
}
