// The selective scan of Mamba (Gu & Dao 2023, Sec. 3.3 and Alg. 2) on the GPU, in two versions:
//
//  * selective_scan_fused_n16 / _n32 / _n64: discretization, scan and output in one kernel. Each
//    (batch, channel) pair is owned by 16 lanes of a warp that split the channel's N states among
//    themselves (N <= 16, 32 or 64: one, two or four states per lane), so the state never leaves
//    registers. Time is processed in tiles of TILE steps: B and C of the tile are staged in shared
//    memory (shared by the 16 channels of the block), u, delta and z are read once, coalesced,
//    by the lane that owns the time step and passed to the other lanes by warp shuffles, and y is
//    written once. The state is carried from tile to tile in registers.
//
//  * naive_delta, naive_discretize, naive_scan, naive_output: the same computation as four
//    kernels that materialize dt, then Abar = exp(delta A) and Bbar u = delta B u, of size
//    batch x D x L x N, in global memory, scan them (states written over Bbar u), and read the
//    states back to form y. Memory traffic grows with N; the fused kernel's does not. The
//    lecture measures the difference.
//
// Conventions (as in Mamba's reference): delta = softplus(delta_raw + bias) when asked, A < 0,
// Abar = exp(delta A) and the Euler input matrix Bbar = delta B; y = C.h + D u, times silu(z)
// when z is given. Layouts, all row-major: u, delta, z, y: (batch, D, L); A: (D, N);
// B, C: (batch, N, L); D and bias: (D). Null pointers for D, z and bias mean "absent".
//
// The host side is ttlab.course.ssm.GpuSelectiveScan; build-ptx.sh turns this file into PTX.

#define FULL_MASK 0xffffffffu
#define LANES 16                       // lanes per (batch, channel)
#define CHANNELS_PER_BLOCK 16
#define THREADS_PER_BLOCK (LANES * CHANNELS_PER_BLOCK)
#define TILE 64                        // time steps per round; a multiple of LANES
#define ROW (TILE + 1)                 // padded shared-memory row: lanes reading one column of
                                       // 16 different rows hit 16 different banks
#define LOG2E 1.4426950408889634f

__device__ __forceinline__ float softplus(float x) {
    // As PyTorch's softplus with threshold 20: above it, log(1 + e^x) == x in float.
    return x > 20.f ? x : log1pf(expf(x));
}

__device__ __forceinline__ float silu(float x) {
    return x / (1.f + expf(-x));
}

// Lane l of a 16-lane group holds p[0..15], its share of y at the tile's 16 time steps.
// Returns, in lane l, the sum over the group of p[l]: a butterfly that halves the number of
// time steps each lane keeps at every round (8 + 4 + 2 + 1 = 15 shuffles for 16 sums).
__device__ __forceinline__ float transpose_sum16(float (&p)[16], int lane) {
#pragma unroll
    for (int width = 8; width >= 1; width >>= 1) {
        const bool upper = (lane & width) != 0;
#pragma unroll
        for (int i = 0; i < width; ++i) {
            const float keep = upper ? p[i + width] : p[i];
            const float send = upper ? p[i] : p[i + width];
            p[i] = keep + __shfl_xor_sync(FULL_MASK, send, width);
        }
    }
    return p[0];
}

// SPL: states per lane. Grid: (ceil(D / CHANNELS_PER_BLOCK), batch); block: THREADS_PER_BLOCK;
// dynamic shared memory: 2 * LANES * SPL * ROW floats.
template <int SPL>
__device__ void fused_scan(const float* __restrict__ u, const float* __restrict__ delta,
                           const float* __restrict__ A, const float* __restrict__ B,
                           const float* __restrict__ C, const float* __restrict__ Dskip,
                           const float* __restrict__ z, const float* __restrict__ bias,
                           float* __restrict__ y, int channels, int length, int state,
                           int deltaSoftplus) {
    extern __shared__ float tiles[];
    float* sB = tiles;                     // [LANES * SPL][ROW]
    float* sC = tiles + LANES * SPL * ROW;

    const int b = blockIdx.y;
    const int lane = threadIdx.x % LANES;
    const int d = blockIdx.x * CHANNELS_PER_BLOCK + threadIdx.x / LANES;
    // A group past the last channel computes on zeros: every lane must reach every shuffle.
    const bool active = d < channels;
    const int dc = active ? d : channels - 1;
    const size_t row = ((size_t)b * channels + dc) * (size_t)length;

    float a2[SPL];  // A in base 2: exp(delta A) = exp2(delta A log2 e)
    float h[SPL];   // this lane's states
#pragma unroll
    for (int k = 0; k < SPL; ++k) {
        const int n = lane + LANES * k;
        a2[k] = n < state ? A[(size_t)dc * state + n] * LOG2E : 0.f;  // padding: Abar = 1, Bbar = 0
        h[k] = 0.f;
    }
    const float dskip = Dskip != nullptr ? Dskip[dc] : 0.f;
    const float dbias = bias != nullptr ? bias[dc] : 0.f;

    for (int t0 = 0; t0 < length; t0 += TILE) {
        __syncthreads();  // every group is done with the previous tile
        for (int i = threadIdx.x; i < LANES * SPL * TILE; i += THREADS_PER_BLOCK) {
            const int n = i / TILE, s = i % TILE, t = t0 + s;
            const bool ok = n < state && t < length;
            const size_t g = ((size_t)b * state + n) * (size_t)length + t;
            sB[n * ROW + s] = ok ? B[g] : 0.f;
            sC[n * ROW + s] = ok ? C[g] : 0.f;
        }
        // The lane's own time steps t0 + LANES * j + lane. Past the end: delta = 0 and u = 0,
        // the identity (Abar, Bbar u) = (1, 0) of the scan, so the state is unchanged.
        float dt[TILE / LANES], du[TILE / LANES], uu[TILE / LANES], zz[TILE / LANES];
#pragma unroll
        for (int j = 0; j < TILE / LANES; ++j) {
            const int t = t0 + LANES * j + lane;
            const bool ok = active && t < length;
            uu[j] = ok ? u[row + t] : 0.f;
            zz[j] = (ok && z != nullptr) ? z[row + t] : 0.f;
            float step = (ok ? delta[row + t] : 0.f) + dbias;
            if (deltaSoftplus) step = softplus(step);
            dt[j] = ok ? step : 0.f;
            du[j] = dt[j] * uu[j];
        }
        __syncthreads();  // the tile of B and C is in shared memory

#pragma unroll
        for (int j = 0; j < TILE / LANES; ++j) {
            float part[16];  // this lane's states' contribution to y at the 16 steps
#pragma unroll
            for (int s = 0; s < LANES; ++s) {
                const float dts = __shfl_sync(FULL_MASK, dt[j], s, LANES);
                const float dus = __shfl_sync(FULL_MASK, du[j], s, LANES);
                const int col = LANES * j + s;
                float acc = 0.f;
#pragma unroll
                for (int k = 0; k < SPL; ++k) {
                    const int n = lane + LANES * k;
                    const float abar = exp2f(dts * a2[k]);
                    h[k] = fmaf(abar, h[k], dus * sB[n * ROW + col]);
                    acc = fmaf(sC[n * ROW + col], h[k], acc);
                }
                part[s] = acc;
            }
            const float ys = transpose_sum16(part, lane);
            const int t = t0 + LANES * j + lane;
            if (active && t < length) {
                float out = fmaf(dskip, uu[j], ys);
                if (z != nullptr) out *= silu(zz[j]);
                y[row + t] = out;
            }
        }
    }
}

extern "C" __global__ void __launch_bounds__(THREADS_PER_BLOCK)
selective_scan_fused_n16(const float* u, const float* delta, const float* A, const float* B,
                         const float* C, const float* Dskip, const float* z, const float* bias,
                         float* y, int channels, int length, int state, int deltaSoftplus) {
    fused_scan<1>(u, delta, A, B, C, Dskip, z, bias, y, channels, length, state, deltaSoftplus);
}

extern "C" __global__ void __launch_bounds__(THREADS_PER_BLOCK)
selective_scan_fused_n32(const float* u, const float* delta, const float* A, const float* B,
                         const float* C, const float* Dskip, const float* z, const float* bias,
                         float* y, int channels, int length, int state, int deltaSoftplus) {
    fused_scan<2>(u, delta, A, B, C, Dskip, z, bias, y, channels, length, state, deltaSoftplus);
}

extern "C" __global__ void __launch_bounds__(THREADS_PER_BLOCK)
selective_scan_fused_n64(const float* u, const float* delta, const float* A, const float* B,
                         const float* C, const float* Dskip, const float* z, const float* bias,
                         float* y, int channels, int length, int state, int deltaSoftplus) {
    fused_scan<4>(u, delta, A, B, C, Dskip, z, bias, y, channels, length, state, deltaSoftplus);
}

// ---- the naive pipeline: one kernel per stage, every intermediate in global memory ----------
// As an array library computes it: dt, then Abar and Bbar u for every (b, d, t, n), then the
// scan, then y. Each kernel does little arithmetic per element, so its time is its memory
// traffic. Abar, Bbar u and the states are laid out (batch, D, L, N), N fastest, so that every
// stage reads and writes whole contiguous rows.

// dt[b,d,t] = softplus(delta + bias). Grid: (ceil(L / 256), D, batch); block: 256.
extern "C" __global__ void naive_delta(const float* __restrict__ delta,
                                       const float* __restrict__ bias, float* __restrict__ dt,
                                       int channels, int length, int deltaSoftplus) {
    const int t = blockIdx.x * blockDim.x + threadIdx.x;
    const int d = blockIdx.y, b = blockIdx.z;
    if (t >= length) return;
    const size_t i = ((size_t)b * channels + d) * length + t;
    float step = delta[i] + (bias != nullptr ? bias[d] : 0.f);
    dt[i] = deltaSoftplus ? softplus(step) : step;
}

// Abar[b,d,t,n] = exp(dt A[d,n]) and BbarU[b,d,t,n] = dt B[b,n,t] u[b,d,t].
// Grid: (ceil(L / blockDim.y), D, batch); block: (N, max(1, 256 / N)).
extern "C" __global__ void naive_discretize(const float* __restrict__ dt,
                                            const float* __restrict__ u,
                                            const float* __restrict__ A,
                                            const float* __restrict__ B,
                                            float* __restrict__ Abar, float* __restrict__ BbarU,
                                            int channels, int length, int state) {
    const int n = threadIdx.x;
    const int t = blockIdx.x * blockDim.y + threadIdx.y;
    const int d = blockIdx.y, b = blockIdx.z;
    if (t >= length) return;
    const size_t bdt = ((size_t)b * channels + d) * length + t;
    const size_t i = bdt * state + n;
    const float step = dt[bdt];
    Abar[i] = exp2f(step * (A[(size_t)d * state + n] * LOG2E));
    BbarU[i] = step * B[((size_t)b * state + n) * length + t] * u[bdt];
}

// One thread per (b, d, n): h_t = Abar_t h_{t-1} + BbarU_t, written over BbarU.
// Grid: (ceil(D / blockDim.y), batch); block: (N, max(1, 256 / N)).
extern "C" __global__ void naive_scan(const float* __restrict__ Abar, float* __restrict__ BbarU,
                                      int channels, int length, int state) {
    const int n = threadIdx.x;
    const int d = blockIdx.x * blockDim.y + threadIdx.y;
    const int b = blockIdx.y;
    if (d >= channels) return;
    const size_t first = ((size_t)b * channels + d) * length * state + n;
    float h = 0.f;
    for (int t = 0; t < length; ++t) {
        const size_t k = first + (size_t)t * state;
        h = fmaf(Abar[k], h, BbarU[k]);
        BbarU[k] = h;
    }
}

// y[b,d,t] = C[b,:,t] . h[b,d,t,:] + D u, times silu(z) when z is given.
// Grid: (ceil(L / 256), D, batch); block: 256.
extern "C" __global__ void naive_output(const float* __restrict__ H, const float* __restrict__ C,
                                        const float* __restrict__ u,
                                        const float* __restrict__ Dskip,
                                        const float* __restrict__ z, float* __restrict__ y,
                                        int channels, int length, int state) {
    const int t = blockIdx.x * blockDim.x + threadIdx.x;
    const int d = blockIdx.y, b = blockIdx.z;
    if (t >= length) return;
    const size_t i = ((size_t)b * channels + d) * length + t;
    float acc = 0.f;
    for (int n = 0; n < state; ++n) {
        acc = fmaf(C[((size_t)b * state + n) * length + t], H[i * state + n], acc);
    }
    float out = fmaf(Dskip != nullptr ? Dskip[d] : 0.f, u[i], acc);
    if (z != nullptr) out *= silu(z[i]);
    y[i] = out;
}

// ---- benchmark data, generated on the device ------------------------------------------------

// out[i] uniform on [lo, hi) from a counter-based hash of (seed, i): no host-side data needed.
extern "C" __global__ void fill_uniform(float* __restrict__ out, size_t count, unsigned int seed,
                                        float lo, float hi) {
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < count;
         i += (size_t)gridDim.x * blockDim.x) {
        unsigned long long x = i + 0x9E3779B97F4A7C15ull * (seed + 1ull);  // splitmix64
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        x ^= x >> 31;
        const float unit = (float)(x >> 40) * (1.0f / 16777216.0f);  // 24 bits: [0, 1)
        out[i] = lo + (hi - lo) * unit;
    }
}
