package ttlab.grader.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.document;

/**
 * The HTTP API of a real service (JDK HTTP server, SQLite, roster) without grading threads: who
 * may do what, and every refusal with its status and message, as a client sees them.
 */
class ApiTest {

    private static final String ALICE = "alice-token-0001";
    private static final String BOB = "bob-token-00002";
    private static final String PROF = "prof-token-0003";
    private static final Instant NOW = Instant.parse("2026-10-21T12:00:00Z");

    @TempDir
    Path dir;
    private Service service;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private byte[] notebook;

    @BeforeEach
    void start() throws IOException, SQLException {
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        notebook = document(code("only-cell", "int answer = 42;")).toString().getBytes(StandardCharsets.UTF_8);
        Files.write(solutions.resolve("00-warmup.ipynb"), notebook);
        Files.write(solutions.resolve("01-late.ipynb"), notebook);
        Files.write(solutions.resolve("02-closed.ipynb"), notebook);
        Files.writeString(dir.resolve("roster.csv"), "user,role,token\nalice,student," + ALICE + "\nbob,student," + BOB
                + "\nprof,instructor," + PROF + "\n");
        // Now is 2026-10-21 12:00 UTC: 01-late was due a day and a half ago, 02-closed closed yesterday.
        Files.writeString(dir.resolve("course.json"), """
                {"max_notebook_bytes": "4k",
                 "assignments": {
                   "00-warmup": {"max_submissions": 2},
                   "01-late": {"due": "2026-10-20T00:00Z", "late_penalty_per_day": 0.25},
                   "02-closed": {"due": "2026-10-19T00:00Z", "cutoff": "2026-10-20T00:00Z"}}}
                """);
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data", dir.resolve("data").toString(),
                "--roster", dir.resolve("roster.csv").toString(), "--config", dir.resolve("course.json").toString(),
                "--solutions", solutions.toString(), "--workers", "0", "--name", "test"}, Map.of());
        service = Service.start(options, Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
    }

    private record Reply(int status, JsonElement json, String text, HttpResponse<String> raw) {
        JsonObject object() {
            return json.getAsJsonObject();
        }

        String error() {
            return object().get("error").getAsString();
        }
    }

    private Reply call(String method, String path, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.url() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonElement json = null;
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            json = JsonParser.parseString(r.body());
        }
        return new Reply(r.statusCode(), json, r.body(), r);
    }

    private Reply get(String path, String token) throws IOException, InterruptedException {
        return call("GET", path, token, null);
    }

    private Reply submit(String token, String query, byte[] body) throws IOException, InterruptedException {
        return call("POST", "api/submissions?" + query, token, body);
    }

    @Test
    void tokensAreRequiredAndChecked() throws Exception {
        Reply none = get("api/me", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.error()).contains("Authorization: Bearer");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(get("api/me", "forged-token-000").status()).isEqualTo(401);
        Reply me = get("api/me", ALICE);
        assertThat(me.object().get("user").getAsString()).isEqualTo("alice");
        assertThat(me.object().get("role").getAsString()).isEqualTo("student");
        // The page and the health check are public; JupyterHub's "token" scheme works too.
        assertThat(get("", null).text()).contains("<title>ttlab: hand in</title>");
        assertThat(get("api/health", null).object().get("database").getAsString()).isEqualTo("sqlite");
        HttpRequest hubStyle = HttpRequest.newBuilder(URI.create(service.url() + "api/me"))
                .header("Authorization", "token " + PROF).build();
        assertThat(http.send(hubStyle, HttpResponse.BodyHandlers.ofString()).body()).contains("instructor");
    }

    @Test
    void aStudentHandsInAndSeesOnlyTheirOwnWork() throws Exception {
        Reply accepted = submit(ALICE, "filename=00-warmup.ipynb", notebook);
        assertThat(accepted.status()).isEqualTo(202);
        long id = accepted.object().get("id").getAsLong();
        assertThat(accepted.object().get("status").getAsString()).isEqualTo("queued");
        assertThat(accepted.object().get("sha256").getAsString()).isEqualTo(Api.sha256(notebook));
        assertThat(accepted.raw().headers().firstValue("Location")).contains("api/submissions/" + id);
        assertThat(get("api/submissions/" + id, ALICE).object().get("student").getAsString()).isEqualTo("alice");
        assertThat(get("api/submissions/" + id + "/notebook", ALICE).text()).isEqualTo(new String(notebook, StandardCharsets.UTF_8));
        // Not graded yet: no feedback, and a clear reason.
        Reply early = get("api/submissions/" + id + "/feedback", ALICE);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.error()).contains("queued");
        // bob cannot see it, and cannot tell it exists.
        Reply other = get("api/submissions/" + id, BOB);
        assertThat(other.status()).isEqualTo(404);
        assertThat(get("api/submissions", BOB).json().getAsJsonArray()).isEmpty();
        assertThat(get("api/submissions", PROF).json().getAsJsonArray()).hasSize(1);
        JsonArray assignments = get("api/assignments", ALICE).json().getAsJsonArray();
        JsonObject warmup = assignments.get(0).getAsJsonObject();
        assertThat(warmup.get("name").getAsString()).isEqualTo("00-warmup");
        assertThat(warmup.get("used").getAsInt()).isEqualTo(1);
        assertThat(warmup.get("remaining").getAsInt()).isEqualTo(1);
    }

    @Test
    void refusalsSayWhyWithTheirStatus() throws Exception {
        assertThat(submit(ALICE, "filename=99-nothing.ipynb", notebook)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).contains("no assignment \"99-nothing\"").contains("00-warmup, 01-late, 02-closed");
        });
        assertThat(submit(ALICE, "", notebook)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).contains("which assignment");
        });
        assertThat(submit(ALICE, "assignment=00-warmup", "{\"cells\": 3}".getBytes(StandardCharsets.UTF_8))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).startsWith("this is not a notebook the grader can read");
        });
        assertThat(submit(ALICE, "assignment=00-warmup", new byte[0]).status()).isEqualTo(400);
        assertThat(submit(ALICE, "assignment=00-warmup", new byte[5000])).satisfies(r -> {
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.error()).contains("larger than the limit of 4 KB");
        });
        assertThat(submit(ALICE, "filename=02-closed.ipynb", notebook)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).contains("closed at 2026-10-20T00:00:00Z");
        });
        assertThat(submit(ALICE, "filename=00-warmup.ipynb", notebook).status()).isEqualTo(202);
        assertThat(submit(ALICE, "filename=00-warmup.ipynb", notebook)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.error()).contains("identical to your submission");
        });
        byte[] changed = document(code("only-cell", "int answer = 43;")).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(submit(ALICE, "filename=00-warmup.ipynb", changed).status()).isEqualTo(202);
        byte[] third = document(code("only-cell", "int answer = 44;")).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(submit(ALICE, "filename=00-warmup.ipynb", third)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.error()).contains("all 2 submissions of 00-warmup");
        });
        assertThat(submit(ALICE, "filename=00-warmup.ipynb&student=bob", third).status()).isEqualTo(403);
        assertThat(call("DELETE", "api/submissions", ALICE, null).status()).isEqualTo(405);
        assertThat(get("api/nothing", ALICE).status()).isEqualTo(404);
        // Every attempt is in the audit log, refused or not, with its size and hash when it was read.
        JsonArray audit = get("api/audit?limit=100", PROF).json().getAsJsonArray();
        assertThat(audit).extracting(e -> e.getAsJsonObject().get("decision").getAsString()).containsExactly(
                "refused 403", "refused 429", "accepted", "refused 409", "accepted", "refused 403", "refused 413",
                "refused 400", "refused 400", "refused 400", "refused 404");
        assertThat(audit.get(0).getAsJsonObject().get("detail").getAsString()).startsWith("for bob: only instructors");
        JsonObject tooLate = audit.get(5).getAsJsonObject();
        assertThat(tooLate.get("decision").getAsString()).isEqualTo("refused 403");
        assertThat(tooLate.get("sha256").getAsString()).isEqualTo(Api.sha256(notebook));
        assertThat(tooLate.get("size_bytes").getAsLong()).isEqualTo(notebook.length);
    }

    @Test
    void aLateSubmissionIsAcceptedWithItsPenalty() throws Exception {
        Reply late = submit(ALICE, "filename=01-late.ipynb", notebook);
        assertThat(late.status()).isEqualTo(202);
        assertThat(late.object().get("days_late").getAsInt()).isEqualTo(2);
        assertThat(late.object().get("penalty").getAsDouble()).isEqualTo(0.5);
        assertThat(late.object().get("message").getAsString()).contains("2 day(s) late").contains("50% less");
    }

    @Test
    void theGradebookListsEveryStudentOfTheRosterForEveryAssignmentWithMissingHandInsAsSuch() throws Exception {
        submit(ALICE, "filename=00-warmup.ipynb", notebook); // queued, not graded yet
        List<String> lines = get("api/gradebook.csv", PROF).text().lines().toList();
        assertThat(lines.get(0)).startsWith("student,assignment,").endsWith(",status");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",", 3)[0] + "," + line.split(",", 3)[1]
                + "," + line.substring(line.lastIndexOf(',') + 1)).containsExactly(
                "alice,00-warmup,not graded", "alice,01-late,missing", "alice,02-closed,missing",
                "bob,00-warmup,missing", "bob,01-late,missing", "bob,02-closed,missing");
        JsonObject json = get("api/gradebook", PROF).object();
        assertThat(json.getAsJsonArray("rows")).hasSize(6);
    }

    @Test
    void onlyInstructorsRegradeAndReadTheGradebookQueueAndAudit() throws Exception {
        long id = submit(ALICE, "filename=00-warmup.ipynb", notebook).object().get("id").getAsLong();
        for (String path : new String[] {"api/gradebook", "api/gradebook.csv", "api/queue", "api/audit",
                "api/submissions/" + id + "/results.json"}) {
            assertThat(get(path, ALICE).status()).as(path).isEqualTo(403);
        }
        assertThat(call("POST", "api/submissions/" + id + "/regrade", ALICE, null).status()).isEqualTo(403);
        Reply pending = call("POST", "api/submissions/" + id + "/regrade", PROF, null);
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.error()).contains("queued already");
        assertThat(call("POST", "api/assignments/00-warmup/regrade", PROF, null).object().get("queued").getAsInt()).isZero();
        assertThat(call("POST", "api/assignments/nope/regrade", PROF, null).status()).isEqualTo(404);
        assertThat(get("api/queue", PROF).object().getAsJsonObject("submissions").get("queued").getAsInt()).isEqualTo(1);
        assertThat(get("api/gradebook.csv", PROF).text()).startsWith("student,assignment");
        // Instructors may hand in for a student (a notebook handed in by mail, say).
        Reply forBob = submit(PROF, "filename=00-warmup.ipynb&student=bob", notebook);
        assertThat(forBob.object().get("student").getAsString()).isEqualTo("bob");
    }
}
