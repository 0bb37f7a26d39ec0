package ttlab.course.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineThreadsTest {

    @Test
    void setsAndRestoresTheIntraOpThreads() {
        int before = EngineThreads.set(1);
        try {
            assertThat(EngineThreads.current()).isEqualTo(1);
            assertThat(EngineThreads.set(2)).isEqualTo(1);
            assertThat(EngineThreads.current()).isEqualTo(2);
        } finally {
            EngineThreads.set(before);
        }
        assertThat(EngineThreads.current()).isEqualTo(before);
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThatThrownBy(() -> EngineThreads.set(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
