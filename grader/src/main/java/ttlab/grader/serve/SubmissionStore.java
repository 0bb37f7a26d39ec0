package ttlab.grader.serve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions, their grading queue, their results and the audit log, in the {@link Database}.
 *
 * <p>The queue is the submissions table itself. A worker claims the oldest submission that is
 * {@code queued}, or {@code grading} under a lease that has run out, in one transaction that
 * locks the row ({@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL, so that workers of
 * several processes never wait for each other; SQLite has one writer at a time), sets it
 * {@code grading} with a lease, and counts the attempt. The worker renews the lease while it
 * grades. A result is accepted only from the claim that still holds the submission (same
 * generation, same attempt, status {@code grading}), in the transaction that writes the one
 * {@code results} row of that generation: a worker whose lease was taken over, or whose
 * process died, cannot write a second result, so each submission is graded exactly once per
 * generation (a regrade starts a new generation).
 */
final class SubmissionStore {

    static final String QUEUED = "queued";
    static final String GRADING = "grading";
    static final String GRADED = "graded";
    static final String FAILED = "failed";

    /** A submission, without its notebook. */
    record Submission(long id, String student, String assignment, String fileName, String sha256, long sizeBytes,
                      Instant submittedAt, int daysLate, double penalty, String status, int generation, int attempts,
                      Instant gradedAt, Double score, Double maxScore, Double finalScore, String error) {

        boolean pending() {
            return QUEUED.equals(status) || GRADING.equals(status);
        }
    }

    /** A notebook handed in, with what the late policy decided about it. */
    record NewSubmission(String student, String assignment, String fileName, byte[] notebook, String sha256,
                         Instant at, Assignment.Decision decision) {
    }

    /** A submission handed to a worker: (id, generation, attempt) names the claim. */
    record Claim(long id, int generation, int attempt, String student, String assignment, String fileName,
                 byte[] notebook, double penalty) {
    }

    /** What grading a claim gave. */
    record Outcome(boolean gradable, double score, double maxScore, String resultsJson, String feedbackText,
                   String workerLog, String error) {
    }

    /** The stored result of a submission's current generation. */
    record Result(long submissionId, int generation, String worker, Instant finishedAt, boolean gradable, double score,
                  double maxScore, double finalScore, String resultsJson, String feedbackText) {
    }

    /** One line of the audit log. */
    record AuditEntry(long id, Instant at, String actor, String action, Long submissionId, String assignment,
                      String sha256, Long sizeBytes, String decision, String detail) {
    }

    /** A graded submission with its result, for the gradebook. */
    record Graded(Submission submission, String resultsJson) {
    }

    /** A lease held now. */
    record Lease(long submissionId, String worker, int attempt, long millisLeft) {
    }

    /** The queue at a glance. */
    record QueueStats(Map<String, Long> byStatus, List<Lease> leases, long gradedLastMinute, double meanGradingSeconds) {
    }

    private static final String COLUMNS = "id, student, assignment, file_name, sha256, size_bytes, submitted_at, days_late,"
            + " penalty, status, generation, attempts, graded_at, score, max_score, final_score, error";

    private final Database db;
    private final Clock clock;
    private final String now;

    SubmissionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.now = db.dialect().nowMillis;
    }

    // --- handing in --------------------------------------------------------------------------

    /**
     * Stores an accepted submission and queues it, within the assignment's submission limit,
     * and writes its audit line, in one transaction.
     *
     * @throws HttpError 409 when the same notebook (same SHA-256) of this student is still waiting
     *                   to be graded; 429 when the limit is reached
     */
    Submission submit(NewSubmission s, Assignment assignment) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM submissions WHERE student = ? AND assignment = ?"
                    + " AND sha256 = ? AND status IN ('queued', 'grading') ORDER BY id LIMIT 1")) {
                q.setString(1, s.student());
                q.setString(2, s.assignment());
                q.setString(3, s.sha256());
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        throw HttpError.conflict("this notebook is identical to your submission #" + r.getLong(1)
                                + ", which is still waiting to be graded");
                    }
                }
            }
            int used = countSubmission(c, s.student(), s.assignment(), assignment.maxSubmissions());
            if (used < 0) {
                throw new HttpError(429, "you have used all " + assignment.maxSubmissions() + " submissions of "
                        + s.assignment() + "; ask an instructor if you need another");
            }
            long at = s.at().toEpochMilli();
            long id;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO submissions (student, assignment, file_name,"
                    + " sha256, size_bytes, notebook, submitted_at, days_late, penalty, status, generation, attempts,"
                    + " queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 1, 0, ?) RETURNING id")) {
                ins.setString(1, s.student());
                ins.setString(2, s.assignment());
                ins.setString(3, s.fileName());
                ins.setString(4, s.sha256());
                ins.setLong(5, s.notebook().length);
                ins.setBytes(6, s.notebook());
                ins.setLong(7, at);
                ins.setInt(8, s.decision().daysLate());
                ins.setDouble(9, s.decision().penalty());
                ins.setLong(10, at);
                try (ResultSet r = ins.executeQuery()) {
                    r.next();
                    id = r.getLong(1);
                }
            }
            String decision = s.decision().daysLate() > 0
                    ? "accepted late: " + s.decision().daysLate() + " day(s), penalty " + percent(s.decision().penalty())
                    : "accepted";
            audit(c, at, s.student(), "submit", id, s.assignment(), s.sha256(), (long) s.notebook().length, decision,
                    "submission " + used + (assignment.maxSubmissions() > 0 ? " of " + assignment.maxSubmissions() : "")
                            + ", file " + s.fileName());
            return find(c, id).orElseThrow();
        });
    }

    /**
     * Counts one more submission of a student for an assignment, atomically; -1 when that would
     * go over {@code limit} (0: no limit). Returns the new count.
     */
    private static int countSubmission(Connection c, String student, String assignment, int limit) throws SQLException {
        String sql = "INSERT INTO quotas (student, assignment, used) VALUES (?, ?, 1)"
                + " ON CONFLICT (student, assignment) DO UPDATE SET used = quotas.used + 1"
                + (limit > 0 ? " WHERE quotas.used < ?" : "") + " RETURNING used";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, student);
            p.setString(2, assignment);
            if (limit > 0) {
                p.setInt(3, limit);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : -1;
            }
        }
    }

    /** Submissions a student has made per assignment. */
    Map<String, Integer> used(String student) throws SQLException {
        return db.transaction(c -> {
            Map<String, Integer> used = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT assignment, used FROM quotas WHERE student = ?")) {
                p.setString(1, student);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        used.put(r.getString(1), r.getInt(2));
                    }
                }
            }
            return used;
        });
    }

    // --- reading -----------------------------------------------------------------------------

    Optional<Submission> find(long id) throws SQLException {
        return db.transaction(c -> find(c, id));
    }

    private static Optional<Submission> find(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM submissions WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(submission(r)) : Optional.empty();
            }
        }
    }

    /** Submissions, newest first; a null filter matches everything. */
    List<Submission> list(String student, String assignment, String status, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM submissions WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (student != null) {
            sql.append(" AND student = ?");
            args.add(student);
        }
        if (assignment != null) {
            sql.append(" AND assignment = ?");
            args.add(assignment);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return db.transaction(c -> {
            List<Submission> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                bind(p, args);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(submission(r));
                    }
                }
            }
            return rows;
        });
    }

    /** The notebook as it was handed in. */
    Optional<byte[]> notebook(long id) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT notebook FROM submissions WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The result of the submission's current generation, when it has one. */
    Optional<Result> result(long id) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT r.submission_id, r.generation, r.worker, r.finished_at,"
                    + " r.gradable, r.score, r.max_score, r.final_score, r.results_json, r.feedback_text"
                    + " FROM results r JOIN submissions s ON s.id = r.submission_id AND s.generation = r.generation"
                    + " WHERE r.submission_id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Result(r.getLong(1), r.getInt(2), r.getString(3),
                            Instant.ofEpochMilli(r.getLong(4)), r.getInt(5) != 0, r.getDouble(6), r.getDouble(7),
                            r.getDouble(8), r.getString(9), r.getString(10)));
                }
            }
        });
    }

    /** Every graded submission with its current result, oldest first. */
    List<Graded> graded() throws SQLException {
        return db.transaction(c -> {
            List<Graded> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + prefixed("s.") + ", r.results_json"
                    + " FROM submissions s JOIN results r ON r.submission_id = s.id AND r.generation = s.generation"
                    + " WHERE s.status = 'graded' ORDER BY s.id")) {
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Graded(submission(r), r.getString(18)));
                    }
                }
            }
            return rows;
        });
    }

    // --- the queue ---------------------------------------------------------------------------

    /**
     * Claims the oldest submission waiting to be graded, or whose lease ran out, for
     * {@code worker}. A submission whose grading was cut short {@code maxAttempts} times (each
     * time its worker's process died: a submission that kills the service?) is marked failed
     * instead of being handed out again.
     */
    Optional<Claim> claim(String worker, Duration lease, int maxAttempts) throws SQLException {
        while (true) {
            Optional<Optional<Claim>> round = db.transaction(c -> claimOne(c, worker, lease, maxAttempts));
            if (round.isPresent()) {
                return round.get();
            }
            // a submission was given up on: look for the next one
        }
    }

    /** Empty: a submission was given up on, try again; else the claim, or none when the queue is empty. */
    private Optional<Optional<Claim>> claimOne(Connection c, String worker, Duration lease, int maxAttempts)
            throws SQLException {
        long id;
        String status;
        String previousOwner;
        int generation;
        int attempts;
        try (PreparedStatement p = c.prepareStatement("SELECT id, status, lease_owner, generation, attempts"
                + " FROM submissions WHERE status = 'queued' OR (status = 'grading' AND lease_until < " + now + ")"
                + " ORDER BY id LIMIT 1" + db.dialect().skipLocked)) {
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.of(Optional.empty());
                }
                id = r.getLong(1);
                status = r.getString(2);
                previousOwner = r.getString(3);
                generation = r.getInt(4);
                attempts = r.getInt(5);
            }
        }
        long at = clock.millis();
        if (GRADING.equals(status)) {
            endGradings(c, id, generation, "lease of " + previousOwner + " ran out");
            audit(c, at, "queue", "requeue", id, null, null, null, "lease ran out",
                    "worker " + previousOwner + " held it for attempt " + attempts);
        }
        int cutShort = cutShort(c, id, generation);
        if (cutShort >= maxAttempts) {
            String error = "grading was started " + cutShort + " times and never finished (the grading process"
                    + " died each time); an instructor can regrade it";
            try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'failed', lease_owner = NULL,"
                    + " lease_until = NULL, graded_at = ?, error = ? WHERE id = ?")) {
                p.setLong(1, at);
                p.setString(2, error);
                p.setLong(3, id);
                p.executeUpdate();
            }
            audit(c, at, "queue", "failed", id, null, null, null, "given up", error);
            return Optional.empty();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'grading', lease_owner = ?,"
                + " lease_until = " + now + " + ?, attempts = attempts + 1 WHERE id = ?")) {
            p.setString(1, worker);
            p.setLong(2, lease.toMillis());
            p.setLong(3, id);
            p.executeUpdate();
        }
        int attempt = attempts + 1;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gradings (submission_id, generation, attempt, worker,"
                + " started_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setLong(1, id);
            p.setInt(2, generation);
            p.setInt(3, attempt);
            p.setString(4, worker);
            p.setLong(5, at);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("SELECT student, assignment, file_name, notebook, penalty"
                + " FROM submissions WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return Optional.of(Optional.of(new Claim(id, generation, attempt, r.getString(1), r.getString(2),
                        r.getString(3), r.getBytes(4), r.getDouble(5))));
            }
        }
    }

    /**
     * How often the grading of this generation was cut short by its process dying (a lease that
     * ran out, or one taken back at start-up); a clean stop, which gives the claim back, does not count.
     */
    private static int cutShort(Connection c, long id, int generation) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM gradings WHERE submission_id = ?"
                + " AND generation = ? AND (outcome LIKE 'lease%' OR outcome LIKE 'abandoned%')")) {
            p.setLong(1, id);
            p.setInt(2, generation);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Extends a claim's lease; false when the claim no longer holds the submission. */
    boolean renew(Claim claim, Duration lease) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET lease_until = " + now + " + ?"
                    + " WHERE id = ? AND generation = ? AND attempts = ? AND status = 'grading'")) {
                p.setLong(1, lease.toMillis());
                p.setLong(2, claim.id());
                p.setInt(3, claim.generation());
                p.setInt(4, claim.attempt());
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a claim's result, once: only while the claim still holds the submission. Returns
     * false, writing nothing but the end of the attempt, when it does not (its lease ran out and
     * another worker took the submission over, or an instructor asked for a regrade).
     */
    boolean complete(Claim claim, String worker, Outcome outcome) throws SQLException {
        long at = clock.millis();
        double finalScore = Math.round(outcome.score() * (1 - claim.penalty()) * 1e6) / 1e6;
        String status = outcome.gradable() ? GRADED : FAILED;
        boolean written = db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = ?, lease_owner = NULL,"
                    + " lease_until = NULL, graded_at = ?, score = ?, max_score = ?, final_score = ?, error = ?"
                    + " WHERE id = ? AND generation = ? AND attempts = ? AND status = 'grading'")) {
                p.setString(1, status);
                p.setLong(2, at);
                p.setDouble(3, outcome.score());
                p.setDouble(4, outcome.maxScore());
                p.setDouble(5, finalScore);
                p.setString(6, outcome.error());
                p.setLong(7, claim.id());
                p.setInt(8, claim.generation());
                p.setInt(9, claim.attempt());
                if (p.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO results (submission_id, generation, worker,"
                    + " finished_at, gradable, score, max_score, final_score, results_json, feedback_text, worker_log)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, claim.id());
                p.setInt(2, claim.generation());
                p.setString(3, worker);
                p.setLong(4, at);
                p.setInt(5, outcome.gradable() ? 1 : 0);
                p.setDouble(6, outcome.score());
                p.setDouble(7, outcome.maxScore());
                p.setDouble(8, finalScore);
                p.setString(9, outcome.resultsJson());
                p.setString(10, outcome.feedbackText());
                p.setString(11, outcome.workerLog());
                p.executeUpdate();
            }
            endGrading(c, claim, at, status);
            audit(c, at, worker, status.equals(GRADED) ? "graded" : "failed", claim.id(), claim.assignment(), null, null,
                    status.equals(GRADED) ? "score " + number(outcome.score()) + " / " + number(outcome.maxScore())
                            + (claim.penalty() > 0 ? ", after the late penalty " + number(finalScore) : "")
                            : "not graded",
                    outcome.error());
            return true;
        });
        if (!written) {
            db.transaction(c -> {
                endGrading(c, claim, at, "superseded: result discarded");
                return null;
            });
        }
        return written;
    }

    /** Marks a claim's submission failed, without a result; false when the claim no longer held it. */
    boolean fail(Claim claim, String worker, String error) throws SQLException {
        long at = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'failed', lease_owner = NULL,"
                    + " lease_until = NULL, graded_at = ?, error = ? WHERE id = ? AND generation = ? AND attempts = ?"
                    + " AND status = 'grading'")) {
                p.setLong(1, at);
                p.setString(2, error);
                p.setLong(3, claim.id());
                p.setInt(4, claim.generation());
                p.setInt(5, claim.attempt());
                if (p.executeUpdate() != 1) {
                    return false;
                }
            }
            endGrading(c, claim, at, FAILED);
            audit(c, at, worker, "failed", claim.id(), claim.assignment(), null, null, "not graded", error);
            return true;
        });
    }

    /** Gives a claim back to the queue (the grading process is stopping); false when it no longer held it. */
    boolean release(Claim claim, String why) throws SQLException {
        long at = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'queued', lease_owner = NULL,"
                    + " lease_until = NULL, queued_at = ? WHERE id = ? AND generation = ? AND attempts = ?"
                    + " AND status = 'grading'")) {
                p.setLong(1, at);
                p.setLong(2, claim.id());
                p.setInt(3, claim.generation());
                p.setInt(4, claim.attempt());
                if (p.executeUpdate() != 1) {
                    return false;
                }
            }
            endGrading(c, claim, at, "released: " + why);
            audit(c, at, "queue", "requeue", claim.id(), claim.assignment(), null, null, "released", why);
            return true;
        });
    }

    /**
     * Puts back in the queue every submission whose lease is held by a worker whose name starts
     * with {@code ownerPrefix} ("" for all): at start-up, the leases a dead process left behind.
     */
    int requeueAbandoned(String ownerPrefix, String why) throws SQLException {
        long at = clock.millis();
        return db.transaction(c -> {
            List<long[]> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, generation FROM submissions"
                    + " WHERE status = 'grading' AND lease_owner LIKE ? ESCAPE '\\'" + db.dialect().skipLocked)) {
                p.setString(1, ownerPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new long[] {r.getLong(1), r.getInt(2)});
                    }
                }
            }
            for (long[] row : rows) {
                try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'queued', lease_owner = NULL,"
                        + " lease_until = NULL, queued_at = ? WHERE id = ?")) {
                    p.setLong(1, at);
                    p.setLong(2, row[0]);
                    p.executeUpdate();
                }
                endGradings(c, row[0], (int) row[1], "abandoned: " + why);
                audit(c, at, "queue", "requeue", row[0], null, null, null, "abandoned", why);
            }
            return rows.size();
        });
    }

    // --- regrading ---------------------------------------------------------------------------

    /**
     * Queues a graded (or failed) submission again, as a new generation.
     *
     * @throws HttpError 404 when there is no such submission; 409 when it is waiting to be graded
     */
    Submission regrade(long id, String actor) throws SQLException {
        long at = clock.millis();
        return db.transaction(c -> {
            Submission s = find(c, id).orElseThrow(() -> HttpError.notFound("there is no submission #" + id));
            if (s.pending()) {
                throw HttpError.conflict("submission #" + id + " is " + s.status() + " already; regrade it once it is graded");
            }
            requeue(c, "id = ? AND status IN ('graded', 'failed')", List.of(id), at);
            audit(c, at, actor, "regrade", id, s.assignment(), s.sha256(), s.sizeBytes(), "queued",
                    "generation " + (s.generation() + 1));
            return find(c, id).orElseThrow();
        });
    }

    /** Queues every graded (or failed) submission of an assignment again; returns how many. */
    int regradeAssignment(String assignment, String actor) throws SQLException {
        long at = clock.millis();
        return db.transaction(c -> {
            int n = requeue(c, "assignment = ? AND status IN ('graded', 'failed')", List.of(assignment), at);
            audit(c, at, actor, "regrade", null, assignment, null, null, "queued", n + " submission(s)");
            return n;
        });
    }

    private static int requeue(Connection c, String where, List<Object> args, long at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE submissions SET status = 'queued', generation = generation + 1,"
                + " attempts = 0, lease_owner = NULL, lease_until = NULL, queued_at = " + at + ", graded_at = NULL,"
                + " score = NULL, max_score = NULL, final_score = NULL, error = NULL WHERE " + where)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    // --- the audit log and the queue's figures -----------------------------------------------

    /** Writes one audit line in its own transaction (a refused submission, say). */
    void audit(String actor, String action, Long submissionId, String assignment, String sha256, Long sizeBytes,
               String decision, String detail) throws SQLException {
        long at = clock.millis();
        db.transaction(c -> {
            audit(c, at, actor, action, submissionId, assignment, sha256, sizeBytes, decision, detail);
            return null;
        });
    }

    /** The newest audit lines first. */
    List<AuditEntry> auditLog(int limit) throws SQLException {
        return db.transaction(c -> {
            List<AuditEntry> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, at, actor, action, submission_id, assignment, sha256,"
                    + " size_bytes, decision, detail FROM audit ORDER BY id DESC LIMIT ?")) {
                p.setInt(1, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new AuditEntry(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                                r.getString(4), nullableLong(r, 5), r.getString(6), r.getString(7), nullableLong(r, 8),
                                r.getString(9), r.getString(10)));
                    }
                }
            }
            return rows;
        });
    }

    QueueStats stats() throws SQLException {
        return db.transaction(c -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (String s : List.of(QUEUED, GRADING, GRADED, FAILED)) {
                byStatus.put(s, 0L);
            }
            try (PreparedStatement p = c.prepareStatement("SELECT status, COUNT(*) FROM submissions GROUP BY status");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byStatus.put(r.getString(1), r.getLong(2));
                }
            }
            List<Lease> leases = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, lease_owner, attempts, lease_until - " + now
                    + " FROM submissions WHERE status = 'grading' ORDER BY id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    leases.add(new Lease(r.getLong(1), r.getString(2), r.getInt(3), r.getLong(4)));
                }
            }
            long since = clock.millis() - 60_000;
            long lastMinute;
            double mean;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), AVG(ended_at - started_at) FROM gradings"
                    + " WHERE outcome IN ('graded', 'failed') AND ended_at >= ?")) {
                p.setLong(1, since);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    lastMinute = r.getLong(1);
                    mean = r.getDouble(2) / 1000.0;
                }
            }
            return new QueueStats(byStatus, leases, lastMinute, Math.round(mean * 10) / 10.0);
        });
    }

    // --- helpers -----------------------------------------------------------------------------

    private static void audit(Connection c, long at, String actor, String action, Long submissionId, String assignment,
                              String sha256, Long sizeBytes, String decision, String detail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit (at, actor, action, submission_id, assignment,"
                + " sha256, size_bytes, decision, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, at);
            p.setString(2, actor);
            p.setString(3, action);
            setNullableLong(p, 4, submissionId);
            p.setString(5, assignment);
            p.setString(6, sha256);
            setNullableLong(p, 7, sizeBytes);
            p.setString(8, decision);
            p.setString(9, detail);
            p.executeUpdate();
        }
    }

    private static void endGrading(Connection c, Claim claim, long at, String outcome) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE gradings SET ended_at = ?, outcome = ?"
                + " WHERE submission_id = ? AND generation = ? AND attempt = ? AND ended_at IS NULL")) {
            p.setLong(1, at);
            p.setString(2, outcome);
            p.setLong(3, claim.id());
            p.setInt(4, claim.generation());
            p.setInt(5, claim.attempt());
            p.executeUpdate();
        }
    }

    private void endGradings(Connection c, long id, int generation, String outcome) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE gradings SET ended_at = ?, outcome = ?"
                + " WHERE submission_id = ? AND generation = ? AND ended_at IS NULL")) {
            p.setLong(1, clock.millis());
            p.setString(2, outcome);
            p.setLong(3, id);
            p.setInt(4, generation);
            p.executeUpdate();
        }
    }

    private static Submission submission(ResultSet r) throws SQLException {
        return new Submission(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getLong(6),
                Instant.ofEpochMilli(r.getLong(7)), r.getInt(8), r.getDouble(9), r.getString(10), r.getInt(11),
                r.getInt(12), nullableLong(r, 13) == null ? null : Instant.ofEpochMilli(r.getLong(13)),
                nullableDouble(r, 14), nullableDouble(r, 15), nullableDouble(r, 16), r.getString(17));
    }

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    private static void bind(PreparedStatement p, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                p.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                p.setInt(i + 1, n);
            } else {
                p.setString(i + 1, (String) a);
            }
        }
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static void setNullableLong(PreparedStatement p, int index, Long value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, value);
        }
    }

    static String number(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }

    private static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }
}
