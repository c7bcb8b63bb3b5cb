"""Shared fixtures: the real ontology, lexicon and seeds of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "articles" / "000_61d6be699d2cb5c4.txt"
TEST_ARTICLES = ROOT / "tests" / "articles"


@pytest.fixture(scope="session")
def lexicon():
    from kg.lift.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def built():
    """One in-memory build of seeds/ (lift, merge, reason, validate) shared by the tests that only read it."""
    from kg.build import run

    return run(SEEDS)
