"""Incremental builds on a store: adding or changing one article replaces only its named graph and the
inferences its nodes reach, and the result equals a build from scratch."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.namespaces import GRAPH
from kg.store import OxigraphStore
from kg.store_build import build_store, update_article
from tests.conftest import benchmark_module

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    return benchmark_module("generate")


@pytest.fixture
def seeds(tmp_path):
    gen = _generator()
    out = tmp_path / "seeds"
    gen.write_corpus(gen.generate(400, seed=3), out, articles=3, seed=3)
    return out


def content(store) -> tuple[set, int]:
    """The store's quads without blank nodes (labels differ between builds), and their number."""
    plain = {str(q) for q in store.store
             if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    return plain, len(store.store)


def test_added_and_changed_articles_replace_only_their_graphs(seeds, tmp_path):
    path = tmp_path / "store"
    first = build_store(seeds, OxigraphStore(path))
    assert first.conforms, first.report
    first.store.close()
    del first

    articles = sorted((seeds / "articles").glob("syn-*.txt"))
    changed = articles[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace(" expelled ", " expelled 7 more "), encoding="utf-8")
    added = seeds / "articles" / "syn-added.txt"
    added.write_text(articles[1].read_text(encoding="utf-8"), encoding="utf-8")

    again = build_store(seeds, OxigraphStore(path))
    assert again.conforms, again.report
    names = {str(GRAPH["article/" + p.stem]) for p in (changed, added)}
    assert set(again.loaded) == names
    assert "nodes the change reaches" in again.report

    scratch = build_store(seeds, OxigraphStore())
    assert content(again.store) == content(scratch.store)


def test_update_article_equals_a_full_build(seeds, tmp_path):
    store = OxigraphStore()
    assert build_store(seeds, store).conforms
    new = seeds / "articles" / "syn-new.txt"
    source = sorted((seeds / "articles").glob("syn-*.txt"))[-1]
    new.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = update_article(store, new, seeds)
    assert result.conforms, result.report
    assert result.loaded == [str(GRAPH["article/syn-new"])]
    scratch = build_store(seeds, OxigraphStore())
    assert content(store) == content(scratch.store)
