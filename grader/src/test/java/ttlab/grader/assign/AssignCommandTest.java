package ttlab.grader.assign;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command on real folders: what it writes, what --check says, and its exit status. */
class AssignCommandTest {

    @TempDir
    Path root;
    Path solutions;
    Path exercises;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void masters() throws Exception {
        solutions = Files.createDirectories(root.resolve("solutions"));
        exercises = root.resolve("exercises");
        Files.write(solutions.resolve("01-warmup.ipynb"), StudentCopyTest.resource(StudentCopyTest.MASTER));
        Files.write(solutions.resolve("02-copy.ipynb"), StudentCopyTest.resource(StudentCopyTest.MASTER));
    }

    private Run assign(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--solutions", solutions.toString(), "--exercises", exercises.toString()));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AssignCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void assignWritesAStudentCopyOfEveryMaster() throws Exception {
        Run run = assign();
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote " + exercises.resolve("01-warmup.ipynb") + "\n"
                + "wrote " + exercises.resolve("02-copy.ipynb") + "\n"
                + "assign: 2 notebooks from " + solutions + " to " + exercises + " (2 written, 0 unchanged, 0 deleted)\n");
        assertThat(Files.readAllBytes(exercises.resolve("01-warmup.ipynb")))
                .isEqualTo(StudentCopyTest.resource(StudentCopyTest.EXPECTED));
    }

    @Test
    void assignIsDeterministic() throws Exception {
        assign();
        byte[] first = Files.readAllBytes(exercises.resolve("01-warmup.ipynb"));
        Run again = assign();
        assertThat(Files.readAllBytes(exercises.resolve("01-warmup.ipynb"))).isEqualTo(first);
        assertThat(again.out()).endsWith("(0 written, 2 unchanged, 0 deleted)\n").doesNotContain("wrote");

        Path elsewhere = root.resolve("elsewhere");
        run("--solutions", solutions.toString(), "--exercises", elsewhere.toString());
        assertThat(Files.readAllBytes(elsewhere.resolve("01-warmup.ipynb"))).isEqualTo(first);
        assertThat(Files.readAllBytes(elsewhere.resolve("02-copy.ipynb"))).isEqualTo(first);
    }

    @Test
    void checkPassesRightAfterAssign() {
        assign();
        Run check = assign("--check");
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).startsWith("assign --check: " + exercises + " is up to date with " + solutions
                + " (2 notebooks)\n")
                .contains(solutions.resolve("01-warmup.ipynb") + ": exercise warmup.square has no wrong answers")
                .endsWith("assign --check: no wrong answers in " + solutions + " (2 masters)\n");
        assertThat(check.err()).isEmpty();
    }

    @Test
    void checkFailsWhenAWrongAnswerIsNotRejectedByItsExercisesTests() throws Exception {
        com.google.gson.JsonObject master = com.google.gson.JsonParser.parseString(
                Files.readString(solutions.resolve("02-copy.ipynb"))).getAsJsonObject();
        master.getAsJsonArray("cells").add(com.google.gson.JsonParser.parseString("""
                {"cell_type": "code", "id": "square-exact", "execution_count": null, "outputs": [],
                 "metadata": {"ttlab": {"exercise": "warmup.square", "role": "wrong-answer",
                                        "mistake": "multiplyExact, which the tests cannot tell apart"}},
                 "source": "static int square(int x) {\\n    return Math.multiplyExact(x, x);\\n}"}"""));
        Files.writeString(solutions.resolve("02-copy.ipynb"), master.toString());
        assign();
        Run check = assign("--check", "--jobs", "1");
        assertThat(check.status()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).contains(" is up to date with ", solutions.resolve("02-copy.ipynb")
                + " cell 11 ('square-exact') warmup.square: multiplyExact, which the tests cannot tell apart:"
                + " kept 2 of 2: NOT REJECTED: it passes every test of warmup.square\n",
                "assign --check: 1 of 1 wrong answers do not prove their exercise's tests");
    }

    @Test
    void checkFailsAfterAnExerciseIsEditedAndChangesNothing() throws Exception {
        assign();
        Path edited = exercises.resolve("02-copy.ipynb");
        String text = Files.readString(edited).replace("not implemented yet: warmup.square", "return x * x;");
        Files.writeString(edited, text);
        Run check = assign("--check");
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).matches("(?s)" + java.util.regex.Pattern.quote(edited.toString())
                + " differs from what assign writes \\(first difference at line \\d+\\)\n"
                + java.util.regex.Pattern.quote(exercises.toString())
                + " is not what assign would write: run ./ttlab assign\n");
        assertThat(Files.readString(edited)).isEqualTo(text);
    }

    @Test
    void checkFailsWhenAnExerciseIsMissingOrHasNoMaster() throws Exception {
        assign();
        Files.delete(exercises.resolve("01-warmup.ipynb"));
        Files.writeString(exercises.resolve("00-old.ipynb"), "{}");
        Run check = assign("--check");
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).isEqualTo(exercises.resolve("00-old.ipynb") + " has no master notebook\n"
                + exercises.resolve("01-warmup.ipynb") + " is missing\n"
                + exercises + " is not what assign would write: run ./ttlab assign\n");
        assertThat(exercises.resolve("00-old.ipynb")).exists();
    }

    @Test
    void checkOfAMissingExercisesFolderListsEveryNotebook() {
        Run check = assign("--check");
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).contains("01-warmup.ipynb is missing", "02-copy.ipynb is missing");
        assertThat(exercises).doesNotExist();
    }

    @Test
    void assignDeletesNotebooksWithoutAMasterAndSaysSo() throws Exception {
        Files.createDirectories(exercises);
        Path old = exercises.resolve("99-old.ipynb");
        Files.writeString(old, "{}");
        Run run = assign();
        assertThat(run.out()).contains("deleted " + old + ": it has no master in " + solutions + "\n")
                .endsWith("(2 written, 0 unchanged, 1 deleted)\n");
        assertThat(old).doesNotExist();
    }

    @Test
    void filesThatAreNotNotebooksAreLeftAlone() throws Exception {
        Files.createDirectories(exercises.resolve(".ipynb_checkpoints"));
        Files.writeString(exercises.resolve("README.md"), "hi");
        Files.writeString(exercises.resolve(".scratch.ipynb"), "{}");
        Files.writeString(exercises.resolve(".ipynb_checkpoints/01-warmup-checkpoint.ipynb"), "{}");
        Files.writeString(solutions.resolve("notes.txt"), "not a notebook");
        assertThat(assign().status()).isZero();
        assertThat(assign("--check").status()).isZero();
        assertThat(exercises.resolve("README.md")).hasContent("hi");
        assertThat(exercises.resolve(".scratch.ipynb")).exists();
        assertThat(exercises.resolve("notes.txt")).doesNotExist();
    }

    @Test
    void aMalformedMasterStopsEverythingWithItsReason() throws Exception {
        Files.writeString(solutions.resolve("03-broken.ipynb"), "{\"nbformat\": 3, \"cells\": []}");
        Path bad = solutions.resolve("04-bad.ipynb");
        Files.writeString(bad, Files.readString(solutions.resolve("01-warmup.ipynb"))
                .replace("\"role\": \"hidden-tests\"", "\"role\": \"hidden\""));
        Run run = assign();
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(solutions.resolve("03-broken.ipynb")
                + ": nbformat 3 notebooks are not supported; open and save it in JupyterLab to upgrade\n"
                + bad + ": cell 9 (id \"mean-hidden\"): unknown role \"hidden\" in metadata.ttlab;"
                + " known roles: solution, tests, hidden-tests, locked, skip-in-grading, wrong-answer\n"
                + "assign: 2 malformed master notebooks; nothing written\n");
        assertThat(exercises).doesNotExist();
        assertThat(assign("--check").status()).isEqualTo(2);
    }

    @Test
    void aMissingSolutionsFolderIsAnError() {
        Run run = run("--solutions", root.resolve("nowhere").toString(), "--exercises", exercises.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("assign: no folder of master notebooks at " + root.resolve("nowhere") + "\n");
    }

    @Test
    void badUsageExitsWith2AndShowsTheUsage() {
        Run unknown = run("--frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("assign: unknown argument: --frobnicate\nusage: assign [--check [--copies-only | --jobs N]]");
        Run noValue = run("--solutions");
        assertThat(noValue.status()).isEqualTo(2);
        assertThat(noValue.err()).startsWith("assign: --solutions needs a folder\n");
        assertThat(run("--check=yes").status()).isEqualTo(2);
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("usage: assign [--check [--copies-only | --jobs N]] [--solutions DIR] [--exercises DIR]");
        assertThat(run("--jobs", "2").err()).startsWith("assign: --jobs goes with --check\n");
        assertThat(run("--check", "--jobs", "0").err()).startsWith("assign: --jobs takes a positive number, not 0\n");
        assertThat(run("--copies-only").err()).startsWith("assign: --copies-only goes with --check, without --jobs\n");
    }

    @Test
    void copiesOnlyChecksTheStudentCopiesWithoutGradingWrongAnswers() throws Exception {
        assertThat(assign().status()).isZero();
        Run fresh = assign("--check", "--copies-only");
        assertThat(fresh.status()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("is up to date with");
        assertThat(fresh.out() + fresh.err()).doesNotContain("wrong answer");
        Files.writeString(exercises.resolve("01-warmup.ipynb"), "{}");
        Run stale = assign("--check", "--copies-only");
        assertThat(stale.status()).isEqualTo(1);
        assertThat(stale.err()).contains("is not what assign would write: run ./ttlab assign");
    }

    @Test
    void optionsMayBeWrittenWithAnEqualsSign() {
        Run run = run("--solutions=" + solutions, "--exercises=" + exercises);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(exercises.resolve("01-warmup.ipynb")).exists();
    }

    @Test
    void mainDefaultsToSolutionsAndExercisesInTheWorkingDirectory() throws Exception {
        assertThat(java().directory(root.toFile()).start().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exercises.resolve("01-warmup.ipynb")).exists();
        Process check = java("--check").directory(root.toFile()).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).isZero();
        assertThat(out).startsWith("assign --check: exercises is up to date with solutions (2 notebooks)\n")
                .endsWith("assign --check: no wrong answers in solutions (2 masters)\n");

        Files.writeString(exercises.resolve("01-warmup.ipynb"), "edited");
        Process drift = java("--check").directory(root.toFile()).start();
        String err = new String(drift.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(drift.waitFor()).isEqualTo(1);
        assertThat(err).isEqualTo("exercises/01-warmup.ipynb differs from what assign writes (first difference at line 1)\n"
                + "exercises is not what assign would write: run ./ttlab assign\n");
    }

    /** The command in a JVM of its own, as ./ttlab runs it. */
    private static ProcessBuilder java(String... args) throws URISyntaxException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the kernel's cell splitter reads the masters' tests (their hidden points)
                "-cp", location(AssignCommand.class) + java.io.File.pathSeparator + location(com.google.gson.Gson.class)
                        + java.io.File.pathSeparator + location(ttlab.kernel.engine.CellSplitter.class),
                AssignCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
