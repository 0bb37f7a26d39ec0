/**
 * In-context learning, block 2 of the course: transformers as meta-optimizers and as Bayesian
 * predictors. The library its lectures and exercises call.
 *
 * <ul>
 *   <li>{@link ttlab.course.icl.RegressionTask}, {@link ttlab.course.icl.LeastSquares}: in-context
 *       linear regression tasks and gradient descent on their least-squares loss.</li>
 *   <li>{@link ttlab.course.icl.LinearSelfAttention}, {@link ttlab.course.icl.GdConstruction}:
 *       linear self-attention and the weights for which a layer is one GD step (von Oswald et al.
 *       2023), and GD++.</li>
 *   <li>{@link ttlab.course.icl.OptimalStepSize}: the optimal one-step learning rate η* and its
 *       expected loss in closed form.</li>
 *   <li>{@link ttlab.course.icl.GdPlusPlus}, {@link ttlab.course.icl.NewtonSchulz}: preconditioning
 *       by moving the x-tokens, and the Newton–Schulz iteration on tokens.</li>
 *   <li>{@link ttlab.course.icl.Hmm}, {@link ttlab.course.icl.ConceptMixture}: the log-space forward
 *       algorithm, the posterior over concepts and the Bayes predictive distribution (Xie et al.
 *       2022).</li>
 * </ul>
 */
package ttlab.course.icl;
