"""One act told by several sources becomes one node: lifted acts take the IRI of the act they match."""

from __future__ import annotations

from datetime import timedelta

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import GRAPH, RKG
from kg.rdfio import named_graphs

SPEECH = {RKG.Accusation, RKG.Denial, RKG.Assessment, RKG.RefusalToComment, RKG.Statement, RKG.Criticism,
          RKG.Threat, RKG.Demand, RKG.Claim, RKG.Rejection}


def _acts(graph) -> dict[URIRef, dict]:
    out = {}
    for node, cls in graph.subject_objects(RDF.type):
        if not str(cls).startswith(str(RKG)) or cls in SPEECH or graph.value(node, RKG.actor) is None:
            continue
        start, end = graph.value(node, RKG.dateStart), graph.value(node, RKG.dateEnd)
        if start is None or end is None:
            continue
        out[node] = {"cls": cls, "actor": graph.value(node, RKG.actor), "targets": set(graph.objects(node, RKG.target)),
                     "start": start.toPython(), "end": end.toPython()}
    return out


SLACK = timedelta(days=1)  # news often dates an act by the day it was reported


def _same(a: dict, b: dict) -> bool:
    return (a["cls"] == b["cls"] and a["actor"] == b["actor"]
            and (not a["targets"] or not b["targets"] or bool(a["targets"] & b["targets"]))
            and a["start"] - SLACK <= b["end"] and b["start"] - SLACK <= a["end"])


def merge(ds: Dataset) -> dict[URIRef, URIRef]:
    """Rewrite, in each article graph, acts that match a curated (or earlier) act to that act's IRI.

    Curated acts are canonical; among articles the first by graph name wins. Returns lifted → canonical.
    """
    curated = [g for g in named_graphs(ds) if str(g.identifier).startswith(str(GRAPH["curated/"]))]
    articles = [g for g in named_graphs(ds) if str(g.identifier).startswith(str(GRAPH["article/"]))]
    canonical: dict[URIRef, dict] = {}
    for g in curated:
        canonical.update(_acts(g))
    mapping: dict[URIRef, URIRef] = {}
    for g in articles:
        acts = _acts(g)
        local = _matches(acts, canonical)
        for node, info in acts.items():
            if node not in local:
                canonical[node] = info
        if local:
            _rewrite(g, local)
            mapping.update(local)
    return mapping


def merge_graph(graph, canonical: dict[URIRef, dict]) -> dict[URIRef, URIRef]:
    """Rewrite one article graph's acts that match `canonical` (node → kg.merge act info); the store build's merge."""
    local = _matches(_acts(graph), canonical)
    if local:
        _rewrite(graph, local)
    return local


def _matches(acts: dict[URIRef, dict], canonical: dict[URIRef, dict]) -> dict[URIRef, URIRef]:
    """Each act that matches a canonical one → the most precise match: the shortest date range, then the IRI."""
    local: dict[URIRef, URIRef] = {}
    for node, info in sorted(acts.items()):
        matches = sorted((c for c, ci in canonical.items() if _same(info, ci)),
                         key=lambda c: ((canonical[c]["end"] - canonical[c]["start"]).days, str(c)))
        if matches:
            local[node] = matches[0]
    return local


def _rewrite(graph, mapping: dict[URIRef, URIRef]) -> None:
    triples = list(graph)
    for s, p, o in triples:
        ns, no = mapping.get(s, s), mapping.get(o, o)
        if (ns, no) != (s, o):
            graph.remove((s, p, o))
            if ns != s and p in (RKG.date, RKG.datePrecision, RKG.dateStart, RKG.dateEnd, RDFS.label):
                continue  # the canonical act keeps its own (more precise) date and its label
            graph.add((ns, p, no))

