package ttlab.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayIdsTest {

    @Test
    void theIdIsTheDisplayIdThatJJavaReadsBack() {
        DisplayData data = DisplayIds.assign(new DisplayData("epoch 1"), "line-7");
        assertThat(data.hasDisplayId()).isTrue();
        assertThat(data.getDisplayId()).isEqualTo("line-7");
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo("epoch 1");
    }

    @Test
    void aSecondIdReplacesTheFirst() {
        DisplayData data = DisplayIds.assign(DisplayIds.assign(new DisplayData("x"), "a"), "b");
        assertThat(data.getDisplayId()).isEqualTo("b");
    }
}
