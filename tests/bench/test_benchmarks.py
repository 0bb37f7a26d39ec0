"""The benchmarks run end to end on tiny inputs, so that a benchmark that no longer runs, or that
would time a wrong kernel or a wrong grader, is noticed. Only their correctness sections are
asserted, never their timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.timeout(600)


def test_scan_benchmark_checks_every_backend_before_timing():
    run = subprocess.run(
        [str(ROOT / "ttlab"), "bench", "scan", "--shape", "1,16,128,8", "--cpu-shape", "1,4,64,4",
         "--runs", "1", "--warmup", "0", "--no-sweep"],
        capture_output=True, text=True, timeout=500)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Correctness: every backend within 0.001 relative of the reference." in run.stdout
    assert "WRONG" not in run.stdout
    assert "CPU float32 sequential" in run.stdout and "CPU float32 parallel" in run.stdout


def test_grader_benchmark_grades_every_copy_right_before_timing():
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench_grader.py"), "--copies", "2", "--baseline", "1", "--jobs", "1"],
        capture_output=True, text=True, timeout=500)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "correctness: all 2 graded, solved copies at full marks, stubs at 0" in run.stdout
    assert "ttlab / baseline throughput:" in run.stdout


def test_split_compile_benchmark_runs_every_cell_both_ways_before_timing():
    run = subprocess.run([str(ROOT / "ttlab"), "bench", "split", "--rounds", "1", "--warmup", "0", "--quick-jit",
                          "--agent-cache"], capture_output=True, text=True, timeout=500)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "agents start from a cache trained on this notebook" in run.stdout
    assert "correctness: every cell ran both ways, and each check(...) passed all its tests" in run.stdout
    assert "median CPU per notebook, after warm-up:" in run.stdout
