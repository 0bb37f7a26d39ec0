/**
 * Training, written once for the whole course: every block that trains a model (in-context
 * learning, scaling laws, circuits) uses this loop rather than its own.
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager()) {
 *     TrainingParameters params = new TrainingParameters(manager, 7);
 *     NDArray w = params.normal("W", new Shape(d, d), 0.02);
 *     TrainingRun run = Training.of(params)
 *             .optimizer(Optimizer.adam().build())
 *             .steps(2000).logEvery(100)
 *             .metric("test loss", step -> testLoss(w))
 *             .run(step -> loss(w, sampleBatch(step)));
 *     run.lossChart();                       // the loss curve, drawn
 *     Checkpoint.save(path, params, run);   // parameters and the run, one file
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link TrainingParameters}: named parameters with a seeded initialization (each name draws
 *       from its own stream, so adding a parameter never changes the others).</li>
 *   <li>{@link Training}: the loop — the loss inside a gradient collector, backward, one optimizer
 *       update per parameter, gradients cleared; a live progress line; a NaN or infinite loss
 *       stops the run and says so.</li>
 *   <li>{@link TrainingRun}: what a run did — seed, steps, seconds, the loss curve and metrics.</li>
 *   <li>{@link Checkpoint}: parameters and run saved and loaded in one format.</li>
 *   <li>{@link ProgressDisplay}: where the progress line goes — a notebook kernel provides one
 *       through {@link java.util.ServiceLoader}; elsewhere lines go to standard output.</li>
 * </ul>
 */
package ttlab.course.train;
