#!/usr/bin/env bash
# Builds the GPU selective scan (selective_scan.cu) into PTX for the course jar.
#
#   build-ptx.sh SOURCE.cu OUTPUT_DIR
#
# Writes OUTPUT_DIR/ttlab/course/ssm/selective_scan.ptx and selective_scan.properties (what was
# built, with which nvcc, and ptxas's register and shared-memory figures for sm_90). Without
# nvcc it writes only the properties file, saying so, and succeeds: the library then runs the
# selective scan on the CPU; with TTLAB_REQUIRE_PTX=1 (the CUDA image's build) it fails instead,
# so that no GPU image can silently run the scan on the CPU. Maven runs this in
# generate-resources (course/pom.xml).
#
# PTX, not a cubin: the driver compiles it for whatever GPU it finds. The target is
# compute_75, the oldest that CUDA 13 still compiles for, so Turing, Ampere, Ada and Hopper
# (sm_90) all load it. nvcc writes the PTX ISA version of its own release (9.0 for CUDA 13),
# which a driver older than CUDA 13 refuses; the kernels use nothing newer than ISA 8.0
# (CUDA 12.0), so the file declares 8.0 when ptxas confirms that it is valid PTX 8.0.
set -euo pipefail

src="${1:?usage: build-ptx.sh SOURCE.cu OUTPUT_DIR}"
out_dir="${2:?usage: build-ptx.sh SOURCE.cu OUTPUT_DIR}/ttlab/course/ssm"
ptx="$out_dir/selective_scan.ptx"
props="$out_dir/selective_scan.properties"
target_arch=compute_75
lowest_isa=8.0
mkdir -p "$out_dir"

# NVCC=/path/to/nvcc picks one; otherwise nvcc on PATH, then the toolkit's usual places.
find_nvcc() {
  local candidate
  if [[ -n "${NVCC:-}" ]]; then
    [[ -x "$NVCC" ]] && { echo "$NVCC"; return 0; }
    return 1
  fi
  for candidate in "$(command -v nvcc || true)" "${CUDA_HOME:+$CUDA_HOME/bin/nvcc}" /usr/local/cuda/bin/nvcc; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! nvcc="$(find_nvcc)"; then
  if [[ "${TTLAB_REQUIRE_PTX:-}" == 1 ]]; then
    echo "nvcc not found, and TTLAB_REQUIRE_PTX=1: this build must hold the GPU selective scan's PTX (install the CUDA toolkit, or set NVCC or CUDA_HOME)" >&2
    exit 1
  fi
  echo "nvcc not found, skipping PTX: the selective scan will run on the CPU (install the CUDA toolkit to build the GPU kernels)"
  rm -f "$ptx"
  printf 'nvcc=absent\n' > "$props"
  exit 0
fi

# Up to date: nothing to do (Maven runs this on every build).
if [[ -f "$ptx" && -f "$props" && "$ptx" -nt "$src" && "$ptx" -nt "$0" ]] && grep -q '^nvcc=present' "$props"; then
  exit 0
fi

ptxas="$(dirname "$nvcc")/ptxas"
[[ -x "$ptxas" ]] || ptxas="$(dirname "$(readlink -f "$nvcc")")/ptxas"
[[ -x "$ptxas" ]] || ptxas="$(command -v ptxas || true)"
version="$("$nvcc" --version | sed -n 's/.*release \([0-9.]*\),.*/\1/p')"
echo "Building $(basename "$src") to PTX with nvcc $version (-arch=$target_arch)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$nvcc" -ptx -arch="$target_arch" -o "$tmp/built.ptx" "$src"

isa="$(sed -n 's/^\.version \([0-9.]*\)$/\1/p' "$tmp/built.ptx" | head -n 1)"
sed "s/^\.version $isa\$/.version $lowest_isa/" "$tmp/built.ptx" > "$tmp/lowered.ptx"
if [[ ! -x "$ptxas" ]]; then
  echo "ptxas not found: PTX kept at ISA $isa, as nvcc wrote it"
  cp "$tmp/built.ptx" "$tmp/final.ptx"
elif "$ptxas" -arch=sm_90 "$tmp/lowered.ptx" -o /dev/null 2>"$tmp/lowered.err"; then
  cp "$tmp/lowered.ptx" "$tmp/final.ptx"
  isa="$lowest_isa"
else
  echo "PTX kept at ISA $isa (not valid as ISA $lowest_isa: $(head -n 1 "$tmp/lowered.err"))"
  cp "$tmp/built.ptx" "$tmp/final.ptx"
fi

{
  echo "nvcc=present"
  echo "nvcc.version=$version"
  echo "ptx.isa=$isa"
  echo "ptx.arch=$target_arch"
  # ptxas -v for sm_90 (H100): registers, spills and shared memory of each kernel.
  if [[ -x "$ptxas" ]] && "$ptxas" -arch=sm_90 -v "$tmp/final.ptx" -o /dev/null 2>"$tmp/ptxas.txt"; then
    awk '
      /Compiling entry function/ { match($0, /'"'"'[^'"'"']*'"'"'/); name = substr($0, RSTART + 1, RLENGTH - 2) }
      /bytes stack frame/ { sub(/^[ \t]+/, ""); spill[name] = $0 }
      /Used [0-9]+ registers/ { sub(/.*: /, ""); print "ptxas.sm_90." name "=" $0 "; " spill[name] }
    ' "$tmp/ptxas.txt"
  fi
} > "$tmp/props"

mv "$tmp/final.ptx" "$ptx"
mv "$tmp/props" "$props"
echo "Wrote $ptx (PTX ISA $isa)"
