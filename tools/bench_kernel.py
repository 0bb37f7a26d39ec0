#!/usr/bin/env python3
"""Kernel benchmark: start-up to first reply and cell round-trip latency.

Measures, in one run:
  * the ttlab kernel through the Jupyter protocol (jupyter_client): launch -> kernel_info reply,
    launch -> first execute_reply of `1 + 1`, and the round-trip of a simple cell;
  * numeric speed in the same kernels, so that a faster start is not bought with a slower JIT:
    a plain-Java array cell (a 256x256 matrix product) and a DJL NDArray cell, each run five
    times in one kernel, the median of the last three (the first runs warm up the JIT and load
    PyTorch);
  * with several --kernel names (e.g. a build of another branch installed as a second
    kernelspec), the same figures for each, the starts interleaved so that they share the
    machine's load;
  * the baseline: JShell with its default engine (remote JDI, a second JVM) against ttlab's
    in-process engine, each in a fresh JVM: launch -> first evaluated snippet, and the
    per-snippet latency (Java program ttlab.kernel.bench.EngineBenchmark).

Prints medians (and min/max) over --runs starts. A program, not a test: it asserts nothing.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parent.parent
KERNEL_TARGET = ROOT / "kernels" / "java" / "target"


def execute(client, code, timeout=60):
    """Runs a cell and waits for its execute_reply; returns the reply content."""
    msg_id = client.execute(code)
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def kernel_startup(kernel_name):
    """Seconds from launching the kernel process to kernel_info, and to the first execute_reply."""
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.perf_counter()
    km.start_kernel()
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        t_info = time.perf_counter() - t0
        content = execute(client, "1 + 1")
        t_first = time.perf_counter() - t0
        if content["status"] != "ok":
            raise RuntimeError(f"first cell failed: {content}")
        return t_info, t_first, km, client
    except Exception:
        client.stop_channels()
        km.shutdown_kernel(now=True)
        raise


ARRAY_CELL = """double matmul256() {
    double[][] a = new double[256][256], b = new double[256][256], c = new double[256][256];
    for (int i = 0; i < 256; i++) for (int j = 0; j < 256; j++) { a[i][j] = (i * j) % 7; b[i][j] = (i + j) % 5; }
    for (int i = 0; i < 256; i++) for (int k = 0; k < 256; k++) { double x = a[i][k]; for (int j = 0; j < 256; j++) c[i][j] += x * b[k][j]; }
    return c[255][255];
}
matmul256()"""

DJL_CELL = """try (var nd = ai.djl.ndarray.NDManager.newBaseManager()) {
    var x = nd.ones(new ai.djl.ndarray.types.Shape(384, 384));
    for (int i = 0; i < 20; i++) { x = x.matMul(x).div(384f); }
    System.out.println(x.sum().getFloat());
}"""

NUMERIC_CELLS = {"array cell (256x256 matmul, Java)": ARRAY_CELL, "DJL cell (20 NDArray matmuls)": DJL_CELL}


def numeric_times(client, repeats=5, warm_up=2):
    """Seconds of each numeric cell in this kernel: the median of its runs after `warm_up`."""
    times = {}
    for name, code in NUMERIC_CELLS.items():
        elapsed = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            content = execute(client, code, timeout=300)
            elapsed.append(time.perf_counter() - t0)
            if content["status"] != "ok":
                raise RuntimeError(f"{name} failed: {content}")
        times[name] = statistics.median(elapsed[warm_up:])
    return times


def round_trips(client, n):
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        content = execute(client, f"{i} + 1")
        times.append(time.perf_counter() - t0)
        if content["status"] != "ok":
            raise RuntimeError(f"cell failed: {content}")
    return times


def summary(values, unit=1000.0, suffix="ms"):
    return (f"median {statistics.median(values) * unit:8.1f} {suffix}   "
            f"min {min(values) * unit:8.1f}   max {max(values) * unit:8.1f}")


def engine_baseline(runs, snippets):
    """Runs the Java engine benchmark (in-process engine vs JShell's default remote engine)."""
    java = (KERNEL_TARGET / "kernel.java").read_text().strip()
    args_file = KERNEL_TARGET / "kernel.args"
    cmd = [java, f"@{args_file}", "ttlab.kernel.bench.EngineBenchmark",
           "--runs", str(runs), "--snippets", str(snippets)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="kernel starts to measure (default 5)")
    parser.add_argument("--cells", type=int, default=50, help="cells per round-trip measurement (default 50)")
    parser.add_argument("--kernel", action="append",
                        help="kernelspec to measure (default java); repeat to compare kernels in one run")
    parser.add_argument("--no-numeric", action="store_true", help="skip the numeric cells")
    args = parser.parse_args()
    kernels = args.kernel or ["java"]

    print(f"ttlab kernel benchmark: {args.runs} starts, {args.cells} cells each; "
          f"{os.cpu_count()} CPUs; {sys.platform}; kernels {', '.join(kernels)}")
    results = {k: {"info": [], "first": [], "trips": [], "numeric": {}} for k in kernels}
    for _ in range(args.runs):
        for kernel in kernels:
            r = results[kernel]
            t_info, t_first, km, client = kernel_startup(kernel)
            r["info"].append(t_info)
            r["first"].append(t_first)
            try:
                r["trips"].extend(round_trips(client, args.cells))
                if not args.no_numeric and not r["numeric"]:
                    r["numeric"] = numeric_times(client)
            finally:
                client.stop_channels()
                km.shutdown_kernel(now=False)
    for kernel in kernels:
        r = results[kernel]
        print(f"\nkernel {kernel!r}, Jupyter protocol (jupyter_client):")
        print(f"  launch -> kernel_info reply        {summary(r['info'])}")
        print(f"  launch -> first execute_reply      {summary(r['first'])}")
        print(f"  simple cell round-trip             {summary(r['trips'])}")
        for name, seconds in r["numeric"].items():
            print(f"  {name:34s} median {seconds * 1000:8.1f} ms (runs 3-5)")

    print("\nEngines, fresh JVM each start (launch -> first snippet evaluated; then per-snippet eval):")
    print(engine_baseline(args.runs, args.cells), end="")


if __name__ == "__main__":
    main()
