#!/usr/bin/env python3
"""Grading benchmark: ttlab's grader against executing the same notebooks through Jupyter.

Makes N copies of a real exercise notebook (the warm-up set), half solved and half handed in as
the untouched stubs, then measures in one run:
  * ttlab: `./ttlab grade` on all N (a fresh agent JVM per submission, compiled by a long-lived
    grading host; the master's public and hidden tests), with --jobs J: median seconds per submission (each results.json's
    execution_time) and submissions per minute (N / wall time of the batch);
  * the baseline: what nbgrader and Otter-Grader do, executing each notebook top to bottom
    through the kernel with nbclient (a kernel start each), J at a time, on the first K copies:
    median seconds per notebook and notebooks per minute.
Prints the figures and their ratio, after checking that every copy was graded and scored right
(solved copies full marks, stubs 0): a wrong grader exits with status 1 before any timing.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "solutions" / "00-warmup.ipynb"
STUDENT_COPY = ROOT / "exercises" / "00-warmup.ipynb"
SOLUTION_MARKER = re.compile(r"^\s*// (BEGIN|END) SOLUTION\s*$")


def solved_copy() -> nbformat.NotebookNode:
    """The student copy with every stub replaced by the master's solution."""
    answers = {c.id: c.source for c in nbformat.read(MASTER, as_version=4).cells
               if c.metadata.get("ttlab", {}).get("role") == "solution"}
    notebook = nbformat.read(STUDENT_COPY, as_version=4)
    for cell in notebook.cells:
        if cell.id in answers:
            cell.source = "\n".join(l for l in answers[cell.id].splitlines() if not SOLUTION_MARKER.match(l))
    return notebook


def make_submissions(folder: Path, count: int) -> list[Path]:
    solved, stub = solved_copy(), nbformat.read(STUDENT_COPY, as_version=4)
    paths = []
    for i in range(count):
        path = folder / f"student{i:03d}" / MASTER.name
        path.parent.mkdir(parents=True)
        nbformat.write(solved if i % 2 == 0 else stub, path)
        paths.append(path)
    return paths


def grade(submissions: Path, out: Path, jobs: int) -> tuple[float, dict[str, dict]]:
    """Wall seconds of the batch, and each submission's results.json by its folder name."""
    started = time.perf_counter()
    subprocess.run([str(ROOT / "ttlab"), "grade", str(submissions), "--out", str(out), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    # Each submission's folder is named "<student folder>--<notebook>".
    return wall, {p.parent.name.split("--")[0]: json.loads(p.read_text()) for p in sorted(out.glob("*/results.json"))}


def wrong_scores(paths: list[Path], results: dict[str, dict]) -> list[str]:
    """Submissions graded wrongly: a solved copy (even index) below full marks, a stub above 0, or none."""
    wrong = []
    for i, path in enumerate(paths):
        result = results.get(path.parent.name)
        if result is None:
            wrong.append(f"{path.parent.name}: no results.json")
            continue
        full = result.get("max_score", 0)
        expected = full if i % 2 == 0 else 0
        if full == 0 or result["score"] != expected:
            wrong.append(f"{path.parent.name}: score {result['score']} of {full}, expected {expected}")
    return wrong


def execute(path: Path) -> float:
    started = time.perf_counter()
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name="java", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=50, help="submissions to grade (default 50)")
    parser.add_argument("--baseline", type=int, default=10, help="notebooks the baseline executes (default 10)")
    # Half the CPUs, as ./ttlab grade does by default: a submission keeps two JVMs busy (its
    # grading host and its agent), and a notebook executed through Jupyter two processes (the
    # kernel's JVM and nbclient). On 2 CPUs both sides ran faster one at a time than two.
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2),
                        help="parallel submissions, both sides (default: half the CPUs)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ttlab-bench-") as temp:
        paths = make_submissions(Path(temp) / "submissions", args.copies)
        print(f"grading benchmark: {args.copies} copies of {MASTER.name} (half solved, half stubs), "
              f"--jobs {args.jobs}, {os.cpu_count()} CPUs")
        wall, results = grade(Path(temp) / "submissions", Path(temp) / "graded", args.jobs)
        per_submission = [r["execution_time"] for r in results.values()]
        print(f"\nttlab grade: {len(per_submission)} graded in {wall:.1f} s; "
              f"scores {sorted(set(r['score'] for r in results.values()))}")
        wrong = wrong_scores(paths, results)
        if wrong:
            # Figures of a grader that grades wrongly mean nothing.
            print("correctness FAILED: " + "; ".join(wrong))
            return 1
        print(f"  correctness: all {len(paths)} graded, solved copies at full marks, stubs at 0")
        print(f"  median per submission   {statistics.median(per_submission):6.2f} s "
              f"(min {min(per_submission):.2f}, max {max(per_submission):.2f})")
        ttlab_rate = 60 * len(per_submission) / wall
        print(f"  throughput              {ttlab_rate:6.1f} submissions/min")

        sample = paths[:args.baseline]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            durations = list(pool.map(execute, sample))
        baseline_wall = time.perf_counter() - started
        baseline_rate = 60 * len(sample) / baseline_wall
        print(f"\nbaseline, nbclient + kernel (as nbgrader/Otter grade): {len(sample)} executed in {baseline_wall:.1f} s")
        print(f"  median per notebook     {statistics.median(durations):6.2f} s "
              f"(min {min(durations):.2f}, max {max(durations):.2f})")
        print(f"  throughput              {baseline_rate:6.1f} notebooks/min")
        print(f"\nttlab / baseline throughput: {ttlab_rate / baseline_rate:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
