package ttlab.grader.grade;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void onATerminalOneLineIsRewrittenInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, true);
        line.started("alice");
        line.finished("alice", true);
        line.close();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\rgrading [0/2] alice").contains("\rgrading [1/2]").endsWith("\n");
        assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void inALogEachFinishedSubmissionIsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, false);
        line.started("alice");
        line.started("bob");
        line.finished("bob", true);
        line.finished("alice", false);
        line.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("graded [1/2] bob", "not graded [2/2] alice (its results.json says why)");
    }
}
