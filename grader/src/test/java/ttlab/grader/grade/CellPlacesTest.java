package ttlab.grader.grade;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellPlacesTest {

    @Test
    void theHeadingIsTheLastOneAboveWithoutItsHashes() {
        assertThat(CellPlaces.lastHeading("# Set 1\n\nSome text\n## 2. The mean\nmore", null)).isEqualTo("2. The mean");
        assertThat(CellPlaces.lastHeading("no heading here", "1. Squares")).isEqualTo("1. Squares");
        assertThat(CellPlaces.lastHeading("#\n", null)).isNull();
        assertThat(CellPlaces.lastHeading("## " + "x".repeat(100), null)).hasSize(60).endsWith("…");
    }

    @Test
    void aMessageIsAboutACellWithOrWithoutItsPlace() {
        assertThat(CellPlaces.isAbout("cell 'mean' did not compile: line 2", "mean", "did not compile")).isTrue();
        assertThat(CellPlaces.isAbout("cell 'mean' (cell 7, under \"2. The \"mean\" (a)\") did not compile", "mean",
                "was left out", "did not compile")).isTrue();
        assertThat(CellPlaces.isAbout("cell 'mean' (cell 7) was left out: …", "mean", "was left out")).isTrue();
        assertThat(CellPlaces.isAbout("cell 'mean' (cell 7) failed when replayed", "mean", "did not compile")).isFalse();
        assertThat(CellPlaces.isAbout("cell 'mean-2' did not compile", "mean", "did not compile")).isFalse();
    }
}
