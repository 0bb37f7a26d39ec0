package ttlab.kernel.display;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTest {
    @ParameterizedTest
    @CsvSource({
            "3.141592653589793, 3.14159",
            "0.30000000000000004, 0.3",
            "2.0, 2",
            "-0.5, -0.5",
            "0.0, 0",
            "123456.0, 123456",
            "1234567.0, 1.23457e+06",
            "999999.7, 1e+06",
            "0.0001, 0.0001",
            "0.00001234567, 1.23457e-05",
            "-1.5e-7, -1.5e-07",
            "1e300, 1e+300",
            "NaN, NaN",
            "Infinity, Infinity",
            "-Infinity, -Infinity",
    })
    void doublesAreCutToSixSignificantDigits(double value, String expected) {
        assertThat(Cells.compact(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "1.0E-10, 1e-10", "16777216, 1.67772e+07"})
    void floatsAreFormattedLikeDoubles(float value, String expected) {
        assertThat(Cells.of(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void otherValuesUseTheirTextAndNestedArraysAreSpelledOut() {
        assertThat(Cells.of(42)).isEqualTo("42");
        assertThat(Cells.of(null)).isEqualTo("null");
        assertThat(Cells.of(new int[] {1, 2})).isEqualTo("[1, 2]");
        assertThat(Cells.of(new int[][] {{1}, {2, 3}})).isEqualTo("[[1], [2, 3]]");
    }
}
