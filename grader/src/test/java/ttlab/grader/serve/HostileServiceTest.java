package ttlab.grader.serve;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.grade.SandboxHere;
import ttlab.grader.grade.WarmupNotebooks;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;

/**
 * A hostile hand-in to a real service that grades (one grading worker, the machine's sandbox),
 * beside an honest one: it tries to read the roster and the database and to overwrite every
 * results.json in the data folder. Nothing may leak or change, and both grades must be exact.
 * {@code UnprivilegedSuitesTest} runs this class a second time with the service as an unprivileged
 * user, so the service's grading is proved on both of the sandbox's paths.
 */
public class HostileServiceTest {

    private static final String ALICE = "alice-token-0001";
    private static final String MALLORY = "mallory-token-02";
    private static final String PROF = "prof-token-0003";
    private static final Duration GRADING_LIMIT = Duration.ofMinutes(5);

    @TempDir
    static Path dir;
    private static Service service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static byte[] rosterBefore;
    private static JsonObject alice;
    private static JsonObject mallory;
    private static JsonObject malloryResults;
    private static JsonObject aliceResults;

    @BeforeAll
    static void gradeBoth() throws Exception {
        Path solutions = dir.resolve("solutions");
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, WarmupNotebooks.master());
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "user,role,token\nalice,student," + ALICE + "\nmallory,student," + MALLORY
                + "\nprof,instructor," + PROF + "\n");
        rosterBefore = Files.readAllBytes(roster);
        Path data = dir.resolve("data");
        ServeOptions options = ServeOptions.parse(new String[] {"--port", "0", "--data", data.toString(),
                "--roster", roster.toString(), "--solutions", solutions.toString(), "--workers", "1",
                "--name", "hostile-test"}, Map.of());
        service = Service.start(options, Clock.systemUTC(), new PrintStream(LOG, true, StandardCharsets.UTF_8));

        long aliceId = handIn(ALICE, WarmupNotebooks.correct());
        alice = graded(aliceId, ALICE);
        long malloryId = handIn(MALLORY, hostile(roster, data));
        mallory = graded(malloryId, PROF);
        malloryResults = get("api/submissions/" + malloryId + "/results.json", PROF).getAsJsonObject();
        // alice's grade and stored results.json again, after mallory's grading
        alice = get("api/submissions/" + aliceId, ALICE).getAsJsonObject();
        aliceResults = get("api/submissions/" + aliceId + "/results.json", PROF).getAsJsonObject();
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    /**
     * Mean right; square right only if the roster or the database can be read; and a cell of the
     * student's own that rewrites every results.json under the data folder (alice's is there).
     */
    private static JsonObject hostile(Path roster, Path data) {
        JsonObject nb = WarmupNotebooks.correct();
        WarmupNotebooks.setSource(nb, "square-solution", """
                static long square(int x) {
                    boolean leak = Files.isReadable(Path.of("%s")) || Files.isReadable(Path.of("%s"));
                    return leak ? (long) x * x : 0;
                }""".formatted(roster, data.resolve("ttlab.db")));
        WarmupNotebooks.cells(nb).add(code("mallory-cell", """
                try (var files = Files.walk(Path.of("%s"))) {
                    for (Path p : files.toList()) {
                        if (p.toString().endsWith("results.json")) Files.writeString(p, "{\\"score\\": 100}");
                    }
                }""".formatted(data)));
        return nb;
    }

    @Test
    void theHonestNeighbourKeepsFullMarks() {
        assertThat(alice.get("status").getAsString()).isEqualTo("graded");
        assertThat(alice.getAsJsonObject("result").get("score").getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void theHostileHandInEarnsOnlyItsHonestPartAndIsToldWhy() {
        assertThat(mallory.get("status").getAsString()).isEqualTo("graded");
        JsonObject result = mallory.getAsJsonObject("result");
        assertThat(result.get("score").getAsDouble()).as("mean's 3 points, none for square").isEqualTo(3.0);
        assertThat(result.get("max_score").getAsDouble()).isEqualTo(5.0);
        List<String> problems = new ArrayList<>();
        result.getAsJsonArray("problems").forEach(p -> problems.add(p.getAsString()));
        assertThat(problems).anyMatch(p -> p.startsWith("cell 'square-solution'")
                && p.contains("(file-io) may not be used in graded code: square fails when called"));
        assertThat(problems).anyMatch(p -> p.startsWith("cell 'mallory-cell'") && p.contains("(file-io)"));
    }

    @Test
    void theRosterAndAlicesStoredResultsAreUnchanged() throws IOException {
        assertThat(Files.readAllBytes(dir.resolve("roster.csv"))).isEqualTo(rosterBefore);
        assertThat(aliceResults.get("score").getAsDouble()).isEqualTo(5.0);
        assertThat(LOG.toString(StandardCharsets.UTF_8)).doesNotContain(ALICE).doesNotContain(PROF);
    }

    @Test
    void theServiceGradesInThisMachinesSandbox() {
        assertThat(malloryResults.getAsJsonObject("extra_data").get("sandbox").getAsString())
                .isEqualTo(SandboxHere.description());
    }

    private static long handIn(String token, JsonObject notebook) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "api/submissions?filename="
                        + WarmupNotebooks.NAME))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(notebook.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        return JsonParser.parseString(reply.body()).getAsJsonObject().get("id").getAsLong();
    }

    private static JsonObject graded(long id, String token) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(GRADING_LIMIT);
        while (true) {
            JsonObject s = get("api/submissions/" + id, token).getAsJsonObject();
            String status = s.get("status").getAsString();
            if (status.equals("graded") || status.equals("failed")) {
                return s;
            }
            assertThat(Instant.now()).as("submission %d still %s; service log:%n%s", id, status,
                    LOG.toString(StandardCharsets.UTF_8)).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonElement get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
        return JsonParser.parseString(reply.body());
    }
}
