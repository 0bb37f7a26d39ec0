"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) run on our kernel.

The suite is a unittest.TestCase: each class attribute below feeds one of its
tests with code in the kernel's language. The tests of features our Java
kernel does not offer (the pager)
are skipped with that reason.

jupyter_kernel_test is not on our package index; it comes from Debian's
python3-jupyter-kernel-test. Only that one package is loaded from Debian's
folder (adding the whole dist-packages folder to sys.path would mix Debian's
older jupyter_client into the virtual environment).

    .venv/bin/python -m pytest tests/kernel/test_conformance.py
    TTLAB_TEST_KERNEL=python3 python -m pytest tests/kernel/test_conformance.py   # the harness itself
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import sys
from pathlib import Path
from queue import Empty

import pytest

DEBIAN_PACKAGE_DIR = Path("/usr/lib/python3/dist-packages/jupyter_kernel_test")
INSTALL_HINT = "apt-get install python3-jupyter-kernel-test"

# Same choice as the kernel_name fixture in tests/conftest.py; a unittest class
# needs it at import time, before any fixture exists.
KERNEL_NAME = os.environ.get("TTLAB_TEST_KERNEL", "java")

pytestmark = pytest.mark.timeout(180)


class SuiteMissing(Exception):
    pass


def import_package_from(package_dir: Path):
    """Import one package from its folder without putting its parent folder on sys.path."""
    init_file = package_dir / "__init__.py"
    if not init_file.is_file():
        raise SuiteMissing(
            f"jupyter_kernel_test (the Jupyter kernel conformance suite) was not found: "
            f"neither installed for {sys.executable} nor in {package_dir}. "
            f"Install it with `{INSTALL_HINT}`."
        )
    spec = importlib.util.spec_from_file_location(
        package_dir.name, init_file, submodule_search_locations=[str(package_dir)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[package_dir.name] = module  # lets its relative imports resolve
    spec.loader.exec_module(module)
    return module


def accept_blocking_channels(suite) -> None:
    """Let jupyter_kernel_test 0.4 work with jupyter_client 8.

    Version 0.4 reads messages with run_sync(channel.get_msg), written for
    jupyter_client 7 whose channels were asynchronous. jupyter_client 8's
    blocking client has plain synchronous channels, and run_sync rejects them.
    Calling a synchronous get_msg directly is what run_sync did in effect; each
    channel's get_msg goes through a PatientReader.
    """
    original_run_sync = getattr(suite, "run_sync", None)
    if original_run_sync is None:  # newer suites no longer use it
        return
    readers: dict[int, PatientReader] = {}

    def run_sync(function):
        if inspect.iscoroutinefunction(function):
            return original_run_sync(function)
        channel = getattr(function, "__self__", None)
        if getattr(function, "__name__", "") != "get_msg" or channel is None:
            return function
        return readers.setdefault(id(channel), PatientReader(channel)).get_msg

    suite.run_sync = run_sync


class PatientReader:
    """Reads one channel for the suite, waiting as long as needed for a message the kernel owes.

    After a request's reply the suite reads the request's remaining iopub messages (the outputs,
    then the "idle" status) allowing 0.1 s for each. Nothing in the protocol bounds that delay,
    and on a loaded machine a kernel's I/O thread can be off the CPU for longer, which failed a
    correct kernel. Between a "busy" status and its "idle" the kernel owes at least the idle
    message, so there a short wait is raised to OWED_WAIT_S: a kernel that never sends idle still
    fails, just later. Outside that span (the suite draining a channel until it is empty) the
    suite's own short wait is kept.
    """

    OWED_WAIT_S = 30.0

    def __init__(self, channel):
        self.channel = channel
        self.busy = False

    def get_msg(self, timeout=None):
        if self.busy and timeout is not None:
            timeout = max(timeout, self.OWED_WAIT_S)
        try:
            message = self.channel.get_msg(timeout=timeout)
        except Empty:
            self.busy = False  # the owed message never came; the calling test fails on it
            raise
        if message.get("msg_type") == "status":
            self.busy = message["content"].get("execution_state") == "busy"
        return message


def load_conformance_suite():
    try:
        import jupyter_kernel_test as suite  # installed in this environment
    except ImportError:
        suite = import_package_from(DEBIAN_PACKAGE_DIR)
    accept_blocking_channels(suite)
    return suite


def kernel_language(name: str) -> str | None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return KernelSpecManager().get_kernel_spec(name).language.lower()
    except NoSuchKernel:
        return None


def missing_kernel_message(name: str) -> str:
    return (
        f"Jupyter kernel {name!r} is not installed for {sys.executable}. "
        "Run `./ttlab setup` (it installs the kernel into .venv), "
        "then run the tests with `.venv/bin/python -m pytest`."
    )


# Code samples per kernel language. "java" is what the course ships; "python"
# lets the harness be checked against ipykernel while the Java kernel is built.
SAMPLES = {
    "java": dict(
        language_name="java",
        file_extension=".jshell",
        code_hello_world='System.out.println("hello, world");',
        code_stderr='System.err.println("oops");',
        # JDK 15+ adds Math.absExact, so both continuations are offered.
        completion_samples=[{"text": "Math.ab", "matches": {"abs(", "absExact("}}],
        complete_code_samples=["1 + 1;", "int x = 1;", 'System.out.println("hi");'],
        incomplete_code_samples=["for (int i = 0; i < 3; i++) {", "int[] a = {1, 2,"],
        # The kernel answers "invalid" when JShell cannot classify the code at all.
        invalid_code_samples=[")"],
        code_generate_error='throw new RuntimeException("boom");',
        code_execute_result=[{"code": "6 * 7", "result": "42"}],
        code_display_data=[{"code": 'display(html("<b>x</b>"));', "mime": "text/html"}],
        # JShell's own documentation lookup finds nothing with the cursor right
        # after a method name; the kernel must still answer, as Shift+Tab in Lab needs.
        code_inspect_sample="Math.abs",
        code_clear_output="clearOutput();",
        code_history_pattern="6*",
        supported_history_operations=("tail", "range", "search"),
        # Features the Java kernel does not offer; fill in the samples above if it gains them.
        unsupported={
            "test_pager": "Java has no pager: documentation is shown by Shift+Tab inspection",
        },
    ),
    "python": dict(
        language_name="python",
        file_extension=".py",
        code_hello_world="print('hello, world')",
        code_stderr="import sys; print('oops', file=sys.stderr)",
        completion_samples=[{"text": "zi", "matches": {"zip"}}],
        complete_code_samples=["1 + 1", "x = 1"],
        incomplete_code_samples=["for i in range(3):"],
        invalid_code_samples=["import = 7q"],
        code_generate_error="raise RuntimeError('boom')",
        code_execute_result=[{"code": "6 * 7", "result": "42"}],
        code_display_data=[{"code": "from IPython.display import HTML, display; "
                                    "display(HTML('<b>x</b>'))", "mime": "text/html"}],
        code_inspect_sample="zip",
        code_page_something="zip?",
        code_clear_output="from IPython.display import clear_output; clear_output()",
        code_history_pattern="6*",
        supported_history_operations=("tail", "search"),
        unsupported={},
    ),
}

# Run once before the suite so that its 15-second reply limit never has to
# cover the first compilation in a freshly started JVM.
WARM_UP = "1 + 1"  # valid Java and Python alike


def samples_for(language: str | None) -> dict:
    # An uninstalled kernel gets the Java samples; setUpClass then fails with the setup hint.
    return SAMPLES.get(language or "java", {})


try:
    conformance_suite = load_conformance_suite()
except SuiteMissing as missing:
    _why_missing = str(missing)

    def test_conformance_suite_is_installed():
        pytest.fail(_why_missing, pytrace=False)

else:

    class TestKernelConformance(conformance_suite.KernelTests):
        kernel_name = KERNEL_NAME
        language = kernel_language(KERNEL_NAME)
        unsupported: dict[str, str] = {}  # suite test name -> why the kernel lacks the feature

        @classmethod
        def setUpClass(cls):
            if cls.language is None:
                raise AssertionError(missing_kernel_message(cls.kernel_name))
            if cls.language not in SAMPLES:
                raise AssertionError(f"no conformance samples for language {cls.language!r}")
            super().setUpClass()
            try:
                cls.kc.execute_interactive(WARM_UP, timeout=120, output_hook=lambda msg: None)
            except BaseException:
                super().tearDownClass()
                raise

        def setUp(self):
            # Say why a test does not apply, rather than the suite's bare SkipTest.
            if self._testMethodName in self.unsupported:
                self.skipTest(self.unsupported[self._testMethodName])

    for _attribute, _value in samples_for(TestKernelConformance.language).items():
        setattr(TestKernelConformance, _attribute, _value)


class DelayedChannel:
    """A stand-in channel whose next message arrives `delay` seconds after it is asked for."""

    def __init__(self, messages, delay):
        self.messages = list(messages)
        self.delay = delay

    def get_msg(self, timeout=None):
        if not self.messages or (timeout is not None and timeout < self.delay):
            raise Empty
        return self.messages.pop(0)


def status(state):
    return {"msg_type": "status", "content": {"execution_state": state}}


def test_a_message_owed_after_busy_is_waited_for_and_a_drained_channel_still_ends():
    reader = PatientReader(DelayedChannel([status("busy"), status("idle")], delay=0.5))
    with pytest.raises(Empty):
        reader.get_msg(timeout=0.1)  # nothing owed yet: the suite's own wait is kept
    reader.channel.delay = 0.0
    assert reader.get_msg(timeout=0.1) == status("busy")
    reader.channel.delay = 0.5
    assert reader.get_msg(timeout=0.1) == status("idle")  # owed: waited for past 0.1 s
    with pytest.raises(Empty):
        reader.get_msg(timeout=0.1)
