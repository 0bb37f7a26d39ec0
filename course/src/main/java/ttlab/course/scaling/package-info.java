/**
 * Block 3: scaling laws. The Chinchilla law and its compute-optimal allocation ({@link
 * ttlab.course.scaling.ScalingLaw}, {@link ttlab.course.scaling.Allocation}), FLOP counts checked on a
 * real pass ({@link ttlab.course.scaling.Flops}, {@link ttlab.course.scaling.CountingMlp}), the fit to
 * the digitized Chinchilla runs ({@link ttlab.course.scaling.ChinchillaData}, {@link
 * ttlab.course.scaling.LawFit}, {@link ttlab.course.scaling.Huber}, {@link ttlab.course.scaling.Lbfgs}),
 * inference-aware training ({@link ttlab.course.scaling.InferenceOptimal}), intrinsic dimension
 * ({@link ttlab.course.scaling.TwoNN}, {@link ttlab.course.scaling.Manifolds}) and worked budgets
 * ({@link ttlab.course.scaling.Budgets}).
 */
package ttlab.course.scaling;
