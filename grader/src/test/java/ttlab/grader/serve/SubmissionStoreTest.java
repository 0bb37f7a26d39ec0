package ttlab.grader.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue and its guarantees, on a real SQLite database. */
class SubmissionStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration EXPIRED = Duration.ofMillis(1);

    @TempDir
    Path dir;
    private Database db;
    private SubmissionStore store;
    private final Assignment open = Assignment.open("00-warmup");
    private int counter;

    @BeforeEach
    void open() throws SQLException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), 4);
        store = new SubmissionStore(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SubmissionStore.Submission submit(String student, String content, Assignment a) throws SQLException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return store.submit(new SubmissionStore.NewSubmission(student, a.name(), a.name() + ".ipynb", bytes,
                Api.sha256(bytes), Instant.now(), new Assignment.Decision(true, 0, 0, "")), a);
    }

    private SubmissionStore.Submission submit(String student) throws SQLException {
        return submit(student, "notebook " + (++counter), open);
    }

    private static SubmissionStore.Outcome graded(double score) {
        return new SubmissionStore.Outcome(true, score, 12, "{\"score\": " + score + "}", "feedback", "", null);
    }

    private long count(String sql, Object... args) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    @Test
    void aSubmissionIsQueuedClaimedAndGradedOnce() throws SQLException {
        SubmissionStore.Submission s = submit("alice");
        assertThat(s.status()).isEqualTo("queued");
        SubmissionStore.Claim claim = store.claim("w/1", LEASE, 3).orElseThrow();
        assertThat(claim.id()).isEqualTo(s.id());
        assertThat(claim.attempt()).isEqualTo(1);
        assertThat(store.claim("w/2", LEASE, 3)).isEmpty(); // nothing else is waiting
        assertThat(store.complete(claim, "w/1", graded(9))).isTrue();
        assertThat(store.complete(claim, "w/1", graded(10))).as("the same claim a second time").isFalse();
        SubmissionStore.Submission done = store.find(s.id()).orElseThrow();
        assertThat(done.status()).isEqualTo("graded");
        assertThat(done.score()).isEqualTo(9.0);
        assertThat(store.result(s.id()).orElseThrow().resultsJson()).isEqualTo("{\"score\": 9.0}");
        assertThat(count("SELECT COUNT(*) FROM results WHERE submission_id = ?", s.id())).isEqualTo(1);
        assertThat(store.auditLog(10)).extracting(SubmissionStore.AuditEntry::action).containsExactly("graded", "submit");
    }

    @Test
    void theLatePenaltyIsAppliedToTheStoredScore() throws SQLException {
        byte[] bytes = "late".getBytes(StandardCharsets.UTF_8);
        SubmissionStore.Submission s = store.submit(new SubmissionStore.NewSubmission("alice", "00-warmup",
                "00-warmup.ipynb", bytes, Api.sha256(bytes), Instant.now(), new Assignment.Decision(true, 2, 0.2, "")), open);
        store.complete(store.claim("w/1", LEASE, 3).orElseThrow(), "w/1", graded(10));
        SubmissionStore.Submission done = store.find(s.id()).orElseThrow();
        assertThat(done.daysLate()).isEqualTo(2);
        assertThat(done.finalScore()).isEqualTo(8.0);
        assertThat(store.auditLog(10).get(1).decision()).startsWith("accepted late: 2 day(s), penalty 20%");
    }

    @Test
    void theLimitAndIdenticalPendingSubmissionsAreRefused() throws SQLException {
        Assignment limited = new Assignment("00-warmup", "Warm-up", null, null, 0, Duration.ZERO, 2);
        SubmissionStore.Submission first = submit("alice", "version 1", limited);
        assertThatThrownBy(() -> submit("alice", "version 1", limited))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("#" + first.id());
        submit("bob", "version 1", limited); // someone else's copy is someone else's business
        submit("alice", "version 2", limited);
        assertThatThrownBy(() -> submit("alice", "version 3", limited))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(429))
                .hasMessageContaining("all 2 submissions");
        assertThat(store.used("alice")).isEqualTo(Map.of("00-warmup", 2));
        assertThat(count("SELECT COUNT(*) FROM submissions WHERE student = 'alice'")).isEqualTo(2);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFirstWorkersResultIsDiscarded() throws SQLException, InterruptedException {
        SubmissionStore.Submission s = submit("alice");
        SubmissionStore.Claim first = store.claim("a/1", EXPIRED, 3).orElseThrow();
        Thread.sleep(20);
        SubmissionStore.Claim second = store.claim("b/1", LEASE, 3).orElseThrow();
        assertThat(second.id()).isEqualTo(s.id());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(store.renew(first, LEASE)).isFalse();
        assertThat(store.complete(first, "a/1", graded(1))).isFalse();
        assertThat(store.complete(second, "b/1", graded(12))).isTrue();
        assertThat(store.result(s.id()).orElseThrow().worker()).isEqualTo("b/1");
        assertThat(count("SELECT COUNT(*) FROM results WHERE submission_id = ?", s.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM gradings WHERE submission_id = ? AND attempt = 1"
                + " AND outcome LIKE 'lease of a/1 ran out%'", s.id())).isEqualTo(1);
        assertThat(store.find(s.id()).orElseThrow().score()).isEqualTo(12.0);
    }

    @Test
    void aLeaseThatRanOutButWasNotTakenCanStillBeRenewedAndCompleted() throws SQLException, InterruptedException {
        SubmissionStore.Submission s = submit("alice");
        SubmissionStore.Claim slow = store.claim("a/1", EXPIRED, 3).orElseThrow();
        Thread.sleep(20);
        assertThat(store.renew(slow, LEASE)).isTrue();
        assertThat(store.claim("b/1", LEASE, 3)).isEmpty();
        assertThat(store.complete(slow, "a/1", graded(5))).isTrue();
        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo("graded");
    }

    @Test
    void aRegradeIsANewGenerationWithItsOwnResult() throws SQLException {
        SubmissionStore.Submission s = submit("alice");
        store.complete(store.claim("w/1", LEASE, 3).orElseThrow(), "w/1", graded(3));
        SubmissionStore.Submission again = store.regrade(s.id(), "prof");
        assertThat(again.status()).isEqualTo("queued");
        assertThat(again.generation()).isEqualTo(2);
        assertThat(again.score()).isNull();
        assertThatThrownBy(() -> store.regrade(s.id(), "prof"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> store.regrade(s.id() + 100, "prof"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(404));
        SubmissionStore.Claim claim = store.claim("w/1", LEASE, 3).orElseThrow();
        assertThat(claim.generation()).isEqualTo(2);
        assertThat(claim.attempt()).isEqualTo(1);
        store.complete(claim, "w/1", graded(7));
        assertThat(store.result(s.id()).orElseThrow().score()).isEqualTo(7.0);
        assertThat(count("SELECT COUNT(*) FROM results WHERE submission_id = ?", s.id())).isEqualTo(2);
        assertThat(store.regradeAssignment("00-warmup", "prof")).isEqualTo(1);
        assertThat(store.regradeAssignment("00-warmup", "prof")).as("already queued").isZero();
    }

    @Test
    void leasesOfADeadProcessAreTakenBackAtStartUp() throws SQLException {
        SubmissionStore.Submission s = submit("alice");
        SubmissionStore.Submission t = submit("bob");
        SubmissionStore.Claim dead = store.claim("host:1/1", LEASE, 3).orElseThrow();
        SubmissionStore.Claim alive = store.claim("host:2/1", LEASE, 3).orElseThrow();
        assertThat(store.requeueAbandoned("host:1/", "restarted")).isEqualTo(1);
        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo("queued");
        assertThat(store.find(t.id()).orElseThrow().status()).isEqualTo("grading");
        assertThat(store.complete(dead, "host:1/1", graded(1))).isFalse();
        SubmissionStore.Claim again = store.claim("host:1/1", LEASE, 3).orElseThrow();
        assertThat(again.id()).isEqualTo(s.id());
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(store.complete(again, "host:1/1", graded(2))).isTrue();
        assertThat(store.complete(alive, "host:2/1", graded(3))).isTrue();
        // A name that only starts like another's is not that process.
        assertThat(store.requeueAbandoned("host:", "x")).isZero();
    }

    @Test
    void aSubmissionWhoseGradingKeepsDyingIsGivenUp() throws SQLException, InterruptedException {
        SubmissionStore.Submission s = submit("alice");
        store.claim("w/1", EXPIRED, 2).orElseThrow();
        Thread.sleep(20);
        store.claim("w/2", EXPIRED, 2).orElseThrow();
        Thread.sleep(20);
        assertThat(store.claim("w/3", LEASE, 2)).isEmpty();
        SubmissionStore.Submission failed = store.find(s.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("started 2 times and never finished");
    }

    @Test
    void aCleanStopGivesTheClaimBackWithoutCountingAsACrash() throws SQLException {
        SubmissionStore.Submission s = submit("alice");
        for (int i = 0; i < 3; i++) {
            SubmissionStore.Claim c = store.claim("w/1", LEASE, 1).orElseThrow();
            assertThat(store.release(c, "stopping")).isTrue();
            assertThat(store.complete(c, "w/1", graded(1))).isFalse();
        }
        SubmissionStore.Claim last = store.claim("w/1", LEASE, 1).orElseThrow();
        assertThat(last.attempt()).isEqualTo(4);
        assertThat(store.complete(last, "w/1", graded(12))).isTrue();
        assertThat(store.find(s.id()).orElseThrow().status()).isEqualTo("graded");
    }

    @Test
    void aSubmissionTheServiceFailsOnWaitsForARegrade() throws SQLException {
        SubmissionStore.Submission s = submit("alice");
        SubmissionStore.Claim claim = store.claim("w/1", LEASE, 3).orElseThrow();
        assertThat(store.fail(claim, "w/1", "the service failed")).isTrue();
        assertThat(store.fail(claim, "w/1", "again")).isFalse();
        SubmissionStore.Submission failed = store.find(s.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("the service failed");
        assertThat(store.result(s.id())).isEmpty();
        assertThat(store.claim("w/1", LEASE, 3)).isEmpty();
        assertThat(store.regrade(s.id(), "prof").status()).isEqualTo("queued");
    }

    @Test
    void concurrentWorkersGradeEverySubmissionExactlyOnce() throws Exception {
        int n = 120;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(submit("student" + (i % 7)).id());
        }
        Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String name = "w/" + w;
            workers.add(pool.submit(() -> {
                for (Optional<SubmissionStore.Claim> c; (c = store.claim(name, LEASE, 3)).isPresent(); ) {
                    if (store.complete(c.get(), name, graded(1))) {
                        completions.computeIfAbsent(c.get().id(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        assertThat(completions.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(completions.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM gradings")).isEqualTo(n);
        assertThat(count("SELECT COUNT(*) FROM results")).isEqualTo(n);
        assertThat(count("SELECT COUNT(*) FROM submissions WHERE status = 'graded' AND attempts = 1")).isEqualTo(n);
    }
}
