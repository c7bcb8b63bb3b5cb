"""The targeted reasoner: entailments read from the ontology in the data, only new triples, owlrl agrees."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import reason
from kg.namespaces import EVENT, INFERRED_GRAPH, ONTOLOGY_GRAPH, RKG, curated_graph
from kg.rdfio import add_graph, new_dataset, parse_graph

ROOT = Path(__file__).resolve().parent.parent
SUSPENSION = EVENT["curated-2021-10-18-ru-suspends-mission"]
ANNEXATION = EVENT["curated-2014-03-18-ru-annexes-crimea"]
EX = Namespace("https://example.org/test#")


def load_curated():
    """The real ontology and the curated timeline, one named graph each."""
    ds = new_dataset()
    ontology = Graph()
    for path in [ROOT / "ontology" / "rkg.ttl", *sorted((ROOT / "ontology").glob("actors-*.ttl"))]:
        parse_graph(path, into=ontology)
    add_graph(ds, ONTOLOGY_GRAPH, ontology)
    add_graph(ds, curated_graph("nato-russia-timeline"),
              parse_graph(ROOT / "seeds" / "curated" / "nato-russia-timeline.ttl"))
    return ds


@functools.lru_cache(maxsize=2)
def reasoned(reasoner: str = "targeted"):
    """The curated dataset with graph:inferred from one reasoner (cached; shared by the query and chain tests)."""
    ds = load_curated()
    add_graph(ds, INFERRED_GRAPH, reason.infer(ds) if reasoner == "targeted" else reason.infer_owlrl(ds))
    return ds


@pytest.fixture(scope="module")
def curated():
    return load_curated()


@pytest.fixture(scope="module")
def inferred(curated):
    return reason.infer(curated)


@pytest.fixture(scope="module")
def owlrl_inferred():
    return reasoned("owlrl").graph(INFERRED_GRAPH)


def union(ds):
    return {t for g in ds.graphs() for t in g}


def test_retaliatory_act_is_inferred(inferred):
    assert (SUSPENSION, RDF.type, RKG.RetaliatoryAct) in inferred
    assert (SUSPENSION, RDF.type, RKG.Act) in inferred
    assert (SUSPENSION, RDF.type, RKG.Event) in inferred
    # an act that only responds (no retaliatesFor) is not a retaliatory act
    assert (EVENT["curated-2014-04-01-nato-suspends-cooperation"], RDF.type, RKG.RetaliatoryAct) not in inferred


def test_property_closure(inferred):
    cuts = EVENT["curated-2021-10-06-nato-cuts-mission"]
    assert (SUSPENSION, RKG.respondsTo, cuts) in inferred
    assert (SUSPENSION, RKG.hasCausalAncestor, cuts) in inferred
    assert (SUSPENSION, RKG.hasCausalAncestor, ANNEXATION) in inferred  # transitive
    assert (ANNEXATION, RKG.hasCausalDescendant, SUSPENSION) in inferred  # inverse of the transitive one
    assert (cuts, RKG.hasRetaliation, SUSPENSION) in inferred  # inverse
    assert (cuts, RKG.hasResponse, SUSPENSION) in inferred  # inverse of the super-property


def test_only_new_triples(curated, inferred):
    assert len(inferred) > 0
    assert not (set(inferred) & union(curated))


def test_input_unchanged_and_inferred_graph_ignored(curated):
    before = len(union(curated))
    first = reason.infer(curated)
    assert len(union(curated)) == before
    add_graph(curated, INFERRED_GRAPH, first)
    try:
        again = reason.infer(curated)  # an existing graph:inferred is not part of the input
        assert set(again) == set(first)
    finally:
        curated.remove_graph(curated.graph(INFERRED_GRAPH))


def test_targeted_is_contained_in_owlrl(inferred, owlrl_inferred):
    assert set(inferred) <= set(owlrl_inferred)


def test_schema_is_read_from_the_data():
    """Nothing is hard-coded: a made-up ontology gets the same treatment."""
    ds = new_dataset()
    tbox = Graph()
    tbox.add((EX.answers, RDFS.subPropertyOf, EX.follows))
    tbox.add((EX.follows, RDF.type, OWL.TransitiveProperty))
    tbox.add((EX.follows, OWL.inverseOf, EX.precedes))
    tbox.add((EX.Snub, RDFS.subClassOf, EX.Slight))
    tbox.add((EX.Slight, OWL.equivalentClass, EX.Affront))
    add_graph(ds, ONTOLOGY_GRAPH, tbox)
    abox = Graph()
    abox.add((EX.c, EX.answers, EX.b))
    abox.add((EX.b, EX.answers, EX.a))
    abox.add((EX.c, RDF.type, EX.Snub))
    add_graph(ds, URIRef("https://example.org/graph"), abox)
    new = reason.infer(ds)
    assert (EX.c, EX.follows, EX.a) in new
    assert (EX.a, EX.precedes, EX.c) in new
    assert (EX.c, RDF.type, EX.Slight) in new
    assert (EX.c, RDF.type, EX.Affront) in new
    assert (EX.c, RDF.type, RKG.RetaliatoryAct) not in new


def test_defined_class_needs_the_filler_type():
    """RetaliatoryAct ≡ Act ⊓ ∃retaliatesFor.Event, read from the ontology: both conditions are checked."""
    ds = load_curated()
    data = Graph()
    data.add((EX.x, RDF.type, RKG.Expulsion))
    data.add((EX.x, RKG.retaliatesFor, EX.untyped))
    data.add((EX.y, RDF.type, RKG.Accusation))  # a speech act, not an act
    data.add((EX.y, RKG.retaliatesFor, ANNEXATION))
    add_graph(ds, URIRef("https://example.org/graph"), data)
    new = reason.infer(ds)
    assert (EX.x, RDF.type, RKG.RetaliatoryAct) not in new
    assert (EX.y, RDF.type, RKG.RetaliatoryAct) not in new


def test_targeted_is_fast(curated):
    start = time.perf_counter()
    reason.infer(curated)
    assert time.perf_counter() - start < 2.0
