"""Where the project's data folders live, installed or in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` (ontology, queries, shapes): $KG_HOME/name, the wheel's copy, or the checkout's."""
    home = os.environ.get("KG_HOME")
    candidates = [Path(home) / name] if home else []
    candidates += [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"cannot find the {name}/ folder (looked in {', '.join(map(str, candidates))})")


def ontology_dir() -> Path:
    return data_dir("ontology")


def queries_dir() -> Path:
    return data_dir("queries")


def shapes_dir() -> Path:
    return data_dir("shapes")
