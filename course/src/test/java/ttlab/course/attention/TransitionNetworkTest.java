package ttlab.course.attention;

import org.junit.jupiter.api.Test;
import ttlab.course.attention.TuringMachine.Move;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionNetworkTest {

    /** A random machine: states q0.., symbols 0..symbols−1, now and then no rule (the machine halts there). */
    static TuringMachine randomMachine(Random random, int states, int symbols) {
        TuringMachine.Builder builder = TuringMachine.startingIn("q0");
        for (int q = 0; q < states; q++) {
            for (int s = 0; s < symbols; s++) {
                if (random.nextInt(6) > 0) {
                    builder.rule("q" + q, s, random.nextInt(symbols), random.nextBoolean() ? Move.LEFT : Move.RIGHT,
                            "q" + random.nextInt(states + 1));   // q<states> has no rules: a halting state
                }
            }
        }
        return builder.build();
    }

    @Test
    void computesEveryRuleOfRandomMachinesAndHaltsExactlyWhereNoRuleApplies() {
        Random random = new Random(11);
        int checked = 0, halts = 0;
        for (int m = 0; m < 200; m++) {
            TuringMachine machine = randomMachine(random, 1 + random.nextInt(5), 1 + random.nextInt(4));
            TransitionNetwork network = TransitionNetwork.of(machine);
            assertThat(network.hiddenWidth()).isEqualTo(machine.rules().size());
            for (String state : machine.states()) {
                for (int symbol = 0; symbol <= network.symbols(); symbol++) {   // one symbol past the alphabet too
                    TuringMachine.Action action = machine.action(state, symbol);
                    TransitionNetwork.Output out = network.step(state, symbol);
                    assertThat(out.halts()).as("%s reading %d", state, symbol).isEqualTo(action == null);
                    if (action != null) {
                        assertThat(out.next()).isEqualTo(action.next());
                        assertThat(out.write()).isEqualTo(action.write());
                        assertThat(out.move()).isEqualTo(action.move());
                    } else {
                        halts++;
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(2000);
        assertThat(halts).isGreaterThan(300);
    }

    @Test
    void hiddenUnitsFireForTheirOwnPairOnlyAndOutputsAreIntegers() {
        TuringMachine machine = TuringMachineTest.busyBeaver4();
        TransitionNetwork network = TransitionNetwork.of(machine);
        for (String state : machine.states()) {
            for (int symbol = 0; symbol < network.symbols(); symbol++) {
                double[] h = network.hidden(network.encode(state, symbol));
                int fired = 0;
                for (int r = 0; r < h.length; r++) {
                    TuringMachine.Rule rule = machine.rules().get(r);
                    boolean own = rule.state().equals(state) && rule.read() == symbol;
                    assertThat(h[r]).isEqualTo(own ? 1.0 : 0.0);
                    fired += own ? 1 : 0;
                }
                assertThat(fired).isLessThanOrEqualTo(1);
                for (double y : network.apply(network.encode(state, symbol))) {
                    assertThat(y).isEqualTo(Math.rint(y));
                }
            }
        }
    }

    @Test
    void theWeightsAreTheConstruction() {
        TuringMachine machine = TuringMachineTest.increment();
        TransitionNetwork network = TransitionNetwork.of(machine);
        int q = machine.states().size(), s = machine.symbols();
        assertThat(machine.states()).containsExactly("right", "carry", "done");
        assertThat(s).isEqualTo(3);
        assertThat(network.inputWidth()).isEqualTo(q + s);
        assertThat(network.outputWidth()).isEqualTo(q + s + 2);
        double[][] w1 = network.w1(), w2 = network.w2();
        for (int r = 0; r < network.hiddenWidth(); r++) {
            TuringMachine.Rule rule = machine.rules().get(r);
            assertThat(Arrays.stream(w1[r]).sum()).isEqualTo(2);
            assertThat(w1[r][machine.states().indexOf(rule.state())]).isEqualTo(1);
            assertThat(w1[r][q + rule.read()]).isEqualTo(1);
            assertThat(network.b1()[r]).isEqualTo(-1);
            assertThat(w2[network.moveCoordinate()][r]).isEqualTo(rule.action().move().delta);
            assertThat(w2[network.haltCoordinate()][r]).isEqualTo(-1);
        }
        assertThat(network.b2()[network.haltCoordinate()]).isEqualTo(1);
        assertThat(Arrays.stream(network.b2()).sum()).isEqualTo(1);
        // "done" has no rules: whatever it reads, the halt coordinate is 1 and everything else 0.
        double[] y = network.apply(network.encode("done", 2));
        assertThat(y[network.haltCoordinate()]).isEqualTo(1);
        assertThat(Arrays.stream(y).sum()).isEqualTo(1);
    }

    @Test
    void decodeRefusesVectorsThatAreNotOutputs() {
        TransitionNetwork network = TransitionNetwork.of(TuringMachineTest.increment());
        double[] y = network.apply(network.encode("right", 1));
        y[0] = 0.5;
        assertThatThrownBy(() -> network.decode(y)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> network.encode("nowhere", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
