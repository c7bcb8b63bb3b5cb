"""Shared fixtures: the real ontology, lexicon and seeds of the repository."""

from __future__ import annotations

import importlib.util
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "articles" / "000_61d6be699d2cb5c4.txt"
TEST_ARTICLES = ROOT / "tests" / "articles"


def benchmark_module(name: str):
    """A script of benchmarks/ (not a package) imported as a module: the corpus generators the tests reuse."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same_value(a: str, b: str) -> bool:
    """Equal text, or equal numbers: engines write the same decimal differently (rdflib -8.0, Oxigraph -8)."""
    if a == b:
        return True
    try:
        return Decimal(a) == Decimal(b)
    except (InvalidOperation, ValueError):
        return False


@pytest.fixture(scope="session")
def lexicon():
    from kg.lift.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def built():
    """One in-memory build of seeds/ (lift, merge, reason, validate) shared by the tests that only read it."""
    from kg.build import run

    return run(SEEDS)
