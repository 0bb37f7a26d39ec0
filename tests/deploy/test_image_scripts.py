"""The programs the images run, run here on the repository as the images run them on /opt/ttlab.

- docker/start-notebook.sh with the images' server settings (docker/jupyter/): seeds the work
  folder without overwriting the student's files, starts JupyterLab with token authentication
  on the Java kernel, opening on the lectures.
- docker/checks/DjlCheck.java (the build stage runs it): DJL's PyTorch engine on the CPU agrees
  with plain Java.
- docker/cuda-check.sh (ttlab-cuda-check in the CUDA image): without a GPU it says so and exits 2;
  with one it must pass.
- Every shell script parses and is executable (COPY keeps the mode).
"""

from __future__ import annotations

import ctypes.util
import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests

from conftest import REPO_ROOT
from deploy_files import DOCKER_DIR

VENV = REPO_ROOT / ".venv"
KERNEL_TARGET = REPO_ROOT / "kernels" / "java" / "target"


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def built_java() -> str:
    launch = KERNEL_TARGET / "kernel.java"
    if not launch.is_file() or not (REPO_ROOT / "grader" / "target" / "lib").is_dir():
        pytest.fail("the project is not built: run ./ttlab setup", pytrace=False)
    return launch.read_text().strip()


def image_like_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment the images give a student's server, with the repository as /opt/ttlab."""
    java_bin = str(Path(built_java()).parent)
    env = {
        "HOME": str(home),
        "PATH": os.pathsep.join([str(VENV / "bin"), java_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
        "LANG": "C.UTF-8",
        "TTLAB_HOME": str(REPO_ROOT),
        "JUPYTER_CONFIG_PATH": str(DOCKER_DIR / "jupyter"),
        "JUPYTER_PATH": str(VENV / "share" / "jupyter"),
    }
    env.update(extra)
    return env


@pytest.mark.timeout(120)
def test_start_notebook_seeds_work_and_serves_jupyterlab_with_a_token(tmp_path):
    home = tmp_path / "jovyan"
    mine = home / "work" / "exercises" / "00-warmup.ipynb"
    mine.parent.mkdir(parents=True)
    mine.write_text('{"the student": "has worked on this"}')
    token, port = uuid.uuid4().hex, free_port()
    env = image_like_env(home, JUPYTER_TOKEN=token, JUPYTER_IP="127.0.0.1", JUPYTER_PORT=str(port))
    args = ["--allow-root"] if os.getuid() == 0 else []
    log = tmp_path / "server.log"
    with open(log, "w") as out:
        server = subprocess.Popen([str(DOCKER_DIR / "start-notebook.sh"), *args], env=env, cwd=home,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"token {token}"}
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"the server exited:\n{log.read_text()[-3000:]}"
            try:
                if requests.get(f"{url}/api/status", headers=auth, timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, f"no server after 60 s:\n{log.read_text()[-3000:]}"
            time.sleep(0.3)

        # Token authentication: nothing without the token.
        assert requests.get(f"{url}/api/status", timeout=5).status_code == 403
        assert requests.get(f"{url}/api/status", headers={"Authorization": "token wrong"}, timeout=5).status_code == 403

        # The images' settings: Java first, the start-here notebook as the start page, ~/work as the root.
        specs = requests.get(f"{url}/api/kernelspecs", headers=auth, timeout=5).json()
        assert specs["default"] == "java" and "java" in specs["kernelspecs"]
        start = requests.get(f"{url}/", headers=auth, timeout=5, allow_redirects=False)
        assert start.status_code in (301, 302) and urlparse(start.headers["Location"]).path == "/lab/tree/course/00-start-here.ipynb"
        root = requests.get(f"{url}/api/contents", headers=auth, timeout=5).json()
        assert sorted(e["name"] for e in root["content"]) == ["course", "exercises"]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)

    # Seeded: every lecture and exercise the student did not have, byte for byte; theirs kept.
    assert mine.read_text() == '{"the student": "has worked on this"}'
    for folder in ("course", "exercises"):
        for notebook in (REPO_ROOT / folder).glob("*.ipynb"):
            copy = home / "work" / folder / notebook.name
            if copy != mine:
                assert copy.read_bytes() == notebook.read_bytes(), copy
                assert os.access(copy, os.W_OK)
    assert not (home / "work" / "solutions").exists()


@pytest.mark.timeout(180)
def test_djl_check_agrees_with_plain_java():
    java = built_java()
    classpath = os.pathsep.join(str(p) for p in sorted((REPO_ROOT / "grader" / "target" / "lib").glob("*.jar")))
    # The unpacked engine is about 0.4 GB: removed right away rather than left to pytest's tmp_path.
    with tempfile.TemporaryDirectory(prefix="ttlab-djl-") as cache:
        env = dict(os.environ, DJL_OFFLINE="true", ENGINE_CACHE_DIR=cache)
        run = subprocess.run([java, "-cp", classpath, str(DOCKER_DIR / "checks" / "DjlCheck.java")],
                             env=env, capture_output=True, text=True, timeout=170)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "on cpu()" in run.stdout, run.stdout
        # The engine's libraries were unpacked into ENGINE_CACHE_DIR, where the images keep them.
        assert list(Path(cache).rglob("libtorch_cpu.so")), "nothing unpacked into ENGINE_CACHE_DIR"


@pytest.mark.timeout(120)
def test_cuda_check_says_whether_the_gpu_works(tmp_path):
    java = built_java()
    env = dict(os.environ, TTLAB_HOME=str(REPO_ROOT), PATH=f"{Path(java).parent}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run([str(DOCKER_DIR / "cuda-check.sh")], env=env, capture_output=True, text=True, timeout=110)
    if ctypes.util.find_library("cuda") is None:
        # No NVIDIA driver here: the check must say so, not pass and not crash.
        assert run.returncode == 2, run.stdout + run.stderr
        assert "no CUDA driver or GPU visible" in run.stderr and "libcuda.so.1" in run.stderr
    else:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "JCuda check passed" in run.stdout


def test_shell_scripts_parse_and_are_executable():
    scripts = sorted(DOCKER_DIR.rglob("*.sh")) + sorted((REPO_ROOT / "tests" / "hub" / "bin").iterdir())
    assert len(scripts) >= 4
    for script in scripts:
        check = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert check.returncode == 0, f"{script}: {check.stderr}"
        assert os.access(script, os.X_OK), f"{script} is not executable"
        mode = subprocess.run(["git", "ls-files", "-s", str(script)], cwd=REPO_ROOT,
                              capture_output=True, text=True).stdout.split(" ")[0]
        assert mode in ("100755", ""), f"{script} is committed without its executable bit"
