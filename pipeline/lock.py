"""One run per output folder: an OS file lock on `OUT/.pipeline.lock`, released by the kernel when
the process ends however it ends (kill -9 included), so a stale lock never blocks the next run."""
from __future__ import annotations

import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".pipeline.lock"


class FolderLocked(RuntimeError):
    """Another process is running into the same output folder."""


@contextmanager
def locked(out_dir: str | Path) -> Iterator[None]:
    """Hold the folder's lock for the block; FolderLocked at once (no waiting) if another run holds it."""
    path = Path(out_dir) / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")
    try:
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise FolderLocked(f"{out_dir} is in use by another run ({holder}); wait for it to finish "
                               "or choose another --out")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file releases the lock


def _try_lock(handle) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
