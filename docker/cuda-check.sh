#!/usr/bin/env bash
# ttlab-cuda-check (in the CUDA image): JCuda on the GPU end to end. NVRTC compiles a small
# kernel to PTX, the driver loads and runs it, and the result is compared with the CPU's.
# Exit 0: the GPU works from Java; 1: a wrong result or a CUDA error; 2: no GPU in the container.
set -euo pipefail
ttlab_home="${TTLAB_HOME:-/opt/ttlab}"
classpath="$(ls "$ttlab_home"/grader/target/lib/jcuda-*.jar | paste -sd:)"
exec java --enable-native-access=ALL-UNNAMED -cp "$classpath" "$ttlab_home/docker/checks/CudaCheck.java" "$@"
