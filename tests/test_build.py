"""The whole pipeline on seeds/: merge, reasoning, validation, deterministic output, bad input."""

from __future__ import annotations

import shutil

import pytest
from rdflib.namespace import PROV, RDF

from kg.build import build, run
from kg.errors import InputError
from kg.namespaces import ARTICLE, EVENT, RKG, article_graph
from kg.rdfio import union_graph
from tests.conftest import SEEDS


def test_seed_build_conforms(built):
    assert built.conforms, built.report
    assert built.articles >= 2 and built.curated >= 1


def test_lifted_acts_merge_with_curated_acts(built):
    g = union_graph(built.dataset)
    expels = EVENT["curated-2021-10-06-nato-expels"]
    sources = set(g.objects(expels, PROV.wasDerivedFrom))
    assert ARTICLE["000_61d6be699d2cb5c4"] in sources
    assert any(str(s).startswith("http") and "article" not in str(s) for s in sources)
    suspension = EVENT["curated-2021-10-18-ru-suspends-mission"]
    assert ARTICLE["000_61d6be699d2cb5c4"] in set(g.objects(suspension, PROV.wasDerivedFrom))
    annexation = EVENT["curated-2014-03-18-ru-annexes-crimea"]
    told_by = set(g.objects(annexation, PROV.wasDerivedFrom))
    assert {ARTICLE["000_61d6be699d2cb5c4"], ARTICLE["d3-nato-2014-en"]} <= told_by
    # the merged act keeps the curated, more precise date
    assert [str(d) for d in g.objects(expels, RKG.date)] == ["2021-10-06"]


def test_article_graph_holds_only_its_article(built):
    graph = built.dataset.graph(article_graph("d3-nato-2014-en"))
    sources = {o for o in graph.objects(None, PROV.wasDerivedFrom)}
    assert sources == {ARTICLE["d3-nato-2014-en"]}


def test_retaliation_is_inferred(built):
    g = union_graph(built.dataset)
    suspension = EVENT["curated-2021-10-18-ru-suspends-mission"]
    assert (suspension, RDF.type, RKG.RetaliatoryAct) in g
    assert (suspension, RKG.hasCausalAncestor, EVENT["curated-2014-03-18-ru-annexes-crimea"]) in g


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build(SEEDS, first)
    build(SEEDS, second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "dataset.trig" in names and "validation.txt" in names and "events.csv" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def _copy_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


@pytest.mark.parametrize("where, name, content, message", [
    ("curated", "broken.ttl", "this is not turtle .", "malformed turtle"),
    ("articles", "empty.txt", "", "empty article"),
    ("articles", "nohead.txt", "Rusland zet diplomaten uit.", "missing date header"),
])
def test_bad_input_leaves_output_unchanged(tmp_path, where, name, content, message):
    seeds = _copy_seeds(tmp_path)
    out = tmp_path / "out"
    build(seeds, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (seeds / where / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build(seeds, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_missing_seeds_folder(tmp_path):
    with pytest.raises(InputError, match="no such seeds folder"):
        run(tmp_path / "nowhere")
