"""`./ttlab run` as a user meets it: the smoke notebook runs headless through the real kernel
and shows every display kind; a notebook with an error, a broken file and a stuck cell each
fail with a clear message and a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import REPO_ROOT

RUNNER = REPO_ROOT / "tools" / "run_notebooks.py"
SMOKE = REPO_ROOT / "tests" / "notebooks" / "smoke.ipynb"

# cell id -> (output type, MIME type that must be in it)
EXPECTED_SMOKE_OUTPUTS = {
    "print-line": ("stream", None),
    "expression": ("execute_result", "text/plain"),
    "html": ("display_data", "text/html"),
    "markdown": ("display_data", "text/markdown"),
    "latex": ("display_data", "text/latex"),
    "xchart-chart": ("display_data", "image/png"),
    "buffered-image": ("execute_result", "image/png"),
    "tablesaw-table": ("execute_result", "text/html"),
    "array-2d": ("execute_result", "text/html"),
    "record-value": ("execute_result", "text/html"),
    "update-display": ("display_data", "text/plain"),
}


def run_runner(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUNNER), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO_ROOT)


def java_notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java (ttlab)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path


def test_smoke_notebook_shows_every_display_kind(tmp_path, kernel_spec):
    result = run_runner(str(SMOKE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    executed = nbformat.read(tmp_path / SMOKE.name, as_version=4)
    outputs = {c.id: c.outputs for c in executed.cells if c.cell_type == "code"}
    for cell_id, (output_type, mime) in EXPECTED_SMOKE_OUTPUTS.items():
        kinds = [(o.output_type, set(o.get("data", {}))) for o in outputs[cell_id]]
        assert any(t == output_type and (mime is None or mime in m) for t, m in kinds), \
            f"cell {cell_id}: expected {output_type} with {mime}, got {kinds}"
    # The display updated in place shows the last value, not the first.
    update = outputs["update-display"][0]
    assert "step 1" in update["data"]["text/plain"]
    # The input notebook is left as it was (no outputs written into it).
    assert all(not c.get("outputs") for c in nbformat.read(SMOKE, as_version=4).cells if c.cell_type == "code")


def test_a_failing_cell_fails_the_run_and_names_the_error(tmp_path, kernel_spec):
    nb = java_notebook(tmp_path / "broken.ipynb", "int ok = 1;", "int[] a = new int[1];\na[2] = 5;", "ok")
    result = run_runner(str(nb))
    assert result.returncode == 1
    assert "FAIL" in result.stdout
    assert "ArrayIndexOutOfBoundsException" in result.stdout + result.stderr


def test_a_compile_error_names_the_line(tmp_path, kernel_spec):
    nb = java_notebook(tmp_path / "typo.ipynb", "int x = 1;\nString s = x;")
    result = run_runner(str(nb))
    assert result.returncode == 1
    assert "line 2" in result.stdout + result.stderr


def test_malformed_notebooks_get_a_clear_message(tmp_path):
    not_json = tmp_path / "not-json.ipynb"
    not_json.write_text("{ this is not json", encoding="utf-8")
    old = tmp_path / "old.ipynb"
    old.write_text(json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}), encoding="utf-8")
    result = run_runner(str(not_json), str(old))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not-json.ipynb" in result.stdout and "old.ipynb" in result.stdout


def test_a_stuck_cell_is_stopped_by_the_runner_timeout(tmp_path, kernel_spec):
    nb = java_notebook(tmp_path / "stuck.ipynb", "while (true) {}")
    result = run_runner(str(nb), "--timeout", "5", timeout=120)
    assert result.returncode == 1
    assert "FAIL" in result.stdout
