"""The kernel's behaviour over the Jupyter messaging protocol, beyond the conformance suite.

Each test starts its own kernel through jupyter_client (KernelManager and
BlockingKernelClient), so one test that wrecks its kernel cannot spoil the
next. Every wait has a time limit, and pytest-timeout bounds each test on top.

    .venv/bin/python -m pytest tests/kernel/test_protocol.py
    TTLAB_TEST_KERNEL=python3 python -m pytest tests/kernel/test_protocol.py   # the harness itself

With python3 the tests of features that only the ttlab kernel has (the
TTLAB_TIMEOUT cell limit, %classpath) are skipped, with that reason; with the
Java kernel nothing is skipped.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty

import pytest
from jupyter_client import KernelManager

STARTUP_SECONDS = 90  # a cold JVM with JShell on a 2-core machine
CELL_SECONDS = 60
ANSI_ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
OUTPUT_TYPES = {"stream", "execute_result", "display_data", "update_display_data", "error"}

pytestmark = pytest.mark.timeout(180)


# --- the code each test sends, per kernel language ----------------------------------------


@dataclass(frozen=True)
class LanguageProfile:
    """Code for each test in one kernel language, and the features its kernel has."""

    interrupt_mode: str  # what kernel.json must declare
    define_kept: str  # defines a variable `kept` holding 7
    read_kept: str
    endless_loop: str
    define_spin: str  # a method that never returns
    call_spin: str
    greet_from_stdin: str  # reads a line, prints "hi " + line
    compile_error: str
    compile_error_text: str  # the offending text the error must quote
    runtime_error: str
    runtime_error_name: str
    multi_snippet: str  # evaluates to 6
    redefinition: tuple[str, ...]  # last one evaluates to 2
    forward_reference: tuple[str, ...]  # last one evaluates to 5
    time_magic: str  # sleeps 200 ms under %time
    null_value: str  # a cell whose last expression has no value: null, None
    null_shown: tuple[str, ...]  # its execute_result's text/plain, if it has one
    has_cell_timeout: bool  # TTLAB_TIMEOUT
    has_classpath_magic: bool


JAVA = LanguageProfile(
    interrupt_mode="message",
    define_kept="int kept = 7;",
    read_kept="kept",
    endless_loop="while (true) {}",
    define_spin="void spin() { while (true) {} }",
    call_spin="spin();",
    greet_from_stdin='var sc = new java.util.Scanner(System.in); String name = sc.nextLine(); '
    'System.out.println("hi " + name);',
    compile_error='int y = "s";',
    compile_error_text='"s"',
    runtime_error="int[] a = new int[1]; a[3] = 0;",
    runtime_error_name="ArrayIndexOutOfBoundsException",
    multi_snippet="int a = 2;\nint b = 3;\na * b",
    redefinition=("int f() { return 1; }", "int f() { return 2; }", "f()"),
    forward_reference=("int g() { return h(); }", "int h() { return 5; }", "g()"),
    time_magic="%time Thread.sleep(200);",
    null_value='Map<String, Integer> m = new HashMap<>();\nm.get("missing")',
    null_shown=("null",),
    has_cell_timeout=True,
    has_classpath_magic=True,
)

# ipykernel stands in for the Java kernel to check this harness.
PYTHON = LanguageProfile(
    interrupt_mode="signal",
    define_kept="kept = 7",
    read_kept="kept",
    endless_loop="while True: pass",
    define_spin="def spin():\n    while True: pass",
    call_spin="spin()",
    greet_from_stdin="name = input()\nprint('hi ' + name)",
    compile_error='int y = "s";',  # a syntax error in Python too
    compile_error_text='"s"',
    runtime_error="a = [0]; a[3] = 0",
    runtime_error_name="IndexError",
    multi_snippet="a = 2\nb = 3\na * b",
    redefinition=("def f(): return 1", "def f(): return 2", "f()"),
    forward_reference=("def g(): return h()", "def h(): return 5", "g()"),
    time_magic="%time import time; time.sleep(0.2)",
    null_value="m = {}\nm.get('missing')",
    null_shown=(),  # IPython shows nothing for None
    has_cell_timeout=False,
    has_classpath_magic=False,
)

PROFILES = {"java": JAVA, "python": PYTHON}


@pytest.fixture(scope="module")
def profile(kernel_spec) -> LanguageProfile:
    language = kernel_spec.language.lower()
    if language not in PROFILES:
        pytest.fail(f"no protocol test code for kernel language {language!r}", pytrace=False)
    return PROFILES[language]


# --- talking to a kernel -------------------------------------------------------------------


@dataclass
class CellRun:
    """What one execute_request produced: the reply and the outputs on IOPub."""

    reply: dict
    reply_time: float  # time.monotonic() when the reply arrived
    outputs: list[dict] = field(default_factory=list)  # message contents, with msg_type added

    @property
    def status(self) -> str:
        return self.reply["status"]

    def stream(self, name: str = "stdout") -> str:
        return "".join(o["text"] for o in self.outputs if o["msg_type"] == "stream" and o["name"] == name)

    @property
    def results(self) -> list[str]:
        return [o["data"].get("text/plain", "") for o in self.outputs if o["msg_type"] == "execute_result"]

    def all_text(self) -> str:
        """Streams and the plain-text form of every result and display."""
        parts = [o.get("text", "") for o in self.outputs if o["msg_type"] == "stream"]
        parts += [o["data"].get("text/plain", "") for o in self.outputs if "data" in o]
        return "\n".join(parts)

    def traceback_lines(self) -> list[str]:
        """The reply's traceback and those of error outputs (usually one and the same), plain."""
        tracebacks = [self.reply.get("traceback", [])]
        tracebacks += [o.get("traceback", []) for o in self.outputs if o["msg_type"] == "error"]
        distinct = [tb for i, tb in enumerate(tracebacks) if tb and tb not in tracebacks[:i]]
        return [ANSI_ESCAPES.sub("", line) for tb in distinct for text in tb for line in text.splitlines()]

    def error_text(self) -> str:
        head = f"{self.reply.get('ename', '')}: {self.reply.get('evalue', '')}"
        return "\n".join([ANSI_ESCAPES.sub("", head), *self.traceback_lines()])

    def describe(self) -> str:
        others = [o for o in self.outputs if o["msg_type"] != "error"]
        return f"status={self.status!r}\n{self.error_text()}\nother outputs={others!r}"


class Kernel:
    """A started kernel with a blocking client, and helpers to run cells in it."""

    def __init__(self, manager: KernelManager):
        self.manager = manager
        self.client = manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=STARTUP_SECONDS)

    @property
    def pid(self) -> int:
        return self.manager.provisioner.process.pid

    def start(self, code: str, allow_stdin: bool = False) -> str:
        return self.client.execute(code, allow_stdin=allow_stdin, stop_on_error=False)

    def finish(self, msg_id: str, timeout: float = CELL_SECONDS, stdin_answers=()) -> CellRun:
        """Collect the reply and outputs of a started cell, answering input requests in order."""
        answers = list(stdin_answers)
        deadline = time.monotonic() + timeout
        reply, reply_time, idle, outputs = None, None, False, []
        while reply is None or not idle:
            if time.monotonic() > deadline:
                missing = "execute_reply" if reply is None else "idle status"
                raise AssertionError(f"no {missing} within {timeout} s; outputs so far: {outputs!r}")
            for channel, message in self._next_messages():
                if message["parent_header"].get("msg_id") != msg_id:
                    continue  # left over from an earlier request
                kind, content = message["msg_type"], message["content"]
                if channel == "shell" and kind == "execute_reply":
                    reply, reply_time = content, time.monotonic()
                elif kind == "status":
                    idle = idle or content["execution_state"] == "idle"
                elif kind in OUTPUT_TYPES:
                    outputs.append({"msg_type": kind, **content})
                elif kind == "input_request":
                    assert answers, f"unexpected input request: {content!r}"
                    self.client.input(answers.pop(0))
        return CellRun(reply, reply_time, outputs)

    def run(self, code: str, timeout: float = CELL_SECONDS, stdin_answers=()) -> CellRun:
        msg_id = self.start(code, allow_stdin=bool(stdin_answers))
        return self.finish(msg_id, timeout, stdin_answers)

    def run_ok(self, code: str, timeout: float = CELL_SECONDS) -> CellRun:
        cell = self.run(code, timeout)
        assert cell.status == "ok", f"cell {code!r} failed: {cell.describe()}"
        return cell

    def _next_messages(self, wait: float = 0.02):
        channels = {
            "stdin": self.client.stdin_channel,
            "iopub": self.client.iopub_channel,
            "shell": self.client.shell_channel,
        }
        for name, channel in channels.items():
            try:
                yield name, channel.get_msg(timeout=wait)
            except Empty:
                pass

    def close(self) -> None:
        self.client.stop_channels()
        if self.manager.has_kernel:
            self.manager.shutdown_kernel(now=True)


@contextlib.contextmanager
def running_kernel(name: str, extra_env: dict[str, str] | None = None):
    manager = KernelManager(kernel_name=name)
    if extra_env:
        manager.start_kernel(env={**os.environ, **extra_env})
    else:
        manager.start_kernel()
    kernel = None
    try:
        kernel = Kernel(manager)
        yield kernel
    finally:
        if kernel is not None:
            kernel.close()
        elif manager.has_kernel:
            manager.shutdown_kernel(now=True)


@pytest.fixture
def kernel(kernel_spec, kernel_name):
    with running_kernel(kernel_name) as started:
        yield started


def assert_result(cell: CellRun, expected: str) -> None:
    assert cell.status == "ok", cell.describe()
    assert cell.results == [expected], cell.describe()


# --- processes -----------------------------------------------------------------------------


def is_running(pid: int) -> bool:
    """True while the process exists and has not ended (a zombie waiting to be reaped has)."""
    if Path("/proc/self/stat").exists():  # Linux
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def descendants(pid: int) -> list[int]:
    """Child processes of pid, recursively (Linux /proc; empty elsewhere)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def durations_in_seconds(text: str) -> list[float]:
    units = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    pattern = r"(\d+(?:\.\d+)?)\s*(ns|µs|us|ms|s)\b"
    return [float(number) * units[unit] for number, unit in re.findall(pattern, text)]


# --- the tests -----------------------------------------------------------------------------


def test_kernelspec_declares_its_interrupt_mode(kernel_spec, profile):
    # Message mode lets a frontend interrupt a kernel it cannot send signals to
    # (Windows, remote kernels): interrupt_request on the control channel.
    assert kernel_spec.interrupt_mode == profile.interrupt_mode


def interrupt_running_cell(kernel: Kernel, code: str) -> tuple[CellRun, float]:
    """Start code that never ends, interrupt it; return the cell and seconds to the reply."""
    msg_id = kernel.start(code)
    # Give the loop time to start: an interrupt that arrives before the cell
    # runs has nothing to stop.
    time.sleep(1.0)
    interrupted_at = time.monotonic()
    kernel.manager.interrupt_kernel()
    cell = kernel.finish(msg_id, timeout=15)
    return cell, cell.reply_time - interrupted_at


def test_interrupt_stops_an_endless_loop_and_keeps_variables(kernel, profile):
    kernel.run_ok(profile.define_kept)

    cell, seconds = interrupt_running_cell(kernel, profile.endless_loop)

    assert cell.status == "error", cell.describe()
    assert seconds <= 2.0, f"the reply came {seconds:.1f} s after the interrupt"
    assert_result(kernel.run("1 + 1"), "2")
    assert_result(kernel.run(profile.read_kept), "7")


def test_interrupt_stops_a_busy_loop_inside_a_method(kernel, profile):
    kernel.run_ok(profile.define_spin)

    cell, seconds = interrupt_running_cell(kernel, profile.call_spin)

    assert cell.status == "error", cell.describe()
    assert seconds <= 2.0, f"the reply came {seconds:.1f} s after the interrupt"
    assert_result(kernel.run("1 + 1"), "2")


def test_stdin_input_request_is_answered(kernel, profile):
    cell = kernel.run(profile.greet_from_stdin, stdin_answers=["Ada"])

    assert cell.status == "ok", cell.describe()
    assert "hi Ada" in cell.stream("stdout")


def test_compile_error_names_the_line_and_the_offending_text(kernel, profile):
    cell = kernel.run(profile.compile_error)

    assert cell.status == "error", cell.describe()
    text = cell.error_text()
    assert re.search(r"\bline\s*:?\s*1\b", text, re.IGNORECASE), text
    assert profile.compile_error_text in text, text


def test_runtime_error_names_the_exception_without_wrapper_frames(kernel, profile):
    cell = kernel.run(profile.runtime_error)

    assert cell.status == "error", cell.describe()
    assert profile.runtime_error_name in cell.reply["ename"], cell.describe()
    # JShell runs each snippet inside generated wrapper classes; a student
    # should see only the frames of their own code.
    wrapper_frames = [line for line in cell.traceback_lines() if "$JShell$" in line or "jdk.jshell" in line]
    assert not wrapper_frames, "\n".join(wrapper_frames)


def test_a_cell_with_several_snippets_shows_the_last_value(kernel, profile):
    assert_result(kernel.run(profile.multi_snippet), "6")


def test_a_cell_ending_in_null_shows_it_rather_than_failing(kernel, profile):
    cell = kernel.run(profile.null_value)

    assert cell.status == "ok", cell.describe()
    assert cell.results == list(profile.null_shown), cell.describe()


def test_a_redefined_method_replaces_the_old_one(kernel, profile):
    *definitions, call = profile.redefinition
    for definition in definitions:
        kernel.run_ok(definition)
    assert_result(kernel.run(call), "2")


def test_a_method_may_call_one_defined_in_a_later_cell(kernel, profile):
    *definitions, call = profile.forward_reference
    for definition in definitions:
        kernel.run_ok(definition)
    assert_result(kernel.run(call), "5")


def test_cell_timeout_from_environment_stops_a_runaway_cell(kernel_spec, kernel_name, profile):
    if not profile.has_cell_timeout:
        pytest.skip(f"TTLAB_TIMEOUT is a ttlab Java kernel feature; {kernel_name!r} lacks it")
    with running_kernel(kernel_name, extra_env={"TTLAB_TIMEOUT": "1500"}) as kernel:
        kernel.run("1 + 1")  # warms up the JVM; under the 1.5 s limit its result does not matter

        started = time.monotonic()
        cell = kernel.run(profile.endless_loop, timeout=20)
        seconds = cell.reply_time - started

        assert cell.status == "error", cell.describe()
        assert re.search(r"time[sd]?[ -]?out", cell.error_text(), re.IGNORECASE), cell.describe()
        assert seconds <= 4.0, f"a 1.5 s limit stopped the cell after {seconds:.1f} s"
        assert_result(kernel.run("1 + 1"), "2")


def test_restart_gives_a_fresh_working_kernel(kernel, profile):
    kernel.run_ok(profile.define_kept)
    old_pid = kernel.pid

    kernel.manager.restart_kernel()
    kernel.client.wait_for_ready(timeout=STARTUP_SECONDS)

    assert kernel.pid != old_pid
    assert_result(kernel.run("1 + 1"), "2")
    assert kernel.run(profile.read_kept).status == "error", "a variable survived the restart"


def test_shutdown_ends_the_kernel_process_within_5_seconds(kernel):
    processes = [kernel.pid, *descendants(kernel.pid)]

    started = time.monotonic()
    kernel.manager.shutdown_kernel()
    seconds = time.monotonic() - started

    # shutdown_kernel() waits up to 5 s for the kernel to exit by itself and
    # kills it after that: a longer wait means the kernel ignored the request.
    assert seconds < 5.0, f"shutdown took {seconds:.1f} s"
    deadline = time.monotonic() + 5.0
    while any(is_running(pid) for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in processes if is_running(pid)], "kernel processes still running"


def test_time_magic_prints_the_wall_time(kernel, profile):
    cell = kernel.run(profile.time_magic)

    assert cell.status == "ok", cell.describe()
    durations = durations_in_seconds(cell.all_text())
    assert durations, f"no time printed: {cell.all_text()!r}"
    assert max(durations) >= 0.19, f"a 200 ms sleep was timed as {cell.all_text()!r}"


def compile_greeter(folder: Path) -> Path:
    """Compile a one-method class into folder/classes and return that directory."""
    javac = shutil.which("javac")
    assert javac, "javac not found: the Java kernel needs a JDK 17 or newer (see ./ttlab setup)"
    source = folder / "ttlabtest" / "Greeter.java"
    source.parent.mkdir(parents=True)
    # In a package: JShell snippets cannot use classes of the unnamed package.
    source.write_text(
        "package ttlabtest;\n"
        "public class Greeter {\n"
        '    public static String greet() { return "hello from the classpath"; }\n'
        "}\n"
    )
    classes = folder / "classes"
    subprocess.run([javac, "--release", "17", "-d", str(classes), str(source)], check=True)
    return classes


def test_classpath_magic_makes_compiled_classes_usable(kernel, kernel_name, profile, tmp_path):
    if not profile.has_classpath_magic:
        pytest.skip(f"%classpath is a Java kernel magic; {kernel_name!r} lacks it")
    classes = compile_greeter(tmp_path)

    kernel.run_ok(f"%classpath {classes}")
    cell = kernel.run("System.out.println(ttlabtest.Greeter.greet());")

    assert cell.status == "ok", cell.describe()
    assert "hello from the classpath" in cell.stream("stdout")


PARENT_THAT_STARTS_A_KERNEL = """
import sys, time
from jupyter_client import KernelManager
manager = KernelManager(kernel_name=sys.argv[1])
manager.start_kernel()
client = manager.client()
client.start_channels()
client.wait_for_ready(timeout=60)
print(manager.provisioner.process.pid, flush=True)
time.sleep(600)
"""


def test_the_kernel_ends_when_the_process_that_started_it_dies(kernel_name):
    # A Jupyter server stopped without a terminal, or killed, does not always shut its kernels
    # down; an orphaned kernel must not keep running (and holding its memory) for ever.
    parent = subprocess.Popen([sys.executable, "-c", PARENT_THAT_STARTS_A_KERNEL, kernel_name],
                              stdout=subprocess.PIPE, text=True)
    kernel_pid = None
    try:
        kernel_pid = int(parent.stdout.readline())
        assert is_running(kernel_pid)
        parent.kill()
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while is_running(kernel_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not is_running(kernel_pid), "the kernel outlived the process that started it by 5 s"
    finally:
        parent.kill()
        if kernel_pid is not None and is_running(kernel_pid):
            os.kill(kernel_pid, 9)
