"""What the submission-service tests share: starting `./ttlab serve` as an instructor would,
calling its API as a client does, the warm-up notebooks students hand in, and reading the
service's database to check what the API cannot show (how often each submission was graded).
"""

from __future__ import annotations

import json
import math
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat

from conftest import master_answers

REPO_ROOT = Path(__file__).resolve().parents[2]
TTLAB = REPO_ROOT / "ttlab"
EXERCISE = REPO_ROOT / "exercises" / "00-warmup.ipynb"
MASTER = REPO_ROOT / "solutions" / "00-warmup.ipynb"
FULL_MARKS = 12

# Straight to localhost, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict  # names in lower case (HTTP header names are case-insensitive)

    @property
    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(url: str, path: str, token: str | None = None, method: str = "GET", body: bytes | None = None,
         timeout: float = 60) -> Reply:
    """One HTTP request; an error status is a Reply like any other, not an exception."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/x-ipynb+json"
    request = urllib.request.Request(url + path, data=body, method=method, headers=headers)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return Reply(response.status, response.read(), {k.lower(): v for k, v in response.headers.items()})
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read(), {k.lower(): v for k, v in error.headers.items()})


def write_roster(path: Path, students: list[str], instructors: tuple[str, ...] = ("prof",)) -> dict[str, str]:
    """A roster file with a fresh token per user; returns user -> token."""
    tokens = {user: f"{user}-{secrets.token_hex(8)}" for user in [*instructors, *students]}
    lines = ["user,role,token"]
    lines += [f"{u},instructor,{tokens[u]}" for u in instructors]
    lines += [f"{u},student,{tokens[u]}" for u in students]
    path.write_text("\n".join(lines) + "\n")
    return tokens


class Service:
    """`./ttlab serve` in a process of its own, on a free localhost port."""

    def __init__(self, data: Path, roster: Path, *args: str, name: str | None = None, env: dict | None = None):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.name = name or f"test-{self.port}"
        self.log_path = data.parent / f"{data.name}-{self.name}.log"
        self.command = [str(TTLAB), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data", str(data),
                        "--roster", str(roster), "--name", self.name, *args]
        self.env = dict(os.environ, **(env or {}))
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> "Service":
        log = open(self.log_path, "ab")
        # ./ttlab serve execs the JVM: the process is the service itself, so kill -9 hits the service.
        self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                        cwd=REPO_ROOT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"ttlab serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if call(self.url, "api/health", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"ttlab serve did not answer within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def pid(self) -> int:
        return self.process.pid

    def children(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def kill9(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> int | None:
        """SIGTERM, as a service manager stops it; returns the exit status."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode if self.process else None


def student_notebooks(folder: Path) -> tuple[bytes, bytes]:
    """The warm-up as two students hand it in: every exercise solved (the student copy with the
    master's solutions written in), and untouched (the stubs). Returns (solved, stubs)."""
    answers = master_answers(MASTER)
    notebook = nbformat.read(EXERCISE, as_version=4)
    for cell in notebook.cells:
        if cell.id in answers:
            cell.source = answers[cell.id]
    folder.mkdir(parents=True, exist_ok=True)
    solved = folder / "solved" / "00-warmup.ipynb"
    solved.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, solved)
    return solved.read_bytes(), EXERCISE.read_bytes()


def copy_of(notebook: bytes, tag: str) -> bytes:
    """The same notebook, told apart from other copies by a field in its metadata (as JupyterLab
    would keep one a student's extension wrote), so that each copy is a distinct submission."""
    data = json.loads(notebook)
    data["metadata"]["handin_copy"] = tag
    return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"


def wait_until(predicate, timeout: float, what: str, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}")
        time.sleep(every)


def sqlite_rows(data: Path, sql: str, *args) -> list[tuple]:
    """Rows from the service's SQLite database, read as another process may (WAL allows it)."""
    with sqlite3.connect(f"file:{data / 'ttlab.db'}?mode=ro", uri=True, timeout=30) as db:
        return db.execute(sql, args).fetchall()


def percentile(sorted_values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by the nearest-rank method."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(p / 100 * len(sorted_values))))
    return sorted_values[rank - 1]
