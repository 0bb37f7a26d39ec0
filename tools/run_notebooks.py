#!/usr/bin/env python3
"""Run notebooks headless through their Jupyter kernel and report which ones fail.

    tools/run_notebooks.py [--kernel NAME] [--timeout SECONDS] [--out DIR | --inplace] NOTEBOOK...

Each notebook runs top to bottom in a fresh kernel, started in the notebook's
folder like JupyterLab does. One line per notebook is printed:

    course/01-intro.ipynb  12 cells  4.1 s  OK

followed, for a failing notebook, by one indented line per problem. A notebook
fails when a cell raises (its execute_reply has status "error", it times out,
or the kernel dies) or when any cell carries an output with output_type
"error". Execution stops at the first raising cell, as "Run All" does in
JupyterLab. Cells tagged "raises-exception" may fail on purpose: a lesson can
show an error.

A stderr stream that merely looks like a stack trace (e.printStackTrace()
in a lesson) is reported as a warning; --fail-on-stderr-trace makes it fail.

The input files are never changed unless --inplace is given; --out DIR writes
the executed copies there (also for failing notebooks, to help debugging).

Exit status: 0 when every notebook passed, 1 when any failed or could not be
read, 2 for bad command-line usage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

# Tag with which nbclient (and this tool) lets a cell fail on purpose.
EXPECTED_ERROR_TAG = "raises-exception"

# Signs that a stderr stream carries an exception trace: a Java stack frame line
# ("\tat pkg.Class.method(File.java:12)"), the JVM's uncaught-exception banner,
# or a Python traceback header.
STACK_TRACE_MARKERS = re.compile(
    r"^\s+at [\w$.<>/]+\(.*\)\s*$|Exception in thread |^Traceback \(most recent call last\)",
    re.MULTILINE,
)

ANSI_ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class NotebookUnreadable(Exception):
    """The file is not a notebook this tool can run; the message says why."""


@dataclass
class NotebookReport:
    path: Path
    code_cells: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read an nbformat 4 notebook, or raise NotebookUnreadable with a plain reason."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise NotebookUnreadable(f"cannot read the file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise NotebookUnreadable("not a notebook: the file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookUnreadable(
            f"not a notebook: invalid JSON at line {error.lineno}, column {error.colno} ({error.msg})"
        ) from None
    if not isinstance(data, dict) or "nbformat" not in data:
        raise NotebookUnreadable("not a notebook: the JSON has no 'nbformat' field")
    if data["nbformat"] != 4:
        raise NotebookUnreadable(
            f"unsupported notebook format {data['nbformat']!r}: only nbformat 4 is supported"
        )
    try:
        with warnings.catch_warnings():
            # Notebooks older than nbformat 4.5 have no cell ids; they still run.
            warnings.simplefilter("ignore")
            nbformat.validate(data)
    except nbformat.ValidationError as error:
        raise NotebookUnreadable(f"invalid nbformat 4 notebook: {error.message}") from None
    return nbformat.v4.reads(text)  # joins multi-line sources like nbformat.read does


def output_text(output: dict) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def first_line(text: str, limit: int = 160) -> str:
    line = ANSI_ESCAPES.sub("", text).strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 3] + "..."


def inspect_outputs(notebook: nbformat.NotebookNode, report: NotebookReport, strict_stderr: bool):
    """Record error outputs as problems, and stderr stack traces as warnings (or problems)."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or EXPECTED_ERROR_TAG in cell.metadata.get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                message = f"{output.get('ename', 'error')}: {output.get('evalue', '')}"
                report.problems.append(f"cell {index}: {first_line(message)}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = output_text(output)
                if STACK_TRACE_MARKERS.search(text):
                    note = f"cell {index}: stack trace on stderr: {first_line(text)}"
                    (report.problems if strict_stderr else report.warnings).append(note)


def execute(notebook: nbformat.NotebookNode, path: Path, kernel: str | None, timeout: int,
            report: NotebookReport) -> None:
    """Run every cell in a fresh kernel; a raising cell stops the run and is recorded."""
    current = {"index": None}

    def remember_cell(cell, cell_index, **_):
        current["index"] = cell_index

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel or "",  # "" means: the notebook's own kernelspec
        resources={"metadata": {"path": str(path.parent.resolve())}},
        on_cell_start=remember_cell,
    )
    try:
        client.execute()
    except CellExecutionError:
        # The error output is in the cell; inspect_outputs reports it. Only a
        # reply error without any error output needs its own line.
        cell = notebook.cells[current["index"]]
        if not any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            report.problems.append(f"cell {current['index']}: the kernel replied with an error")
    except CellTimeoutError:
        report.problems.append(f"cell {current['index']}: timed out after {timeout} s")
    except DeadKernelError:
        report.problems.append(f"cell {current['index']}: the kernel died")


def kernel_setup_hint(name: str) -> str:
    return (f"no Jupyter kernel named {name!r} is installed for {sys.executable}; "
            "run ./ttlab setup, then use .venv/bin/python tools/run_notebooks.py")


def run_one(path: Path, args: argparse.Namespace) -> NotebookReport:
    report = NotebookReport(path)
    try:
        notebook = read_notebook(path)
    except NotebookUnreadable as unreadable:
        report.problems.append(str(unreadable))
        return report

    report.code_cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    started = time.monotonic()
    try:
        execute(notebook, path, args.kernel, args.timeout, report)
    except NoSuchKernel as missing:
        report.problems.append(kernel_setup_hint(missing.name))
        return report
    except RuntimeError as failure:  # the kernel did not start or stopped answering
        report.problems.append(f"kernel failure: {failure}")
        return report
    report.seconds = time.monotonic() - started
    inspect_outputs(notebook, report, args.fail_on_stderr_trace)
    save_executed(notebook, path, args)
    return report


def save_executed(notebook: nbformat.NotebookNode, path: Path, args: argparse.Namespace) -> None:
    if args.inplace:
        nbformat.write(notebook, path)
    elif args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, args.out / path.name)


def print_report(report: NotebookReport) -> None:
    verdict = "OK" if report.ok else "FAIL"
    print(f"{report.path}  {report.code_cells} cells  {report.seconds:.1f} s  {verdict}", flush=True)
    for problem in report.problems:
        print(f"    {problem}", flush=True)
    for warning in report.warnings:
        print(f"    warning: {warning}", flush=True)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Execute notebooks headless through their Jupyter kernel; "
        "exit non-zero if any cell fails.")
    parser.add_argument("notebooks", nargs="+", type=Path, metavar="NOTEBOOK")
    parser.add_argument("--kernel", metavar="NAME",
                        help="kernelspec to use instead of the notebook's own (e.g. java)")
    parser.add_argument("--timeout", type=int, default=120, metavar="SECONDS",
                        help="time limit for each cell (default: 120)")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, metavar="DIR",
                        help="write the executed copies into DIR")
    target.add_argument("--inplace", action="store_true",
                        help="overwrite each input notebook with its executed version")
    parser.add_argument("--fail-on-stderr-trace", action="store_true",
                        help="also fail when a stderr stream contains a stack trace")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    reports = []
    for path in args.notebooks:
        report = run_one(path, args)
        print_report(report)
        reports.append(report)
    return 0 if all(report.ok for report in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
