from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "src" / "dyad" / "data" / "sample"


@pytest.fixture
def store(tmp_path: Path):
    from dyad.store.db import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s
