"""A real PostgreSQL server for the tests, in a temporary folder, from Debian's `postgresql`
package (tools/system-deps.sh installs it). PostgreSQL refuses to run as root: as root, its
programs run as the `postgres` user the package creates (runuser), on a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from serving import free_port

USER = "ttlab"
DATABASE = "ttlab"


def bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise AssertionError("PostgreSQL is not installed: run tools/system-deps.sh (Debian package postgresql)")
    return Path(found[-1]).parent


class PostgresServer:
    def __init__(self):
        self.bin = bin_dir()
        self.port = free_port()
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        # Not under pytest's tmp_path: its parents are private to root, and the server runs as postgres.
        self.dir = Path(tempfile.mkdtemp(prefix="ttlab-pg-"))
        self.process: subprocess.Popen | None = None

    def _as_server_user(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if self.as_root else command

    def start(self) -> "PostgresServer":
        if self.as_root:
            shutil.chown(self.dir, user="postgres", group="postgres")
        data = self.dir / "data"
        init = subprocess.run(self._as_server_user([str(self.bin / "initdb"), "-D", str(data), "-U", USER,
                                                    "--auth=trust", "-E", "UTF8", "--no-instructions"]),
                              capture_output=True, text=True, timeout=120)
        assert init.returncode == 0, init.stdout + init.stderr
        log = open(self.dir / "server.log", "ab")
        self.process = subprocess.Popen(self._as_server_user([
            str(self.bin / "postgres"), "-D", str(data), "-p", str(self.port), "-k", str(self.dir),
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=100"]),
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + 60
        while True:
            ready = subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                   capture_output=True)
            if ready.returncode == 0:
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"PostgreSQL did not start (exit {self.process.poll()})")
            time.sleep(0.2)
        self.psql(f"CREATE DATABASE {DATABASE}", database="postgres")
        return self

    @property
    def jdbc_url(self) -> str:
        return f"jdbc:postgresql://127.0.0.1:{self.port}/{DATABASE}?user={USER}"

    def psql(self, sql: str, database: str = DATABASE) -> list[list[str]]:
        """Rows of a query, each a list of its columns as text."""
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, "-d", database,
                              "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", sql],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def log(self) -> str:
        path = self.dir / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            subprocess.run(self._as_server_user([str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "stop",
                                                 "-m", "fast", "-w"]), capture_output=True, timeout=60)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
