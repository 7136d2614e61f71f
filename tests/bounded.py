"""Running a command in a child process and measuring what it used: peak memory, CPU time.

The bad-path and quote-run tests run the real CLI in a fresh process, so its peak
resident memory is its own: the high-water mark of its address space (``VmHWM`` of
``/proc/self/status``, written at exit by a small wrapper around ``python -m storyline``).
``ru_maxrss`` from ``os.wait4`` is not used where ``/proc`` exists: Linux folds the
parent's peak into a child's at ``exec``, so a child of a test process that loaded spaCy
would report the parent's figure. Time is measured as the child's CPU time (user +
system, from ``os.wait4``), which other processes' load does not inflate the way it
inflates wall time; the only wall-clock figure is a hang guard far above any healthy run,
which kills the child.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

# Far above any healthy run on a loaded machine: only a hung process reaches it.
HANG_GUARD_SECONDS = 1800.0
# The bound on a bad input's peak memory.
PEAK_RSS_LIMIT_MB = 1536.0


@dataclass(frozen=True, slots=True)
class Usage:
    """What one child process used, and what it printed."""

    returncode: int
    peak_rss_mb: float
    cpu_seconds: float
    stdout: str
    stderr: str


# ``python -m storyline ARGS`` that writes its peak RSS (kB) to $BOUNDED_HWM_FILE at exit.
_WRAPPER = """
import atexit, os, runpy, sys

def _hwm():
    with open('/proc/self/status') as f:
        kb = next(int(line.split()[1]) for line in f if line.startswith('VmHWM:'))
    with open(os.environ['BOUNDED_HWM_FILE'], 'w') as f:
        f.write(str(kb))

if os.path.exists('/proc/self/status'):
    atexit.register(_hwm)
sys.argv = ['storyline', *sys.argv[1:]]
runpy.run_module('storyline', run_name='__main__', alter_sys=True)
"""


def storyline(*args: str) -> list[str]:
    """The command line of ``storyline ARGS`` under this interpreter (peak RSS recorded)."""
    return [sys.executable, "-c", _WRAPPER, *args]


def run_measured(cmd: list[str], *, env: dict[str, str] | None = None) -> Usage:
    """Run ``cmd`` to its end and return its exit code, peak RSS and CPU time.

    A child still running after ``HANG_GUARD_SECONDS`` is killed and reported as hung.
    """
    if sys.platform == "win32":  # pragma: no cover - POSIX only (os.wait4)
        raise RuntimeError("run_measured needs os.wait4")
    with tempfile.TemporaryDirectory() as tmp:
        out_path, err_path = Path(tmp) / "out", Path(tmp) / "err"
        hwm_path = Path(tmp) / "hwm"
        child_env = {**(os.environ if env is None else env), "BOUNDED_HWM_FILE": str(hwm_path)}
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=child_env)
        hung = threading.Event()

        def guard() -> None:
            hung.set()
            os.kill(proc.pid, 9)

        timer = threading.Timer(HANG_GUARD_SECONDS, guard)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        assert not hung.is_set(), f"{cmd[:4]} still ran after {HANG_GUARD_SECONDS:.0f} s"
        # the child's own high-water mark; else ru_maxrss (KiB on Linux), an upper bound
        peak_kb = int(hwm_path.read_text()) if hwm_path.exists() else usage.ru_maxrss
        return Usage(
            returncode=proc.returncode,
            peak_rss_mb=peak_kb / 1024,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            stdout=out_path.read_text(encoding="utf-8", errors="replace"),
            stderr=err_path.read_text(encoding="utf-8", errors="replace"),
        )
