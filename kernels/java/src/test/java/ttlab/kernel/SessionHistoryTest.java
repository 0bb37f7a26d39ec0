package ttlab.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionHistoryTest {

    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static SessionHistory history() {
        SessionHistory h = new SessionHistory();
        h.record(1, "int x = 6;");
        h.record(2, "x * 7");
        h.recordOutput(2, "42");
        h.record(3, "x * 7");
        return h;
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        assertThat(history().lookupTail(2, NONE)).extracting(HistoryEntry::getCellNumber).containsExactly(2, 3);
        assertThat(history().lookupTail(10, NONE)).hasSize(3);
    }

    @Test
    void rangeIsHalfOpen() {
        assertThat(history().lookupRange(0, 1, 3, NONE)).extracting(HistoryEntry::getCellNumber).containsExactly(1, 2);
    }

    @Test
    void searchUsesGlobsAndUniqueKeepsTheLatest() {
        assertThat(history().search("x*", 0, NONE)).extracting(HistoryEntry::getCellNumber).containsExactly(2, 3);
        assertThat(history().search("x*", 0, EnumSet.of(ResultFlag.UNIQUE)))
                .extracting(HistoryEntry::getCellNumber).containsExactly(3);
        assertThat(history().search("int?x*", 0, NONE)).hasSize(1);
    }

    @Test
    void outputsAreAttachedToTheirCell() {
        HistoryEntry second = history().lookupRange(0, 2, 3, NONE).get(0);
        assertThat(second.getOutput()).isEqualTo("42");
    }
}
