package ttlab.grader.notebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected lists are what Python's str.splitlines(True) returns. */
class PythonLinesTest {

    @Test
    void eachLineKeepsItsBreakAndTheLastMayHaveNone() {
        assertThat(PythonLines.splitKeepingEnds("a\nb")).containsExactly("a\n", "b");
        assertThat(PythonLines.splitKeepingEnds("a\nb\n")).containsExactly("a\n", "b\n");
        assertThat(PythonLines.splitKeepingEnds("a\n\n")).containsExactly("a\n", "\n");
        assertThat(PythonLines.splitKeepingEnds("")).isEmpty();
        assertThat(PythonLines.splitKeepingEnds("\n")).containsExactly("\n");
    }

    @Test
    void pythonBreaksLinesAtMoreThanNewlines() {
        assertThat(PythonLines.splitKeepingEnds("a\r\nb\rc\u000bd\u000ce\u001cf\u001dg\u001eh\u0085i\u2028j\u2029k"))
                .containsExactly("a\r\n", "b\r", "c\u000b", "d\u000c", "e\u001c", "f\u001d", "g\u001e", "h\u0085",
                        "i\u2028", "j\u2029", "k");
    }

    @Test
    void otherControlCharactersAreNotLineBreaks() {
        assertThat(PythonLines.splitKeepingEnds("a\tb\u001bc\u0000d")).containsExactly("a\tb\u001bc\u0000d");
    }
}
