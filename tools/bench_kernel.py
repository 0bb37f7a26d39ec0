#!/usr/bin/env python3
"""Kernel benchmark: start-up to first reply and cell round-trip latency.

Measures, in one run:
  * the ttlab kernel through the Jupyter protocol (jupyter_client): launch -> kernel_info reply,
    launch -> first execute_reply of `1 + 1`, and the round-trip of a simple cell;
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
    parser.add_argument("--kernel", default="java")
    args = parser.parse_args()

    print(f"ttlab kernel benchmark: {args.runs} starts, {args.cells} cells each; "
          f"{os.cpu_count()} CPUs; {sys.platform}")
    infos, firsts, trips = [], [], []
    for _ in range(args.runs):
        t_info, t_first, km, client = kernel_startup(args.kernel)
        infos.append(t_info)
        firsts.append(t_first)
        try:
            trips.extend(round_trips(client, args.cells))
        finally:
            client.stop_channels()
            km.shutdown_kernel(now=False)
    print("\nttlab kernel, Jupyter protocol (jupyter_client):")
    print(f"  launch -> kernel_info reply        {summary(infos)}")
    print(f"  launch -> first execute_reply      {summary(firsts)}")
    print(f"  simple cell round-trip             {summary(trips)}")

    print("\nEngines, fresh JVM each start (launch -> first snippet evaluated; then per-snippet eval):")
    print(engine_baseline(args.runs, args.cells), end="")


if __name__ == "__main__":
    main()
