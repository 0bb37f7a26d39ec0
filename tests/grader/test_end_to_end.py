"""The warm-up exercise set through the whole grading path, as an instructor and two students
meet it: assign -> a student edits the exercise notebook -> check in the notebook -> grade ->
results.json, gradebook CSV, feedback HTML and the score plot.

Alice solves every exercise; Bob solves only the dot product and hands in the rest as stubs.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT, master_answers

TTLAB = REPO_ROOT / "ttlab"
RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
MASTER = REPO_ROOT / "solutions" / "00-warmup.ipynb"

pytestmark = pytest.mark.timeout(900)


def ttlab(*args: str, cwd: Path = REPO_ROOT, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(TTLAB), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def role(cell) -> str | None:
    return cell.metadata.get("ttlab", {}).get("role")


def exercise(cell) -> str | None:
    return cell.metadata.get("ttlab", {}).get("exercise")


def solve(student_copy: Path, master: Path, exercises: set[str], out: Path) -> None:
    """What a student does: write the solution in place of each stub of the chosen exercises."""
    answers = master_answers(master)
    notebook = nbformat.read(student_copy, as_version=4)
    for cell in notebook.cells:
        if role(cell) == "solution" and exercise(cell) in exercises:
            cell.source = answers[cell.id]
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, out)


def check_tables(executed: Path) -> list[str]:
    notebook = nbformat.read(executed, as_version=4)
    return [o["data"]["text/plain"] for c in notebook.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if o.get("output_type") == "display_data"
            and "tests passed" in o.get("data", {}).get("text/plain", "")]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A copy of the course's masters, assigned into a fresh exercises folder."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(REPO_ROOT / "solutions", root / "solutions")
    result = ttlab("assign", "--solutions", str(root / "solutions"), "--exercises", str(root / "exercises"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "exercises" / "00-warmup.ipynb").read_bytes() == \
        (REPO_ROOT / "exercises" / "00-warmup.ipynb").read_bytes(), "assign is not deterministic"
    return root


def test_warmup_from_assign_to_gradebook(course, tmp_path, kernel_spec):
    student_copy = course / "exercises" / "00-warmup.ipynb"
    everything = {exercise(c) for c in nbformat.read(MASTER, as_version=4).cells if role(c) == "solution"}
    submissions = tmp_path / "submissions"
    solve(student_copy, MASTER, everything, submissions / "alice" / "00-warmup.ipynb")
    solve(student_copy, MASTER, {"warmup.dot"}, submissions / "bob" / "00-warmup.ipynb")

    # check(...) in Alice's notebook: every public test passes as she works.
    executed = tmp_path / "executed"
    run = subprocess.run([sys.executable, str(RUNNER), str(submissions / "alice" / "00-warmup.ipynb"),
                          "--out", str(executed)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    tables = check_tables(executed / "00-warmup.ipynb")
    assert tables and all(re.search(r"(\d+) of \1 tests passed", t) for t in tables), tables

    # Grading: the master's public and hidden tests, in a child JVM per submission.
    out = tmp_path / "graded"
    graded = ttlab("grade", str(submissions), "--out", str(out), "--solutions", str(course / "solutions"))
    assert graded.returncode == 0, graded.stdout + graded.stderr
    alice = json.loads((out / "alice--00-warmup" / "results.json").read_text())
    bob = json.loads((out / "bob--00-warmup" / "results.json").read_text())
    assert alice["score"] == alice["max_score"] == 12
    assert any(t["visibility"] != "visible" for t in alice["tests"]), "hidden tests were run"
    dot = [t for t in bob["tests"] if t["extra_data"]["exercise"] == "warmup.dot"]
    assert sum(t["score"] for t in dot) == 3
    assert bob["score"] == 3 and bob["max_score"] == 12
    assert any("not implemented yet" in t["output"] for t in bob["tests"] if t["status"] == "failed")

    # Reports: a feedback page each, the class gradebook, the score plot.
    reported = ttlab("report", str(out))
    assert reported.returncode == 0, reported.stdout + reported.stderr
    with open(out / "gradebook.csv", newline="") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    assert float(rows["alice--00-warmup"]["total"]) == 12
    assert float(rows["bob--00-warmup"]["warmup.dot"]) == 3
    assert float(rows["bob--00-warmup"]["warmup.softmax"]) == 0
    page = (out / "bob--00-warmup" / "feedback.html").read_text()
    assert "not implemented yet" in page
    assert rows["alice--00-warmup"]["student"] == "alice" and rows["alice--00-warmup"]["assignment"] == "00-warmup"
    assert (out / "scores-00-warmup.png").stat().st_size > 0


def test_grade_finds_the_masters_from_any_folder(tmp_path):
    """`./ttlab grade` run elsewhere grades against the repository's solutions/; a folder of
    masters that does not exist is said at once, and no result says "graded" for it."""
    student = tmp_path / "alice" / "00-warmup.ipynb"
    student.parent.mkdir()
    shutil.copy(REPO_ROOT / "exercises" / "00-warmup.ipynb", student)
    graded = ttlab("grade", "alice", "--out", "out", cwd=tmp_path)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    results = json.loads((tmp_path / "out" / "alice--00-warmup" / "results.json").read_text())
    assert results["extra_data"]["master"] == str(MASTER)
    assert results["max_score"] > 0 and results["score"] == 0  # the stubs, graded against the real master

    missing = ttlab("grade", "alice", "--out", "out2", "--solutions", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2
    assert f"no folder of master notebooks at {tmp_path / 'nowhere'}" in missing.stderr
    assert "graded [" not in missing.stderr
