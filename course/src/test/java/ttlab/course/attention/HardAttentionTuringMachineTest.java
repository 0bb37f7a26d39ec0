package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.attention.TuringMachine.Move;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HardAttentionTuringMachineTest {

    /** Sweeps back and forth over a growing block, flipping 1 ↔ 2 on every pass. */
    static TuringMachine sweeper() {
        return TuringMachine.startingIn("R")
                .rule("R", 1, 2, Move.RIGHT, "R").rule("R", 2, 1, Move.RIGHT, "R").rule("R", 0, 1, Move.LEFT, "L")
                .rule("L", 1, 2, Move.LEFT, "L").rule("L", 2, 1, Move.LEFT, "L").rule("L", 0, 1, Move.RIGHT, "R")
                .build();
    }

    @Test
    void reproducesTheBusyBeaverStepByStep() {
        TuringMachine machine = TuringMachineTest.busyBeaver4();
        TuringMachine.Run direct = machine.run(new int[0], 1000);
        HardAttentionTuringMachine.Result viaAttention = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(new int[0], 1000);
        assertThat(viaAttention.steps()).isEqualTo(direct.steps());
        assertThat(viaAttention.halted()).isTrue();
        assertThat(viaAttention.finalState()).isEqualTo("H");
        assertThat(viaAttention.tape(-20, 20)).containsExactly(direct.tape(-20, 20));
    }

    @Test
    void everyLookupAttendsToTheLastWriteOnTheHeadsCell() {
        TuringMachine machine = sweeper();
        TuringMachine.Run direct = machine.run(new int[] {1}, 600);
        HardAttentionTuringMachine.Result result = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(new int[] {1}, 600);
        assertThat(result.steps()).isEqualTo(direct.steps());
        for (int i = 0; i < 600; i++) {
            int expected = direct.lastWriteBefore(i);
            assertThat(result.attended().get(i)).as("step %d", i).containsExactly(expected < 0 ? new int[0] : new int[] {expected});
        }
        double[][] w = result.lookupWeights();
        assertThat(w[5]).hasSize(600);
        assertThat(w[599][direct.lastWriteBefore(599)]).isEqualTo(1);
    }

    @Test
    void agreesWithTheDirectSimulatorOnRandomMachines() {
        Random random = new Random(2024);
        for (int m = 0; m < 30; m++) {
            TuringMachine.Builder builder = TuringMachine.startingIn("q0");
            int states = 2 + random.nextInt(3);
            for (int q = 0; q < states; q++) {
                for (int s = 0; s < 3; s++) {
                    if (random.nextInt(12) > 0) { // now and then no rule: the machine halts there
                        builder.rule("q" + q, s, random.nextInt(3), random.nextBoolean() ? Move.LEFT : Move.RIGHT, "q" + random.nextInt(states));
                    }
                }
            }
            TuringMachine machine = builder.build();
            int[] input = random.ints(random.nextInt(6), 0, 3).toArray();
            TuringMachine.Run direct = machine.run(input, 400);
            HardAttentionTuringMachine.Result result = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(input, 400);
            assertThat(result.steps()).as("machine %d", m).isEqualTo(direct.steps());
            assertThat(result.halted()).isEqualTo(direct.halted());
            assertThat(result.tape(-30, 30)).containsExactly(direct.tape(-30, 30));
        }
    }

    @Test
    void readsItsInputThroughAttentionToo() {
        TuringMachine machine = TuringMachineTest.increment();
        int[] input = TuringMachineTest.binary(11);
        HardAttentionTuringMachine.Result result = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(input, 100);
        assertThat(result.steps()).isEqualTo(machine.run(input, 100).steps());
        assertThat(TuringMachineTest.value(result.tape(-2, 6))).isEqualTo(12);
    }

    @Test
    void singlePrecisionLookupsGoWrongWithinAFewHundredStepsButDoubleOnesDoNot() {
        TuringMachine machine = sweeper();
        TuringMachine.Run direct = machine.run(new int[] {1}, 1500);
        HardAttentionTuringMachine.Result single = new HardAttentionTuringMachine(machine, Precision.FLOAT32).run(new int[] {1}, 1500);
        HardAttentionTuringMachine.Result dbl = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(new int[] {1}, 1500);
        assertThat(dbl.steps()).isEqualTo(direct.steps());
        assertThat(single.steps()).isNotEqualTo(direct.steps());
        int firstWrong = -1;
        for (int i = 0; i < single.steps().size() && firstWrong < 0; i++) {
            int expected = direct.lastWriteBefore(i);
            int[] attended = single.attended().get(i);
            if (!(expected < 0 ? attended.length == 0 : attended.length == 1 && attended[0] == expected)) {
                firstWrong = i;
            }
        }
        assertThat(firstWrong).isBetween(20, 1000);
        assertThat(single.steps().subList(0, firstWrong)).isEqualTo(direct.steps().subList(0, firstWrong));
    }

    @Test
    void scoresFollowTheLemmasClosedForm() {
        TuringMachine machine = sweeper();
        TuringMachine.Run direct = machine.run(new int[] {1}, 200);
        HardAttentionTuringMachine.Result result = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(new int[] {1}, 200);
        for (int i = 1; i < 200; i += 7) {
            int ci = direct.steps().get(i).head();
            assertThat(result.headEncoding(i)).isCloseTo((double) ci / (i + 1), org.assertj.core.api.Assertions.within(1e-13));
            for (int j = 0; j < i; j++) {
                int cj = direct.steps().get(j).head();
                // ⟨q_i, k_j⟩ = (c(i) − c(j))/((i+1)(j+1)) + 1/(3(i+1)²(j+1)²)
                double exact = -Math.abs(((double) (ci - cj) * 3 * (i + 1) * (j + 1) + 1) / (3.0 * (i + 1) * (i + 1) * (j + 1) * (j + 1)));
                assertThat(result.score(i, j)).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-12 * Math.abs(exact) + 1e-15));
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.score(5, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void precisionRoundsAsFloatAndDoubleDo() {
        assertThat(Precision.FLOAT32.round(0.1)).isEqualTo((double) 0.1f);
        assertThat(Precision.FLOAT64.round(0.1)).isEqualTo(0.1);
        assertThat(Precision.FLOAT32.unitRoundoff()).isEqualTo(Math.ulp(1.0f) / 2);
        assertThat(Precision.FLOAT64.unitRoundoff()).isEqualTo(Math.ulp(1.0) / 2);
    }

    @Test
    void theDecoderVectorHoldsWhatTheLayoutSays() {
        TuringMachine machine = TuringMachineTest.increment();
        int[] input = TuringMachineTest.binary(11);
        TuringMachine.Run direct = machine.run(input, 100);
        HardAttentionTuringMachine simulator = new HardAttentionTuringMachine(machine, Precision.FLOAT64);
        HardAttentionTuringMachine.Result result = simulator.run(input, 100);
        TransitionNetwork network = simulator.network();
        DecoderLayout layout = DecoderLayout.of(network);
        int q = network.states().size(), s = network.symbols();
        assertThat(layout.width()).isEqualTo(2 * q + 2 * s + 6);
        int next = 0;
        for (DecoderLayout.Block block : layout.blocks()) {   // contiguous, in order
            assertThat(block.from()).isEqualTo(next);
            next += block.width();
        }
        for (int i = 0; i <= direct.steps().size(); i++) {
            double[] v = result.decoderVector(i);
            boolean last = i == direct.steps().size();
            String state = last ? direct.finalState() : direct.steps().get(i).state();
            assertThat(layout.slice(v, DecoderLayout.STATE)).containsExactly(java.util.Arrays.copyOf(network.encode(state, 0), q));
            assertThat(layout.slice(v, DecoderLayout.INVERSE)[0]).isEqualTo(1.0 / (i + 1));
            assertThat(layout.slice(v, DecoderLayout.PREVIOUS_MOVE)[0]).isEqualTo(i == 0 ? 0 : direct.steps().get(i - 1).move().delta);
            assertThat(layout.slice(v, DecoderLayout.HALT)[0]).isEqualTo(last ? 1 : 0);
            assertThat(layout.read(v).state()).isEqualTo(state);
            assertThat(layout.read(v).transition().halts()).isEqualTo(last);
            if (!last) {
                TuringMachine.Step step = direct.steps().get(i);
                assertThat(layout.slice(v, DecoderLayout.HEAD)[0] * (i + 1)).isCloseTo(step.head(), org.assertj.core.api.Assertions.within(1e-9));
                assertThat(layout.slice(v, DecoderLayout.READ)[step.read()]).isEqualTo(1);
                assertThat(layout.slice(v, DecoderLayout.WRITE)[step.write()]).isEqualTo(1);
                assertThat(layout.slice(v, DecoderLayout.MOVE)[0]).isEqualTo(step.move().delta);
            }
        }
        assertThat(layout.table().rowCount()).isEqualTo(layout.blocks().size());
    }

    @Test
    void theEncoderLookupFindsTheHeadsCellOnTheInputAndNothingOutsideIt() {
        TuringMachine machine = TuringMachineTest.increment();
        int[] input = TuringMachineTest.binary(11);
        TuringMachine.Run direct = machine.run(input, 100);
        HardAttentionTuringMachine.Result result = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(input, 100);
        for (int i = 0; i < direct.steps().size(); i++) {
            double[] scores = result.encoderScores(i);
            int head = direct.steps().get(i).head();
            int best = 0;
            for (int p = 1; p < scores.length; p++) {
                best = scores[p] > scores[best] ? p : best;
            }
            if (head >= 0 && head < input.length) {
                assertThat(best).isEqualTo(head);
                assertThat(scores[best]).isGreaterThan(-1e-12);
            } else {
                assertThat(scores[best]).isLessThan(-0.5 / (i + 1));
            }
        }
    }

    @Test
    void firstWrongLookupAndTheStepsTableReadTheRun() {
        TuringMachine machine = sweeper();
        TuringMachine.Run direct = machine.run(new int[] {1}, 2000);
        HardAttentionTuringMachine.Result single = new HardAttentionTuringMachine(machine, Precision.FLOAT32).run(new int[] {1}, 2000);
        HardAttentionTuringMachine.Result dbl = new HardAttentionTuringMachine(machine, Precision.FLOAT64).run(new int[] {1}, 2000);
        assertThat(dbl.firstWrongLookup(direct)).isEqualTo(-1);
        int wrong = single.firstWrongLookup(direct);
        assertThat(wrong).isPositive();
        int expected = direct.lastWriteBefore(wrong);
        assertThat(single.attended().get(wrong)).isNotEqualTo(expected < 0 ? new int[0] : new int[] {expected});
        for (int i = 0; i < wrong; i++) {
            int e = direct.lastWriteBefore(i);
            assertThat(single.attended().get(i)).containsExactly(e < 0 ? new int[0] : new int[] {e});
        }
        assertThat(TuringMachine.firstDifference(single.steps(), direct.steps())).isGreaterThanOrEqualTo(wrong);
        assertThat(TuringMachine.firstDifference(dbl.steps(), direct.steps())).isEqualTo(-1);
        assertThat(TuringMachine.firstDifference(direct.steps().subList(0, 5), direct.steps())).isEqualTo(5);
        tech.tablesaw.api.Table table = dbl.stepsTable("t", 14);
        assertThat(table.rowCount()).isEqualTo(14);
        assertThat(table.intColumn("head c(i)").get(13)).isEqualTo(direct.steps().get(13).head());
        assertThat(table.intColumn("read from write j").get(13)).isEqualTo(direct.lastWriteBefore(13));
        assertThat(direct.leftmostCell()).isEqualTo(direct.steps().stream().mapToInt(TuringMachine.Step::head).min().orElseThrow());
    }
}
