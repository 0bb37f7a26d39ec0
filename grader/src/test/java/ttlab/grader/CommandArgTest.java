package ttlab.grader;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandArgTest {

    @Test
    void splitsOptionsFlagsAndPlainArguments() {
        assertThat(CommandArg.split(new String[] {"a.ipynb", "--jobs", "2", "--out=x=y", "--no-wait", "b"},
                Set.of("--no-wait")))
                .containsExactly(new CommandArg(null, "a.ipynb"), new CommandArg("--jobs", "2"),
                        new CommandArg("--out", "x=y"), new CommandArg("--no-wait", null), new CommandArg(null, "b"));
    }

    @Test
    void anOptionWithoutItsValueIsAnError() {
        assertThatThrownBy(() -> CommandArg.split(new String[] {"--jobs"}, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--jobs needs a value");
        assertThat(new CommandArg("--jobs", "x").invalidValue()).hasMessage("--jobs: not a valid value: x");
    }
}
