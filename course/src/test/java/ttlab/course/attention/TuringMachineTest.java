package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.attention.TuringMachine.Move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TuringMachineTest {

    /** The 4-state, 2-symbol busy beaver champion (Brady 1983): halts after 107 steps with 13 ones. */
    static TuringMachine busyBeaver4() {
        return TuringMachine.startingIn("A")
                .rule("A", 0, 1, Move.RIGHT, "B").rule("A", 1, 1, Move.LEFT, "B")
                .rule("B", 0, 1, Move.LEFT, "A").rule("B", 1, 0, Move.LEFT, "C")
                .rule("C", 0, 1, Move.RIGHT, "H").rule("C", 1, 1, Move.LEFT, "D")
                .rule("D", 0, 1, Move.RIGHT, "D").rule("D", 1, 0, Move.RIGHT, "A")
                .build();
    }

    /** Adds one to a binary number written most significant bit first (symbols 1 = bit 0, 2 = bit 1). */
    static TuringMachine increment() {
        return TuringMachine.startingIn("right")
                .rule("right", 1, 1, Move.RIGHT, "right").rule("right", 2, 2, Move.RIGHT, "right")
                .rule("right", 0, 0, Move.LEFT, "carry")
                .rule("carry", 2, 1, Move.LEFT, "carry")
                .rule("carry", 1, 2, Move.LEFT, "done").rule("carry", 0, 2, Move.LEFT, "done")
                .build();
    }

    @Test
    void theFourStateBusyBeaverHaltsAfter107StepsWith13Ones() {
        TuringMachine.Run run = busyBeaver4().run(new int[0], 1000);
        assertThat(run.halted()).isTrue();
        assertThat(run.finalState()).isEqualTo("H");
        assertThat(run.steps()).hasSize(107);
        assertThat(run.count(1)).isEqualTo(13);
    }

    @Test
    void incrementAddsOneInBinary() {
        for (int n = 0; n < 40; n++) {
            TuringMachine.Run run = increment().run(binary(n), 200);
            assertThat(run.halted()).isTrue();
            int from = run.finalTape().keySet().stream().min(Integer::compare).orElseThrow();
            int to = run.finalTape().keySet().stream().max(Integer::compare).orElseThrow();
            assertThat(value(run.tape(from, to))).as("%d + 1", n).isEqualTo(n + 1);
        }
    }

    @Test
    void stepsRecordWhatWasReadAndWritten() {
        TuringMachine.Run run = increment().run(new int[] {2, 1}, 100);
        // "10" → "11": right, right, hit the blank, step back, turn the last 0 into 1.
        assertThat(run.steps()).extracting(TuringMachine.Step::read).containsExactly(2, 1, 0, 1);
        assertThat(run.steps()).extracting(TuringMachine.Step::head).containsExactly(0, 1, 2, 1);
        assertThat(run.tape(0, 1)).containsExactly(2, 2);
        assertThat(run.lastWriteBefore(3)).isEqualTo(1);
        assertThat(run.lastWriteBefore(2)).isEqualTo(-1);
    }

    @Test
    void aRunStopsAtTheStepLimitWithoutHalting() {
        TuringMachine forever = TuringMachine.startingIn("A").rule("A", 0, 0, Move.RIGHT, "A").build();
        TuringMachine.Run run = forever.run(new int[0], 25);
        assertThat(run.steps()).hasSize(25);
        assertThat(run.halted()).isFalse();
    }

    @Test
    void aStateAndSymbolHaveAtMostOneRule() {
        assertThatThrownBy(() -> TuringMachine.startingIn("A").rule("A", 0, 1, Move.LEFT, "A").rule("A", 0, 0, Move.RIGHT, "A"))
                .hasMessageContaining("two rules for state A reading 0");
    }

    static int[] binary(int n) {
        String bits = Integer.toBinaryString(n);
        return bits.chars().map(c -> c == '1' ? 2 : 1).toArray();
    }

    static int value(int[] cells) {
        int v = 0;
        for (int c : cells) {
            if (c != TuringMachine.BLANK) {
                v = 2 * v + (c == 2 ? 1 : 0);
            }
        }
        return v;
    }
}
