package ttlab.kernel.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellSplitterTest {

    @Test
    void lastCodeCharSkipsCommentsAndLiterals() {
        assertThat(CellSplitter.lastCodeChar("f();  // done")).isEqualTo(';');
        assertThat(CellSplitter.lastCodeChar("f() /* not; */")).isEqualTo(')');
        assertThat(CellSplitter.lastCodeChar("s + \"a;\"")).isEqualTo('"');
        assertThat(CellSplitter.lastCodeChar("c == ';'")).isEqualTo('\'');
        assertThat(CellSplitter.lastCodeChar("\"\"\"\n  x; // y\n  \"\"\"")).isEqualTo('"');
        assertThat(CellSplitter.lastCodeChar("x = \"\\\"\";")).isEqualTo(';');
        assertThat(CellSplitter.lastCodeChar("// only a comment")).isEqualTo((char) 0);
    }

    @Test
    void lineOfCountsNewlinesBeforeTheOffset() {
        assertThat(CellSplitter.lineOf("a\nb\nc", 0)).isEqualTo(1);
        assertThat(CellSplitter.lineOf("a\nb\nc", 2)).isEqualTo(2);
        assertThat(CellSplitter.lineOf("a\nb\nc", 4)).isEqualTo(3);
    }
}
