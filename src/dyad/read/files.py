"""Walk paths (directories recursively) and yield documents or rejections, never raising."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.model import DocumentMeta, Rejection
from dyad.read.errors import ReadError
from dyad.read.formats import resolve
from dyad.read.limits import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, Limits

__all__ = ["DEFAULT_MAX_BYTES", "Limits", "iter_files", "read_file", "read_paths"]


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield p


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, DocumentMeta] | Rejection]:
    name = str(path)
    try:
        reader = resolve(name)  # an unsupported type is refused before any byte is read
        data = _read_bounded(path, name, limits.max_bytes)
        for record in reader(data, name, limits):
            if isinstance(record, ReadError):
                yield Rejection(record.path, record.record, record.reason)
            else:
                yield record
    except ReadError as e:
        yield Rejection(e.path, e.record, e.reason)
    except FileNotFoundError:
        yield Rejection(name, "", "file not found (missing or removed during the batch)")
    except PermissionError:
        yield Rejection(name, "", "permission denied")
    except IsADirectoryError:
        yield Rejection(name, "", "is a directory, not a file")
    except OSError as e:
        yield Rejection(name, "", f"cannot be read: {e.strerror or e}")


def _read_bounded(path: Path, name: str, max_bytes: int) -> bytes:
    st = path.stat()
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(name)
    if not stat.S_ISREG(st.st_mode):  # opening a FIFO blocks; a device may never end
        raise ReadError(name, "not a regular file (device, pipe or socket)")
    if st.st_size > max_bytes:
        raise ReadError(name, f"file of {st.st_size} bytes exceeds the limit of {max_bytes}")
    with path.open("rb") as f:
        data = f.read(max_bytes + 1)  # the file may have grown since it was measured
    if len(data) > max_bytes:
        raise ReadError(name, f"file exceeds the limit of {max_bytes} bytes (it grew while being read)")
    return data


def read_paths(paths: Iterable[str | Path],
               limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, DocumentMeta] | Rejection]:
    for path in iter_files(paths):
        yield from read_file(path, limits)
