"""The Gradescope autograder bundle as Gradescope uses it: `./ttlab gradescope` builds the zip,
it is unpacked into a scratch folder laid out as Gradescope's /autograder (source/, submission/,
submission_metadata.json, results/), setup.sh runs once, then run_autograder once per submission:
a solved warm-up handed in late (the course configuration's late penalty), the untouched student
copy, a malformed notebook, a file that is not a notebook, and a notebook whose name is no
assignment. Each run must write a results.json that says what happened.

setup.sh finds the JDK that runs these tests and so installs none.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT, master_answers

TTLAB = REPO_ROOT / "ttlab"
MASTER = REPO_ROOT / "solutions" / "00-warmup.ipynb"
STUDENT_COPY = REPO_ROOT / "exercises" / "00-warmup.ipynb"
DUE = "2026-10-20T23:59:00.000000+02:00"

pytestmark = pytest.mark.timeout(900)


def solved_copy() -> bytes:
    """The student copy with every exercise solved as the master solves it."""
    answers = master_answers(MASTER)
    notebook = nbformat.read(STUDENT_COPY, as_version=4)
    for cell in notebook.cells:
        if cell.metadata.get("ttlab", {}).get("role") == "solution":
            cell.source = answers[cell.id]
    return nbformat.writes(notebook).encode()


def unpack(bundle: Path, source: Path) -> None:
    """Unpacks as unzip does, with the Unix modes the zip records."""
    with zipfile.ZipFile(bundle) as z:
        for info in z.infolist():
            path = Path(z.extract(info, source))
            mode = info.external_attr >> 16
            if mode:
                path.chmod(stat.S_IMODE(mode))


@pytest.fixture(scope="module")
def autograder(tmp_path_factory) -> Path:
    """A scratch /autograder with the bundle built, unpacked and set up."""
    work = tmp_path_factory.mktemp("gradescope")
    config = work / "course.json"
    config.write_text(json.dumps({"defaults": {"late_penalty_per_day": 0.1, "grace_minutes": 5}}))
    bundle = work / "autograder.zip"
    built = subprocess.run([str(TTLAB), "gradescope", "--out", str(bundle), "--late-policy", str(config)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr

    with zipfile.ZipFile(bundle) as z:
        modes = {i.filename: stat.S_IMODE(i.external_attr >> 16) for i in z.infolist()}
    # Gradescope's two scripts at the zip's root, runnable; the masters; no student copies.
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    assert "solutions/00-warmup.ipynb" in modes and "course.json" in modes
    assert "grader/target/ttlab-grader.jar" in modes
    assert not any(name.startswith("exercises/") for name in modes)

    root = work / "autograder"
    unpack(bundle, root / "source")
    # Gradescope copies run_autograder to /autograder and runs it from there.
    shutil.copy2(root / "source" / "run_autograder", root / "run_autograder")
    env = dict(os.environ, AUTOGRADER_ROOT=str(root))
    setup = subprocess.run(["bash", str(root / "source" / "setup.sh")], capture_output=True, text=True,
                           env=env, timeout=600)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert "Installing" not in setup.stderr, "a JDK is present here: setup.sh should install nothing"
    # The launch files name the start-up cache setup.sh trained, as ./ttlab setup's do.
    kernel_args = (root / "source" / "kernels" / "java" / "target" / "kernel.args").read_text()
    assert "-XX:SharedArchiveFile=" in kernel_args or "-XX:AOTCache=" in kernel_args, setup.stderr
    return root


def run_autograder(root: Path, files: dict[str, bytes], created_at: str) -> dict:
    """One Gradescope submission: its files, its metadata, run_autograder, results.json."""
    for folder in (root / "submission", root / "results"):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    for name, content in files.items():
        (root / "submission" / name).write_bytes(content)
    (root / "submission_metadata.json").write_text(json.dumps({
        "id": 123456, "created_at": created_at, "submission_method": "upload",
        "assignment": {"due_date": DUE, "late_due_date": None, "title": "Warm-up", "total_points": "12.0"},
        "users": [{"email": "student@example.com", "id": 1234, "name": "Student User"}],
        "previous_submissions": []}))
    env = dict(os.environ, AUTOGRADER_ROOT=str(root))
    run = subprocess.run([str(root / "run_autograder")], capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads((root / "results" / "results.json").read_text())


def test_a_solved_notebook_handed_in_late(autograder):
    results = run_autograder(autograder, {"00-warmup.ipynb": solved_copy()}, "2026-10-22T10:00:00.000000+02:00")
    tests = results["tests"]
    assert tests and all(t["status"] == "passed" for t in tests), [t for t in tests if t["status"] != "passed"]
    assert sum(t["score"] for t in tests) == pytest.approx(12) and results["max_score"] == 12
    # Two started days late at 10% a day: the tests keep their points, the score counts 80%.
    late = results["extra_data"]["late"]
    assert (late["days_late"], late["penalty"], late["score_before_penalty"]) == (2, 0.2, 12)
    assert results["score"] == pytest.approx(9.6)
    assert "2 day(s) late" in results["output"] and "9.6 / 12 counts" in results["output"]
    hidden = [t for t in tests if t["visibility"] != "visible"]
    assert hidden and all(t["visibility"] == "after_published" for t in hidden)
    assert all(t["output_format"] == "text" for t in tests)
    assert results["execution_time"] > 0
    assert results["extra_data"]["sandbox"]  # what confined the worker, or why nothing could
    assert results["extra_data"]["submission"] == "gradescope-123456"


def test_the_student_copy_scores_nothing(autograder):
    results = run_autograder(autograder, {"00-warmup.ipynb": STUDENT_COPY.read_bytes()}, DUE)
    assert results["score"] == 0 and results["max_score"] == 12
    assert results["tests"] and all(t["status"] == "failed" for t in results["tests"])
    assert any("not implemented yet" in t["output"] for t in results["tests"])
    assert results["extra_data"]["late"]["days_late"] == 0 and "On time" in results["output"]


def test_a_malformed_notebook_is_explained(autograder):
    results = run_autograder(autograder, {"00-warmup.ipynb": b'{"cells": [ this is not JSON'}, DUE)
    assert results["score"] == 0 and results["max_score"] == 12
    assert all(t["status"] == "failed" for t in results["tests"])
    assert "the notebook could not be read" in results["output"]


def test_a_file_that_is_not_a_notebook_is_explained(autograder):
    results = run_autograder(autograder, {"answers.pdf": b"%PDF-1.4"}, DUE)
    assert results["score"] == 0 and results["tests"] == []
    assert "No notebook (.ipynb) was handed in, only answers.pdf" in results["output"]


def test_a_notebook_named_for_no_assignment_is_explained(autograder):
    results = run_autograder(autograder, {"my-homework.ipynb": STUDENT_COPY.read_bytes()}, DUE)
    assert results["score"] == 0 and results["tests"] == []
    assert "my-homework.ipynb names no assignment" in results["output"]
    assert "00-warmup.ipynb, 01-attention.ipynb" in results["output"]
