package ttlab.grader.grade;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestInventoryTest {

    @Test
    void readsTestsWithPointsVisibilityAndPlaceFromTheMastersSource(@TempDir Path tmp) throws Exception {
        Path file = WarmupNotebooks.write(tmp, WarmupNotebooks.NAME, WarmupNotebooks.masterBytes());
        Master master = Master.read(file, file.toString());
        TestInventory inventory = master.inventory();
        assertThat(inventory.cases()).extracting(c -> c.className() + "#" + c.methodName() + " " + c.displayName()
                        + " " + c.points() + " " + c.exercise() + (c.hidden() ? " hidden" : ""))
                .containsExactly(
                        "SquareTests#small small() 1.0 warmup.square",
                        "SquareTests#table table(int) 3.0 warmup.square",
                        "SquareTests#noOverflow noOverflow() 1.0 warmup.square hidden",
                        "MeanTests#two two() 1.0 warmup.mean",
                        "MeanTests#three three() 2.0 warmup.mean",
                        "MeanHiddenTests#emptyIsNaN emptyIsNaN() 1.0 warmup.mean hidden");
        assertThat(inventory.classes()).containsExactly("SquareTests", "MeanTests", "MeanHiddenTests");
        assertThat(inventory.cellOf("MeanHiddenTests")).contains("mean-hidden");
        for (TestInventory.TestCase c : inventory.cases()) {
            String source = master.cell(c.cellId()).orElseThrow().source();
            assertThat(source.substring(c.offsets().get(0))).startsWith("@");
        }
    }

    @Test
    void nestedClassesDisabledTestsAndClassPoints(@TempDir Path tmp) throws Exception {
        String tests = """
                @Points(2)
                class Outer {
                    @Test
                    void a() {}

                    @Test
                    @Disabled
                    void off() {}

                    @Nested
                    class Inner {
                        @RepeatedTest(3)
                        @DisplayName("three times")
                        void b() {}
                    }

                    static class Helper {
                        @Test
                        void notRun() {}
                    }
                }
                check(Outer.class);""";
        var nb = WarmupNotebooks.master();
        WarmupNotebooks.setSource(nb, "mean-hidden", tests);
        Path file = WarmupNotebooks.write(tmp, WarmupNotebooks.NAME, nb);
        TestInventory inventory = Master.read(file, file.toString()).inventory();
        List<String> outer = inventory.casesOf("Outer").stream()
                .map(c -> c.className() + "#" + c.methodName() + " " + c.displayName() + " " + c.points()).toList();
        assertThat(outer).containsExactly("Outer#a a() 2.0", "Outer#off off() 0.0", "Outer$Inner#b three times 2.0");
    }
}
