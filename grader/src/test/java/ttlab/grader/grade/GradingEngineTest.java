package ttlab.grader.grade;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradingEngineTest {

    /**
     * The grader's copy of the kernel's imports must be the kernel's: a notebook is graded as it
     * ran. The kernel keeps them in KernelSession (package-private) or, in later versions, in a
     * public NotebookEngine; either is read here.
     */
    @Test
    void importsAreTheKernels() throws Exception {
        assertThat(GradingEngine.DEFAULT_IMPORTS).isEqualTo(kernelList("DEFAULT_IMPORTS"));
        assertThat(GradingEngine.GRADER_IMPORTS).isEqualTo(kernelList("GRADER_IMPORTS"));
    }

    private static Object kernelList(String name) throws Exception {
        for (String owner : List.of("ttlab.kernel.NotebookEngine", "ttlab.kernel.KernelSession")) {
            try {
                Field field = Class.forName(owner).getDeclaredField(name);
                field.setAccessible(true);
                return field.get(null);
            } catch (ClassNotFoundException | NoSuchFieldException e) {
                // not in this version of the kernel
            }
        }
        throw new AssertionError("the kernel has no " + name + " any more: update GradingEngine");
    }
}
