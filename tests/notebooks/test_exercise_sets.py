"""Every exercise set, end to end (each master `solutions/NN-*.ipynb` and its student copy in
`exercises/`, so a new block's set is picked up without touching this file):

- the master runs top to bottom through the kernel with every check table at full points (its
  hidden-tests cells show their own tables there);
- the student copy runs top to bottom too, every check table at 0 points, showing the stubs'
  "not implemented yet";
- the student copy holds no solution and no hidden test;
- `./ttlab grade` gives the master full marks (hidden tests included: score == max_score, and
  each exercise earns the points its solution cell declares) and the student copy 0, every test
  failing on a stub;
- each of these runs takes less than the 3 minutes a set may take on a 2-core machine;
- and exercises/ is what `./ttlab assign` writes from solutions/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT

pytestmark = pytest.mark.timeout(600)

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
TTLAB = REPO_ROOT / "ttlab"
MASTERS = sorted((REPO_ROOT / "solutions").glob("[0-9][0-9]-*.ipynb"))
# What running or grading one set may take on a 2-core machine, in seconds.
BUDGET_SECONDS = 180

# The first line of a check table: "7 of 7 tests passed, 3 / 3 points".
CHECK_HEADER = re.compile(r"^(\d+) of (\d+) tests passed, ([\d.]+) / ([\d.]+) points$", re.MULTILINE)
HIDDEN_REGION = re.compile(r"^\s*//\s*BEGIN HIDDEN TESTS\s*$(.*?)^\s*//\s*END HIDDEN TESTS\s*$",
                           re.MULTILINE | re.DOTALL)
TEST_ANNOTATION = re.compile(r"@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b")
VOID_METHOD = re.compile(r"\bvoid\s+(\w+)\s*\(")
CLASS_NAME = re.compile(r"\bclass\s+(\w+)")


@dataclass
class Executed:
    notebook: nbformat.NotebookNode
    seconds: float


def role(cell) -> str | None:
    return cell.metadata.get("ttlab", {}).get("role")


def execute(notebook: Path, out: Path) -> Executed:
    """Runs the notebook through tools/run_notebooks.py; the executed copy and the wall time."""
    start = time.monotonic()
    result = subprocess.run([sys.executable, str(RUNNER), str(notebook), "--out", str(out)],
                            capture_output=True, text=True, timeout=2 * BUDGET_SECONDS, cwd=REPO_ROOT)
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stdout + result.stderr
    return Executed(nbformat.read(out / notebook.name, as_version=4), seconds)


def grade(notebook: Path, out: Path) -> tuple[dict, float]:
    """Grades the notebook against its master in solutions/; results.json and the wall time."""
    start = time.monotonic()
    result = subprocess.run([str(TTLAB), "grade", str(notebook), "--out", str(out)],
                            capture_output=True, text=True, timeout=2 * BUDGET_SECONDS, cwd=REPO_ROOT)
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((out / notebook.stem / "results.json").read_text(encoding="utf-8")), seconds


def declared_points(master: nbformat.NotebookNode) -> dict[str, float]:
    """Exercise id -> the points its cells declare."""
    points = {}
    for cell in master.cells:
        meta = cell.metadata.get("ttlab", {})
        if "points" in meta:
            points[meta["exercise"]] = float(meta["points"])
    return points


def check_tables(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """Cell id -> the text/plain of the one check table that cell shows, for every check(...) cell."""
    tables = {}
    for cell in notebook.cells:
        if cell.cell_type != "code" or not re.search(r"^check\(", cell.source, re.MULTILINE):
            continue
        shown = [o["data"]["text/plain"] for o in cell.outputs
                 if o.output_type == "display_data" and CHECK_HEADER.search(o["data"].get("text/plain", ""))]
        assert len(shown) == 1, f"cell {cell.id}: expected one check table, got outputs {cell.outputs}"
        tables[cell.id] = shown[0]
    return tables


def junit_test_methods(source: str) -> set[str]:
    """The names of the methods annotated as JUnit tests in a piece of Java source."""
    names, annotations = set(), ""
    for line in source.splitlines():
        stripped = line.strip()
        method = VOID_METHOD.search(line)
        if method and TEST_ANNOTATION.search(annotations + line[:method.start()]):
            names.add(method.group(1))
        annotations = annotations + " " + stripped if stripped.startswith("@") and not method else ""
    return names


def hidden_names(master: nbformat.NotebookNode) -> set[str]:
    """Hidden test methods, and the classes that hidden-tests cells declare."""
    names = set()
    for cell in master.cells:
        if role(cell) == "hidden-tests":
            names.update(junit_test_methods(cell.source))
            names.update(CLASS_NAME.findall(cell.source))
        elif role(cell) == "tests":
            for region in HIDDEN_REGION.findall(cell.source):
                names.update(junit_test_methods(region))
    return names


@pytest.fixture(scope="module", params=MASTERS, ids=[m.stem for m in MASTERS])
def exercise_set(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def executed_master(exercise_set, tmp_path_factory, kernel_spec) -> Executed:
    return execute(exercise_set, tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="module")
def executed_exercise(exercise_set, tmp_path_factory, kernel_spec) -> Executed:
    return execute(REPO_ROOT / "exercises" / exercise_set.name, tmp_path_factory.mktemp("exercise"))


def test_there_are_exercise_sets():
    assert any(m.name.startswith("00-") for m in MASTERS), [m.name for m in MASTERS]
    for master in MASTERS:
        assert (REPO_ROOT / "exercises" / master.name).is_file(), f"no student copy of {master.name}: run ./ttlab assign"


def test_every_check_in_the_master_passes(exercise_set, executed_master):
    exercises = declared_points(nbformat.read(exercise_set, as_version=4))
    tables = check_tables(executed_master.notebook)
    assert len(tables) >= len(exercises) >= 4, f"expected a check per exercise of {list(exercises)}, found {list(tables)}"
    for cell_id, text in tables.items():
        passed, total, earned, possible = CHECK_HEADER.search(text).groups()
        assert int(total) > 0 and passed == total, f"cell {cell_id}:\n{text}"
        assert float(earned) == float(possible) > 0, f"cell {cell_id}:\n{text}"
        assert "PASSED" in text and not re.search(r"\b(FAILED|ERROR|TIMED_OUT)\b", text), f"cell {cell_id}:\n{text}"
    assert executed_master.seconds < BUDGET_SECONDS, f"running the master took {executed_master.seconds:.0f} s"


def test_every_check_in_the_exercise_copy_shows_the_stubs(exercise_set, executed_exercise):
    exercises = declared_points(nbformat.read(exercise_set, as_version=4))
    tables = check_tables(executed_exercise.notebook)
    assert len(tables) >= len(exercises), f"expected a check per exercise of {list(exercises)}, found {list(tables)}"
    for cell_id, text in tables.items():
        passed, total, earned, possible = CHECK_HEADER.search(text).groups()
        assert int(total) > 0 and int(passed) == 0, f"cell {cell_id}:\n{text}"
        assert float(earned) == 0 < float(possible), f"cell {cell_id}:\n{text}"
        assert "not implemented yet" in text, f"cell {cell_id}:\n{text}"
    assert executed_exercise.seconds < BUDGET_SECONDS, f"running the student copy took {executed_exercise.seconds:.0f} s"


def test_the_exercise_copy_holds_no_solution_and_no_hidden_test(exercise_set):
    master = nbformat.read(exercise_set, as_version=4)
    student_copy = REPO_ROOT / "exercises" / exercise_set.name
    text = student_copy.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text
    hidden = hidden_names(master)
    assert len(hidden) >= 4, f"the master should have hidden tests, found {hidden}"
    leaked = sorted(name for name in hidden if re.search(rf"\b{name}\b", text))
    assert not leaked, f"hidden tests in the student copy: {leaked}"
    exercise = nbformat.read(student_copy, as_version=4)
    assert not [c.id for c in exercise.cells if role(c) == "hidden-tests"]
    solutions = [c for c in exercise.cells if role(c) == "solution"]
    assert len(solutions) >= 4
    for cell in solutions:
        exercise_id = cell.metadata["ttlab"]["exercise"]
        assert f'throw new UnsupportedOperationException("not implemented yet: {exercise_id}");' in cell.source


def test_grading_the_master_gives_full_marks(exercise_set, tmp_path, kernel_spec):
    master = nbformat.read(exercise_set, as_version=4)
    results, seconds = grade(exercise_set, tmp_path / "graded")
    summary = json.dumps({k: v for k, v in results.items() if k != "tests"}, indent=1)
    failed = [t["name"] + ": " + t["output"] for t in results["tests"] if t["score"] < t["max_score"]]
    assert results["score"] == results["max_score"] > 0, "\n".join(failed) or summary
    points = declared_points(master)
    assert results["max_score"] == pytest.approx(sum(points.values())), summary
    earned: dict[str, float] = {}
    for t in results["tests"]:
        earned[t["extra_data"]["exercise"]] = earned.get(t["extra_data"]["exercise"], 0.0) + t["max_score"]
    for exercise_id, declared in points.items():
        assert earned.get(exercise_id) == pytest.approx(declared), \
            f"{exercise_id}: its tests are worth {earned.get(exercise_id)} points, its cells declare {declared}"
    hidden = [t for t in results["tests"] if t["visibility"] != "visible"]
    assert hidden and all(t["status"] == "passed" for t in hidden), "the hidden tests ran and passed"
    # (Its problems list is not empty when a tests cell has hidden regions: the master's version
    # of that cell differs from the student copy's, and the grader notes it as an edit.)
    assert seconds < BUDGET_SECONDS, f"grading the master took {seconds:.0f} s"


def test_grading_the_student_copy_gives_zero(exercise_set, tmp_path, kernel_spec):
    results, seconds = grade(REPO_ROOT / "exercises" / exercise_set.name, tmp_path / "graded")
    assert results["score"] == 0 < results["max_score"]
    for t in results["tests"]:
        assert t["status"] == "failed" and "not implemented yet" in t["output"], \
            f"{t['name']} does not depend on a solution: {t['status']} {t['output']}"
    assert any(t["visibility"] != "visible" for t in results["tests"]), "the hidden tests ran"
    assert not results["extra_data"]["problems"], results["extra_data"]["problems"]
    assert seconds < BUDGET_SECONDS, f"grading the student copy took {seconds:.0f} s"


def test_exercises_are_up_to_date_with_solutions():
    # The wrong answers are graded once, by `./ttlab test` itself (`assign --check`).
    result = subprocess.run([str(TTLAB), "assign", "--check", "--copies-only"], capture_output=True, text=True,
                            timeout=240, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is up to date with" in result.stdout and "wrong answer" not in result.stdout + result.stderr
