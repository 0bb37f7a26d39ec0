package ttlab.course.circuits;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ttlab.course.train.TrainingParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModularAdditionTransformerTest {

    private static final int P = 7, WIDTH = 8, HEADS = 2, MLP = 12;
    private NDManager manager;

    @BeforeAll
    static void oneThread() {
        ttlab.course.train.EngineThreads.set(1);
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theLastPositionAloneGivesTheLogitsOfTheFullCausalForwardPass() {
        TrainingParameters params = new TrainingParameters(manager, 3);
        ModularAdditionTransformer model = new ModularAdditionTransformer(params, P, WIDTH, HEADS, MLP);
        ModularAddition task = ModularAddition.split(P, 0.5, 2);
        double[][][] djl = model.allLogits(task);
        FullForward reference = new FullForward(params, HEADS);
        for (int a = 0; a < P; a++) {
            for (int b = 0; b < P; b++) {
                double[] expected = reference.logitsAtLast(new int[]{a, b, P});
                for (int c = 0; c < P; c++) {
                    assertThat(djl[a][b][c]).as("a %d b %d c %d", a, b, c).isCloseTo(expected[c], within(1e-4));
                }
            }
        }
    }

    @Test
    void theLossIsTheMeanCrossEntropyOfTheAnswers() {
        ModularAdditionTransformer model = new ModularAdditionTransformer(new TrainingParameters(manager, 4), P, WIDTH, HEADS, MLP);
        ModularAddition task = ModularAddition.split(P, 0.5, 2);
        double loss = model.loss(task.tokens(manager, task.train()), task.answers(manager, task.train())).getFloat();
        assertThat(loss).isCloseTo(ModularFourier.loss(model.allLogits(task), task.train()), within(1e-5));
    }

    @Test
    void restoreReadsTheShapesBackFromTheParameters() {
        TrainingParameters params = new TrainingParameters(manager, 5);
        ModularAdditionTransformer model = new ModularAdditionTransformer(params, P, WIDTH, HEADS, MLP);
        ModularAdditionTransformer again = ModularAdditionTransformer.restore(params, HEADS);
        assertThat(again.p()).isEqualTo(P);
        assertThat(again.width()).isEqualTo(WIDTH);
        assertThat(again.mlpWidth()).isEqualTo(MLP);
        ModularAddition task = ModularAddition.split(P, 0.5, 2);
        assertThat(again.allLogitsFlat(task)).containsExactly(model.allLogitsFlat(task));
        assertThat(model.embedding()).hasNumberOfRows(P);
    }

    @Test
    void itsGradientsDoNotReadMemoryTheCollectorFreed() {
        TrainingParameters params = new TrainingParameters(manager, 6);
        ModularAdditionTransformer model = new ModularAdditionTransformer(params, P, WIDTH, HEADS, MLP);
        ModularAddition task = ModularAddition.split(P, 0.5, 2);
        ai.djl.ndarray.NDArray tokens = task.tokens(manager, task.train()), answers = task.answers(manager, task.train());
        ttlab.course.train.CollectedBackward.assertGradientsSurviveCollection(params, () -> model.loss(tokens, answers));
    }

    /** The whole model at every position with a causal mask, in plain double arithmetic: the reference. */
    private record FullForward(TrainingParameters params, int heads) {

        double[] logitsAtLast(int[] tokens) {
            double[][] wE = params.matrix("W_E"), wPos = params.matrix("W_pos");
            int n = tokens.length, d = wE[0].length, dh = d / heads;
            double[][] x = new double[n][d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = wE[tokens[i]][j] + wPos[i][j];
                }
            }
            double[][] q = times(x, params.matrix("W_Q")), k = times(x, params.matrix("W_K")), v = times(x, params.matrix("W_V"));
            double[][] z = new double[n][d];
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < n; i++) {
                    double[] scores = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int j = 0; j <= i; j++) {
                        for (int e = h * dh; e < (h + 1) * dh; e++) {
                            scores[j] += q[i][e] * k[j][e] / Math.sqrt(dh);
                        }
                        max = Math.max(max, scores[j]);
                    }
                    for (int j = 0; j <= i; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        sum += scores[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int e = h * dh; e < (h + 1) * dh; e++) {
                            z[i][e] += scores[j] / sum * v[j][e];
                        }
                    }
                }
            }
            double[][] residual = add(x, times(z, params.matrix("W_O")));
            double[][] hidden = times(residual, params.matrix("W_in"));
            double[] bIn = params.get("b_in").toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            double[] bOut = params.get("b_out").toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            for (double[] row : hidden) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.max(0, row[j] + bIn[j]);
                }
            }
            double[][] out = times(hidden, params.matrix("W_out"));
            for (double[] row : out) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += bOut[j];
                }
            }
            return times(add(residual, out), params.matrix("W_U"))[n - 1];
        }

        private static double[][] times(double[][] a, double[][] b) {
            return ttlab.course.Matrices.multiply(a, b);
        }

        private static double[][] add(double[][] a, double[][] b) {
            return ttlab.course.Matrices.add(a, b);
        }
    }
}
