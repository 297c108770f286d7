"""The one error type readers raise: the file and the reason, in words a user can act on."""

from __future__ import annotations

from typing import TypeAlias

from dyad.model import DocumentMeta


class ReadError(Exception):
    def __init__(self, path: str, reason: str, record: str = "") -> None:
        self.path, self.reason, self.record = path, reason, record
        where = f"{path}:{record}" if record else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str, str]]:
        # Picklable as itself (the default would call __init__ with the message alone), so an
        # engine may pass errors between worker processes.
        return ReadError, (self.path, self.reason, self.record)

    def at(self, record: str) -> ReadError:
        """The same error, placed at a record of a container file (kept if already placed)."""
        return self if self.record else ReadError(self.path, self.reason, record)


# What a reader yields: a document (its text and metadata), or a bad record of a container file.
Record: TypeAlias = "tuple[str, DocumentMeta] | ReadError"
