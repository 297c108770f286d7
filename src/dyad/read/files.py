"""Walk paths (directories recursively) and yield documents or rejections, never raising."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.model import DocumentMeta, Rejection
from dyad.read.errors import ReadError
from dyad.read.formats import READERS

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES


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


def read_file(path: Path, limits: Limits = Limits()) -> Iterator[tuple[str, DocumentMeta] | Rejection]:
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    try:
        if reader is None:
            raise ReadError(name, f"unsupported file type {path.suffix or '(none)'!r}")
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ReadError(name, f"file of {size} bytes exceeds the limit of {limits.max_bytes}")
        data = path.read_bytes()
        for record in reader(data, name):
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
        yield Rejection(name, "", "is a directory")
    except OSError as e:
        yield Rejection(name, "", f"cannot be read: {e.strerror or e}")


def read_paths(paths: Iterable[str | Path], limits: Limits = Limits()) -> Iterator[tuple[str, DocumentMeta] | Rejection]:
    for path in iter_files(paths):
        yield from read_file(path, limits)
