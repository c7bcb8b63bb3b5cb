"""Targeted entailments: only what the queries and shapes need, read from the ontology's axioms.

`infer` materialises rdf:type over rdfs:subClassOf, rdfs:subPropertyOf, owl:inverseOf, the closure of
transitive properties and the rkg:RetaliatoryAct definition. `infer_owlrl` runs owlrl's full OWL RL
closure for comparison (slow; see benchmarks/).
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import RKG


def _closure(edges: dict) -> dict:
    """Reflexive-transitive closure of a small parent map (class or property hierarchy)."""
    out = {}
    for start in list(edges):
        seen, stack = {start}, [start]
        while stack:
            for parent in edges.get(stack.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        out[start] = seen
    return out


def _as_graph(data) -> Graph:
    from rdflib import Dataset

    from kg.rdfio import union_graph

    return union_graph(data) if isinstance(data, Dataset) else data


def infer(data: Graph) -> Graph:
    """New triples entailed by data (a Dataset's union, or one graph); the input is not changed."""
    data = _as_graph(data)
    sub_class = defaultdict(set)
    for c, p in data.subject_objects(RDFS.subClassOf):
        if isinstance(p, URIRef):
            sub_class[c].add(p)
    for c, p in data.subject_objects(OWL.equivalentClass):
        if isinstance(c, URIRef) and isinstance(p, URIRef):
            sub_class[c].add(p)
            sub_class[p].add(c)
    sub_prop = defaultdict(set)
    for c, p in data.subject_objects(RDFS.subPropertyOf):
        sub_prop[c].add(p)
    inverse = defaultdict(set)
    for a, b in data.subject_objects(OWL.inverseOf):
        inverse[a].add(b)
        inverse[b].add(a)
    transitive = set(data.subjects(RDF.type, OWL.TransitiveProperty))
    classes = _closure(sub_class)
    props = _closure(sub_prop)
    interesting = set(props) | set(inverse) | transitive
    for ps in props.values():
        interesting |= ps

    new = Graph()
    edges = defaultdict(set)  # property -> {(s, o)}
    for p in interesting:
        for s, o in data.subject_objects(p):
            edges[p].add((s, o))
    changed = True
    while changed:
        changed = False
        for p in list(edges):
            for q in props.get(p, {p}):
                for pair in list(edges[p]):
                    if pair not in edges[q]:
                        edges[q].add(pair)
                        changed = True
            for q in inverse.get(p, ()):
                for s, o in list(edges[p]):
                    if (o, s) not in edges[q]:
                        edges[q].add((o, s))
                        changed = True
        for p in transitive:
            succ = defaultdict(set)
            for s, o in edges[p]:
                succ[s].add(o)
            for s in list(succ):
                seen, stack = set(), list(succ[s])
                while stack:
                    o = stack.pop()
                    if o in seen:
                        continue
                    seen.add(o)
                    stack.extend(succ.get(o, ()))
                for o in seen:
                    if (s, o) not in edges[p]:
                        edges[p].add((s, o))
                        changed = True
    for p, pairs in edges.items():
        for s, o in pairs:
            if (s, p, o) not in data:
                new.add((s, p, o))
    for s, p, o in data.triples((None, RKG.retaliatesFor, None)):
        new.add((s, RDF.type, RKG.RetaliatoryAct))
    typed = defaultdict(set)
    for s, c in data.subject_objects(RDF.type):
        typed[s].add(c)
    for s, c in new.subject_objects(RDF.type):
        typed[s].add(c)
    for s, cs in typed.items():
        for c in list(cs):
            for parent in classes.get(c, ()):
                if parent not in cs and isinstance(parent, URIRef):
                    new.add((s, RDF.type, parent))
    for t in list(new):
        if t in data:
            new.remove(t)
    return new


def infer_owlrl(data: Graph) -> Graph:
    """owlrl's full OWL RL closure over a copy of data; returns only the new triples."""
    import owlrl

    data = _as_graph(data)
    work = Graph()
    for t in data:
        work.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    new = Graph()
    for t in work:
        if t not in data:
            new.add(t)
    return new
