/**
 * Block 4: circuits. Reverse-engineering small transformers: attention-only models and their
 * path expansion, the two-layer induction circuit built by hand, the scores that find induction
 * heads in a trained model (previous-token, prefix matching, copying), the Fourier analysis of a
 * model trained on modular addition (key frequencies, restricted and excluded loss), the toy model
 * of superposition and a sparse autoencoder. Exact mathematics is in {@code double[]}; models that
 * are trained use DJL.
 */
package ttlab.course.circuits;
