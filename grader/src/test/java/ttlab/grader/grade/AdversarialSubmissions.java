package ttlab.grader.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static ttlab.grader.grade.WarmupNotebooks.cell;
import static ttlab.grader.grade.WarmupNotebooks.cells;
import static ttlab.grader.grade.WarmupNotebooks.correct;
import static ttlab.grader.grade.WarmupNotebooks.indexOf;
import static ttlab.grader.grade.WarmupNotebooks.meanBody;
import static ttlab.grader.grade.WarmupNotebooks.remove;
import static ttlab.grader.grade.WarmupNotebooks.setSource;
import static ttlab.grader.grade.WarmupNotebooks.squareBody;
import static ttlab.grader.grade.WarmupNotebooks.studentCopy;

/**
 * Submissions that try everything a grader must survive, each written as
 * {@code <folder>/<case>/01-warmup.ipynb}, so that one batch grades them all.
 */
final class AdversarialSubmissions {

    private AdversarialSubmissions() {
    }

    /** The cases by name, in a fixed order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("correct", bytes(withDisplayCell(correct())));
        cases.put("stub", bytes(studentCopy()));
        cases.put("exit", bytes(squareBody("System.exit(3);\nreturn 0;")));
        // The kernel redirects System.exit in notebook code; through reflection it would end the JVM,
        // and Runtime.halt without a word: the bytecode allowlist refuses the reflection instead.
        cases.put("exit-by-reflection", bytes(squareBody("""
                try {
                    System.class.getMethod("exit", int.class).invoke(null, 3);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                return 0;""")));
        cases.put("halt-by-reflection", bytes(squareBody("""
                try {
                    Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 3);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                return 0;""")));
        cases.put("loop", bytes(squareBody("while (true) {\n}")));
        cases.put("thread-bomb", bytes(squareBody("""
                while (true) {
                    new Thread(() -> {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                        }
                    }).start();
                }""")));
        cases.put("recursion", bytes(squareBody("return square(x) + 1;")));
        cases.put("out-of-memory", bytes(meanBody("""
                List<double[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new double[1 << 20]);
                }""")));
        cases.put("print-100mb", bytes(squareBody("""
                String megabyte = "x".repeat(1 << 20);
                for (int i = 0; i < 100; i++) {
                    System.out.print(megabyte);
                }
                return (long) x * x;""")));
        cases.put("compile-error", bytes(meanBody("""
                double sum = 0;
                for (double x : xs) {
                    sum += x;
                }
                return sum / xs.length""")));
        cases.put("deleted-solution", bytes(deleted("square-solution")));
        cases.put("duplicate-id", bytes(duplicatedSolution()));
        cases.put("edited-locked", bytes(editedLocked()));
        cases.put("reordered", bytes(reordered()));
        cases.put("huge-cell", bytes(withHugeCell()));
        cases.put("bad-json", "{\"cells\": [".getBytes(StandardCharsets.UTF_8));
        cases.put("nbformat-3", bytes(nbformat3()));
        cases.put("missing-ids", bytes(withoutIds()));
        cases.put("not-utf8", notUtf8());
        return cases;
    }

    static void writeAll(Path folder) throws IOException {
        for (Map.Entry<String, byte[]> c : all().entrySet()) {
            WarmupNotebooks.write(folder.resolve(c.getKey()), WarmupNotebooks.NAME, c.getValue());
        }
    }

    private static byte[] bytes(JsonObject nb) {
        return nb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell of the student's own that displays something, as students do: it must not fail in grading. */
    private static JsonObject withDisplayCell(JsonObject nb) {
        JsonObject shown = cell(nb, "try-square").deepCopy();
        shown.addProperty("id", "show-square");
        shown.addProperty("source", "display(square(4));\nString id = display(\"<b>hi</b>\", \"text/html\");\nid");
        cells(nb).asList().add(indexOf(nb, "try-square") + 1, shown);
        return nb;
    }

    private static JsonObject deleted(String id) {
        JsonObject nb = correct();
        remove(nb, id);
        return nb;
    }

    /** A wrong answer, then (same id, as a copy-paste in JupyterLab can make) the right one. */
    private static JsonObject duplicatedSolution() {
        JsonObject nb = correct();
        JsonObject wrong = cell(nb, "square-solution").deepCopy();
        wrong.addProperty("source", "static long square(int x) {\n    return x + x;\n}");
        cells(nb).asList().add(indexOf(nb, "square-solution"), wrong);
        return nb;
    }

    /**
     * A mean that is 0.5 off, and a locked tolerance widened to let it pass; the original
     * tolerance runs instead, so three() fails.
     */
    private static JsonObject editedLocked() {
        JsonObject nb = meanBody("""
                if (xs.length == 0) {
                    return Double.NaN;
                }
                return Arrays.stream(xs).sum() / xs.length + 0.5;""");
        setSource(nb, "setup", "static final double EPS = 10;");
        return nb;
    }

    /** The mean exercise moved above the square exercise. */
    private static JsonObject reordered() {
        JsonObject nb = correct();
        JsonArray list = cells(nb);
        JsonObject mean = list.remove(indexOf(nb, "mean-solution")).getAsJsonObject();
        list.asList().add(indexOf(nb, "square-solution"), mean);
        return nb;
    }

    /** A 5 MB code cell (a pasted data dump): not run, the rest is graded. */
    private static JsonObject withHugeCell() {
        JsonObject nb = correct();
        JsonObject huge = cell(nb, "try-square").deepCopy();
        huge.addProperty("id", "data-dump");
        huge.addProperty("source", "// " + "0123456789".repeat(500_000) + "\nint[] data = {};");
        cells(nb).add(huge);
        return nb;
    }

    private static JsonObject nbformat3() {
        JsonObject nb = new JsonObject();
        nb.addProperty("nbformat", 3);
        nb.addProperty("nbformat_minor", 0);
        nb.add("metadata", new JsonObject());
        nb.add("worksheets", new JsonArray());
        return nb;
    }

    private static JsonObject withoutIds() {
        JsonObject nb = correct();
        cells(nb).forEach(c -> c.getAsJsonObject().remove("id"));
        nb.addProperty("nbformat_minor", 4);
        return nb;
    }

    /** The correct notebook with one Latin-1 byte (é) in a comment. */
    private static byte[] notUtf8() {
        JsonObject nb = correct();
        setSource(nb, "try-square", "// caf\u00e9\nsquare(5)");
        String text = nb.toString();
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
