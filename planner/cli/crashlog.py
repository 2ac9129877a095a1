"""Internal errors of the command line: one line on stderr, the traceback in a private log file.

Exit code 3 tells a script "the planner failed", distinct from 1 ("the plan breaks a rule") and 2
("bad input or arguments"). The traceback goes to `$BV_LOG_DIR` or, without it, to
`$XDG_CACHE_HOME/bv-planner/errors` (default `~/.cache/bv-planner/errors`), one file per error,
readable by its owner only (it may quote scenario data).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

LOG_DIR_ENV = "BV_LOG_DIR"
EXIT_INTERNAL = 3


def log_dir() -> Path:
    if os.environ.get(LOG_DIR_ENV):
        return Path(os.environ[LOG_DIR_ENV])
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "bv-planner" / "errors"


def _write(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    path = directory / f"{stamp}-{os.getpid()}.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
        f.write(text)
    return path


def write_log(exc: BaseException, argv: list[str]) -> Path | None:
    """The full report in a new file; the fallback is the system temp folder; None if neither works."""
    text = (f"bv-planner internal error at {datetime.now(UTC).isoformat(timespec='seconds')}\n"
            f"command: {' '.join(argv)}\n"
            f"python {platform.python_version()} on {platform.platform()}\n\n"
            + "".join(traceback.format_exception(exc)))
    for directory in (log_dir(), Path(tempfile.gettempdir()) / "bv-planner-errors"):
        try:
            return _write(directory, text)
        except OSError:
            continue
    return None


def one_line(text: object, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def report_internal_error(exc: BaseException, argv: list[str] | None = None) -> int:
    """Print the one-line message, write the log, and return exit code 3."""
    path = write_log(exc, list(sys.argv if argv is None else ["bv-planner", *argv]))
    where = f"details in {path}" if path else "no log could be written (set BV_LOG_DIR to a writable folder)"
    print(f"internal error: {type(exc).__name__}: {one_line(exc)} — {where}", file=sys.stderr)
    return EXIT_INTERNAL


__all__ = ["EXIT_INTERNAL", "LOG_DIR_ENV", "log_dir", "report_internal_error", "write_log"]
