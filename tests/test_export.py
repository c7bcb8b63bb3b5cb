"""Exports on the real ontology and curated timeline: GEXF 1.3 (RELAX NG), GraphML, JSON-LD."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError
from kg.export import EXPORTERS, export
from kg.export.gexf import to_gexf
from kg.export.graph_model import actor_graph, clean_text, event_graph
from kg.export.graphml import to_graphml
from kg.export.jsonld import context, to_jsonld
from kg.namespaces import ACTOR, EVENT, ONTOLOGY_GRAPH, RKG, curated_graph
from kg.rdfio import add_graph, new_dataset, parse_graph, union_graph

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "schemas" / "gexf-1.3" / "gexf.rng"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"



def load(root: Path) -> Dataset:
    """The real ontology (one graph, as the build makes it) and the curated timeline, as named graphs."""
    ds = new_dataset()
    onto = Graph()
    for path in sorted((root / "ontology").glob("*.ttl")):
        parse_graph(path, into=onto)
    add_graph(ds, ONTOLOGY_GRAPH, onto)
    timeline = root / "seeds" / "curated" / "nato-russia-timeline.ttl"
    add_graph(ds, curated_graph(timeline.stem), parse_graph(timeline))
    return ds


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load(ROOT)


@pytest.fixture(scope="module")
def union(dataset) -> Graph:
    return union_graph(dataset)


@pytest.fixture(scope="module")
def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def assert_valid(relaxng, data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    if not relaxng.validate(root):
        pytest.fail(f"GEXF fails the 1.3 RELAX NG schema: {relaxng.error_log}")
    return root


def expected_counts(g: Graph) -> tuple[int, int, int]:
    """Events, nodes and edges of the events view, counted straight from the RDF."""
    rows = g.query("""
        PREFIX rkg: <https://w3id.org/rkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e WHERE { ?e a/rdfs:subClassOf* rkg:Event }""")
    events = {r[0] for r in rows if isinstance(r[0], URIRef)}
    actors, edges = set(), 0
    for e in events:
        for p in (RKG.actor, RKG.agent, RKG.target):
            for o in g.objects(e, p):
                actors.add(o)
                edges += 1
        for p in (RKG.about, RKG.respondsTo, RKG.retaliatesFor, RKG.tightens):
            edges += sum(1 for o in g.objects(e, p) if o in events)
    return len(events), len(events) + len(actors), edges


# ---------------------------------------------------------------------------------------------- GEXF


def test_curated_data_is_there(union):
    n_events, n_nodes, n_edges = expected_counts(union)
    assert n_events >= 15 and n_edges >= 40


@pytest.mark.parametrize("view", ["events", "actors"])
def test_gexf_validates_against_relaxng(relaxng, union, view):
    root = assert_valid(relaxng, to_gexf(union, view=view))
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic"
    assert graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"
    modified = root.find(f"{GEXF}meta").get("lastmodifieddate")
    assert modified and modified <= "2021-12-31"  # derived from the data, not today's date


def test_gexf_events_view_counts_labels_dates(relaxng, union):
    root = assert_valid(relaxng, to_gexf(union, view="events"))
    n_events, n_nodes, n_edges = expected_counts(union)
    nodes = root.findall(f".//{GEXF}nodes/{GEXF}node")
    edges = root.findall(f".//{GEXF}edges/{GEXF}edge")
    assert len(nodes) == n_nodes
    assert len(edges) == n_edges
    assert root.find(f".//{GEXF}nodes").get("count") == str(n_nodes)
    ids = [e.get("id") for e in edges]
    assert len(set(ids)) == len(ids)

    by_id = {n.get("id"): n for n in nodes}
    assert by_id["actor:RUS"].get("label") == "Russia"
    assert by_id["actor:NATO"].get("label") == "NATO"
    assert by_id["person:sergei-lavrov"].get("label") == "Sergei Lavrov"
    for node in nodes:
        label = node.get("label")
        assert label and not label.startswith("http") and label != node.get("id")
        assert node.find(f"{VIZ}color") is not None and node.find(f"{VIZ}size") is not None

    decl = {a.get("id"): a.get("title") for a in root.findall(f".//{GEXF}attributes[@class='node']/{GEXF}attribute")}
    titles = set(decl.values()) | {a.get("title") for a in root.findall(f".//{GEXF}attribute")}
    assert "type" not in titles
    assert {"kind", "class", "cameo", "goldstein", "date", "wikidata"} <= titles

    def values(node):
        return {decl[v.get("for")]: v.get("value") for v in node.iter(f"{GEXF}attvalue")}

    events = [n for n in nodes if values(n).get("category") == "event"]
    assert len(events) == n_events
    for node in events:
        assert node.get("start"), f"event node {node.get('id')} has no start date"
        assert len(node.get("start")) == 10
    expel = values(by_id["event:curated-2021-10-06-nato-expels"])
    assert expel["kind"] == "act" and expel["cameo"] == "166" and float(expel["goldstein"]) == -7.0
    assert expel["class"] == "expulsion of diplomats" and expel["date"] == "2021-10-06"
    assert values(by_id["actor:RUS"])["wikidata"] == "Q159"
    assert values(by_id["actor:RUS"])["kind"] == "state"
    assert values(by_id["actor:NATO"])["kind"] == "organisation"
    assert values(by_id["event:curated-2021-10-06-skynews-claim"])["kind"] == "claim"
    assert values(by_id["event:curated-2021-10-06-nato-accuses"])["kind"] == "speech act"

    # the chain's links run effect → cause with their relation
    links = {(e.get("source"), e.get("target")): e.get("label") for e in edges}
    assert links[("event:curated-2021-10-18-ru-suspends-mission",
                  "event:curated-2021-10-06-nato-expels")] == "retaliatesFor"
    assert links[("event:curated-2021-10-06-nato-cuts-mission",
                  "event:curated-2018-03-27-nato-cuts-mission")] == "tightens"
    assert all(e.get("start") for e in edges)


def test_gexf_actors_view(relaxng, union):
    root = assert_valid(relaxng, to_gexf(union, view="actors"))
    edges = {(e.get("source"), e.get("target")): e for e in root.iter(f"{GEXF}edge")}
    assert ("actor:NATO", "actor:RUS") in edges and ("actor:RUS", "actor:NATO") in edges
    decl = {a.get("id"): a.get("title") for a in root.findall(f".//{GEXF}attributes[@class='edge']/{GEXF}attribute")}
    ru_nato = edges[("actor:RUS", "actor:NATO")]
    vals = {decl[v.get("for")]: v.get("value") for v in ru_nato.iter(f"{GEXF}attvalue")}
    assert int(vals["count"]) >= 2 and float(ru_nato.get("weight")) == int(vals["count"])
    assert float(vals["goldstein"]) < 0
    assert ru_nato.get("start") == "2021-10-18"
    labels = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    assert labels["actor:RUS"] == "Russia"

    view = actor_graph(union)
    assert view.number_of_edges() == len(edges)
    assert view.edges["actor:NATO", "actor:RUS"]["count"] >= 5


def test_gexf_survives_xml_forbidden_characters(relaxng, union):
    g = Graph()
    for t in union:
        g.add(t)
    bad = EVENT["test-bad-label"]
    g.add((bad, RDF.type, RKG.Expulsion))
    g.add((bad, RDFS.label, Literal("Russia\x01 expels\x0b two\x1f diplomats\ufffe", lang="en")))
    g.add((bad, RKG.actor, ACTOR.RUS))
    g.add((bad, RKG.target, ACTOR.GBR))
    g.add((bad, RKG.date, Literal("2021-11\x02")))
    g.add((bad, RKG.dateStart, Literal("2021-11-01", datatype=XSD.date)))
    g.add((ACTOR.GBR, RDFS.label, Literal("Great\x0c Britain")))
    for view in ("events", "actors"):
        root = assert_valid(relaxng, to_gexf(g, view=view))
    root = assert_valid(relaxng, to_gexf(g, view="events"))
    node = root.find(f".//{GEXF}node[@id='event:test-bad-label']")
    assert node.get("label") == "Russia expels two diplomats"
    assert clean_text("a\x00b\tc\n d") == "ab c d"
    data = to_graphml(g)
    assert nx.read_graphml(io.BytesIO(data)).nodes["event:test-bad-label"]["label"] == "Russia expels two diplomats"


def test_gexf_unknown_view(union):
    with pytest.raises(InputError):
        to_gexf(union, view="timeline")


# ------------------------------------------------------------------------------------------- GraphML


def test_graphml_parses_back_with_unique_edge_ids(union):
    data = to_graphml(union)
    root = etree.fromstring(data)
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert all(ids) and len(set(ids)) == len(ids)
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    _, n_nodes, n_edges = expected_counts(union)
    assert graph.number_of_nodes() == n_nodes and graph.number_of_edges() == n_edges
    assert sorted(k for *_, k in graph.edges(keys=True)) == sorted(ids)
    assert graph.nodes["actor:RUS"]["label"] == "Russia"
    assert graph.nodes["event:curated-2021-10-06-nato-expels"]["goldstein"] == -7.0
    assert not any("type" in d for *_, d in graph.edges(data=True))

    actors = nx.read_graphml(io.BytesIO(to_graphml(union, view="actors")))
    assert actors.edges["actor:NATO", "actor:RUS"]["count"] >= 5


def test_event_graph_prefers_specific_relation_over_inferred_respondsto(union):
    g = Graph()
    for t in union:
        g.add(t)
    effect, cause = EVENT["curated-2021-10-18-ru-suspends-mission"], EVENT["curated-2021-10-06-nato-expels"]
    g.add((effect, RKG.respondsTo, cause))  # what the reasoner adds
    g.add((effect, RDF.type, RKG.Act))
    g.add((effect, RDF.type, RKG.RetaliatoryAct))
    view = event_graph(g)
    relations = [d["relation"] for _, v, d in view.out_edges("event:curated-2021-10-18-ru-suspends-mission", data=True)
                 if v == "event:curated-2021-10-06-nato-expels"]
    assert relations == ["retaliatesFor"]
    assert view.nodes["event:curated-2021-10-18-ru-suspends-mission"]["class"] == "mission suspension"
    assert event_graph(union).number_of_edges() == view.number_of_edges()


# ------------------------------------------------------------------------------------------- JSON-LD


def test_jsonld_round_trips_and_reads_as_json(union, dataset):
    text = to_jsonld(union)
    back = Graph().parse(data=text, format="json-ld")
    assert len(back) == len(union) and isomorphic(back, union)

    doc = json.loads(text)
    ctx = doc["@context"]
    assert ctx["rkg"] == str(RKG) and ctx["actor"] == str(ACTOR)
    assert {"actedBy", "target", "date", "respondsTo", "retaliatesFor", "tightens"} <= set(ctx)
    assert ctx == context()
    node = next(n for n in doc["@graph"] if n.get("@id") == "event:curated-2021-10-18-ru-suspends-mission")
    assert node["actedBy"] == "actor:RUS" and node["target"] == "actor:NATO"
    assert node["date"] == "2021-10-18" and node["dateStart"] == "2021-10-18"
    assert "event:curated-2021-10-06-nato-expels" in node["retaliatesFor"]
    assert node["label"]["en"].startswith("Russia suspends")

    # a Dataset keeps its named graphs
    text = to_jsonld(dataset)
    back = Dataset()
    back.parse(data=text, format="json-ld")
    for name in (ONTOLOGY_GRAPH, curated_graph("nato-russia-timeline")):
        assert isomorphic(back.graph(name), dataset.graph(name))


def test_jsonld_blank_nodes_round_trip():
    g = Graph()
    g.parse(data="""
        @prefix rkg: <https://w3id.org/rkg/ontology#> . @prefix event: <https://w3id.org/rkg/event/> .
        [] a rkg:LinkEvidence ; rkg:effect event:a ; rkg:cause event:b .
        event:a rkg:quote "zij \\"zeggen\\""@nl ; rkg:count 3 ; rkg:list ( event:b event:a ) .
    """, format="turtle")
    text = to_jsonld(g)
    assert isomorphic(Graph().parse(data=text, format="json-ld"), g)
    again = Graph().parse(data="\n".join(reversed(g.serialize(format="nt").splitlines())), format="nt")
    assert to_jsonld(again) == text


# ----------------------------------------------------------------------------------- registry, bytes


def test_registry_exports_bytes(dataset):
    for name in ("gexf", "graphml", "jsonld"):
        assert name in EXPORTERS
        data = EXPORTERS[name](dataset)
        assert isinstance(data, bytes) and data
        assert export(dataset, name) == data
    with pytest.raises(InputError):
        export(dataset, "pdf")


DIGEST = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]) / "tests"))
from test_export import load
from kg.export import EXPORTERS
ds = load(Path(sys.argv[1]))
for name in sorted(EXPORTERS):
    print(name, hashlib.sha256(EXPORTERS[name](ds)).hexdigest())
"""


def test_exports_are_byte_identical_across_runs(dataset):
    """Same data → same bytes, in this process and in fresh ones with different hash seeds."""
    here = {name: hashlib.sha256(EXPORTERS[name](dataset)).hexdigest() for name in sorted(EXPORTERS)}
    assert here == {name: hashlib.sha256(EXPORTERS[name](dataset)).hexdigest() for name in sorted(EXPORTERS)}
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", DIGEST, str(ROOT)], capture_output=True, text=True,
                             env=env, cwd=ROOT, check=True).stdout
        runs.append(dict(line.split() for line in out.splitlines()))
    assert runs[0] == runs[1] == here
