package ttlab.kernel.assist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MagicLinesTest {

    @Test
    void blanksLineMagicsAndKeepsEveryOffset() {
        String cell = "%time\nint x = 1;\n  %load a.jsh\nx";

        String blanked = MagicLines.blank(cell);

        assertThat(blanked).isEqualTo("     \nint x = 1;\n             \nx");
        assertThat(blanked).hasSameSizeAs(cell);
    }

    @Test
    void blanksACellMagicOnlyOnTheFirstLine() {
        assertThat(MagicLines.blank("%%time\nint x = 1;")).isEqualTo("      \nint x = 1;");
        assertThat(MagicLines.blank("int x = 1;\n%%time")).isEqualTo("int x = 1;\n%%time");
    }

    @Test
    void leavesAPercentFollowedByABlankAlone() {
        String remainder = "int r = 7\n  % 3;";

        assertThat(MagicLines.blank(remainder)).isEqualTo(remainder);
    }

    @Test
    void keepsCarriageReturnsOfWindowsLineEnds() {
        assertThat(MagicLines.blank("%time\r\nx")).isEqualTo("     \r\nx");
    }

    @Test
    void locatesTheNameOfALineMagic() {
        String cell = "int x = 1;\n  %load a.jsh";

        MagicLines.MagicLine magic = MagicLines.lineAt(cell, cell.length()).orElseThrow();

        assertThat(magic.kind()).isEqualTo(MagicLines.Kind.LINE);
        assertThat(magic.prefix()).isEqualTo("%");
        assertThat(cell.substring(magic.nameStart(), magic.nameEnd())).isEqualTo("load");
        assertThat(magic.prefixStart()).isEqualTo(cell.indexOf('%'));
        assertThat(magic.lineEnd()).isEqualTo(cell.length());
        assertThat(magic.cursorInName(cell.indexOf("load") + 2)).isTrue();
        assertThat(magic.cursorInName(cell.length())).isFalse();
    }

    @Test
    void locatesACellMagicOnTheFirstLine() {
        MagicLines.MagicLine magic = MagicLines.lineAt("%%time\nx", 3).orElseThrow();

        assertThat(magic.kind()).isEqualTo(MagicLines.Kind.CELL);
        assertThat(magic.prefix()).isEqualTo("%%");
        assertThat(magic.nameStart()).isEqualTo(2);
        assertThat(magic.nameEnd()).isEqualTo(6);
    }

    @Test
    void aBarePercentIsAMagicBeingTyped() {
        MagicLines.MagicLine magic = MagicLines.lineAt("x\n%", 3).orElseThrow();

        assertThat(magic.nameStart()).isEqualTo(3);
        assertThat(magic.nameEnd()).isEqualTo(3);
    }

    @Test
    void javaLinesAreNoMagic() {
        assertThat(MagicLines.lineAt("int x = 1;\nx % 2", 14)).isEmpty();
        assertThat(MagicLines.lineAt("%time\nint y = 2;", 9)).isEmpty();
        assertThat(MagicLines.lineAt("", 0)).isEmpty();
    }
}
