/**
 * State space models, block 5 of the course: the library its lectures and exercises call.
 *
 * <ul>
 *   <li>{@link ttlab.course.ssm.HippoLegS} and {@link ttlab.course.ssm.Legendre}: HiPPO-LegS
 *       (Gu et al. 2020), the online projection of a signal onto Legendre polynomials.</li>
 *   <li>{@link ttlab.course.ssm.Affine} and {@link ttlab.course.ssm.Scans}: the recurrence
 *       h<sub>t</sub> = a<sub>t</sub>h<sub>t-1</sub> + b<sub>t</sub> as an associative scan;
 *       sequential, Hillis–Steele, Blelloch and a parallel chunked scan.</li>
 *   <li>{@link ttlab.course.ssm.Discretization} and {@link ttlab.course.ssm.MatrixExp}:
 *       zero-order hold, bilinear and Euler discretizations.</li>
 *   <li>{@link ttlab.course.ssm.SelectiveScanInputs}, {@link ttlab.course.ssm.SelectiveScanReference},
 *       {@link ttlab.course.ssm.SelectiveScanCpu}, {@link ttlab.course.ssm.GpuSelectiveScan} and
 *       {@link ttlab.course.ssm.SelectiveScans#best()}: Mamba's selective scan (Gu &amp; Dao 2023).</li>
 *   <li>{@link ttlab.course.ssm.Ssd}: state space duality (Dao &amp; Gu 2024).</li>
 *   <li>{@link ttlab.course.ssm.MaterializedSelectiveScan}, {@link ttlab.course.ssm.ScanTraffic} and
 *       {@link ttlab.course.ssm.Timing}: the unfused pipeline on the CPU with a ledger of its bytes, and
 *       its measurement against the fused loop.</li>
 *   <li>{@link ttlab.course.ssm.ScanParallelism}: how the course's GPU kernel and Mamba's spread the
 *       scan over threads.</li>
 *   <li>{@link ttlab.course.ssm.MemoryAudit} and {@link ttlab.course.ssm.AssociativeRecall}: KV cache
 *       against a fixed state, and what a fixed state costs in recall.</li>
 * </ul>
 */
package ttlab.course.ssm;
