package ttlab.kernel;

import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotebookTest {

    @Test
    void nullRendersAsTheTextNull() {
        assertThat(Notebook.render(null).getData(MIMEType.TEXT_PLAIN)).isEqualTo("null");
        assertThat(Notebook.render(null, "text/html").getData(MIMEType.TEXT_PLAIN)).isEqualTo("null");
    }
}
