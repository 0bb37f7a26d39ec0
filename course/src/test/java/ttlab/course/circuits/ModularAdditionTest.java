package ttlab.course.circuits;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModularAdditionTest {

    @Test
    void theSplitPartitionsThePairsInTheGivenProportion() {
        ModularAddition task = ModularAddition.split(11, 0.4, 5);
        assertThat(task.train()).hasSize(48);                       // round(0.4 · 121)
        int[] both = IntStream.concat(Arrays.stream(task.train()), Arrays.stream(task.test())).sorted().toArray();
        assertThat(both).containsExactly(task.all());
        assertThat(task.train()).isSorted();
        assertThat(task.trainFraction()).isEqualTo(48.0 / 121);
    }

    @Test
    void theSplitDependsOnTheSeedOnly() {
        assertThat(ModularAddition.split(11, 0.4, 5).train()).containsExactly(ModularAddition.split(11, 0.4, 5).train());
        assertThat(ModularAddition.split(11, 0.4, 5).train()).isNotEqualTo(ModularAddition.split(11, 0.4, 6).train());
    }

    @Test
    void inputsAreABEqualsAndAnswersTheSumModP() {
        ModularAddition task = ModularAddition.split(7, 0.5, 1);
        int[] inputs = {0, 3 * 7 + 6, 6 * 7 + 6};
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(task.tokens(manager, inputs).toIntArray()).containsExactly(0, 0, 7, 3, 6, 7, 6, 6, 7);
            assertThat(task.answers(manager, inputs).toIntArray()).containsExactly(0, 2, 5);
        }
        assertThat(task.equalsToken()).isEqualTo(7);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> ModularAddition.split(10, 0.4, 1)).hasMessageContaining("odd");
        assertThatThrownBy(() -> ModularAddition.split(11, 1.0, 1)).hasMessageContaining("fraction");
    }
}
