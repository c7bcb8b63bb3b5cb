"""The targeted reasoner (kg.reason) over a store: read what the rules need with SPARQL, write graph:inferred.

The rules are kg.reason.entailments; this module only moves data. A full run reads the schema, the
pairs of every property the rules touch and every rdf:type, from the union of the named graphs without
graph:inferred, and replaces graph:inferred. `update_inferred` redoes only the part a changed graph can
reach: the nodes of the old and new graph, grown along the properties whose entailments cross from one
node to another (those with an inverse or a transitive super-property), so that a new article costs its
own chains, not the whole dataset.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import INFERRED_GRAPH
from kg.reason import Schema, entailments
from kg.store import OxigraphStore, Store

INFERRED = str(INFERRED_GRAPH)
_SCHEMA_PREDICATES = (RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.equivalentProperty,
                      OWL.inverseOf, OWL.intersectionOf, RDF.first, RDF.rest, OWL.onProperty, OWL.someValuesFrom)


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")))
    raise TypeError(f"not an RDF term: {term!r}")


def read_schema(store: Store) -> Schema:
    """The axioms, from every named graph but graph:inferred (normally just graph:ontology)."""
    parts = [f"{{ GRAPH ?g {{ ?s <{p}> ?o }} BIND (<{p}> AS ?p) }}" for p in _SCHEMA_PREDICATES]
    parts.append(f"{{ GRAPH ?g {{ ?s a <{OWL.TransitiveProperty}> }} BIND (<{RDF.type}> AS ?p) "
                 f"BIND (<{OWL.TransitiveProperty}> AS ?o) }}")
    query = ("CONSTRUCT { ?s ?p ?o } WHERE { " + " UNION ".join(parts) + f" FILTER (?g != <{INFERRED}>) }}")
    g = Graph()
    for t in store.construct(query):
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return str_schema(Schema([g]))


def _pairs(store: Store, predicate: str, subjects: list | None = None) -> Iterable[tuple]:
    if subjects is None and isinstance(store, OxigraphStore):
        skip = ox.NamedNode(INFERRED)
        return ((q.subject, q.object) for q in store.triples(predicate) if q.graph_name != skip)
    values = _values("s", subjects)
    _, rows = store.select(f"SELECT ?s ?o WHERE {{ {values} GRAPH ?g {{ ?s <{predicate}> ?o }} "
                           f"FILTER (?g != <{INFERRED}>) }}")
    return rows


def _values(var: str, nodes: list | None) -> str:
    if nodes is None:
        return ""
    return f"VALUES ?{var} {{ " + " ".join(str(n) for n in nodes) + " }"


def key(term) -> str:
    """A pyoxigraph term as a plain str: the IRI itself, "_:id" for a blank node, N-Triples for a literal.
    Python caches str hashes; pyoxigraph and rdflib terms hash anew each time (the reasoner's sets were
    three times slower with them)."""
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.BlankNode:
        return "_:" + term.value
    return str(term)


def str_schema(schema: Schema) -> Schema:
    """The same axioms with plain-str IRIs, to match `key`."""
    out = Schema.__new__(Schema)
    out.super_classes = {str(c): {str(d) for d in ds} for c, ds in schema.super_classes.items()}
    out.super_props = {str(p): {str(q) for q in qs} for p, qs in schema.super_props.items()}
    out.inverse = defaultdict(set, {str(p): {str(q) for q in qs} for p, qs in schema.inverse.items()})
    out.transitive = {str(p) for p in schema.transitive}
    out.defined = [(str(c), [str(n) for n in named], [(str(p), str(f)) for p, f in rs])
                   for c, named, rs in schema.defined]
    return out


def _nt(k: str) -> str:
    return k if k[0] in '_"' else f"<{k}>"


def _pairs_keys(store: Store, predicate: str, subjects: list | None):
    return ((key(s), key(o)) for s, o in _pairs(store, predicate, subjects))


def _read(store: Store, schema: Schema, subjects: list | None):
    """asserted (property → {(s, o)}) and types (node → {class}), as `key` strings."""
    asserted = {p: set(_pairs_keys(store, str(p), subjects)) for p in schema.properties()}
    types: dict = defaultdict(set)
    for s, c in _pairs(store, str(RDF.type), subjects):
        if type(c) is ox.NamedNode:
            types[key(s)].add(c.value)
    return asserted, types


def _ntriples(triples) -> bytes:
    return "".join(f"{_nt(s)} <{p}> {_nt(o)} .\n" for s, p, o in triples).encode("utf-8")


def infer_store(store: Store) -> int:
    """Replace graph:inferred with the targeted entailments of the store's other graphs; returns their number."""
    store.drop_graph(INFERRED)
    schema = read_schema(store)
    asserted, types = _read(store, schema, None)
    triples = entailments(schema, asserted, types)
    if not isinstance(store, OxigraphStore):
        data = _ntriples(triples)
        store.put_graph(INFERRED, data, "ntriples")
        return data.count(b"\n")
    return _load_in_chunks(store, triples)


def _load_in_chunks(store: OxigraphStore, triples: Iterable[tuple], size: int = 200_000) -> int:
    """Load triples into graph:inferred a chunk at a time on a second thread: Oxigraph parses and indexes one
    chunk (without the GIL) while Python derives and formats the next."""
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    graph = ox.NamedNode(INFERRED)
    total = 0
    with ThreadPoolExecutor(max_workers=1) as loader:  # one writer: chunks land in order
        pending = []
        iterator = iter(triples)
        while chunk := list(islice(iterator, size)):
            total += len(chunk)
            data = _ntriples(chunk)
            if len(pending) >= 2:  # bound the chunks waiting in memory
                pending.pop(0).result()  # re-raises a load error here
            pending.append(loader.submit(store.store.load, input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph))
        for future in pending:
            future.result()
    return total


def linking_properties(schema: Schema) -> set:
    """Properties whose entailments reach another node: they, or a super-property, have an inverse or are transitive."""
    out = set()
    for p in schema.properties():
        ups = {p} | set(schema.super_props.get(p, ()))
        if any(q in schema.transitive or schema.inverse.get(q) for q in ups):
            out.add(p)
    return out


def reach(store: Store, seeds: set, props: set) -> set:
    """The seeds and every IRI connected to them along `props` (either direction, over all graphs)."""
    found = {s for s in seeds if isinstance(s, ox.NamedNode)}
    frontier = set(found)
    prop_list = ", ".join(f"<{p}>" for p in sorted(props, key=str))
    while frontier and prop_list:
        values = _values("x", sorted(frontier, key=str))
        _, rows = store.select(f"SELECT DISTINCT ?n WHERE {{ {values} {{ ?x ?p ?n }} UNION {{ ?n ?p ?x }} "
                               f"FILTER (?p IN ({prop_list}) && isIRI(?n)) }}")
        frontier = {r[0] for r in rows} - found
        found |= frontier
    return found


def graph_nodes(store: Store, name: str) -> set:
    """The IRIs used as subject or object in one named graph."""
    _, rows = store.select(f"SELECT DISTINCT ?n WHERE {{ GRAPH <{name}> {{ {{ ?n ?p ?o }} UNION {{ ?s ?p ?n }} }} "
                           "FILTER (isIRI(?n)) }")
    return {r[0] for r in rows}


def drop_blank_inferences(store: Store, name: str) -> None:
    """Forget what was inferred about the blank nodes of graph `name` (they go with it)."""
    store.update(f"DELETE {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{name}> {{ ?s ?x ?y }} "
                 f"FILTER (isBlank(?s)) GRAPH <{INFERRED}> {{ ?s ?p ?o }} }}")


def update_inferred(store: OxigraphStore, schema: Schema, seeds: set, changed_graph: str) -> int:
    """Redo graph:inferred for the nodes `seeds` can reach (see the module docstring), and for the blank nodes
    of `changed_graph`; returns the number of triples written. In-process stores only (blank nodes)."""
    region = sorted(reach(store, seeds, linking_properties(schema)), key=str)
    for i in range(0, len(region), 500):
        chunk = region[i:i + 500]
        store.update(f"DELETE {{ GRAPH <{INFERRED}> {{ ?s ?p ?o }} }} WHERE {{ {_values('s', chunk)} "
                     f"GRAPH <{INFERRED}> {{ ?s ?p ?o }} }}")
    asserted: dict = defaultdict(set)
    types: dict = defaultdict(set)
    for i in range(0, len(region), 500):
        part_asserted, part_types = _read(store, schema, region[i:i + 500])
        for p, pairs in part_asserted.items():
            asserted[p] |= pairs
        for s, cs in part_types.items():
            types[s] |= cs
    # blank nodes live only in their own graph: read them from it
    props = schema.properties()
    for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(changed_graph)):
        if isinstance(q.subject, ox.BlankNode):
            p = q.predicate.value
            if p == str(RDF.type) and isinstance(q.object, ox.NamedNode):
                types[key(q.subject)].add(q.object.value)
            elif p in props:
                asserted[p].add((key(q.subject), key(q.object)))
    data = _ntriples(entailments(schema, dict(asserted), types))
    store.store.load(input=data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(INFERRED))
    return data.count(b"\n")
