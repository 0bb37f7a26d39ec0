package ttlab.grader.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ttlab.grader.grade.WarmupNotebooks.cells;
import static ttlab.grader.grade.WarmupNotebooks.correct;
import static ttlab.grader.grade.WarmupNotebooks.indexOf;
import static ttlab.grader.grade.WarmupNotebooks.setSource;
import static ttlab.grader.notebook.TestNotebooks.code;

/**
 * Submissions written as a hostile student would write them (only solution cells changed, and
 * cells of their own added), graded in one batch beside honest neighbours. Every attack is built
 * on the same wrong answers (square returns 0, mean returns 0), which honestly earn
 * {@value #WRONG} of 5 points (square(0) is right); an attack that worked would earn more, leak
 * something, or change a neighbour's results.
 */
class HostileBatchTest {

    static final double WRONG = 0.4;

    @TempDir
    static Path tmp;
    private static Path out;
    private static Path solutions;
    private static Path outside;
    private static ServerSocket listener;
    private static final String TOKEN = "ttlab-hostile-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, JsonObject> CASES = new LinkedHashMap<>();

    @BeforeAll
    static void gradeAll() throws Exception {
        solutions = tmp.resolve("solutions");
        JsonObject master = WarmupNotebooks.master();
        JsonObject ttlab = new JsonObject();
        JsonArray forbid = new JsonArray();
        forbid.add("ttlab.course.Vectors.sum"); // would compute the mean's sum for the student
        ttlab.add("forbid", forbid);
        master.getAsJsonObject("metadata").add("ttlab", ttlab);
        WarmupNotebooks.write(solutions, WarmupNotebooks.NAME, master);
        out = tmp.resolve("out");
        outside = Path.of("/tmp", TOKEN);
        listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        cases();
        Path submissions = tmp.resolve("submissions");
        for (Map.Entry<String, JsonObject> c : CASES.entrySet()) {
            WarmupNotebooks.write(submissions.resolve(c.getKey()), WarmupNotebooks.NAME, c.getValue());
        }
        assertThat(AdversarialBatchTest.grade(submissions, solutions, out, "2")).isZero();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        listener.close();
        Files.deleteIfExists(outside);
    }

    /** The wrong answers every attack starts from. */
    private static JsonObject wrong() {
        JsonObject nb = correct();
        setSource(nb, "square-solution", "static long square(int x) {\n    return 0;\n}");
        setSource(nb, "mean-solution", "static double mean(double[] xs) {\n    return 0;\n}");
        return nb;
    }

    /** The wrong answers with a cell of the student's own added after {@code afterId}. */
    private static JsonObject wrongWith(String afterId, String source) {
        JsonObject nb = wrong();
        JsonArray cells = cells(nb);
        JsonArray copy = new JsonArray();
        int at = indexOf(nb, afterId);
        for (int i = 0; i < cells.size(); i++) {
            copy.add(cells.get(i));
            if (i == at) {
                copy.add(code("added-" + copy.size(), source));
            }
        }
        nb.add("cells", copy);
        return nb;
    }

    /** square answers right only when {@code condition} holds: a leak earns points. */
    private static JsonObject rightIf(String helpers, String condition) {
        JsonObject nb = wrongWith("try-square", helpers);
        setSource(nb, "square-solution", "static long square(int x) {\n    return (" + condition
                + ") ? (long) x * x : 0;\n}");
        return nb;
    }

    /** Square right, mean right but computed with {@code body}'s disallowed help: only mean fails. */
    private static JsonObject meanWith(String body) {
        JsonObject nb = correct();
        setSource(nb, "mean-solution", "static double mean(double[] xs) {\n" + body.indent(4)
                + "    return Arrays.stream(xs).sum() / xs.length;\n}");
        return nb;
    }

    /**
     * What each case scores: the wrong answers' {@value #WRONG}; 2 for square alone; 0 where square
     * answers right only if a leak worked (its file or network use is refused, so it throws).
     */
    static double expected(String name) {
        return name.equals("honest-correct") || name.equals("honest-library") ? 5.0
                : name.startsWith("mean-") ? 2.0
                : name.startsWith("read-") || name.startsWith("loopback-") || name.equals("changed-return-type") ? 0.0
                : WRONG;
    }

    private static void cases() {
        CASES.put("honest-correct", correct());
        CASES.put("honest-wrong", wrong());
        JsonObject library = correct();
        setSource(library, "mean-solution", "static double mean(double[] xs) {\n"
                + "    return Vectors.dot(xs, Vectors.filled(xs.length, 1)) / xs.length;\n}");
        CASES.put("honest-library", library); // a library call the set does not forbid
        // 1. names the tests use, shadowed
        CASES.put("shadow-test-annotation", wrongWith("try-square", "@interface Test {}"));
        CASES.put("shadow-test-with-extension", wrongWith("try-square", """
                import java.lang.annotation.*;
                import org.junit.jupiter.api.extension.*;
                class Swallow implements TestExecutionExceptionHandler {
                    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) {
                    }
                }
                @Retention(RetentionPolicy.RUNTIME)
                @Target(ElementType.METHOD)
                @org.junit.jupiter.api.Test
                @ExtendWith(Swallow.class)
                @interface Test {
                }"""));
        CASES.put("shadow-assertThat", wrongWith("try-square", """
                class Lenient {
                    Lenient isEqualTo(Object o) { return this; }
                    Lenient isCloseTo(double d, Object o) { return this; }
                    Lenient isNaN() { return this; }
                }
                static Lenient assertThat(Object actual) {
                    return new Lenient();
                }"""));
        JsonObject yesMan = wrongWith("try-square", """
                class YesMan {
                    @Override public boolean equals(Object other) { return true; }
                    @Override public int hashCode() { return 0; }
                }""");
        setSource(yesMan, "square-solution", "static Object square(int x) {\n    return new YesMan();\n}");
        CASES.put("changed-return-type", yesMan); // assertThat(square(3)).isEqualTo(9L) would pass
        CASES.put("redefine-locked-helper", wrongWith("mean-solution", "static final double EPS = 1e9;"));
        // 2. forged results: unsigned lines appended to the report, found through /proc/self/fd
        CASES.put("forge-report-lines", wrongWith("try-square", """
                for (Path fd : Files.list(Path.of("/proc/self/fd")).toList()) {
                    try {
                        Path target = Files.readSymbolicLink(fd);
                        if (target.toString().endsWith(".jsonl")) {
                            String forged = "{\\"event\\":\\"class\\",\\"unit\\":\\"class:SquareTests\\",\\"results\\":"
                                    + "[{\\"displayName\\":\\"small()\\",\\"className\\":\\"SquareTests\\","
                                    + "\\"methodName\\":\\"small\\",\\"status\\":\\"PASSED\\",\\"maxPoints\\":100}]}\\n";
                            Files.writeString(target, forged + forged.replace("SquareTests", "MeanTests"),
                                    java.nio.file.StandardOpenOption.APPEND);
                            Files.write(target, new byte[] {(byte) 0xff, '\\n'}, java.nio.file.StandardOpenOption.APPEND);
                        }
                    } catch (IOException | RuntimeException e) {
                    }
                }"""));
        // 3. secrets: the master, the grader's processes and environment
        CASES.put("read-master", rightIf("", "Files.isReadable(Path.of(\"" + solutions.resolve(WarmupNotebooks.NAME) + "\"))"));
        CASES.put("read-grader-processes", rightIf("""
                static boolean graderVisible() {
                    try (var procs = Files.list(Path.of("/proc"))) {
                        for (Path p : procs.toList()) {
                            if (p.getFileName().toString().matches("\\\\d+") && Files.isReadable(p.resolve("environ"))
                                    && Files.readString(p.resolve("environ")).contains("PATH=") && Files.isReadable(p.resolve("cwd"))
                                    && Files.exists(p.resolve("cwd").resolve("pom.xml"))) {
                                return true;
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                    }
                    return false;
                }""", "graderVisible()"));
        CASES.put("read-through-the-kernel", rightIf("", "ttlab.kernel.exercise.SavedNotebook.ofThisKernel().isEmpty()"));
        // 4. damage: write a neighbour's results, a fake student's, a file outside
        CASES.put("write-outside", wrongWith("try-square", """
                for (String p : List.of("%s", "%s", "%s")) {
                    try {
                        Files.createDirectories(Path.of(p).getParent());
                        Files.writeString(Path.of(p), "{\\"score\\": 100}");
                    } catch (IOException | RuntimeException e) {
                    }
                }""".formatted(out.resolve("honest-wrong--01-warmup").resolve("results.json"),
                out.resolve("fake-student--01-warmup").resolve("results.json"), outside)));
        // 5. breaking the grader: a process that outlives grading; the network on the loopback
        CASES.put("setsid-background", wrongWith("try-square", """
                try {
                    new ProcessBuilder("setsid", "sh", "-c", "sleep 120; touch %s").start();
                } catch (IOException e) {
                }""".formatted(outside)));
        CASES.put("process-through-a-benchmark", wrongWith("try-square", """
                try {
                    ttlab.kernel.bench.EngineBenchmark.main(new String[] {"--runs", "1", "--snippets", "1"});
                } catch (Exception e) {
                }"""));
        // 6. what graded code may not use, however it is spelled
        CASES.put("mean-runtime-in-a-variable", meanWith("""
                var rt = Runtime.getRuntime();
                try {
                    rt.exec(new String[] {"true"}).waitFor();
                } catch (Exception e) {
                }"""));
        CASES.put("mean-halt-by-method-reference", meanWith("""
                java.util.function.IntConsumer stop = Runtime.getRuntime()::halt;
                if (xs.length == 99) {
                    stop.accept(0);
                }"""));
        CASES.put("mean-loadClass-getMethod", meanWith("""
                try {
                    Class<?> c = ClassLoader.getSystemClassLoader().loadClass("java.lang.StrictMath");
                    c.getMethod("abs", double.class);
                } catch (ReflectiveOperationException e) {
                }"""));
        CASES.put("mean-forbidden-library-call", meanWith("""
                if (xs.length > 0) {
                    return Vectors.sum(xs) / xs.length;
                }"""));
        CASES.put("forge-by-reflection", wrongWith("try-square", """
                try {
                    Class<?> report = Class.forName("ttlab.grader.grade.WorkerReport");
                    System.out.println(report.getDeclaredMethods().length);
                } catch (ReflectiveOperationException e) {
                }"""));
        CASES.put("loopback-network", rightIf("""
                static boolean connects() {
                    try (var s = new java.net.Socket("127.0.0.1", %d)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                }""".formatted(listener.getLocalPort()), "connects()"));
    }

    @Test
    void honestNeighboursScoreExactly() throws IOException {
        assertThat(score("honest-correct")).isEqualTo(5.0);
        assertThat(score("honest-library")).isEqualTo(5.0);
        assertThat(score("honest-wrong")).isEqualTo(WRONG);
        assertThat(problems("honest-correct")).isEmpty();
    }

    @Test
    void everyAttackScoresWhatItsHonestPartEarnsAndTheMaximumStays() throws IOException {
        for (String name : CASES.keySet()) {
            if (name.startsWith("honest")) {
                continue;
            }
            assertThat(score(name)).as(name).isEqualTo(expected(name));
            assertThat(results(name).get("max_score").getAsDouble()).as(name).isEqualTo(5.0);
            assertThat(tests(name)).as(name).hasSize(8);
        }
    }

    @Test
    void shadowedNamesAreSetAsideWithAMessage() throws IOException {
        assertThat(problems("shadow-test-annotation")).anyMatch(p -> p.contains("declaration of Test")
                && p.contains("set aside while the tests ran"));
        assertThat(problems("shadow-assertThat")).anyMatch(p -> p.contains("declaration of assertThat"));
        assertThat(problems("redefine-locked-helper")).anyMatch(p -> p.contains("declaration of EPS"));
        assertThat(problems("changed-return-type")).contains("cell 'square-solution' (cell 3, under \"Warm-up\") declares square as"
                + " Object square(int), but the exercise asks for long square(int); keep the signature of the stub");
    }

    @Test
    void disallowedUsesSayWhatAndWhere() throws IOException {
        assertThat(problems("mean-runtime-in-a-variable")).anyMatch(p -> p.startsWith("cell 'mean-solution'")
                && p.contains("java.lang.Runtime.exec (process) may not be used in graded code: mean fails when called"));
        assertThat(problems("mean-halt-by-method-reference")).anyMatch(p -> p.contains("java.lang.Runtime.halt"));
        assertThat(problems("mean-loadClass-getMethod")).anyMatch(p -> p.contains("java.lang.ClassLoader"));
        assertThat(problems("mean-forbidden-library-call"))
                .anyMatch(p -> p.contains("ttlab.course.Vectors.sum (forbidden-by-exercise)"));
        assertThat(problems("forge-by-reflection")).anyMatch(p -> p.contains("java.lang.Class.forName (reflection)"));
        JsonObject three = tests("mean-runtime-in-a-variable").stream()
                .filter(t -> t.get("name").getAsString().contains("three")).findFirst().orElseThrow();
        assertThat(three.get("output").getAsString()).contains("java.lang.Runtime.exec may not be used in graded code (in mean)");
        assertThat(problems("honest-library")).isEmpty();
        // the results' flags come from the bytecode too, so the method reference is flagged
        assertThat(flags("mean-halt-by-method-reference"))
                .contains("mean-solution:refused:process:java.lang.Runtime.halt:in mean");
        assertThat(flags("mean-forbidden-library-call"))
                .contains("mean-solution:refused:forbidden-by-exercise:ttlab.course.Vectors.sum:in mean");
    }

    private static List<String> flags(String name) throws IOException {
        List<String> flags = new ArrayList<>();
        for (JsonElement e : results(name).getAsJsonObject("extra_data").getAsJsonArray("api_flags")) {
            JsonObject f = e.getAsJsonObject();
            flags.add(f.get("cell").getAsString() + ":" + f.get("category").getAsString() + ":"
                    + f.get("api").getAsString() + ":" + f.get("code").getAsString());
        }
        return flags;
    }

    @Test
    void leaksAndDamageAreRefusedBeforeTheSandboxIsReached() throws IOException {
        assertThat(problems("forge-report-lines")).anyMatch(p -> p.contains("(file-io) may not be used"));
        assertThat(problems("read-master")).anyMatch(p -> p.contains("(file-io) may not be used"));
        assertThat(problems("read-through-the-kernel")).anyMatch(p -> p.contains("SavedNotebook.ofThisKernel (grader) may not be used"));
        assertThat(problems("write-outside")).anyMatch(p -> p.contains("(file-io) may not be used"));
        assertThat(problems("setsid-background")).anyMatch(p -> p.contains("java.lang.ProcessBuilder"));
        assertThat(problems("process-through-a-benchmark")).anyMatch(p -> p.contains("EngineBenchmark.main (process) may not be used"));
        assertThat(problems("loopback-network")).anyMatch(p -> p.contains("java.net.Socket (network)"));
    }

    @Test
    void nothingOutsideTheSandboxIsWrittenAndNothingOutlivesGrading() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.here().confined(), Sandbox.here().description());
        assertThat(out.resolve("fake-student--01-warmup")).doesNotExist();
        assertThat(outside).doesNotExist();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(TOKEN))).isEmpty();
    }

    @Test
    void theSandboxIsNamedInTheResults() throws IOException {
        assertThat(results("honest-correct").getAsJsonObject("extra_data").get("sandbox").getAsString())
                .isEqualTo(Sandbox.here().description());
    }

    private static JsonObject results(String name) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve(name + "--01-warmup").resolve("results.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static double score(String name) throws IOException {
        return results(name).get("score").getAsDouble();
    }

    private static List<String> problems(String name) throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonElement e : results(name).getAsJsonObject("extra_data").getAsJsonArray("problems")) {
            problems.add(e.getAsString());
        }
        return problems;
    }

    private static List<JsonObject> tests(String name) throws IOException {
        List<JsonObject> tests = new ArrayList<>();
        results(name).getAsJsonArray("tests").forEach(t -> tests.add(t.getAsJsonObject()));
        return tests;
    }
}
