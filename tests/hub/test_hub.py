"""A class on JupyterHub, locally: a student logs in, starts a server and runs Java in it.

The hub is JupyterHub itself (Debian's `jupyterhub` package, from tools/system-deps.sh) with its
local process spawner, configured by tests/hub/jupyterhub_test_config.py. Students' servers start
with the course images' own start command and server settings (docker/start-notebook.sh,
docker/jupyter/) on the .venv's JupyterLab with the `java` kernelspec of `./ttlab setup`.
Everything listens on 127.0.0.1 ports picked free, and everything lives in a temporary folder.

What the class deployment (docker/jupyterhub/) relies on and this checks for real: the hub
authenticates against its password and allowed users, instructors are admins, a student's server
starts on demand with the lectures and exercises (and nothing else) in its work folder, the
proxy routes /user/NAME/ to it, the `java` kernel runs a cell through the hub (REST for the
session, the kernel websocket for the cell), and stopping leaves nothing running.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import requests
import websocket

from conftest import REPO_ROOT

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_test_config.py"
PASSWORD = "hub-test-" + uuid.uuid4().hex[:12]
STUDENT = "student1"
INSTRUCTOR = "instructor"


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with closing(socket.socket()) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def processes_with(text: str) -> list[int]:
    """Process ids whose command line mentions `text` (a kernel's id is in its connection file's name)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                pass
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
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = artifacts / "hub.log"
        env = dict(os.environ,
                   TTLAB_HUB_DIR=str(tmp), TTLAB_REPO=str(REPO_ROOT), TTLAB_HUB_PASSWORD=PASSWORD,
                   TTLAB_HUB_PORT=str(self.port), TTLAB_HUB_API_PORT=str(self.hub_port),
                   TTLAB_PROXY_API_PORT=str(self.proxy_api_port),
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


@pytest.mark.timeout(180)
def test_student_runs_java_through_the_hub(hub, tmp_path):
    # Authentication: the wrong password and a user not on the class list are refused.
    assert login(hub, STUDENT, "not-" + PASSWORD).status_code == 403
    assert login(hub, "stranger", PASSWORD).status_code == 403
    student = login(hub, STUDENT, PASSWORD)
    assert student.status_code == 201, student.text
    token = student.json()["token"]

    # Instructors are the hub's admins; students are not.
    instructor = login(hub, INSTRUCTOR, PASSWORD)
    assert instructor.status_code == 201, instructor.text
    assert hub.api("GET", "/hub/api/user", instructor.json()["token"]).json()["admin"] is True
    me = hub.api("GET", "/hub/api/user", token).json()
    assert (me["name"], me["admin"]) == (STUDENT, False)

    # The student's server starts on demand and the proxy routes to it.
    started = hub.api("POST", f"/hub/api/users/{STUDENT}/server", token)
    assert started.status_code in (201, 202), started.text

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

    # A notebook session on the `java` kernel, opened through the hub's proxy.
    session = hub.api("POST", base + "api/sessions", token, json={
        "path": "hub-test.ipynb", "type": "notebook", "name": "hub-test.ipynb",
        "kernel": {"name": "java"}})
    assert session.status_code == 201, session.text
    kernel_id = session.json()["kernel"]["id"]
    session_id = session.json()["id"]
    assert processes_with(kernel_id), "no kernel process for the session"

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
    finally:
        ws.close()
    assert cell["errors"] == [] and cell["reply"]["status"] == "ok", cell
    assert cell["results"] == [{"text/plain": str(sum(x * x for x in numbers))}], cell
    # The kernel runs in the student's home, in the work folder beside the notebook.
    assert cell["stdout"].splitlines() == [f"HOME={home}", f"cwd={home / 'work'}"], cell

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

    # Stopping the hub stops its proxy too.
    hub.stop()
    assert hub.process.returncode is not None
    wait_for("the proxy's API port closed", lambda: not port_open(hub.proxy_api_port), 15)
    wait_for("the hub's port closed", lambda: not port_open(hub.port), 15)
