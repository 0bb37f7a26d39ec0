package ttlab.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MagicLineTest {

    @Test
    void magicsSplitACellAndCodeKeepsItsLineNumbers() {
        List<MagicLine.Part> parts = MagicLine.split("int a = 1;\n%time a + 1\nint b = 2;\nb");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).code()).isEqualTo("int a = 1;\n");
        assertThat(parts.get(1).magic()).isEqualTo(new MagicLine("time", "a + 1", 2));
        // Two newlines stand for lines 1 and 2, so "int b" is still on line 3.
        assertThat(parts.get(2).code()).isEqualTo("\n\nint b = 2;\nb");
    }

    @Test
    void moduloAtTheStartOfALineIsJavaNotAMagic() {
        List<MagicLine.Part> parts = MagicLine.split("int x = 7\n  % 3;");
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.isMagic()).isFalse());
    }

    @Test
    void aCellMagicTakesTheRestOfTheCellKeepingLines() {
        MagicLine.CellMagic magic = MagicLine.CellMagic.parse("%%time\nint x = 1;\nx");
        assertThat(magic.name()).isEqualTo("time");
        assertThat(magic.body()).isEqualTo("\nint x = 1;\nx");
        assertThat(MagicLine.CellMagic.parse("int x = 1;")).isNull();
    }
}
