"""Where dyad's data files live and how they are read: YAML, with a clear error naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent


class DataError(ValueError):
    pass


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.safe_load(f)
    except yaml.YAMLError as e:
        raise DataError(f"{path}: not valid YAML: {e}") from e


def optional_yaml(path: Path) -> Any:
    return read_yaml(path) if path.exists() else None
