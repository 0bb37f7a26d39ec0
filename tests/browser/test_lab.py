"""JupyterLab in a real browser: open the smoke notebook, run two cells, see their outputs.

Starts JupyterLab with the README's `./ttlab lab` on a free localhost port,
serving a temporary copy of tests/notebooks, and drives Debian's Chromium
headless through Playwright (Playwright never downloads a browser here). A
screenshot is saved to test-artifacts/browser/lab.png, and the server's log
to test-artifacts/browser/jupyter-lab.log.

    .venv/bin/python -m pytest tests/browser

The notebook's cells with ids "print-line" (prints "ttlab smoke: hello") and
"xchart-chart" (shows a PNG chart) are the ones run. To check this test with
another kernel, point TTLAB_SMOKE_NOTEBOOK at a notebook for that kernel with
the same two cell ids, and set TTLAB_TEST_KERNEL to the kernel's name.
TTLAB_CHROMIUM overrides the browser path.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, REPO_ROOT, master_answers

SMOKE_NOTEBOOK = Path(os.environ.get("TTLAB_SMOKE_NOTEBOOK", REPO_ROOT / "tests/notebooks/smoke.ipynb"))
PRINTED_TEXT = "ttlab smoke: hello"
SERVER_START_SECONDS = 90
KERNEL_OUTPUT_MS = 120_000  # the first cell also waits for the kernel to start

# Lab settings that keep it from asking to fetch news from the internet: the
# question would pop up over the notebook in the screenshot.
QUIET_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

pytestmark = pytest.mark.timeout(400)


@dataclass
class LabServer:
    url: str  # ends with "/"
    token: str
    root_dir: Path

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        # Straight to localhost, whatever proxy the environment names.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_quiet_settings(settings_dir: Path) -> None:
    for relative_path, values in QUIET_SETTINGS.items():
        path = settings_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def lab_command(port: int, token: str, home: Path) -> list[str]:
    # Through the README's own command, `./ttlab lab`, as a student starts it; the options
    # after it override its defaults (root folder, start page).
    command = [
        str(REPO_ROOT / "ttlab"), "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={home / 'notebooks'}",
        f"--LabApp.user_settings_dir={home / 'settings'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    return command


def wait_until_serving(server: LabServer, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter lab exited with {process.returncode}; see {log_path}", pytrace=False)
        try:
            server.api("api/status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail(f"jupyter lab did not answer within {SERVER_START_SECONDS} s; see {log_path}",
                pytrace=False)


def stop_server(server: LabServer, process: subprocess.Popen) -> None:
    """Ask the server to shut down with its kernels; terminate, then kill, if it will not."""
    try:
        server.api("api/shutdown", method="POST")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        pass
    for stop in (lambda: None, process.terminate, process.kill):
        stop()
        try:
            process.wait(timeout=15)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running_lab(notebook_dir: Path, log_path: Path, quiet: bool = True):
    with tempfile.TemporaryDirectory(prefix="ttlab-lab-") as temp:
        home = Path(temp)
        shutil.copytree(notebook_dir, home / "notebooks")
        if quiet:
            write_quiet_settings(home / "settings")
        env = {
            **os.environ,
            # Leave out any personal Jupyter configuration; kernels installed in
            # this environment (sys.prefix) are still found.
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        }
        token = secrets.token_hex(16)
        port = free_port()
        server = LabServer(f"http://127.0.0.1:{port}/", token, home / "notebooks")
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                lab_command(port, token, home), env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            try:
                wait_until_serving(server, process, log_path)
                yield server
            finally:
                stop_server(server, process)


def cell_index(notebook: Path, cell_id: str) -> int:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell.get("id") == cell_id:
            return index
    pytest.fail(f"{notebook} has no cell with id {cell_id!r}", pytrace=False)


def notebook_kernel_name(notebook: Path) -> str:
    return json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]


@pytest.fixture(scope="module")
def browser_artifacts(artifacts_dir) -> Path:
    folder = artifacts_dir / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_cell(page, index: int):
    """Run the notebook cell at index as a person would: click into it, press Ctrl+Enter.

    On a busy machine JupyterLab may not have its editor ready when the first click lands, and
    the key press is lost; a person would press again, and so does this, until the cell's prompt
    shows it is queued or has run ([*] or [n])."""
    from playwright.sync_api import expect
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    prompt = cell.locator(".jp-InputArea-prompt")
    for _ in range(5):
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")
        try:
            expect(prompt).not_to_have_text(re.compile(r"^\s*\[\s*\]:?\s*$"), timeout=15_000)
            break
        except AssertionError:
            continue
    return cell


@contextmanager
def browser_page(playwright_api, chromium, screenshot: Path):
    """A page of headless Chromium, photographed into `screenshot` however the test ends."""
    browser = playwright_api.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        yield page
    finally:
        page.screenshot(path=str(screenshot))
        browser.close()


def test_lab_runs_smoke_notebook_cells(kernel_spec, kernel_name, chromium, playwright_api,
                                       browser_artifacts):
    from playwright.sync_api import expect

    assert notebook_kernel_name(SMOKE_NOTEBOOK) == kernel_name, (
        f"{SMOKE_NOTEBOOK.name} is for kernel {notebook_kernel_name(SMOKE_NOTEBOOK)!r}, "
        f"not {kernel_name!r}: set TTLAB_SMOKE_NOTEBOOK to a notebook for that kernel")
    print_index = cell_index(SMOKE_NOTEBOOK, "print-line")
    chart_index = cell_index(SMOKE_NOTEBOOK, "xchart-chart")
    screenshot = browser_artifacts / "lab.png"

    with running_lab(SMOKE_NOTEBOOK.parent, browser_artifacts / "jupyter-lab.log") as lab:
        with browser_page(playwright_api, chromium, screenshot) as page:
            page.goto(f"{lab.url}lab/tree/{SMOKE_NOTEBOOK.name}?token={lab.token}")
            expect(page.locator(".jp-Notebook .jp-Cell").nth(chart_index)).to_be_visible(
                timeout=60_000)

            printed = run_cell(page, print_index)
            expect(printed.locator(".jp-OutputArea-output")).to_contain_text(
                PRINTED_TEXT, timeout=KERNEL_OUTPUT_MS)

            chart = run_cell(page, chart_index)
            chart_image = chart.locator('.jp-OutputArea-output img[src^="data:image/png"]')
            expect(chart_image).to_be_visible(timeout=KERNEL_OUTPUT_MS)
            chart_image.scroll_into_view_if_needed()

            # Lab started the notebook's session on the kernel under test.
            kernels = [session["kernel"]["name"] for session in lab.api("api/sessions")
                       if session["path"].endswith(SMOKE_NOTEBOOK.name)]
            assert kernels == [kernel_name]
            # `./ttlab lab` makes the Java kernel the default for new notebooks.
            assert lab.api("api/kernelspecs")["default"] == "java"
    assert screenshot.stat().st_size > 0


EXERCISE_SET = REPO_ROOT / "exercises" / "01-attention.ipynb"
MASTER_SET = REPO_ROOT / "solutions" / "01-attention.ipynb"


def test_a_student_solves_an_exercise_and_checks_it_in_lab(kernel_spec, kernel_name, chromium,
                                                          playwright_api, browser_artifacts,
                                                          tmp_path):
    """Block 1's exercise notebook as a student meets it: a check run before its tests cell says to
    run that cell first; the stub's check fails, then they type a solution into the solution cell,
    run it, and the check table shows every test passed."""
    import re

    from playwright.sync_api import expect

    folder = tmp_path / "exercises"
    folder.mkdir()
    shutil.copy(EXERCISE_SET, folder / EXERCISE_SET.name)
    indexes = {cell_id: cell_index(EXERCISE_SET, cell_id)
               for cell_id in ("matrix-helpers", "softmax-solution", "softmax-tests", "softmax-check")}
    screenshot = browser_artifacts / "exercise-check.png"

    with running_lab(folder, browser_artifacts / "jupyter-lab-exercise.log") as lab:
        with browser_page(playwright_api, chromium, screenshot) as page:
            page.goto(f"{lab.url}lab/tree/{EXERCISE_SET.name}?token={lab.token}")
            expect(page.locator(".jp-Notebook .jp-Cell").nth(indexes["softmax-check"])).to_be_visible(
                timeout=60_000)
            # check(...) before its tests cell has run says what to do, not only "cannot find symbol".
            early = run_cell(page, indexes["softmax-check"])
            expect(early.locator(".jp-OutputArea-output")).to_contain_text(
                "run the tests cell above first", timeout=KERNEL_OUTPUT_MS)
            for cell_id in ("matrix-helpers", "softmax-solution", "softmax-tests"):
                run_cell(page, indexes[cell_id])
            check = run_cell(page, indexes["softmax-check"])
            expect(check.locator(".jp-OutputArea-output")).to_contain_text(
                re.compile(r"\b0 of \d+ tests passed"), timeout=KERNEL_OUTPUT_MS)
            expect(check.locator(".jp-OutputArea-output")).to_contain_text("not implemented yet")

            solution = page.locator(".jp-Notebook .jp-Cell").nth(indexes["softmax-solution"])
            solution.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+A")
            page.keyboard.insert_text(master_answers(MASTER_SET)["softmax-solution"])
            page.keyboard.press("Control+Enter")
            check = run_cell(page, indexes["softmax-check"])
            expect(check.locator(".jp-OutputArea-output")).to_contain_text(
                re.compile(r"\b(\d+) of \1 tests passed"), timeout=KERNEL_OUTPUT_MS)
            check.scroll_into_view_if_needed()


def test_the_course_configuration_turns_the_news_pop_up_off(kernel_spec, tmp_path):
    """`./ttlab lab` with a student's empty settings: JupyterLab neither asks to fetch the Jupyter
    news feed nor checks for updates (./ttlab setup writes the course's defaults into .venv)."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    with running_lab(notebooks, tmp_path / "lab.log", quiet=False) as lab:
        settings = lab.api("lab/api/settings/@jupyterlab/apputils-extension:notification")
    # The server folds the application's overrides into the schema's defaults, which the page uses
    # wherever the student's own settings are silent.
    defaults = {name: spec.get("default") for name, spec in settings["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false", defaults
    assert defaults["checkForUpdates"] is False, defaults
    assert not settings.get("raw", "{}").strip("{} \n"), "the student's own settings are empty"


START_HERE = REPO_ROOT / "course" / "00-start-here.ipynb"


def test_lab_opens_on_the_start_here_notebook(kernel_spec, chromium, playwright_api, browser_artifacts,
                                             tmp_path):
    """A student's first page: `./ttlab lab` opened at its root lands on course/00-start-here.ipynb,
    whose map cell finds every lecture and exercise set it names, and whose first Java cell runs."""
    from playwright.sync_api import expect

    root = tmp_path / "root"
    for folder in ("course", "exercises"):
        (root / folder).mkdir(parents=True)
        for notebook in (REPO_ROOT / folder).glob("*.ipynb"):
            shutil.copy(notebook, root / folder / notebook.name)
    indexes = {cell_id: cell_index(START_HERE, cell_id) for cell_id in ("map-check", "first-cell")}
    screenshot = browser_artifacts / "start-here.png"

    with running_lab(root, browser_artifacts / "jupyter-lab-start-here.log") as lab:
        with browser_page(playwright_api, chromium, screenshot) as page:
            page.goto(f"{lab.url}?token={lab.token}")          # no path: Lab's start page decides
            expect(page.locator(".jp-Notebook h1").first).to_contain_text("Start here", timeout=60_000)
            assert "/lab/tree/course/00-start-here.ipynb" in page.url
            mapped = run_cell(page, indexes["map-check"])
            expect(mapped.locator(".jp-OutputArea-output")).to_contain_text("as in the map", timeout=KERNEL_OUTPUT_MS)
            first = run_cell(page, indexes["first-cell"])
            expect(first.locator(".jp-OutputArea-output")).to_contain_text("is ready", timeout=KERNEL_OUTPUT_MS)
