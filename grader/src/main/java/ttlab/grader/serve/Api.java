package ttlab.grader.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import ttlab.grader.notebook.NotebookException;
import ttlab.grader.notebook.NotebookReader;
import ttlab.grader.report.FeedbackPage;
import ttlab.grader.report.GradingResult;
import ttlab.grader.report.ResultsFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static ttlab.grader.serve.Routes.Request;
import static ttlab.grader.serve.Routes.Response;

/**
 * The service's JSON API and its page. See docs/grading.md ("Submission service") for the table of
 * routes. Students see and submit only their own work; instructors see everything, regrade, and
 * read the gradebook, the queue and the audit log.
 */
final class Api {

    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\]{1,200}");
    private static final int LIST_LIMIT = 1000;

    private final CourseConfig config;
    private final SubmissionStore store;
    private final Runnable queued;
    private final Clock clock;
    private final JsonObject health;
    private final List<String> students;

    /**
     * @param queued called when a submission was queued (wakes the grading threads)
     * @param health what {@code GET api/health} says about this process
     * @param students the roster's students, whom the gradebook lists whether they handed in or not
     */
    Api(CourseConfig config, SubmissionStore store, Runnable queued, Clock clock, JsonObject health,
        List<String> students) {
        this.students = List.copyOf(students);
        this.config = config;
        this.store = store;
        this.queued = queued;
        this.clock = clock;
        this.health = health;
    }

    /** Registers the page and every API route. */
    void register(Routes routes) {
        WebPage page = new WebPage();
        routes.addPublic("GET", "", r -> page.asset("index.html"))
                .addPublic("GET", "(app\\.js|app\\.css)", r -> page.asset(r.path(1)))
                .addPublic("GET", "api/health", r -> Response.json(200, health))
                .add("GET", "api/me", this::me)
                .add("GET", "api/assignments", this::assignments)
                .add("POST", "api/assignments/([^/]+)/regrade", this::regradeAssignment)
                .add("POST", "api/submissions", this::submit)
                .add("GET", "api/submissions", this::list)
                .add("GET", "api/submissions/(\\d+)", this::detail)
                .add("GET", "api/submissions/(\\d+)/feedback", this::feedback)
                .add("GET", "api/submissions/(\\d+)/results\\.json", this::resultsJson)
                .add("GET", "api/submissions/(\\d+)/notebook", this::notebook)
                .add("POST", "api/submissions/(\\d+)/regrade", this::regrade)
                .add("GET", "api/gradebook", this::gradebook)
                .add("GET", "api/gradebook\\.csv", this::gradebookCsv)
                .add("GET", "api/queue", this::queue)
                .add("GET", "api/audit", this::audit);
    }

    // --- who and what ------------------------------------------------------------------------

    private Response me(Request r) {
        JsonObject o = new JsonObject();
        o.addProperty("user", r.user().name());
        o.addProperty("role", r.user().role().label());
        return Response.json(200, o);
    }

    private Response assignments(Request r) throws SQLException {
        Map<String, Integer> used = store.used(r.user().name());
        Instant now = clock.instant();
        JsonArray list = new JsonArray();
        for (Assignment a : config.assignments().values()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", a.name());
            o.addProperty("title", a.title());
            o.addProperty("due", a.due() == null ? null : a.due().toString());
            o.addProperty("cutoff", a.cutoff() == null ? null : a.cutoff().toString());
            o.addProperty("late_penalty_per_day", a.penaltyPerDay());
            o.addProperty("grace_minutes", a.grace().toSeconds() / 60.0);
            o.addProperty("max_submissions", a.maxSubmissions() == 0 ? null : a.maxSubmissions());
            int n = used.getOrDefault(a.name(), 0);
            o.addProperty("used", n);
            o.addProperty("remaining", a.maxSubmissions() == 0 ? null : Math.max(0, a.maxSubmissions() - n));
            Assignment.Decision d = a.decide(now);
            o.addProperty("open", d.accepted());
            o.addProperty("late_now", d.daysLate() > 0);
            list.add(o);
        }
        return Response.json(200, list);
    }

    // --- handing in --------------------------------------------------------------------------

    private Response submit(Request r) throws IOException, SQLException {
        User user = r.user();
        String student = user.name();
        String name = null;
        String sha256 = null;
        Long size = null;
        try {
            Optional<String> onBehalf = r.query("student");
            if (onBehalf.isPresent() && !onBehalf.get().equals(student)) {
                if (!user.isInstructor()) {
                    throw HttpError.forbidden("only instructors may hand in work for another student");
                }
                if (!Roster.USER_NAME.matcher(onBehalf.get()).matches()) {
                    throw HttpError.badRequest("not a user name: " + onBehalf.get());
                }
                student = onBehalf.get();
            }
            String fileName = r.query("filename").orElse(null);
            if (fileName != null && !FILE_NAME.matcher(fileName).matches()) {
                throw HttpError.badRequest("filename must be a file name (no folders), at most 200 characters");
            }
            name = r.query("assignment").orElseGet(() -> fileName == null ? null : assignmentOf(fileName));
            if (name == null) {
                throw HttpError.badRequest("say which assignment this is: ?assignment=NAME, or ?filename=NAME.ipynb");
            }
            Assignment assignment = config.assignment(name).orElseThrow(unknownAssignment(r));
            byte[] body = r.body(config.maxNotebookBytes());
            sha256 = sha256(body);
            size = (long) body.length;
            if (body.length == 0) {
                throw HttpError.badRequest("the request has no notebook in its body");
            }
            String storedName = fileName == null ? name + ".ipynb" : fileName;
            try {
                NotebookReader.parse(body, storedName);
            } catch (NotebookException e) {
                throw HttpError.badRequest("this is not a notebook the grader can read: " + e.getMessage());
            }
            Instant at = clock.instant();
            Assignment.Decision decision = assignment.decide(at);
            if (!decision.accepted()) {
                throw HttpError.forbidden(decision.reason() + "; this submission was not accepted");
            }
            SubmissionStore.Submission s = store.submit(new SubmissionStore.NewSubmission(student, name, storedName,
                    body, sha256, at, decision), assignment);
            queued.run();
            JsonObject o = submissionJson(s);
            o.addProperty("message", "submission #" + s.id() + " of " + name + " is queued for grading"
                    + (decision.daysLate() > 0 ? "; it is " + decision.daysLate() + " day(s) late, so its score counts "
                    + SubmissionStore.number(decision.penalty() * 100) + "% less" : ""));
            return Response.json(202, o).withHeader("Location", "api/submissions/" + s.id());
        } catch (HttpError e) {
            String forWhom = r.query("student").filter(other -> !other.equals(user.name())).map(other -> "for " + other + ": ")
                    .orElse("");
            store.audit(user.name(), "submit", null, name, sha256, size, "refused " + e.status(), forWhom + e.getMessage());
            throw e;
        }
    }

    private java.util.function.Supplier<HttpError> unknownAssignment(Request r) {
        return () -> {
            String name = r.query("assignment").orElseGet(() -> assignmentOf(r.query("filename").orElse("")));
            return HttpError.notFound("there is no assignment \"" + name + "\"; the assignments are "
                    + String.join(", ", config.assignments().keySet())
                    + (r.query("assignment").isEmpty() ? " (rename the notebook, or pass ?assignment=NAME)" : ""));
        };
    }

    /** The assignment a file name names: {@code 00-warmup.ipynb} is {@code 00-warmup}. */
    static String assignmentOf(String fileName) {
        return fileName.endsWith(".ipynb") ? fileName.substring(0, fileName.length() - ".ipynb".length()) : fileName;
    }

    // --- reading submissions -----------------------------------------------------------------

    private Response list(Request r) throws SQLException {
        String student = r.user().isInstructor() ? r.query("student").orElse(null) : r.user().name();
        int limit = r.query("limit").map(Api::positive).orElse(LIST_LIMIT);
        JsonArray list = new JsonArray();
        for (SubmissionStore.Submission s : store.list(student, r.query("assignment").orElse(null),
                r.query("status").orElse(null), Math.min(limit, LIST_LIMIT))) {
            list.add(submissionJson(s));
        }
        return Response.json(200, list);
    }

    private Response detail(Request r) throws SQLException {
        SubmissionStore.Submission s = visible(r);
        JsonObject o = submissionJson(s);
        Optional<SubmissionStore.Result> result = store.result(s.id());
        if (result.isPresent()) {
            o.add("result", ResultView.of(parse(result.get()), r.user().isInstructor()));
        }
        return Response.json(200, o);
    }

    private Response feedback(Request r) throws SQLException {
        SubmissionStore.Submission s = visible(r);
        SubmissionStore.Result result = store.result(s.id()).orElseThrow(() -> HttpError.conflict(
                "submission #" + s.id() + " is " + s.status() + "; its feedback is ready once it is graded"));
        boolean showHidden = r.user().isInstructor() && r.query("hidden").map(v -> !v.equals("0") && !v.equals("false"))
                .orElse(false);
        // The page names the master by its file name, not by where the service keeps it.
        GradingResult graded = parse(result);
        graded = new GradingResult(graded.submission(), s.assignment() + ".ipynb", graded.score(), graded.maxScore(),
                graded.executionTime(), graded.output(), graded.tests(), graded.problems(), graded.apiFlags(),
                graded.networkIsolation());
        String html = new FeedbackPage(showHidden).render(graded);
        if (s.daysLate() > 0) {
            html = html.replaceFirst("</header>", "<p class=\"view\">Handed in " + s.daysLate() + " day(s) late: the score"
                    + " counts " + SubmissionStore.number(s.penalty() * 100) + "% less, "
                    + SubmissionStore.number(result.finalScore()) + " / " + SubmissionStore.number(result.maxScore())
                    + " points.</p>\n</header>");
        }
        // The page has no scripts of its own: forbid any, whatever a test's output contains.
        return Response.text(200, "text/html; charset=utf-8", html)
                .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }

    private Response resultsJson(Request r) throws SQLException {
        instructor(r);
        SubmissionStore.Submission s = visible(r);
        SubmissionStore.Result result = store.result(s.id()).orElseThrow(() -> HttpError.conflict(
                "submission #" + s.id() + " is " + s.status() + "; it has no results yet"));
        return Response.text(200, "application/json; charset=utf-8", result.resultsJson());
    }

    private Response notebook(Request r) throws SQLException {
        SubmissionStore.Submission s = visible(r);
        byte[] bytes = store.notebook(s.id()).orElseThrow(() -> HttpError.notFound("there is no submission #" + s.id()));
        String name = s.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return new Response(200, "application/x-ipynb+json", bytes,
                Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
    }

    // --- instructors -------------------------------------------------------------------------

    private Response regrade(Request r) throws SQLException {
        instructor(r);
        SubmissionStore.Submission s = store.regrade(Long.parseLong(r.path(1)), r.user().name());
        queued.run();
        JsonObject o = submissionJson(s);
        o.addProperty("message", "submission #" + s.id() + " is queued for grading again");
        return Response.json(202, o);
    }

    private Response regradeAssignment(Request r) throws SQLException {
        instructor(r);
        String name = r.path(1);
        if (config.assignment(name).isEmpty()) {
            throw HttpError.notFound("there is no assignment \"" + name + "\"");
        }
        int n = store.regradeAssignment(name, r.user().name());
        queued.run();
        JsonObject o = new JsonObject();
        o.addProperty("assignment", name);
        o.addProperty("queued", n);
        o.addProperty("message", n + " graded submission(s) of " + name + " queued for grading again");
        return Response.json(202, o);
    }

    private Response gradebook(Request r) throws SQLException {
        instructor(r);
        return Response.json(200, gradebookNow().json());
    }

    private Response gradebookCsv(Request r) throws SQLException {
        instructor(r);
        return Response.text(200, "text/csv; charset=utf-8", gradebookNow().csv())
                .withHeader("Content-Disposition", "attachment; filename=\"gradebook.csv\"");
    }

    private ServiceGradebook gradebookNow() throws SQLException {
        return ServiceGradebook.of(store.graded(), config.counted(), students, config.assignments().keySet(),
                store.list(null, null, null, Integer.MAX_VALUE));
    }

    private Response queue(Request r) throws SQLException {
        instructor(r);
        SubmissionStore.QueueStats stats = store.stats();
        JsonObject o = new JsonObject();
        JsonObject counts = new JsonObject();
        stats.byStatus().forEach(counts::addProperty);
        o.add("submissions", counts);
        o.addProperty("graded_last_minute", stats.gradedLastMinute());
        o.addProperty("mean_grading_seconds", stats.meanGradingSeconds());
        JsonArray leases = new JsonArray();
        for (SubmissionStore.Lease l : stats.leases()) {
            JsonObject lo = new JsonObject();
            lo.addProperty("submission", l.submissionId());
            lo.addProperty("worker", l.worker());
            lo.addProperty("attempt", l.attempt());
            lo.addProperty("seconds_left", Math.round(l.millisLeft() / 100.0) / 10.0);
            leases.add(lo);
        }
        o.add("grading", leases);
        return Response.json(200, o);
    }

    private Response audit(Request r) throws SQLException {
        instructor(r);
        int limit = r.query("limit").map(Api::positive).orElse(200);
        JsonArray list = new JsonArray();
        for (SubmissionStore.AuditEntry e : store.auditLog(Math.min(limit, 10_000))) {
            JsonObject o = new JsonObject();
            o.addProperty("id", e.id());
            o.addProperty("at", e.at().toString());
            o.addProperty("actor", e.actor());
            o.addProperty("action", e.action());
            o.addProperty("submission", e.submissionId());
            o.addProperty("assignment", e.assignment());
            o.addProperty("sha256", e.sha256());
            o.addProperty("size_bytes", e.sizeBytes());
            o.addProperty("decision", e.decision());
            o.addProperty("detail", e.detail());
            list.add(o);
        }
        return Response.json(200, list);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static void instructor(Request r) {
        if (!r.user().isInstructor()) {
            throw HttpError.forbidden("only instructors may do this");
        }
    }

    /** The submission of the path, when the caller may see it; 404 otherwise (a student learns nothing of others'). */
    private SubmissionStore.Submission visible(Request r) throws SQLException {
        long id = Long.parseLong(r.path(1));
        Optional<SubmissionStore.Submission> s = store.find(id);
        if (s.isEmpty() || !(r.user().isInstructor() || s.get().student().equals(r.user().name()))) {
            throw HttpError.notFound("there is no submission #" + id + (r.user().isInstructor() ? "" : " of yours"));
        }
        return s.get();
    }

    private static GradingResult parse(SubmissionStore.Result result) {
        try {
            return GradingResult.parse(result.resultsJson().getBytes(StandardCharsets.UTF_8),
                    "submission-" + result.submissionId() + "/results.json", "submission-" + result.submissionId());
        } catch (ResultsFileException e) {
            throw new IllegalStateException("the stored results of submission #" + result.submissionId()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    static JsonObject submissionJson(SubmissionStore.Submission s) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.addProperty("student", s.student());
        o.addProperty("assignment", s.assignment());
        o.addProperty("file_name", s.fileName());
        o.addProperty("sha256", s.sha256());
        o.addProperty("size_bytes", s.sizeBytes());
        o.addProperty("submitted_at", s.submittedAt().toString());
        o.addProperty("days_late", s.daysLate());
        o.addProperty("penalty", s.penalty());
        o.addProperty("status", s.status());
        o.addProperty("generation", s.generation());
        o.addProperty("attempts", s.attempts());
        o.addProperty("graded_at", s.gradedAt() == null ? null : s.gradedAt().toString());
        o.addProperty("score", s.score());
        o.addProperty("max_score", s.maxScore());
        o.addProperty("final_score", s.finalScore());
        o.addProperty("error", s.error());
        return o;
    }

    private static int positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HttpError.badRequest("limit must be a positive whole number, not " + text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
