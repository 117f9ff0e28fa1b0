"""Helpers for the robustness tests: running ``desk`` as a child process and measuring it."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float  # of the child and the children it waited for (ru_maxrss)


def desk_cmd(*args: str | os.PathLike[str]) -> list[str]:
    return [PYTHON, "-m", "desk", *(os.fspath(a) for a in args)]


def child_env(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PYTHONHASHSEED"] = "0"
    if data_dir is not None:
        env["DESK_DATA_DIR"] = str(data_dir)
    return env


#: Runs ARGV in a grandchild and writes the grandchild's own peak RSS (kB) to $DESK_TEST_MAXRSS.
#: Linux carries a process's pre-exec peak into ru_maxrss, and a child forked from
#: this pytest process (over 1 GB once the ukraine library is loaded) would report
#: that; a grandchild forked from this small launcher starts from the launcher's size.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
with open(os.environ["DESK_TEST_MAXRSS"], "w") as fh:
    fh.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_desk(
    args: Sequence[str | os.PathLike[str]],
    *,
    data_dir: Path | None = None,
    timeout: float = 120.0,
    preexec_fn: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``python -m desk ARGS`` and read its own peak RSS (workers included).

    Output goes to files, so there is no pipe to drain while waiting.
    """
    import tempfile

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile("w+b") as out, \
            tempfile.TemporaryFile("w+b") as err:
        rss_file = Path(tmp) / "maxrss"
        child_environment = child_env(data_dir, **(env or {}))
        child_environment["DESK_TEST_MAXRSS"] = str(rss_file)
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, *desk_cmd(*args)], stdout=out, stderr=err,
            env=child_environment, cwd=ROOT, preexec_fn=preexec_fn, start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            err.seek(0)
            raise AssertionError(
                f"desk {list(args)} hung for more than {timeout} s\n{_text(err.read())[-2000:]}"
            ) from None
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in kilobytes on Linux
        maxrss_kb = int(rss_file.read_text()) if rss_file.exists() else 0
        return Run(proc.returncode, _text(out.read()), _text(err.read()), time.perf_counter() - t0, maxrss_kb / 1024)


def _text(data: bytes) -> str:
    # file names that are not UTF-8 are printed as their raw bytes
    return data.decode("utf-8", "replace")


def limit_file_size(nbytes: int) -> Callable[[], None]:
    """A preexec_fn: ``ulimit -f`` for the child, with SIGXFSZ ignored so writes fail with EFBIG."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))

    return apply


def tree_state(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry below ``folder`` with its mode, size and mtime (ns): to prove nothing was written."""
    state: dict[str, tuple[int, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in [*dirnames, *filenames]:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            state[os.path.relpath(p, folder)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    st = os.lstat(folder)
    state["."] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return state


ARTICLE = (
    "Officials said on Tuesday that {n} people had been evacuated from the town of Example{k} "
    "after the river rose by 2.5 metres overnight.\n\n"
    "The regional governor, Anna Marchetti, told reporters the water level was still rising. "
    "About 1,200 homes were without power, according to the utility.\n\n"
    "Rescue teams from three neighbouring provinces arrived in the afternoon, and the army "
    "sent 40 trucks with drinking water.\n"
)


def article_text(k: int, n: int | None = None) -> str:
    return ARTICLE.format(n=n if n is not None else 100 + k, k=k)
