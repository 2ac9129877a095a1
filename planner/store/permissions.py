"""Data at rest is for its owner only (GDPR art. 32, BIO2): folders 0700, files 0600, umask 077.

The data folder holds the database (and SQLite's WAL and SHM, which SQLite creates with the
database file's mode), job logs and anything exported into it. `private_umask` is set when a
command or the web server starts, so files made later are private too; `harden` fixes what an
older version (or a careless copy) left readable.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
FOLDER_MODE, FILE_MODE = 0o700, 0o600


def private_umask() -> int:
    """Make every file and folder this process creates private; returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def private_folder(folder: Path) -> Path:
    """Create `folder` (0700) if needed and make it 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _chmod(folder, FOLDER_MODE)
    return folder


def _chmod(path: Path, mode: int) -> bool:
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            path.chmod(mode)
            return True
    except OSError as exc:  # not ours (e.g. a shared mount): say so, do not stop the planner
        log.warning("cannot make %s private: %s", path, exc)
    return False


def harden(folder: Path) -> list[Path]:
    """The folder and every folder in it 0700, every file 0600 (symlinks left alone); the paths changed."""
    changed: list[Path] = []
    folder = private_folder(folder)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = Path(root) / name
            if not path.is_symlink() and _chmod(path, FOLDER_MODE):
                changed.append(path)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink() and _chmod(path, FILE_MODE):
                changed.append(path)
    if changed:
        log.info("made %d path(s) in %s private", len(changed), folder)
    return changed


__all__ = ["FILE_MODE", "FOLDER_MODE", "PRIVATE_UMASK", "harden", "private_folder", "private_umask"]
