package ttlab.kernel;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelConfigTest {

    @Test
    void defaultsAreNoTimeoutAndNothingExtra() {
        KernelConfig config = KernelConfig.from(Map.of());
        assertThat(config.timeout()).isEqualTo(Duration.ZERO);
        assertThat(config.classpath()).isEmpty();
        assertThat(config.compilerOptions()).isEmpty();
        assertThat(config.startupScript()).isNull();
    }

    @Test
    void ijavaAndJjavaNamesAreUnderstoodAndTtlabWins() {
        assertThat(KernelConfig.from(Map.of("IJAVA_TIMEOUT", "1500")).timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(KernelConfig.from(Map.of("JJAVA_TIMEOUT", "20", "IJAVA_TIMEOUT", "10")).timeout())
                .isEqualTo(Duration.ofMillis(20));
        assertThat(KernelConfig.from(Map.of("TTLAB_TIMEOUT", "30", "JJAVA_TIMEOUT", "20")).timeout())
                .isEqualTo(Duration.ofMillis(30));
        assertThat(KernelConfig.from(Map.of("IJAVA_TIMEOUT", "-1")).timeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void listsAreSplitTheWayShellsWriteThem() {
        KernelConfig config = KernelConfig.from(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + " b/classes " + File.pathSeparator,
                "JJAVA_COMPILER_OPTS", "-Xlint:all  -parameters",
                "TTLAB_STARTUP_SCRIPT", "int answer = 42;"));
        assertThat(config.classpath()).containsExactly("a.jar", "b/classes");
        assertThat(config.compilerOptions()).containsExactly("-Xlint:all", "-parameters");
        assertThat(config.startupScript()).isEqualTo("int answer = 42;");
    }

    @Test
    void aTimeoutThatIsNotANumberIsAClearError() {
        assertThatThrownBy(() -> KernelConfig.from(Map.of("TTLAB_TIMEOUT", "ten seconds")))
                .hasMessageContaining("milliseconds").hasMessageContaining("ten seconds");
    }
}
