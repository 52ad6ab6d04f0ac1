"""The peer extractors as worker processes (python_worker.py, node_worker.mjs), for peer_cli.py
and bench/speed.py. Standard library only: the peers themselves live in bench/.venv,
bench/.venv-magic-html and bench/peers/node_modules, which bench/peers/setup fills."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Optional

PEERS_DIR = Path(__file__).resolve().parent
BENCH_DIR = PEERS_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache" / "peers"

# In the order the tables show them.
PEERS = ("trafilatura", "readability-lxml", "resiliparse", "magic-html", "readability.js")


def worker_command(peer: str) -> list[str]:
    if peer == "readability.js":
        return ["node", str(PEERS_DIR / "node_worker.mjs")]
    venv = BENCH_DIR / (".venv-magic-html" if peer == "magic-html" else ".venv")
    return [str(venv / "bin" / "python"), str(PEERS_DIR / "python_worker.py"), peer]


def why_missing(peer: str) -> Optional[str]:
    """None when the peer is installed, else why not (for the tables)."""
    if peer == "readability.js":
        if not (PEERS_DIR / "node_modules" / "@mozilla" / "readability").is_dir():
            return "not installed (run bench/peers/setup)"
        return None
    if not Path(worker_command(peer)[0]).exists():
        if peer == "magic-html":
            log = CACHE_DIR / "magic-html.install"
            lines = log.read_text(errors="replace").strip().splitlines() if log.is_file() else []
            return lines[-1] if lines else "not installed (run bench/peers/setup)"
        return "not installed (run bench/peers/setup)"
    return None


class WorkerError(Exception):
    """The worker timed out or died; it has been stopped and must be started again."""


class Worker:
    """One peer process speaking the line protocol; `request` waits at most `timeout` seconds."""

    def __init__(self, peer: str, startup_timeout: float = 120.0):
        self.peer = peer
        self.process = subprocess.Popen(
            worker_command(peer), cwd=PEERS_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, bufsize=0,
        )
        self._buffer = b""
        ready = self._read_line(startup_timeout)
        self.version = ready.get("version", "?")

    def request(self, command: dict, timeout: float) -> dict:
        try:
            self.process.stdin.write((json.dumps(command) + "\n").encode())
        except (BrokenPipeError, OSError):
            self.stop()
            raise WorkerError("worker died") from None
        return self._read_line(timeout)

    def _read_line(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                self.stop()
                raise WorkerError(f"timeout after {timeout:g} s")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self.stop()
                raise WorkerError(f"worker died (exit status {self.process.wait()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def close(self) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.stop()
