"""A class on JupyterHub, locally: a student logs in, runs Java, and hands in an exercise set.

The hub is JupyterHub itself (Debian's `jupyterhub` package, from tools/system-deps.sh) with its
local process spawner, configured by tests/hub/jupyterhub_test_config.py. Students' servers start
with the course images' own start command and server settings (docker/start-notebook.sh,
docker/jupyter/) on the .venv's JupyterLab with the `java` kernelspec of `./ttlab setup`. The
grading service (`./ttlab serve`) is a hub service that the hub starts and stops itself, reached
through the hub's proxy, as the class deployment registers it. Everything listens on 127.0.0.1
ports picked free, and everything lives in a temporary folder.

What the class deployment (docker/jupyterhub/) relies on and this checks for real: the hub
authenticates against its password and allowed users, instructors are admins, a student's server
starts on demand with the lectures and exercises (and nothing else) in its work folder, the
proxy routes /user/NAME/ to it, the `java` kernel runs a cell through the hub (REST for the
session, the kernel websocket for the cell); `submit()` in the student's kernel hands in their
own copy of the warm-up to the service with the server's hub token, the service grades it (the
score the master's points give for the one exercise solved), the student sees it with their own
hub token, another student does not, and the instructor (a hub admin) finds it in the gradebook;
stopping the hub leaves nothing running: no hub, proxy, service, server, kernel or grading JVM.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import uuid
from contextlib import closing
from pathlib import Path

import nbformat
import pytest
import requests
import websocket

from conftest import REPO_ROOT, master_answers

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_test_config.py"
PASSWORD = "hub-test-" + uuid.uuid4().hex[:12]
STUDENT = "student1"
OTHER_STUDENT = "student2"
INSTRUCTOR = "instructor"
GRADER = "/services/ttlab-grader/"
WARMUP = "00-warmup"
KERNEL_MAIN = "ttlab.kernel.Main"  # the main class kernels/java/bin/ttlab-kernel starts
MASTER = REPO_ROOT / "solutions" / f"{WARMUP}.ipynb"


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with closing(socket.socket()) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def command_line(pid: int) -> str:
    """A process's command line with spaces between its arguments; empty once it has ended."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def processes_with(*texts: str) -> list[int]:
    """Process ids whose command line mentions every one of `texts` (a kernel's id is in its
    connection file's name)."""
    found = []
    for pid in (int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()):
        command = command_line(pid)
        if all(text in command for text in texts):
            found.append(pid)
    return found


def processes_in(folder: Path) -> dict[int, str]:
    """Processes that run in `folder` or name it on their command line, by id, with their command
    lines: the hub and its proxy (started in it), the grading service (its data), students'
    servers (their homes), kernels (their connection files) and grading JVMs (their scratch)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                cwd = os.readlink(entry / "cwd")
            except OSError:
                continue
            if str(folder) in command or Path(cwd).is_relative_to(folder):
                found[int(entry.name)] = command.strip()
    return found


def wait_for(what: str, condition, timeout: float, interval: float = 0.25, on_fail=lambda: ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"{what} within {timeout:.0f} s{on_fail()}", pytrace=False)


class Hub:
    """A running hub: its URL, its log, and the process to stop."""

    def __init__(self, tmp: Path, artifacts: Path):
        exe = shutil.which("jupyterhub")
        if exe is None:
            pytest.fail("jupyterhub is not installed: run tools/system-deps.sh "
                        "(./ttlab test does), which installs Debian's `jupyterhub`", pytrace=False)
        self.port, self.hub_port, self.proxy_api_port = free_port(), free_port(), free_port()
        self.grader_port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = artifacts / "hub.log"
        env = dict(os.environ,
                   TTLAB_HUB_DIR=str(tmp), TTLAB_REPO=str(REPO_ROOT), TTLAB_HUB_PASSWORD=PASSWORD,
                   TTLAB_HUB_PORT=str(self.port), TTLAB_HUB_API_PORT=str(self.hub_port),
                   TTLAB_PROXY_API_PORT=str(self.proxy_api_port), TTLAB_GRADER_PORT=str(self.grader_port),
                   # Debian's configurable-http-proxy finds its Node modules here, also when
                   # `node` is not Debian's own build.
                   NODE_PATH=os.pathsep.join(p for p in ("/usr/share/nodejs", os.environ.get("NODE_PATH")) if p))
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([exe, "-f", str(CONFIG)], cwd=tmp, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def log_tail(self) -> str:
        self.log.flush()
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\nhub log (last lines, whole log in " + str(self.log_path) + "):\n" + "\n".join(lines[-40:])

    def api(self, method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token}"} if token else {}
        return requests.request(method, self.url + path, headers=headers, timeout=30, **kwargs)

    def wait_until_up(self):
        def up():
            if self.process.poll() is not None:
                pytest.fail(f"the hub exited with {self.process.returncode}{self.log_tail()}", pytrace=False)
            try:
                return self.api("GET", "/hub/api/").status_code == 200
            except requests.ConnectionError:
                return False
        wait_for("the hub answered on its proxy's port", up, 60, on_fail=self.log_tail)

    def stop(self):
        """SIGTERM, as an init system stops it; the hub then stops the proxy and every server."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()


@pytest.fixture
def hub(tmp_path, artifacts_dir):
    out = artifacts_dir / "hub"
    out.mkdir(parents=True, exist_ok=True)
    hub = Hub(tmp_path, out)
    try:
        hub.wait_until_up()
        yield hub
    finally:
        hub.stop()
        # After a failed test, what the hub did not stop (the test asserts there is nothing).
        for pid in processes_in(tmp_path):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def login(hub: Hub, user: str, password: str) -> requests.Response:
    """Log in through the hub's REST API: a token request carrying the user's name and password."""
    return hub.api("POST", f"/hub/api/users/{user}/tokens",
                   json={"auth": {"username": user, "password": password}, "note": "hub test"})


def execute(ws: websocket.WebSocket, code: str, timeout: float = 60) -> dict:
    """Runs one cell over the kernel websocket; returns its reply, outputs and errors."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": STUDENT, "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))
    result = {"stdout": "", "results": [], "errors": [], "reply": None, "idle": False}
    deadline = time.monotonic() + timeout
    while not (result["reply"] and result["idle"]):
        ws.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            msg = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            pytest.fail(f"no reply to a Java cell within {timeout:.0f} s: {result}", pytrace=False)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["header"]["msg_type"], msg["content"]
        if kind == "stream" and content["name"] == "stdout":
            result["stdout"] += content["text"]
        elif kind == "execute_result":
            result["results"].append(content["data"])
        elif kind == "error":
            result["errors"].append(content)
        elif kind == "execute_reply":
            result["reply"] = content
        elif kind == "status" and content["execution_state"] == "idle":
            result["idle"] = True
    return result


def declared_points() -> dict[str, float]:
    """Each exercise of the warm-up master and the points its solution cell declares."""
    points = {}
    for cell in nbformat.read(MASTER, as_version=4).cells:
        meta = cell.metadata.get("ttlab", {})
        if meta.get("role") == "solution":
            points[meta["exercise"]] = points.get(meta["exercise"], 0) + meta["points"]
    return points


def solve(hub: Hub, base: str, token: str, path: str, exercise: str) -> str:
    """Writes the master's solution of one exercise into the student's copy of the notebook, as
    the student would in JupyterLab (through the server's contents API); returns the code."""
    answer = next(c for c in nbformat.read(MASTER, as_version=4).cells
                  if c.metadata.get("ttlab", {}).get("role") == "solution"
                  and c.metadata["ttlab"]["exercise"] == exercise)
    code = master_answers(MASTER)[answer.id]
    model = hub.api("GET", base + f"api/contents/{path}", token)
    assert model.status_code == 200, model.text
    notebook = model.json()["content"]
    cells = [c for c in notebook["cells"] if c["id"] == answer.id]
    assert len(cells) == 1 and "not implemented yet" in "".join(cells[0]["source"]), cells
    cells[0]["source"] = code
    saved = hub.api("PUT", base + f"api/contents/{path}", token,
                    json={"type": "notebook", "format": "json", "content": notebook})
    assert saved.status_code == 200, saved.text
    return code


@pytest.mark.timeout(180)
def test_students_run_java_and_hand_in_through_the_hub(hub, tmp_path):
    # Authentication: the wrong password and a user not on the class list are refused.
    assert login(hub, STUDENT, "not-" + PASSWORD).status_code == 403
    assert login(hub, "stranger", PASSWORD).status_code == 403
    student = login(hub, STUDENT, PASSWORD)
    assert student.status_code == 201, student.text
    token = student.json()["token"]

    # Instructors are the hub's admins; students are not.
    instructor = login(hub, INSTRUCTOR, PASSWORD)
    assert instructor.status_code == 201, instructor.text
    admin_token = instructor.json()["token"]
    assert hub.api("GET", "/hub/api/user", admin_token).json()["admin"] is True
    me = hub.api("GET", "/hub/api/user", token).json()
    assert (me["name"], me["admin"]) == (STUDENT, False)

    # The student's server starts on demand and the proxy routes to it.
    started = hub.api("POST", f"/hub/api/users/{STUDENT}/server", token)
    assert started.status_code in (201, 202), started.text

    # Meanwhile: the hub started the grading service, and its proxy routes to it. The service
    # knows hub users by their hub tokens, and takes the hub's admins for instructors.
    def grader_up():
        try:
            return hub.api("GET", GRADER + "api/health").status_code == 200
        except requests.ConnectionError:
            return False
    wait_for("the grading service answered through the hub's proxy", grader_up, 90, on_fail=hub.log_tail)
    assert hub.api("GET", GRADER + "api/me", token).json() == {"user": STUDENT, "role": "student"}
    assert hub.api("GET", GRADER + "api/me", admin_token).json() == {"user": INSTRUCTOR, "role": "instructor"}
    assert hub.api("GET", GRADER + "api/me", "not-a-hub-token").status_code == 401

    def ready():
        server = hub.api("GET", f"/hub/api/users/{STUDENT}", token).json()["servers"].get("")
        return server is not None and server["ready"] and server
    server = wait_for("the student's server was ready", ready, 90, on_fail=hub.log_tail)
    base = f"/user/{STUDENT}/"
    assert server["url"] == base

    specs = hub.api("GET", base + "api/kernelspecs", token)
    assert specs.status_code == 200, specs.text
    assert specs.json()["kernelspecs"]["java"]["spec"]["language"] == "java"
    # The images' server settings: the Java kernel first.
    assert specs.json()["default"] == "java"

    # The start command seeded the work folder, the server's root: lectures and exercises, and
    # nothing else of the repository (no masters).
    home = tmp_path / "home" / STUDENT
    root = hub.api("GET", base + "api/contents", token).json()
    assert sorted(entry["name"] for entry in root["content"]) == ["course", "exercises"], root
    for folder in ("course", "exercises"):
        listing = hub.api("GET", base + f"api/contents/{folder}", token).json()
        seeded = sorted(entry["name"] for entry in listing["content"])
        assert seeded == sorted(p.name for p in (REPO_ROOT / folder).glob("*.ipynb")), listing
        assert seeded, f"no notebooks in {folder}/"

    # The student solves the first exercise of the warm-up in their copy, and only that one.
    points = declared_points()
    solved = next(iter(points))
    notebook_path = f"exercises/{WARMUP}.ipynb"
    code = solve(hub, base, token, notebook_path, solved)

    # A notebook session for that notebook on the `java` kernel, opened through the hub's proxy.
    session = hub.api("POST", base + "api/sessions", token, json={
        "path": notebook_path, "type": "notebook", "name": f"{WARMUP}.ipynb", "kernel": {"name": "java"}})
    assert session.status_code == 201, session.text
    kernel_id = session.json()["kernel"]["id"]
    session_id = session.json()["id"]
    # The session's kernel runs as a JVM. The server answers once it has started the launcher
    # script, which then execs java. One look at /proc right then once found no kernel process at
    # all; most likely it caught the exec loading the new program, while the command line reads empty.
    # So wait for the JVM, whose command line names the kernel from then on.
    wait_for("the session's kernel JVM was running",
             lambda: processes_with(kernel_id, KERNEL_MAIN), 30,
             on_fail=hub.log_tail)
    # The check at the end, for what is left running, sees the kernel. One look at /proc answers
    # this: the launcher's short-lived subshells name the kernel too, and one that ended between
    # two looks failed a subset test of the two.
    assert any(kernel_id in command for command in processes_in(tmp_path).values())

    ws = websocket.create_connection(
        f"ws://127.0.0.1:{hub.port}{base}api/kernels/{kernel_id}/channels",
        header=[f"Authorization: token {token}"], timeout=30)
    try:
        numbers = [3, 4, 5, 12]
        cell = execute(ws, "\n".join([
            f"int[] xs = {{{', '.join(map(str, numbers))}}};",
            'System.out.println("HOME=" + System.getenv("HOME"));',
            'System.out.println("cwd=" + Path.of("").toAbsolutePath());',
            "IntStream.of(xs).map(x -> x * x).sum()",
        ]))
        # submit() finds its notebook (Jupyter Server names it to the kernel), hands it in to
        # TTLAB_SUBMIT_URL with the server's hub token, and waits for the grade.
        handed_in = execute(ws, "submit();", timeout=150)
    finally:
        ws.close()
    assert cell["errors"] == [] and cell["reply"]["status"] == "ok", cell
    assert cell["results"] == [{"text/plain": str(sum(x * x for x in numbers))}], cell
    # The kernel runs in the student's home, in the notebook's folder.
    assert cell["stdout"].splitlines() == [f"HOME={home}", f"cwd={home / 'work' / 'exercises'}"], cell

    assert handed_in["errors"] == [] and handed_in["reply"]["status"] == "ok", handed_in
    assert f"Handed in {WARMUP}.ipynb" in handed_in["stdout"], handed_in
    shown = re.search(r"^Score: ([0-9.]+) / ([0-9.]+)$", handed_in["stdout"], re.MULTILINE)
    assert shown, handed_in
    assert (float(shown[1]), float(shown[2])) == (points[solved], sum(points.values())), handed_in

    # The student, with their own hub token, finds the submission through the hub's proxy and
    # polls it until it is graded: the one solved exercise earns its declared points, the
    # others nothing.
    mine = hub.api("GET", GRADER + "api/submissions", token).json()
    assert [(s["student"], s["assignment"]) for s in mine] == [(STUDENT, WARMUP)], mine
    submission = mine[0]["id"]

    def graded():
        s = hub.api("GET", GRADER + f"api/submissions/{submission}", token).json()
        return s["status"] not in ("queued", "grading") and s
    result = wait_for("the submission was graded", graded, 120, interval=1, on_fail=hub.log_tail)
    assert result["status"] == "graded", result
    assert (result["score"], result["max_score"]) == (points[solved], sum(points.values())), result
    assert {e["exercise"]: e["score"] for e in result["result"]["exercises"]} == \
        {name: (p if name == solved else 0) for name, p in points.items()}, result["result"]["exercises"]
    # What was handed in is the student's own copy, as saved in their work folder.
    copy = hub.api("GET", GRADER + f"api/submissions/{submission}/notebook", token)
    assert copy.status_code == 200, copy.text
    assert copy.content == (home / "work" / notebook_path).read_bytes()
    assert code in [c.source for c in nbformat.reads(copy.text, as_version=4).cells]

    # Another student sees nothing of it, nor the gradebook.
    other = login(hub, OTHER_STUDENT, PASSWORD)
    assert other.status_code == 201, other.text
    other_token = other.json()["token"]
    assert hub.api("GET", GRADER + "api/me", other_token).json() == {"user": OTHER_STUDENT, "role": "student"}
    assert hub.api("GET", GRADER + "api/submissions", other_token).json() == []
    for path in (f"api/submissions/{submission}", f"api/submissions/{submission}/notebook",
                 f"api/submissions/{submission}/feedback"):
        assert hub.api("GET", GRADER + path, other_token).status_code in (403, 404), path
    assert hub.api("GET", GRADER + "api/gradebook", other_token).status_code == 403
    assert hub.api("GET", GRADER + "api/gradebook", token).status_code == 403

    # The instructor finds it in the gradebook.
    book = hub.api("GET", GRADER + "api/gradebook", admin_token)
    assert book.status_code == 200, book.text
    rows = [dict(zip(book.json()["columns"], row)) for row in book.json()["rows"]]
    assert [(r["student"], r["assignment"], r["submission"], r["final"]) for r in rows] == \
        [(STUDENT, WARMUP, submission, points[solved])], rows

    # Closing the session ends the kernel's process.
    closed = hub.api("DELETE", base + f"api/sessions/{session_id}", token)
    assert closed.status_code == 204, closed.text
    wait_for("the kernel's process ended", lambda: not processes_with(kernel_id), 30)

    # Stopping the server removes it from the hub and from the proxy.
    stopped = hub.api("DELETE", f"/hub/api/users/{STUDENT}/server", token)
    assert stopped.status_code in (202, 204), stopped.text
    wait_for("the student's server stopped",
             lambda: hub.api("GET", f"/hub/api/users/{STUDENT}", token).json()["servers"] == {}, 60,
             on_fail=hub.log_tail)
    wait_for("the proxy stopped routing to the server",
             lambda: hub.api("GET", base + "api/kernelspecs", token).status_code != 200, 30)

    # Stopping the hub stops its proxy and the grading service too: nothing of the class is
    # left running. (While the hub runs, the same check sees it, its proxy and the service.)
    running = processes_in(tmp_path).values()
    assert any("configurable-http-proxy" in c for c in running), running
    assert any("ttlab.grader.serve.ServeCommand" in c for c in running), running
    hub.stop()
    assert hub.process.returncode is not None
    wait_for("the proxy's API port closed", lambda: not port_open(hub.proxy_api_port), 15)
    wait_for("the hub's port closed", lambda: not port_open(hub.port), 15)
    wait_for("the grading service's port closed", lambda: not port_open(hub.grader_port), 15)
    wait_for("every process of the hub ended", lambda: not processes_in(tmp_path), 15,
             on_fail=lambda: f": still running {processes_in(tmp_path)}")
