package ttlab.grader.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ttlab.grader.notebook.NotebookWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.notebook;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

class UnansweredExercisesTest {

    private static final String DOT_STUB = "double dot(double[] a, double[] b) {\n"
            + "    throw new UnsupportedOperationException(\"not implemented yet: warmup.dot\");\n}";
    private static final String DOT_ANSWER = "double dot(double[] a, double[] b) {\n    return 0;\n}";
    /** Two methods, one answered: the exercise is still unanswered in part. */
    private static final String SOFTMAX_HALF = "double lse(double[] x) {\n    return 0;\n}\n"
            + "double[] softmax(double[] x) {\n"
            + "    throw new UnsupportedOperationException(\"not implemented yet: warmup.softmax\");\n}";

    @TempDir
    Path folder;

    private static byte[] handIn(String dot, String softmax) {
        return NotebookWriter.toBytes(notebook(
                code("dot-solution", dot, ttlab("warmup.dot", 3, "solution")),
                code("dot-tests", "class DotTests {}", ttlab("warmup.dot", null, "tests")),
                code("softmax-solution", softmax, ttlab("warmup.softmax", 3, "solution")),
                // a stub's text outside a solution cell is not an unanswered exercise
                code("note", "// throw new UnsupportedOperationException(\"not implemented yet: warmup.matmul\");")));
    }

    @Test
    void solutionCellsThatStillHoldTheirStubAreNamedInNotebookOrder() {
        assertThat(UnansweredExercises.in(handIn(DOT_STUB, SOFTMAX_HALF), "00-warmup.ipynb"))
                .containsExactly("warmup.dot", "warmup.softmax");
        assertThat(UnansweredExercises.in(handIn(DOT_ANSWER, SOFTMAX_HALF), "00-warmup.ipynb"))
                .containsExactly("warmup.softmax");
        assertThat(UnansweredExercises.warning(handIn(DOT_ANSWER, DOT_ANSWER.replace("dot", "softmax")), "n")).isEmpty();
    }

    @Test
    void aNotebookThatCannotBeReadGivesNoWarning() {
        assertThat(UnansweredExercises.in("not json".getBytes(StandardCharsets.UTF_8), "x.ipynb")).isEmpty();
    }

    @Test
    void handingInWarnsAboutStubsFirstAndStillHandsIn() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/", x -> receipt(x, requests));
        service.start();
        try {
            Path notebook = folder.resolve("00-warmup.ipynb");
            Files.write(notebook, handIn(DOT_STUB, SOFTMAX_HALF));
            SubmitClient client = new SubmitClient(URI.create("http://127.0.0.1:" + service.getAddress().getPort()), "t");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int status = SubmitCommand.handIn(client, notebook, null, false, Duration.ofSeconds(5),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            assertThat(requests).hasSize(1);
            assertThat(out).startsWith("Warning: 2 exercises are still the stub you were given (\"not implemented yet\")"
                    + " and will earn no points: warmup.dot, warmup.softmax. Handing in anyway");
            assertThat(out).contains("Handed in 00-warmup.ipynb");
        } finally {
            service.stop(0);
        }
    }

    private static void receipt(HttpExchange x, List<String> requests) throws IOException {
        requests.add(x.getRequestMethod() + " " + x.getRequestURI());
        byte[] body = ("{\"id\": 7, \"status\": \"queued\", \"sha256\": \"0123456789abcdef\","
                + " \"assignment\": \"00-warmup\", \"days_late\": 0, \"penalty\": 0}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(202, body.length);
        x.getResponseBody().write(body);
        x.close();
    }
}
