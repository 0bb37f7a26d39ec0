"""The warm-up exercise set, end to end: the master (solutions/00-warmup.ipynb) runs top to bottom
with every check table green; the student copy (exercises/00-warmup.ipynb) also runs top to
bottom, with every check table at 0 points and the stubs' "not implemented yet" in it; the
student copy holds no solution and no hidden test; and exercises/ is what `./ttlab assign`
writes from solutions/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT

pytestmark = pytest.mark.timeout(300)

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
MASTER = REPO_ROOT / "solutions" / "00-warmup.ipynb"
EXERCISE = REPO_ROOT / "exercises" / "00-warmup.ipynb"

# The first line of a check table: "7 of 7 tests passed, 3 / 3 points".
CHECK_HEADER = re.compile(r"^(\d+) of (\d+) tests passed, ([\d.]+) / ([\d.]+) points$", re.MULTILINE)
HIDDEN_REGION = re.compile(r"^\s*//\s*BEGIN HIDDEN TESTS\s*$(.*?)^\s*//\s*END HIDDEN TESTS\s*$",
                           re.MULTILINE | re.DOTALL)
# Test methods are void; helpers in a hidden region (not void) need not be named here.
TEST_METHOD = re.compile(r"\bvoid\s+(\w+)\s*\(")


def execute(notebook: Path, out: Path) -> nbformat.NotebookNode:
    """Runs the notebook through tools/run_notebooks.py and returns the executed copy."""
    result = subprocess.run([sys.executable, str(RUNNER), str(notebook), "--out", str(out)],
                            capture_output=True, text=True, timeout=240, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return nbformat.read(out / notebook.name, as_version=4)


def check_cell_ids(notebook: nbformat.NotebookNode) -> list[str]:
    return [c.id for c in notebook.cells if c.cell_type == "code" and c.source.lstrip().startswith("check(")]


def check_tables(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Cell id -> the text/plain of the one check table that cell shows."""
    tables = {}
    for cell_id in check_cell_ids(notebook):
        cell = next(c for c in notebook.cells if c.id == cell_id)
        shown = [o["data"]["text/plain"] for o in cell.outputs
                 if o.output_type == "display_data" and CHECK_HEADER.search(o["data"].get("text/plain", ""))]
        assert len(shown) == 1, f"cell {cell_id}: expected one check table, got outputs {cell.outputs}"
        tables[cell_id] = shown[0]
    return tables


def hidden_test_names(master: nbformat.NotebookNode) -> set[str]:
    names = set()
    for cell in master.cells:
        role = cell.metadata.get("ttlab", {}).get("role")
        if role == "hidden-tests":
            names.update(TEST_METHOD.findall(cell.source))
        elif role == "tests":
            for region in HIDDEN_REGION.findall(cell.source):
                names.update(TEST_METHOD.findall(region))
    return names


@pytest.fixture(scope="module")
def executed_master(tmp_path_factory, kernel_spec):
    return execute(MASTER, tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="module")
def executed_exercise(tmp_path_factory, kernel_spec):
    return execute(EXERCISE, tmp_path_factory.mktemp("exercise"))


def test_every_check_in_the_master_passes(executed_master):
    tables = check_tables(executed_master)
    assert len(tables) >= 4, f"expected a check per exercise, found {list(tables)}"
    for cell_id, text in tables.items():
        passed, total, earned, possible = CHECK_HEADER.search(text).groups()
        assert int(total) > 0 and passed == total, f"cell {cell_id}:\n{text}"
        assert float(earned) == float(possible) > 0, f"cell {cell_id}:\n{text}"
        assert "PASSED" in text and not re.search(r"\b(FAILED|ERROR|TIMED_OUT)\b", text), f"cell {cell_id}:\n{text}"


def test_every_check_in_the_exercise_copy_shows_the_stubs(executed_exercise):
    tables = check_tables(executed_exercise)
    assert len(tables) >= 4, f"expected a check per exercise, found {list(tables)}"
    for cell_id, text in tables.items():
        passed, total, earned, possible = CHECK_HEADER.search(text).groups()
        assert int(total) > 0 and int(passed) == 0, f"cell {cell_id}:\n{text}"
        assert float(earned) == 0 < float(possible), f"cell {cell_id}:\n{text}"
        assert "not implemented yet" in text, f"cell {cell_id}:\n{text}"


def test_the_exercise_copy_holds_no_solution_and_no_hidden_test():
    master = nbformat.read(MASTER, as_version=4)
    text = EXERCISE.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text
    hidden = hidden_test_names(master)
    assert len(hidden) >= 4, f"the master should have hidden tests, found {hidden}"
    leaked = sorted(name for name in hidden if name in text)
    assert not leaked, f"hidden tests in the student copy: {leaked}"
    # Every solution cell is a stub there.
    exercise = nbformat.read(EXERCISE, as_version=4)
    solutions = [c for c in exercise.cells if c.metadata.get("ttlab", {}).get("role") == "solution"]
    assert len(solutions) >= 4
    for cell in solutions:
        exercise_id = cell.metadata["ttlab"]["exercise"]
        assert f'throw new UnsupportedOperationException("not implemented yet: {exercise_id}");' in cell.source


def test_exercises_are_up_to_date_with_solutions():
    result = subprocess.run([str(REPO_ROOT / "ttlab"), "assign", "--check"], capture_output=True, text=True,
                            timeout=240, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
