"""Fixtures: the sample corpus ingested once, and real servers on free 127.0.0.1 ports.

Each server gets its own copy of the store: DuckDB refuses to open one file twice in a process
with different settings, and the upload tests write to theirs.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
import uvicorn

from dyad.api.app import Settings, create_app
from dyad.engine.local import ingest
from dyad.store.db import Store

SAMPLE = Path(str(resources.files("dyad") / "data" / "sample"))
TOKEN = "test-token-0123456789abcdef"
MAX_BODY = 2 * 1024 * 1024


@dataclass(frozen=True)
class Live:
    url: str
    db: Path
    token: str | None


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "sample.duckdb"
    with Store(path) as store:
        summary = ingest([SAMPLE], store, progress=False)
    assert summary.accepted and not summary.rejected
    return path


def _serve(db: Path, token: str | None) -> Iterator[Live]:
    app = create_app(Settings(db=db, token=token, max_body=MAX_BODY, max_file=MAX_BODY))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # bound here and handed over: no race for the port
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Live(f"http://127.0.0.1:{sock.getsockname()[1]}", db, token)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def server(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server that accepts uploads with TOKEN."""
    db = shutil.copy(sample_store, tmp_path_factory.mktemp("rw") / "served.duckdb")
    yield from _serve(Path(db), TOKEN)


@pytest.fixture(scope="session")
def readonly_server(sample_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server started without a token."""
    db = shutil.copy(sample_store, tmp_path_factory.mktemp("ro") / "served.duckdb")
    yield from _serve(Path(db), None)
