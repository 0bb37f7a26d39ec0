package ttlab.course.ssm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static ttlab.course.ssm.SelectiveCopying.MINUS;
import static ttlab.course.ssm.SelectiveCopying.NOISE;
import static ttlab.course.ssm.SelectiveCopying.PLUS;
import static ttlab.course.ssm.SelectiveCopying.READ_FIRST;
import static ttlab.course.ssm.SelectiveCopying.READ_SECOND;
import static ttlab.course.ssm.SelectiveCopying.VOCABULARY;

class SelectiveCopyingTest {

    @Test
    void anInstanceHasNoiseTheTwoContentTokensAndTheMarkers() {
        int[] tokens = SelectiveCopying.instance(5, 1, MINUS, 3, PLUS);
        assertThat(tokens).containsExactly(NOISE, MINUS, NOISE, PLUS, NOISE, READ_FIRST, READ_SECOND);
        assertThat(SelectiveCopying.targets(tokens)).containsExactly(-1, 1);
        assertThatThrownBy(() -> SelectiveCopying.instance(5, 3, PLUS, 3, MINUS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SelectiveCopying.instance(5, 0, NOISE, 3, MINUS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SelectiveCopying.targets(new int[] {NOISE, PLUS, READ_FIRST, READ_SECOND}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allPlacementsHasEveryPairOfPositionsInBothOrders() {
        List<int[]> all = SelectiveCopying.allPlacements(6);
        assertThat(all).hasSize(6 * 5);
        assertThat(all.stream().map(java.util.Arrays::toString).distinct().count()).isEqualTo(30);
    }

    @Test
    void theLtiFilterIsAConvolutionOfTheOneHotTokens() {
        Random random = new Random(5);
        double[][] kernel = randomKernel(9, random);
        int[] tokens = SelectiveCopying.instance(7, 2, PLUS, 5, MINUS);
        double[] y = SelectiveCopying.lti(kernel, tokens);
        for (int t = 0; t < tokens.length; t++) {
            double expected = 0;
            for (int j = 0; j <= t; j++) {                         // the same sum, over the lag
                double[] oneHot = new double[VOCABULARY];
                oneHot[tokens[t - j]] = 1;
                for (int v = 0; v < VOCABULARY; v++) {
                    expected += kernel[j][v] * oneHot[v];
                }
            }
            assertThat(y[t]).isCloseTo(expected, within(1e-12));
        }
        // Time invariance: with a kernel that ignores noise, one more noise token in front delays the output by one.
        int[] shifted = new int[tokens.length + 1];
        System.arraycopy(tokens, 0, shifted, 1, tokens.length);
        double[][] noNoise = randomKernel(10, random);
        for (double[] row : noNoise) {
            row[NOISE] = 0;
        }
        double[] a = SelectiveCopying.lti(noNoise, tokens), b = SelectiveCopying.lti(noNoise, shifted);
        for (int t = 0; t < tokens.length; t++) {
            assertThat(b[t + 1]).isCloseTo(a[t], within(1e-12));
        }
    }

    @Test
    void everyLtiFilterSatisfiesTheFourInstanceIdentity() {
        Random random = new Random(6);
        for (int trial = 0; trial < 50; trial++) {
            int inputLength = 4 + random.nextInt(6);
            int p = random.nextInt(inputLength - 2);
            int q = p + 1 + random.nextInt(inputLength - 2 - p);
            double[][] kernel = randomKernel(inputLength + 2, random);
            double first = SelectiveCopying.readOut(SelectiveCopying.lti(kernel, SelectiveCopying.instance(inputLength, p, PLUS, q, MINUS)))[0];
            double second = SelectiveCopying.readOut(SelectiveCopying.lti(kernel, SelectiveCopying.instance(inputLength, p + 1, PLUS, q + 1, MINUS)))[1];
            double third = SelectiveCopying.readOut(SelectiveCopying.lti(kernel, SelectiveCopying.instance(inputLength, p, MINUS, q, PLUS)))[0];
            double fourth = SelectiveCopying.readOut(SelectiveCopying.lti(kernel, SelectiveCopying.instance(inputLength, p + 1, MINUS, q + 1, PLUS)))[1];
            assertThat(first - second - third + fourth).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void theBestLtiFilterIsALeastSquaresSolution() {
        List<int[]> instances = SelectiveCopying.allPlacements(6);
        SelectiveCopying.LtiFit fit = SelectiveCopying.bestLti(instances);
        int length = instances.get(0).length;
        // Its outputs are those of its kernel.
        for (int i = 0; i < instances.size(); i++) {
            double[] y = SelectiveCopying.readOut(SelectiveCopying.lti(fit.kernel(), instances.get(i)));
            assertThat(y[0]).isCloseTo(fit.outputs()[2 * i], within(1e-9));
            assertThat(y[1]).isCloseTo(fit.outputs()[2 * i + 1], within(1e-9));
        }
        // Normal equations: the residual is orthogonal to the output of every single kernel entry.
        for (int j = 0; j < length; j++) {
            for (int v = 0; v < VOCABULARY; v++) {
                double[][] unit = new double[length][VOCABULARY];
                unit[j][v] = 1;
                double inner = 0;
                for (int i = 0; i < instances.size(); i++) {
                    double[] y = SelectiveCopying.readOut(SelectiveCopying.lti(unit, instances.get(i)));
                    inner += y[0] * (fit.targets()[2 * i] - fit.outputs()[2 * i]) + y[1] * (fit.targets()[2 * i + 1] - fit.outputs()[2 * i + 1]);
                }
                assertThat(inner).as("lag %d, token %d", j, v).isCloseTo(0, within(1e-9));
            }
        }
        // No other kernel does better: random perturbations only add error.
        Random random = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            double[][] other = randomKernel(length, random);
            for (int j = 0; j < length; j++) {
                for (int v = 0; v < VOCABULARY; v++) {
                    other[j][v] = fit.kernel()[j][v] + 0.1 * other[j][v];
                }
            }
            double error = 0;
            for (int[] tokens : instances) {
                double[] y = SelectiveCopying.readOut(SelectiveCopying.lti(other, tokens));
                double[] target = SelectiveCopying.targets(tokens);
                error += (y[0] - target[0]) * (y[0] - target[0]) + (y[1] - target[1]) * (y[1] - target[1]);
            }
            assertThat(error).isGreaterThanOrEqualTo(fit.squaredError() - 1e-9);
        }
    }

    @Test
    void theBestLtiFilterOnFourShiftedInstancesErrsByExactlyTheBound() {
        List<int[]> four = List.of(
                SelectiveCopying.instance(5, 1, PLUS, 2, MINUS), SelectiveCopying.instance(5, 2, PLUS, 3, MINUS),
                SelectiveCopying.instance(5, 1, MINUS, 2, PLUS), SelectiveCopying.instance(5, 2, MINUS, 3, PLUS));
        SelectiveCopying.LtiFit fit = SelectiveCopying.bestLti(four);
        assertThat(fit.squaredError()).isCloseTo(4.0, within(1e-9));          // (v₊ − v₋)² = 4
        assertThat(fit.targetEnergy()).isEqualTo(8.0);
    }

    @Test
    void theHandMadeFilterIsAsGoodAsTheLeastSquaresOneOnAllPlacements() {
        for (int inputLength : new int[] {2, 3, 5, 7}) {
            List<int[]> all = SelectiveCopying.allPlacements(inputLength);
            double best = SelectiveCopying.bestLti(all).squaredError();
            double byHand = SelectiveCopying.squaredError(SelectiveCopying.optimalLtiKernel(inputLength), all);
            assertThat(byHand).isCloseTo(best, within(1e-9));
            assertThat(byHand).isEqualTo(2.0 * (inputLength - 1) * (inputLength - 2));
        }
        SelectiveCopying.LtiFit fit = SelectiveCopying.bestLti(SelectiveCopying.allPlacements(4));
        assertThat(SelectiveCopying.squaredError(fit.kernel(), SelectiveCopying.allPlacements(4))).isCloseTo(fit.squaredError(), within(1e-9));
    }

    @Test
    void theSelectiveLayerCopiesEveryPlacement() {
        for (int[] tokens : SelectiveCopying.allPlacements(8)) {
            assertThat(SelectiveCopying.mambaOutputs(tokens)).containsExactly(SelectiveCopying.targets(tokens), within(1e-6));
        }
        SelectiveScanInputs inputs = SelectiveCopying.mamba(SelectiveCopying.instance(4, 0, PLUS, 3, MINUS));
        assertThat(inputs.step(0, 0, 1)).isLessThan(1e-17);                        // noise: skipped
        assertThat(inputs.step(0, 0, 0)).isCloseTo(Math.log(2), within(1e-15));    // content: Δ = ln 2
    }

    private static double[][] randomKernel(int length, Random random) {
        double[][] kernel = new double[length][VOCABULARY];
        for (double[] row : kernel) {
            for (int v = 0; v < VOCABULARY; v++) {
                row[v] = random.nextGaussian();
            }
        }
        return kernel;
    }
}
