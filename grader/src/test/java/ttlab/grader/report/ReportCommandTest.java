package ttlab.grader.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command on real folders: what it writes, what it prints, and its exit status. */
class ReportCommandTest {

    @TempDir
    Path root;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesEveryReportAndSaysWhatItWrote() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));

        Run run = run(dir.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(
                "wrote " + dir.resolve("alice--01-attention/feedback.html") + "\n"
                        + "wrote " + dir.resolve("bob--00-warmup/feedback.html") + "\n"
                        + "wrote " + dir.resolve("carol--00-warmup/feedback.html") + "\n"
                        + "wrote " + dir.resolve("gradebook.csv") + "\n"
                        + "wrote " + dir.resolve("scores-00-warmup.png") + "\n"
                        + "wrote " + dir.resolve("scores-01-attention.png") + "\n"
                        + "report: 3 submissions in " + dir + "; plotted 00-warmup: 2 submissions, median 65.7%; "
                        + "01-attention: 1 submission, median 50%\n");
        assertThat(Files.readString(dir.resolve("bob--00-warmup/feedback.html")))
                .contains("hidden test: passed").doesNotContain("HIDDEN-DETAIL");
        assertThat(Files.readString(dir.resolve("gradebook.csv")))
                .isEqualTo(Gradebook.of(SampleResults.all()).csv());
        assertThat(ImageIO.read(dir.resolve("scores-00-warmup.png").toFile()).getHeight()).isEqualTo(500);
    }

    @Test
    void aRosterPutsEveryStudentInTheGradebook() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));
        Path roster = Files.writeString(root.resolve("roster.csv"),
                "user,role,token\nalice,student,abcdefghijkl1\nprof,instructor,abcdefghijkl2\nbob,student,abcdefghijkl3\n"
                        + "carol,student,abcdefghijkl4\ndave,student,abcdefghijkl5\n");

        Run run = run(dir.toString(), "--roster", roster.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("; 5 missing of a roster of 4;");
        List<String> lines = Files.readAllLines(dir.resolve("gradebook.csv"));
        assertThat(lines).contains(",alice,00-warmup,,,,,,,,,missing", ",dave,01-attention,,,,,,,,,missing")
                .noneMatch(line -> line.contains("prof"));
        assertThat(lines).as("header, 3 graded, alice's, bob's and carol's other set, dave's two").hasSize(1 + 3 + 5);
    }

    @Test
    void aBadRosterIsAClearErrorAndNothingIsWritten() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));
        Path roster = Files.writeString(root.resolve("roster.txt"), "alice\nbob smith\n");

        Run run = run(dir.toString(), "--roster", roster.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("report: cannot read the roster " + roster
                + ": line 2: \"bob smith\" is not a student name (letters, digits, '.', '_' and '-', as the folders are named)\n");
        assertThat(dir.resolve("gradebook.csv")).doesNotExist();
        assertThat(run(dir.toString(), "--roster").err()).contains("--roster needs a file");
    }

    @Test
    void showHiddenWritesTheInstructorsView() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));

        Run run = run("--show-hidden", dir.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("(hidden tests shown)");
        assertThat(Files.readString(dir.resolve("bob--00-warmup/feedback.html"))).contains("HIDDEN-DETAIL");
    }

    @Test
    void runsTwiceToTheSameBytes() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));
        run(dir.toString());
        byte[] csv = Files.readAllBytes(dir.resolve("gradebook.csv"));
        byte[] page = Files.readAllBytes(dir.resolve("bob--00-warmup/feedback.html"));

        run(dir.toString());

        assertThat(Files.readAllBytes(dir.resolve("gradebook.csv"))).isEqualTo(csv);
        assertThat(Files.readAllBytes(dir.resolve("bob--00-warmup/feedback.html"))).isEqualTo(page);
    }

    @Test
    void aFolderWithoutResultsIsAnError() throws Exception {
        Path dir = Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(dir.resolve("not-graded-yet"));

        Run run = run(dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("report: no results in " + dir + ": expected "
                + dir.resolve("<submission id>/results.json") + " from the grader\n");
        assertThat(files(dir)).containsExactly("not-graded-yet");
    }

    @Test
    void malformedResultsAreEachNamedAndNothingIsWritten() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));
        Path broken = Files.createDirectories(dir.resolve("dave--00-warmup")).resolve("results.json");
        Files.writeString(broken, "{\"score\": 1, \"tests\": [{\"score\": \"one\"}]}");
        Path empty = Files.createDirectories(dir.resolve("erin--00-warmup")).resolve("results.json");
        Files.writeString(empty, "");

        Run run = run(dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(broken + ": tests[0].score must be a number, not a string (\"one\")\n"
                + empty + ": is empty: the grader did not finish writing it\n"
                + "report: 2 unreadable results files; nothing written\n");
        assertThat(dir.resolve("gradebook.csv")).doesNotExist();
        assertThat(dir.resolve("scores-00-warmup.png")).doesNotExist();
        assertThat(dir.resolve("bob--00-warmup/feedback.html")).doesNotExist();
    }

    @Test
    void twoFilesForOneSubmissionAreAnError() throws Exception {
        Path dir = SampleResults.copyTo(root.resolve("results"));
        Path copy = Files.createDirectories(dir.resolve("bob-again"));
        Files.copy(dir.resolve("bob--00-warmup/results.json"), copy.resolve("results.json"));

        Run run = run(dir.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(dir.resolve("bob-again/results.json") + ": is for submission \"bob--00-warmup\", as "
                + dir.resolve("bob--00-warmup/results.json") + " is\n");
    }

    @Test
    void badUsageIsAnError() {
        Run none = run();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("report: no results folder given\nusage: report DIR [--show-hidden] [--roster FILE]\n");

        Run unknown = run("--show-everything", root.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("report: unknown argument: --show-everything\nusage:");

        Run two = run(root.toString(), root.toString());
        assertThat(two.status()).isEqualTo(2);
        assertThat(two.err()).startsWith("report: unknown argument: " + root + "\n");

        Run missing = run(root.resolve("nowhere").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("report: no folder " + root.resolve("nowhere") + "\n");

        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("usage: report DIR [--show-hidden] [--roster FILE]\n");
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
