"""Shared setup for the kernel and browser tests.

The tests talk to the Jupyter kernel named by TTLAB_TEST_KERNEL (default
"java", the kernel that `./ttlab setup` installs into .venv). Pointing it at
another kernel, e.g. TTLAB_TEST_KERNEL=python3, runs the same harness against
that kernel: this is how the harness itself is checked.

A missing kernel or browser is a setup problem, and the tests fail on it with
the command that fixes it: they never skip quietly.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"
SETUP_COMMAND = "./ttlab setup"
SOLUTION_MARKER = re.compile(r"^\s*// (BEGIN|END) SOLUTION\s*$")
CHROMIUM = Path(os.environ.get("TTLAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # needed when running as root, e.g. in CI containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No traffic of the browser's own: only the local servers under test are reachable.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing_kernel_message(name: str) -> str:
    return (
        f"Jupyter kernel {name!r} is not installed for {sys.executable}. "
        f"Run `{SETUP_COMMAND}` (it installs the kernel into .venv), "
        "then run the tests with `.venv/bin/python -m pytest`."
    )


def pytest_configure(config):
    # Without pytest-timeout the `timeout` markers are inert; every wait in the
    # tests has its own time limit, so nothing can hang forever either way.
    if not config.pluginmanager.hasplugin("timeout"):
        config.addinivalue_line("markers", "timeout(seconds): limit for one test (pytest-timeout)")


@pytest.fixture(scope="session")
def kernel_name() -> str:
    return os.environ.get("TTLAB_TEST_KERNEL", "java")


@pytest.fixture(scope="session")
def kernel_spec(kernel_name):
    """The installed kernelspec under test; fails the test when it is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        pytest.fail(missing_kernel_message(kernel_name), pytrace=False)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """test-artifacts/ at the repository root (git-ignored): screenshots and logs."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


def master_answers(master: Path) -> dict[str, str]:
    """Each solution cell of a master notebook, by cell id, as a student who solved the exercise
    would have written it: the master's code without its BEGIN/END SOLUTION markers."""
    import nbformat

    return {cell.id: "\n".join(line for line in cell.source.splitlines() if not SOLUTION_MARKER.match(line))
            for cell in nbformat.read(master, as_version=4).cells
            if cell.metadata.get("ttlab", {}).get("role") == "solution"}


@pytest.fixture(scope="module")
def playwright_api():
    """Playwright's synchronous API; it drives the system's Chromium and never downloads one."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"playwright is not installed for {sys.executable}: run `{SETUP_COMMAND}`", pytrace=False)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium (TTLAB_CHROMIUM overrides the path); fails the test when it is missing."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `{SETUP_COMMAND}` (Debian package chromium, "
                    "tools/system-deps.sh) or set TTLAB_CHROMIUM to a Chromium binary", pytrace=False)
    return CHROMIUM
