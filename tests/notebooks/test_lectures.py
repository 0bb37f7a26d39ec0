"""Every lecture notebook in course/ runs top to bottom through the real kernel without an error,
within the course's time budget. The notebooks check their own claims (each derivation is followed
by a cell that asserts it numerically), so a notebook that runs clean is a lecture whose numbers
hold. New lectures are picked up by the glob."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
LECTURES = sorted((REPO_ROOT / "course").glob("*.ipynb"))
# A lecture must run in well under 3 minutes on a 2-core CPU.
TIME_LIMIT_SECONDS = 180
# The runner's report line: "course/01a-....ipynb  21 cells  12.3 s  OK".
REPORT_LINE = re.compile(r"(?P<cells>\d+) cells\s+(?P<seconds>[\d.]+) s\s+(?P<verdict>OK|FAIL)")

pytestmark = pytest.mark.timeout(TIME_LIMIT_SECONDS + 120)


def test_there_are_lectures():
    assert LECTURES, "no lecture notebooks found in course/"


@pytest.mark.parametrize("notebook", LECTURES, ids=[p.name for p in LECTURES])
def test_lecture_runs_without_errors_in_time(notebook: Path, tmp_path, kernel_spec):
    result = subprocess.run([sys.executable, str(RUNNER), str(notebook), "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=TIME_LIMIT_SECONDS + 60, cwd=REPO_ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    match = REPORT_LINE.search(result.stdout)
    assert match and match["verdict"] == "OK", report
    assert float(match["seconds"]) < TIME_LIMIT_SECONDS, report
    executed = nbformat.read(tmp_path / notebook.name, as_version=4)
    errors = [(c.id, o.get("ename")) for c in executed.cells if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors


@pytest.mark.parametrize("notebook", LECTURES, ids=[p.name for p in LECTURES])
def test_lecture_is_committed_clean(notebook: Path):
    """nbformat 4.5, the `java` kernelspec, a unique id on every cell, and no outputs."""
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) >= (4, 5)
    assert nb.metadata["kernelspec"]["name"] == "java"
    ids = [c.id for c in nb.cells]
    assert len(ids) == len(set(ids)), "cell ids must be unique"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"cell {cell.id} has outputs"
