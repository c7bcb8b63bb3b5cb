"""The chain back to Crimea: found from the 2021 suspension, ordered, dated, with evidence; errors are clear."""

from __future__ import annotations

import time

import pytest
from rdflib import Graph, URIRef
from test_reason import load_curated, reasoned

from kg.chain import ChainIndex, chain_acts, find_chain, render_text
from kg.errors import CheckFailed, InputError
from kg.namespaces import EVENT, RKG
from kg.queries import run_saved
from kg.rdfio import add_graph

SUSPENSION = "https://w3id.org/rkg/event/curated-2021-10-18-ru-suspends-mission"
ANNEXATION = "https://w3id.org/rkg/event/curated-2014-03-18-ru-annexes-crimea"


@pytest.fixture(scope="module")
def ds():
    return reasoned("targeted")


def test_chain_from_the_suspension_reaches_the_annexation(ds):
    chain = find_chain(ds, SUSPENSION)
    assert chain[-1].act == SUSPENSION and chain[0].act == ANNEXATION
    assert chain[0].class_label == "annexation"
    links = chain[1:]
    assert len(links) >= 5
    assert all(step.date and step.date_start for step in chain)
    starts = [step.date_start for step in chain]
    assert starts == sorted(starts)
    for older, newer in zip(chain, chain[1:], strict=False):
        assert newer.responds_to == older.act
        assert newer.relation in ("retaliatesFor", "tightens", "respondsTo")
    assert chain[-1].relation == "retaliatesFor"
    assert all(step.evidence for step in chain)
    assert all(any(ev.kind == "source" for ev in step.evidence) for step in chain)


def test_default_start_is_russias_latest_mission_suspension(ds):
    assert find_chain(ds)[-1].act == SUSPENSION


def test_curie_start_and_determinism(ds):
    assert find_chain(ds, "event:curated-2021-10-18-ru-suspends-mission") == find_chain(ds, SUSPENSION)


def test_prefers_specific_relations(ds):
    """Of the two 2021-10-06 measures both lines lead back to Crimea; the cap line (tightens) is taken."""
    relations = [step.relation for step in find_chain(ds, SUSPENSION)[1:]]
    assert relations.count("tightens") >= 3


def test_works_without_inferred_graph():
    plain = load_curated()  # sub-properties of respondsTo are read from the ontology, not the inferences
    assert [s.act for s in find_chain(plain, SUSPENSION)] == [s.act for s in find_chain(reasoned(), SUSPENSION)]


def test_unknown_start_is_an_input_error(ds):
    with pytest.raises(InputError):
        find_chain(ds, "event:no-such-act")
    with pytest.raises(InputError):
        find_chain(ds, '"> } DROP ALL #')


def test_no_chain_is_a_check_failure(ds):
    with pytest.raises(CheckFailed, match="no chain from .*skripal-attack back to an annexation"):
        find_chain(ds, "event:curated-2018-03-04-skripal-attack")


def test_a_link_forward_in_time_is_not_followed():
    ds = load_curated()
    bad = Graph()  # the annexation "responds to" an act seven years later: not usable
    bad.add((EVENT["curated-2014-04-01-nato-suspends-cooperation"], RKG.respondsTo,
             EVENT["curated-2021-10-18-ru-closes-nato-offices"]))
    bad.add((EVENT["curated-2014-03-16-referendum"], RKG.respondsTo, EVENT["curated-2021-10-06-nato-expels"]))
    add_graph(ds, URIRef("https://example.org/graph"), bad)
    chain = find_chain(ds, SUSPENSION)
    starts = [s.date_start for s in chain]
    assert starts == sorted(starts)


def test_chain_query_lists_the_same_acts(ds):
    columns, rows = run_saved(ds, "chain_to_crimea", {"start": SUSPENSION})
    query_acts = {row[columns.index("act")] for row in rows}
    assert query_acts == chain_acts(ds, SUSPENSION)
    assert {step.act for step in find_chain(ds, SUSPENSION)} <= query_acts


def test_render_text(ds):
    text = render_text(find_chain(ds, SUSPENSION))
    blocks = [b for b in text.split("\n\n") if b.strip()][1:]
    assert len(blocks) >= 6
    assert blocks[0].splitlines()[0].startswith("1. 2014-03-18  Russia → Ukraine")
    assert "retaliates for" in text and "tightens" in text
    assert "source: Al Arabiya" in text
    first_dates = [b.split()[1] for b in blocks]
    assert first_dates == sorted(first_dates)


def test_walk_is_fast(ds):
    index = ChainIndex(ds)
    start = URIRef(SUSPENSION)
    index.path(start)
    began = time.perf_counter()
    for _ in range(100):
        index.path(start)
    assert (time.perf_counter() - began) / 100 < 0.001


def test_lifted_quote_evidence(built):
    """After the full build, the suspension carries the article's words with offsets inside the text."""
    chain = find_chain(built.dataset, SUSPENSION)
    quotes = [ev for step in chain for ev in step.evidence if ev.kind == "quote"]
    if not quotes:
        pytest.skip("the lifter recorded no quote on this chain")
    for ev in quotes:
        assert ev.article and ev.begin is not None and ev.end is not None and ev.begin < ev.end
        assert ev.text.strip()


def test_render_svg_and_dot(ds):
    import xml.dom.minidom

    from kg.chain import render_dot, render_svg

    chain = find_chain(ds, SUSPENSION)
    svg = render_svg(chain)
    doc = xml.dom.minidom.parseString(svg)
    assert doc.documentElement.tagName == "svg"
    assert len(doc.getElementsByTagName("rect")) == len(chain)
    dot = render_dot(chain)
    assert dot.startswith("digraph chain {") and dot.count("->") == len(chain) - 1
