package ttlab.grader.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ttlab.grader.assign.Assigner;
import ttlab.grader.notebook.NotebookException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static ttlab.grader.notebook.TestNotebooks.code;
import static ttlab.grader.notebook.TestNotebooks.document;
import static ttlab.grader.notebook.TestNotebooks.markdown;
import static ttlab.grader.notebook.TestNotebooks.role;
import static ttlab.grader.notebook.TestNotebooks.ttlab;

/**
 * A tiny master with two exercises, as docs/notebook-format.md describes them, its student copy
 * (made by {@link Assigner}), and submissions made from that copy by editing its cells.
 *
 * <p>warmup.square (2 points): SquareTests (small 1, table 3 over three cases, noOverflow 1 hidden),
 * 5 raw points scaled to 2. warmup.mean (3 points): MeanTests (two 1, three 2) and MeanHiddenTests
 * (emptyIsNaN 1, which the stub's guard clause passes), 4 raw points scaled to 3.
 */
public final class WarmupNotebooks {

    public static final String NAME = "01-warmup.ipynb";

    static final String SQUARE_SOLUTION = """
            /** The square of x, without overflow. */
            static long square(int x) {
                // BEGIN SOLUTION
                return (long) x * x;
                // END SOLUTION
            }""";

    static final String SQUARE_TESTS = """
            class SquareTests {
                @Test
                void small() {
                    assertThat(square(3)).isEqualTo(9L);
                }

                @ParameterizedTest
                @ValueSource(ints = {0, 1, 12})
                @Points(3)
                void table(int x) {
                    assertThat(square(x)).isEqualTo((long) x * x);
                }

                // BEGIN HIDDEN TESTS
                @Test
                void noOverflow() {
                    assertThat(square(100000)).isEqualTo(10_000_000_000L);
                }
                // END HIDDEN TESTS
            }""";

    static final String MEAN_SOLUTION = """
            /** The arithmetic mean of xs; NaN when there are none. */
            static double mean(double[] xs) {
                if (xs.length == 0) {
                    return Double.NaN;
                }
                // BEGIN SOLUTION
                double sum = 0;
                for (double x : xs) {
                    sum += x;
                }
                return sum / xs.length;
                // END SOLUTION
            }""";

    static final String MEAN_TESTS = """
            class MeanTests {
                @Test
                void two() {
                    assertThat(mean(new double[] {1, 2})).isEqualTo(1.5);
                }

                @Test
                @Points(2)
                void three() {
                    assertThat(mean(new double[] {1, 2, 6})).isCloseTo(3.0, within(EPS));
                }
            }""";

    static final String MEAN_HIDDEN = """
            class MeanHiddenTests {
                @Test
                void emptyIsNaN() {
                    assertThat(mean(new double[0])).isNaN();
                }
            }""";

    private WarmupNotebooks() {
    }

    public static JsonObject master() {
        return document(
                markdown("intro", "# Warm-up\n\nTwo small exercises.", new JsonObject()),
                code("setup", "static final double EPS = 1e-9;", role("locked")),
                code("square-solution", SQUARE_SOLUTION, ttlab("warmup.square", 2, "solution")),
                code("try-square", "square(5)"),
                code("square-tests", SQUARE_TESTS, ttlab("warmup.square", null, "tests")),
                code("check-square", "check(SquareTests.class);"),
                code("mean-solution", MEAN_SOLUTION, ttlab("warmup.mean", 3, "solution")),
                code("mean-tests", MEAN_TESTS, ttlab("warmup.mean", null, "tests")),
                code("mean-hidden", MEAN_HIDDEN, ttlab("warmup.mean", null, "hidden-tests")),
                code("demo", "System.out.println(mean(new double[] {1, 2, 3}));", role("skip-in-grading")));
    }

    static byte[] masterBytes() {
        return master().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The student copy, exactly as {@code assign} writes it. */
    static JsonObject studentCopy() {
        try {
            byte[] copy = Assigner.assign(masterBytes(), "solutions/" + NAME);
            return JsonParser.parseString(new String(copy, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NotebookException e) {
            throw new AssertionError(e);
        }
    }

    /** The student copy with the solution cells answered as in the master. */
    public static JsonObject correct() {
        JsonObject nb = studentCopy();
        setSource(nb, "square-solution", SQUARE_SOLUTION);
        setSource(nb, "mean-solution", MEAN_SOLUTION);
        return nb;
    }

    /** The correct notebook with square's body replaced (the signature and Javadoc stay). */
    static JsonObject squareBody(String body) {
        JsonObject nb = correct();
        setSource(nb, "square-solution", "/** The square of x, without overflow. */\nstatic long square(int x) {\n"
                + body.indent(4) + "}");
        return nb;
    }

    /** The correct notebook with mean's body replaced. */
    static JsonObject meanBody(String body) {
        JsonObject nb = correct();
        setSource(nb, "mean-solution", "/** The arithmetic mean of xs; NaN when there are none. */\n"
                + "static double mean(double[] xs) {\n" + body.indent(4) + "}");
        return nb;
    }

    public static JsonArray cells(JsonObject nb) {
        return nb.getAsJsonArray("cells");
    }

    static JsonObject cell(JsonObject nb, String id) {
        for (JsonElement c : cells(nb)) {
            if (c.getAsJsonObject().get("id").getAsString().equals(id)) {
                return c.getAsJsonObject();
            }
        }
        throw new AssertionError("no cell " + id);
    }

    static int indexOf(JsonObject nb, String id) {
        JsonArray cells = cells(nb);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).getAsJsonObject().get("id").getAsString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no cell " + id);
    }

    public static void setSource(JsonObject nb, String id, String source) {
        cell(nb, id).addProperty("source", source);
    }

    static void remove(JsonObject nb, String id) {
        cells(nb).remove(indexOf(nb, id));
    }

    public static Path write(Path folder, String name, JsonObject nb) throws IOException {
        return write(folder, name, nb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
