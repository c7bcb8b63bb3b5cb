"""Every output opened in the client its users open it with, on one real build of seeds/.

GEXF and GraphML: graphology (the parser of Gephi Lite) under node. DOT: Graphviz. Queries: rdflib
against Oxigraph and Apache Jena ARQ. TriG, Turtle and JSON-LD: Jena RIOT and Oxigraph. Ontology: the
OWL parser of owlready2 and the HermiT reasoner it ships. A client that is not installed skips its tests
with the reason; `.ci/run` installs all of them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import warnings
import xml.dom.minidom
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.build import build
from kg.chain import find_chain
from kg.data import load
from kg.export import EXPORTERS
from kg.export.gexf import EDGE_ATTRIBUTES, NODE_ATTRIBUTES
from kg.export.graph_model import actor_graph, edge_list, event_graph
from kg.queries import list_queries, run_query
from kg.rdfio import union_graph
from tests.conftest import ROOT, SEEDS, same_value

JS = ROOT / "tests" / "js"
QUERIES = list_queries()


def _jena_sh() -> Path | None:
    """jena.sh from the shared tools (beside the checkout in CI), usable only with Debian's Jena and java."""
    shared = os.environ.get("SHARED")
    candidates = [os.environ.get("JENA_SH"), shared and Path(shared) / "tools" / "jena" / "jena.sh",
                  ROOT.parent / "shared" / "tools" / "jena" / "jena.sh", Path("/work/shared/tools/jena/jena.sh")]
    if not Path("/usr/share/java/jena-core.jar").exists() or shutil.which("java") is None:
        return None
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


JENA = _jena_sh()
needs_jena = pytest.mark.skipif(JENA is None, reason="Apache Jena not installed (apt-get install libapache-jena-java "
                                "default-jre-headless unzip) or jena.sh not found")


def _node_modules() -> Path | None:
    folder = Path(os.environ.get("KG_NODE_MODULES") or JS / "node_modules")
    if shutil.which("node") and all((folder / name).is_dir() for name in ("graphology", "graphology-gexf",
                                                                           "graphology-graphml")):
        return folder
    return None


NODE_MODULES = _node_modules()
needs_node = pytest.mark.skipif(NODE_MODULES is None, reason="node or the graphology modules are missing "
                                "(npm install --prefix tests/js)")


# ---------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    """`kg build` of seeds/, plus the Turtle export (the union of the named graphs) beside it."""
    out = tmp_path_factory.mktemp("clients-build")
    result = build(SEEDS, out)
    assert result.conforms
    (out / "dataset.ttl").write_bytes(EXPORTERS["ttl"](result.dataset))
    return out


@pytest.fixture(scope="module")
def dataset(build_dir):
    return load(build_dir)


@pytest.fixture(scope="module")
def union(dataset) -> Graph:
    return union_graph(dataset)



def assert_same_rows(expected, got, ordered: bool, name: str) -> None:
    assert len(got) == len(expected), f"{name}: {len(expected)} rows on rdflib, {len(got)} here"
    if not ordered:
        expected, got = sorted(expected), sorted(got)
    for want, have in zip(expected, got, strict=True):
        assert len(want) == len(have) and all(same_value(a, b) for a, b in zip(want, have, strict=True)), \
            f"{name}: rdflib {want} != {have}"


def ordered(text: str) -> bool:
    return "ORDER BY" in text.upper()


# ---------------------------------------------------------------------------------------------- SPARQL


@pytest.fixture(scope="module")
def oxigraph_store(build_dir):
    """The Turtle export loaded into Oxigraph's default graph, as a user would load it."""
    pyoxigraph = pytest.importorskip("pyoxigraph")
    store = pyoxigraph.Store()
    store.load(path=str(build_dir / "dataset.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("info", QUERIES, ids=[q.name for q in QUERIES])
def test_query_same_rows_on_rdflib_and_oxigraph(dataset, oxigraph_store, info):
    columns, expected = run_query(dataset, info.text)
    assert expected, f"{info.name} gives no rows on the seed build; the comparison would prove nothing"
    solutions = oxigraph_store.query(info.text)
    variables = [v.value for v in solutions.variables]
    got = [["" if s[v] is None else s[v].value for v in variables] for s in solutions]
    assert variables == columns
    assert_same_rows(expected, got, ordered(info.text), info.name)


@needs_jena
@pytest.mark.parametrize("info", QUERIES, ids=[q.name for q in QUERIES])
def test_query_same_rows_on_rdflib_and_jena_arq(dataset, build_dir, info):
    columns, expected = run_query(dataset, info.text)
    done = subprocess.run(["sh", str(JENA), "arq.sparql", "--data", str(build_dir / "dataset.ttl"),
                           "--query", str(info.path), "--results=JSON"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    variables = data["head"]["vars"]
    got = [[b.get(v, {}).get("value", "") for v in variables] for b in data["results"]["bindings"]]
    assert variables == columns
    assert_same_rows(expected, got, ordered(info.text), info.name)


# ---------------------------------------------------------------------------------------------- RDF syntaxes


def riot(*args: str, env: dict | None = None) -> str:
    done = subprocess.run(["sh", str(JENA), "riotcmd.riot", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})
    output = done.stdout + done.stderr
    assert done.returncode == 0, output or f"riot exited {done.returncode} without a message"
    assert "WARN" not in output and "ERROR" not in output, output
    return output


@needs_jena
def test_trig_and_turtle_validate_in_jena_riot(build_dir):
    riot("--validate", "--strict", str(build_dir / "dataset.trig"), str(build_dir / "dataset.ttl"))


HTTPCLIENT_CACHE = Path("/usr/share/java/httpclient-cache.jar")


@needs_jena
@pytest.mark.skipif(not HTTPCLIENT_CACHE.exists(), reason="Debian's httpclient-cache.jar is missing")
def test_jsonld_validates_in_jena_riot(build_dir, union):
    """Debian's Jena 4.5 has no Jakarta JSON implementation for its JSON-LD 1.1 reader, and jena.sh leaves
    out httpclient-cache, which the JSON-LD 1.0 reader needs; the jar is added as a module. The file uses
    nothing beyond JSON-LD 1.0, so the 1.0 reader is a fair judge."""
    env = {"JAVA_OPTS": f"--module-path {HTTPCLIENT_CACHE} --add-modules ALL-MODULE-PATH"}
    path = str(build_dir / "dataset.jsonld")
    riot("--syntax=jsonld10", "--validate", "--strict", path, env=env)
    counted = riot("--syntax=jsonld10", "--count", path, env=env)
    assert f"Triples = {len(union):,}" in counted, counted


def test_trig_turtle_and_jsonld_load_in_oxigraph_without_warnings(build_dir, dataset, union):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    quads = sum(len(g) for g in dataset.graphs())
    expected = {"dataset.trig": quads, "dataset.ttl": len(union), "dataset.jsonld": len(union)}
    formats = {"dataset.trig": pyoxigraph.RdfFormat.TRIG, "dataset.ttl": pyoxigraph.RdfFormat.TURTLE,
               "dataset.jsonld": pyoxigraph.RdfFormat.JSON_LD}
    for name, fmt in formats.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # any warning fails the test
            parsed = list(pyoxigraph.parse(path=str(build_dir / name), format=fmt))
        assert len(set(parsed)) == expected[name], name


def test_jsonld_has_an_inline_context_that_reads_as_plain_json(build_dir):
    doc = json.loads((build_dir / "dataset.jsonld").read_text(encoding="utf-8"))
    context = doc["@context"]
    assert isinstance(context, dict), "the context is inline: no network fetch needed to read the file"
    nodes = {node["@id"]: node for node in doc["@graph"] if "@id" in node}
    annexation = nodes["event:curated-2014-03-18-ru-annexes-crimea"]
    # a reader who never heard of JSON-LD sees names and values, not IRIs and @value objects
    assert annexation["actedBy"] == "actor:RUS"
    assert annexation["target"] == "actor:UKR"
    assert annexation["date"] == "2014-03-18"
    assert annexation["label"]["en"].startswith("Russia annexes Crimea")
    assert context["actor"] == "https://w3id.org/rkg/actor/"


# ---------------------------------------------------------------------------------------------- OWL


def _owlready():
    return pytest.importorskip("owlready2", reason="owlready2 is in the test extra")


@pytest.fixture(scope="module")
def ontology_rdfxml(tmp_path_factory) -> Path:
    """The ontology files merged into one RDF/XML document (the syntax every OWL tool reads)."""
    g = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    out = tmp_path_factory.mktemp("owl") / "rkg.owl"
    g.serialize(out, format="xml")
    return out


def test_ontology_loads_in_owlready2(ontology_rdfxml):
    owlready2 = _owlready()
    g = Graph().parse(ontology_rdfxml, format="xml")
    world = owlready2.World()
    onto = world.get_ontology(ontology_rdfxml.as_uri()).load()
    named = {str(c) for c in g.subjects(RDF.type, OWL.Class) if not str(c).startswith("_:") and "://" in str(c)}
    loaded = {c.iri for c in onto.classes()}
    assert named <= loaded, f"classes owlready2 did not read: {sorted(named - loaded)[:5]}"
    expulsion = world["https://w3id.org/rkg/ontology#Expulsion"]
    assert world["https://w3id.org/rkg/ontology#Act"] in expulsion.ancestors()
    properties = {p.iri for p in onto.object_properties()}
    rkg = "https://w3id.org/rkg/ontology#"
    assert {rkg + "retaliatesFor", rkg + "hasCausalAncestor"} <= properties


def hermit(*documents: Path) -> tuple[int, str]:
    """HermiT (the reasoner owlready2 ships) on one or more RDF/XML documents: consistency, unsatisfiable classes.

    xsd:date (rkg:dateStart, rkg:dateEnd) is not in the OWL 2 datatype map, so HermiT is told to ignore
    datatypes it does not know; dates are checked by SHACL, not by OWL.
    """
    owlready2 = _owlready()
    if shutil.which("java") is None:
        pytest.skip("java is not installed (apt-get install default-jre-headless)")
    folder = Path(owlready2.__file__).parent / "hermit"
    classpath = f"{folder}{os.pathsep}{folder / 'HermiT.jar'}"
    if len(documents) > 1:  # HermiT reads one document: merge them
        g = Graph()
        for doc in documents:
            g.parse(doc, format="xml")
        merged = documents[0].with_name(documents[0].stem + "-merged.owl")
        g.serialize(merged, format="xml")
        documents = (merged,)
    done = subprocess.run(["java", "-Xmx1g", "-cp", classpath, "org.semanticweb.HermiT.cli.CommandLine",
                           "--ignoreUnsupportedDatatypes", "-k", "-U", documents[0].as_uri()],
                          capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


def unsatisfiable(report: str) -> list[str]:
    lines = report.split("Classes equivalent to 'owl:Nothing':", 1)[-1].split()
    return [c for c in lines if c != "owl:Nothing"]


def test_ontology_is_consistent_in_hermit(ontology_rdfxml):
    code, report = hermit(ontology_rdfxml)
    assert code == 0 and "owl#Thing is satisfiable" in report, report
    assert unsatisfiable(report) == [], report


def test_ontology_and_built_data_are_consistent_in_hermit(ontology_rdfxml, build_dir):
    data = build_dir / "dataset.owl"
    Graph().parse(build_dir / "dataset.ttl", format="turtle").serialize(data, format="xml")
    code, report = hermit(ontology_rdfxml, data)
    assert code == 0 and "owl#Thing is satisfiable" in report and unsatisfiable(report) == [], report


def test_hermit_finds_an_inconsistency_when_there_is_one(ontology_rdfxml, tmp_path):
    """The control: an act that is also an actor breaks rkg:Event owl:disjointWith rkg:Actor."""
    bad = Graph()
    bad.parse(data="""@prefix rkg: <https://w3id.org/rkg/ontology#> .
        <https://w3id.org/rkg/event/both> a rkg:Expulsion, rkg:State .""", format="turtle")
    bad.serialize(tmp_path / "bad.owl", format="xml")
    code, report = hermit(ontology_rdfxml, tmp_path / "bad.owl")
    assert code != 0 and "InconsistentOntologyException" in report, report


# ---------------------------------------------------------------------------------------------- graphology


def graphology(kind: str, *files: Path) -> dict:
    """What graphology (Gephi Lite's parser) reads from each file, via tests/js/parse_graph.js."""
    env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}
    done = subprocess.run(["node", str(JS / "parse_graph.js"), kind, *map(str, files)], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    parsed = json.loads(done.stdout)
    return {Path(name).name: value for name, value in parsed.items()}


def _expected_value(value, gexf_type: str):
    return float(value) if gexf_type in ("double", "float") else int(value) if gexf_type == "integer" else str(value)


def gexf_differences(parsed: dict, graph) -> list[str]:
    """Where graphology's reading of a GEXF differs from the networkx graph the exporter wrote it from."""
    problems = []
    edges = edge_list(graph)
    if parsed["type"] != "directed":
        problems.append(f"graph type {parsed['type']}")
    if (parsed["order"], parsed["size"]) != (graph.number_of_nodes(), len(edges)):
        problems.append(f"{parsed['order']} nodes, {parsed['size']} edges; expected "
                        f"{graph.number_of_nodes()}, {len(edges)}")
    for node, data in graph.nodes(data=True):
        got = parsed["nodes"].get(node)
        if got is None:
            problems.append(f"node {node} missing")
            continue
        if got.get("label") != data["label"]:
            problems.append(f"node {node} label {got.get('label')!r} != {data['label']!r}")
        for att_id, _, gexf_type in NODE_ATTRIBUTES:
            if data.get(att_id) not in (None, "") and got.get(att_id) != _expected_value(data[att_id], gexf_type):
                problems.append(f"node {node} {att_id} {got.get(att_id)!r} != {data[att_id]!r}")
        if "type" in got:
            problems.append(f"node {node} has an attribute 'type' (sigma.js reads it as a renderer)")
    by_key = {e["key"]: e for e in parsed["edges"]}
    for edge_id, source, target, data in edges:
        got = by_key.get(edge_id)
        if got is None:
            problems.append(f"edge {edge_id} missing")
            continue
        if (got["source"], got["target"]) != (source, target):
            problems.append(f"edge {edge_id} {got['source']} → {got['target']} != {source} → {target}")
        attrs = got["attributes"]
        for att_id, _, gexf_type in EDGE_ATTRIBUTES:
            if data.get(att_id) not in (None, "") and attrs.get(att_id) != _expected_value(data[att_id], gexf_type):
                problems.append(f"edge {edge_id} {att_id} {attrs.get(att_id)!r} != {data[att_id]!r}")
        if "weight" in data and attrs.get("weight") != pytest.approx(float(data["weight"])):
            problems.append(f"edge {edge_id} weight {attrs.get('weight')!r} != {data['weight']!r}")
        if "type" in attrs:
            problems.append(f"edge {edge_id} has an attribute 'type' (sigma.js reads it as a renderer)")
    return problems


@needs_node
def test_gexf_parses_in_graphology_with_every_node_edge_label_and_attribute(build_dir, union):
    parsed = graphology("gexf", build_dir / "graph.gexf", build_dir / "actors.gexf")
    events, actors = event_graph(union), actor_graph(union)
    assert gexf_differences(parsed["graph.gexf"], events) == []
    assert gexf_differences(parsed["actors.gexf"], actors) == []
    # the numbers a Gephi user sees first: the seed build has dozens of nodes and edges, not a handful
    assert parsed["graph.gexf"]["order"] >= 30 and parsed["graph.gexf"]["size"] >= 60
    russia = parsed["graph.gexf"]["nodes"]["actor:RUS"]
    assert russia["label"] == "Russia" and russia["wikidata"] == "Q159" and russia["color"].startswith("rgb(")
    nato_to_russia = [e for e in parsed["actors.gexf"]["edges"]
                      if (e["source"], e["target"]) == ("actor:NATO", "actor:RUS")]
    assert len(nato_to_russia) == 1 and nato_to_russia[0]["attributes"]["count"] >= 1


@needs_node
def test_graphology_check_catches_dynamic_attribute_values(build_dir, union, tmp_path):
    """The control: dynamic attvalues parse without error in graphology but keep only one value, and
    the comparison above notices; so it would notice if the exporter wrote them."""
    text = (build_dir / "actors.gexf").read_text(encoding="utf-8")
    graph = actor_graph(union)
    edge_id, _, _, data = edge_list(graph)[0]
    count = int(data["count"])
    marker = f'<attvalue for="count" value="{count}"/>'
    assert marker in text
    dynamic = (f'<attvalue for="count" value="{count + 5}" start="2000-01-01" end="2001-01-01"/>'
               f'<attvalue for="count" value="{count + 1}" start="2001-01-01"/>')
    broken = text.replace('<attributes class="edge" mode="static">', '<attributes class="edge" mode="dynamic">')
    (tmp_path / "dynamic.gexf").write_text(broken.replace(marker, dynamic, 1), encoding="utf-8")
    parsed = graphology("gexf", tmp_path / "dynamic.gexf")["dynamic.gexf"]
    assert any(f"edge {edge_id} count" in p for p in gexf_differences(parsed, graph))


@needs_node
def test_graphml_parses_in_graphology_with_unique_edge_ids(build_dir, union):
    parsed = graphology("graphml", build_dir / "graph.graphml")["graph.graphml"]
    graph = event_graph(union)
    edges = edge_list(graph)
    assert (parsed["order"], parsed["size"]) == (graph.number_of_nodes(), len(edges))
    keys = [e["key"] for e in parsed["edges"]]
    assert len(set(keys)) == len(keys) == len(edges)
    assert keys == [edge_id for edge_id, *_ in edges]
    for node, data in graph.nodes(data=True):
        assert parsed["nodes"][node]["label"] == data["label"]
        assert parsed["nodes"][node]["iri"] == data["iri"]
    for edge, (edge_id, source, target, data) in zip(parsed["edges"], edges, strict=True):
        assert (edge["key"], edge["source"], edge["target"]) == (edge_id, source, target)
        assert edge["attributes"]["relation"] == data["relation"]


# ---------------------------------------------------------------------------------------------- Graphviz


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed (apt-get install graphviz)")
def test_kg_chain_svg_is_drawn_by_graphviz(build_dir, dataset, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    svg, dot = tmp_path / "chain.svg", tmp_path / "chain.dot"
    result = CliRunner().invoke(main, ["chain", "--data", str(build_dir), "--svg", str(svg), "--dot", str(dot)])
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert "Generated by graphviz" in text
    doc = xml.dom.minidom.parseString(text.encode("utf-8"))
    groups = doc.getElementsByTagName("g")
    nodes = [g for g in groups if g.getAttribute("class") == "node"]
    edges = [g for g in groups if g.getAttribute("class") == "edge"]
    steps = find_chain(dataset)
    assert len(nodes) == len(steps) and len(edges) == len(steps) - 1
    words = {t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild}
    for step in steps:
        assert step.date in words and step.class_label in words
    assert {"retaliates for", "tightens"} <= {w.strip() for w in words}
    # the DOT written beside it is what Graphviz drew
    again = subprocess.run(["dot", "-Tsvg", str(dot)], capture_output=True, timeout=120)
    assert again.returncode == 0 and again.stdout.decode("utf-8") == text


# ---------------------------------------------------------------------------------------------- statistics

CONTRACT = ["article", "event_id", "date", "date_precision", "event_class", "cameo", "goldstein", "actor",
            "actor_qid", "target", "target_qids", "responds_to", "evidence"]
ICEWS_LIKE = ["story_id", "sentence_number", "event_text", "actor_sector", "target_sectors", "plover"]


def test_events_table_reads_in_csv_with_icews_like_columns(build_dir, lexicon):
    import csv

    from kg.lift.article import read_article
    from kg.lift.text import split
    from kg.namespaces import LEX

    with open(build_dir / "events.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header, table = reader.fieldnames, list(reader)
    # the contract columns keep their relative order; the ICEWS-like ones are there too
    assert [c for c in header if c in CONTRACT] == CONTRACT
    assert set(ICEWS_LIKE) <= set(header)
    assert header.index("story_id") > header.index("evidence")
    assert len(table) >= 20 and len({r["event_id"] for r in table}) == len(table)
    for row in table:
        assert row["cameo"].isdigit() and len(row["cameo"]) == 3  # "010" keeps its leading zero
        if row["goldstein"]:
            assert -10.0 <= float(row["goldstein"]) <= 10.0
        assert row["date_precision"] in ("day", "month", "year")
        assert row["event_text"] and row["actor_sector"] in ("state", "alliance", "international organisation",
                                                             "media organisation")
        assert len(row["target_sectors"].split("|")) == len(row["target"].split("|")) if row["target"] else True
    lifted = [r for r in table if r["sentence_number"]]
    assert lifted
    # the sentence number names the sentence the lifter read the event from (its first mention)
    articles = {p.stem: p for p in (SEEDS / "articles").glob("*.txt")}
    for row in lifted:
        article = read_article(articles[row["story_id"].split("|")[0]])
        abbreviations = lexicon.singles(LEX.Abbreviations, article.language)
        sentences = split(article.text, article.body_start, abbreviations)
        sentence = sentences[int(row["sentence_number"]) - 1]
        assert sentence.start <= int(row["sentence_start"]) < sentence.end, row["event_id"]
