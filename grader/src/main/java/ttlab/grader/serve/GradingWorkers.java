package ttlab.grader.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ttlab.grader.grade.NotebookGrader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The grading threads of one service process. Each takes a submission from the database's queue,
 * writes its notebook into a folder of its own under {@code work/}, grades it with the grader
 * ({@link NotebookGrader}: a grading host per thread and a fresh agent JVM per submission, with limits), and records the
 * result; meanwhile a timer renews the leases of everything being graded. Idle threads look at the
 * queue every {@link #POLL} (submissions from other processes), and at once when this process
 * queues one ({@link #wake()}).
 */
final class GradingWorkers implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(500);
    /** A submission whose grading was started this many times without finishing is given up on. */
    static final int MAX_ATTEMPTS = 3;
    private static final int MAX_LOG_CHARS = 64 * 1024;

    private final SubmissionStore store;
    private final NotebookGrader grader;
    private final Path work;
    private final String name;
    private final int count;
    private final Duration lease;
    private final PrintStream log;
    private final Map<SubmissionStore.Claim, String> inFlight = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object bell = new Object();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ttlab-lease-renewal");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    /**
     * @param name  this process's name; its threads are {@code name/1}, {@code name/2}, ... in leases
     * @param count grading threads (submissions graded at the same time)
     * @param lease how long a claim holds a submission without being renewed
     */
    GradingWorkers(SubmissionStore store, NotebookGrader grader, Path work, String name, int count, Duration lease,
                   PrintStream log) {
        this.store = store;
        this.grader = grader;
        this.work = work;
        this.name = name;
        this.count = count;
        this.lease = lease;
        this.log = log;
    }

    void start() throws IOException {
        clean(work);
        Files.createDirectories(work);
        running = true;
        long every = Math.max(200, lease.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= count; i++) {
            String worker = name + "/" + i;
            Thread t = new Thread(() -> loop(worker), "ttlab-grading-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Tells idle threads that a submission was queued. */
    void wake() {
        synchronized (bell) {
            bell.notifyAll();
        }
    }

    private void loop(String worker) {
        while (running) {
            Optional<SubmissionStore.Claim> claim;
            try {
                claim = store.claim(worker, lease, MAX_ATTEMPTS);
            } catch (SQLException | RuntimeException e) {
                log.println("ttlab serve: " + worker + ": the queue could not be read: " + e.getMessage());
                pause(Duration.ofSeconds(2));
                continue;
            }
            if (claim.isEmpty()) {
                synchronized (bell) {
                    try {
                        bell.wait(POLL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            try {
                grade(worker, claim.get());
            } catch (InterruptedException e) {
                return; // stopping: close() gives the claim back
            }
        }
    }

    private void grade(String worker, SubmissionStore.Claim claim) throws InterruptedException {
        inFlight.put(claim, worker);
        Path folder = work.resolve(claim.id() + "-g" + claim.generation() + "-a" + claim.attempt());
        try {
            SubmissionStore.Outcome outcome;
            try {
                outcome = gradeIn(folder, claim);
            } catch (InterruptedException e) {
                // Stopping: the grading was cut short; its submission goes back to the queue now,
                // rather than when its lease runs out. (The flag is cleared for the database call.)
                Thread.interrupted();
                release(claim, "the service stopped");
                throw e;
            } catch (RuntimeException e) {
                // A fault of this service, which would recur: the submission waits for a regrade.
                log.println("ttlab serve: " + worker + ": grading submission #" + claim.id() + " failed: " + e);
                store.fail(claim, worker, "the service failed while grading it (" + e + "); an instructor can regrade it");
                return;
            } catch (IOException e) {
                // The machine's fault (a full disk?), not the submission's: give it back.
                log.println("ttlab serve: " + worker + ": submission #" + claim.id() + " could not be graded here: " + e);
                release(claim, "the grading folder could not be written: " + e.getMessage());
                pause(Duration.ofSeconds(2));
                return;
            }
            if (!store.complete(claim, worker, outcome)) {
                log.println("ttlab serve: " + worker + ": submission #" + claim.id() + " was taken over while it was"
                        + " graded here; this result was discarded");
            }
        } catch (SQLException e) {
            log.println("ttlab serve: " + worker + ": the result of submission #" + claim.id()
                    + " could not be stored (it will be graded again when its lease runs out): " + e.getMessage());
        } finally {
            inFlight.remove(claim);
            try {
                clean(folder);
            } catch (IOException e) {
                log.println("ttlab serve: could not remove " + folder + ": " + e.getMessage());
            }
        }
    }

    private SubmissionStore.Outcome gradeIn(Path folder, SubmissionStore.Claim claim)
            throws IOException, InterruptedException {
        clean(folder);
        Files.createDirectories(folder);
        // The file name says which master grades it.
        Path notebook = folder.resolve(claim.assignment() + ".ipynb");
        Files.write(notebook, claim.notebook());
        Path out = folder.resolve("out");
        String id = claim.student() + "--" + claim.assignment() + "--" + claim.id();
        NotebookGrader.Outcome graded = grader.grade(id, notebook, out);
        String results = Files.readString(out.resolve(NotebookGrader.RESULTS), StandardCharsets.UTF_8);
        String feedback = Files.readString(out.resolve(NotebookGrader.FEEDBACK), StandardCharsets.UTF_8);
        String workerLog = readCapped(out.resolve(NotebookGrader.WORKER_LOG));
        String error = graded.gradable() ? null : problems(results);
        return new SubmissionStore.Outcome(graded.gradable(), graded.score(), graded.maxScore(), results, feedback,
                workerLog, error);
    }

    /** extra_data.problems of a results.json, one per line. */
    private static String problems(String resultsJson) {
        try {
            JsonObject extra = JsonParser.parseString(resultsJson).getAsJsonObject().getAsJsonObject("extra_data");
            JsonArray problems = extra.getAsJsonArray("problems");
            List<String> lines = new ArrayList<>();
            for (JsonElement p : problems) {
                lines.add(p.getAsString());
            }
            return lines.isEmpty() ? "not graded" : String.join("\n", lines);
        } catch (RuntimeException e) {
            return "not graded";
        }
    }

    private static String readCapped(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= MAX_LOG_CHARS ? text : text.substring(0, MAX_LOG_CHARS) + "\n[... cut]";
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private void renewLeases() {
        inFlight.forEach((claim, worker) -> {
            try {
                if (!store.renew(claim, lease)) {
                    log.println("ttlab serve: " + worker + " no longer holds submission #" + claim.id()
                            + " (its lease ran out or it was regraded); its result will be discarded");
                }
            } catch (SQLException | RuntimeException e) {
                log.println("ttlab serve: the lease of submission #" + claim.id() + " could not be renewed: "
                        + e.getMessage());
            }
        });
    }

    private void release(SubmissionStore.Claim claim, String why) {
        try {
            store.release(claim, why);
        } catch (SQLException | RuntimeException e) {
            log.println("ttlab serve: submission #" + claim.id() + " could not be given back to the queue (it will be"
                    + " when its lease runs out): " + e.getMessage());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    static void clean(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Stops taking work and stops the gradings under way, whose submissions go back to the queue
     * (their grading JVMs end by themselves when this process does).
     */
    @Override
    public void close() {
        running = false;
        renewals.shutdownNow();
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        NotebookGrader.endHostsOfEndedThreads();
    }
}
