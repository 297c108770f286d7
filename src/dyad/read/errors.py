"""The one error type readers raise: the file and the reason, in words a user can act on."""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, path: str, reason: str, record: str = "") -> None:
        self.path, self.reason, self.record = path, reason, record
        where = f"{path}:{record}" if record else path
        super().__init__(f"{where}: {reason}")

    def at(self, record: str) -> ReadError:
        """The same error, placed at a record of a container file (kept if already placed)."""
        return self if self.record else ReadError(self.path, self.reason, record)
