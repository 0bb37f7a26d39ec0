package ttlab.kernel.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookClassLoaderTest {

    @Test
    void itIsTheLoaderOfNotebookClasses() {
        try (CellEngine engine = CellEngine.builder().build()) {
            ClassLoader before = engine.notebookClassLoader();

            engine.evaluate("class Probe {}", "In[1]");
            CellResult loader = engine.evaluate("Probe.class.getClassLoader()", "In[2]");

            assertThat(before).isNotEqualTo(ClassLoader.getSystemClassLoader());
            assertThat(loader.value()).isSameAs(before);
        }
    }
}
