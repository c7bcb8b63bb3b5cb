"""The RDF union as property graphs (networkx) for the graph exports (GEXF, GraphML).

Two views:

* `event_graph`: actors and events as nodes; edges actor → event (``actor``), person → event
  (``agent``), event → target actor (``target``), speech act → event it is about (``about``) and
  effect → cause between events (``respondsTo``, ``retaliatesFor``, ``tightens``).
* `actor_graph`: actors only; an edge A → B means A took a responsive act (one with ``rkg:respondsTo``
  or one of its sub-properties) against B: B acted in the act it answers, or B is its target. Edges
  carry the number of such acts and the sum of their Goldstein scores.

Node keys are compact names (``actor:RUS``, ``event:curated-…``); the full IRI is in ``iri``. Every node
and edge is added in sorted order and edge keys are unique ids (``e0``, ``e1`` …) so that the writers
built on these graphs give byte-identical files for identical data. No attribute is called ``type``
(graphology, the parser of Gephi Lite, reserves it on edges). Attributes whose value is unknown are
left out, never set to None.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import PREFIXES, RKG, WD

# effect → cause relations drawn between events; the most specific wins when the reasoner has added
# the super-property too (retaliatesFor ⊑ respondsTo, tightens ⊑ respondsTo).
EVENT_RELATIONS = (RKG.retaliatesFor, RKG.tightens, RKG.respondsTo)

# Actor kinds by class, most specific first (Alliance ⊑ InternationalOrganisation).
ACTOR_KINDS = (
    (RKG.Person, "person"),
    (RKG.MediaOrganisation, "media"),
    (RKG.InternationalOrganisation, "organisation"),
    (RKG.State, "state"),
)
EVENT_KINDS = ((RKG.Claim, "claim"), (RKG.SpeechAct, "speech act"), (RKG.Act, "act"))

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (and C1 controls), whitespace collapsed."""
    return _SPACE.sub(" ", _FORBIDDEN.sub("", str(text))).strip()


def compact(iri: URIRef) -> str:
    """``actor:RUS`` for an IRI in a project namespace (longest namespace wins), else the IRI."""
    text = str(iri)
    best = None
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)) and (best is None or len(str(ns)) > len(str(PREFIXES[best]))):
            best = prefix
    return f"{best}:{text[len(str(PREFIXES[best])):]}" if best else text


def local_name(iri: URIRef) -> str:
    text = str(iri)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


def english_label(g: Graph, node: URIRef, props=(SKOS.prefLabel, RDFS.label)) -> str:
    """The English name of `node`: skos:prefLabel@en, rdfs:label@en, then an untagged or any label, then
    the IRI's last segment. Ties are broken by sorting, so the choice is stable."""
    for wanted in ("en", None, "*"):
        for prop in props:
            values = sorted(
                clean_text(v) for v in g.objects(node, prop)
                if isinstance(v, Literal) and (wanted == "*" or v.language == wanted)
            )
            values = [v for v in values if v]  # a label of nothing but white space or control characters
            if values:
                return values[0]
    return clean_text(local_name(node))


@dataclass
class _Ontology:
    """What the exports need from the TBox part of the union."""

    g: Graph
    supers: dict = field(default_factory=dict)

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        """`cls` and all its named superclasses (reflexive, transitive)."""
        if cls not in self.supers:
            seen, todo = {cls}, [cls]
            while todo:
                for parent in self.g.objects(todo.pop(), RDFS.subClassOf):
                    if isinstance(parent, URIRef) and parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            self.supers[cls] = seen
        return self.supers[cls]

    def is_a(self, node: URIRef, cls: URIRef) -> bool:
        return any(cls in self.superclasses(t) for t in self.g.objects(node, RDF.type) if isinstance(t, URIRef))

    def annotation(self, cls: URIRef, prop: URIRef):
        """`prop` on `cls`, or on its nearest superclass that has it (breadth first, sorted)."""
        level, seen = [cls], {cls}
        while level:
            for c in sorted(level):
                values = sorted(self.g.objects(c, prop), key=str)
                if values:
                    return values[0]
            nxt = []
            for c in sorted(level):
                for parent in self.g.objects(c, RDFS.subClassOf):
                    if isinstance(parent, URIRef) and parent not in seen:
                        seen.add(parent)
                        nxt.append(parent)
            level = nxt
        return None

    def event_class(self, event: URIRef) -> URIRef | None:
        """The most specific event class asserted on `event` (a leaf such as rkg:Expulsion): of its
        types under rkg:Event, one that is no superclass of another; prefer those with a CAMEO code."""
        types = sorted(t for t in self.g.objects(event, RDF.type)
                       if isinstance(t, URIRef) and RKG.Event in self.superclasses(t))
        if not types:
            return None
        leaves = [t for t in types if not any(o != t and t in self.superclasses(o) for o in types)]
        coded = [t for t in leaves if (t, RKG.cameoCode, None) in self.g]
        return (coded or leaves)[0]


def _kind(onto: _Ontology, node: URIRef, kinds, default: str) -> str:
    for cls, name in kinds:
        if onto.is_a(node, cls):
            return name
    return default


def _events(g: Graph, onto: _Ontology) -> list[URIRef]:
    """Every IRI typed with a subclass of rkg:Event that has an actor (sorted)."""
    found = set()
    for s, t in g.subject_objects(RDF.type):
        if isinstance(s, URIRef) and isinstance(t, URIRef) and RKG.Event in onto.superclasses(t):
            found.add(s)
    return sorted(found, key=str)


def _date(value) -> str | None:
    """An xsd:date literal as YYYY-MM-DD (None when absent or not a date)."""
    if value is None:
        return None
    text = str(value).strip()
    return text[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text) else None


def _first(g: Graph, s, p):
    values = sorted(g.objects(s, p), key=str)
    return values[0] if values else None


def _wikidata(g: Graph, node: URIRef) -> str | None:
    ids = sorted(str(o)[len(str(WD)):] for o in g.objects(node, OWL.sameAs) if str(o).startswith(str(WD)))
    return ids[0] if ids else None


def _event_attrs(g: Graph, onto: _Ontology, event: URIRef) -> dict:
    cls = onto.event_class(event)
    attrs = {"iri": str(event), "label": english_label(g, event, (RDFS.label, SKOS.prefLabel)),
             "kind": _kind(onto, event, EVENT_KINDS, "event"), "category": "event"}
    if cls is not None:
        attrs["class"] = english_label(g, cls, (RDFS.label, SKOS.prefLabel))
        cameo = onto.annotation(cls, RKG.cameoCode)
        if cameo is not None:
            attrs["cameo"] = clean_text(cameo)
        goldstein = onto.annotation(cls, RKG.goldsteinScore)
        if goldstein is not None:
            try:
                attrs["goldstein"] = float(goldstein)
            except ValueError:
                pass
    date = _first(g, event, RKG.date)
    if date is not None:
        attrs["date"] = clean_text(date)
    start, end = _date(_first(g, event, RKG.dateStart)), _date(_first(g, event, RKG.dateEnd))
    if start:
        attrs["start"] = start
    if end:
        attrs["end"] = end
    return attrs


def _actor_attrs(g: Graph, onto: _Ontology, actor: URIRef) -> dict:
    attrs = {"iri": str(actor), "label": english_label(g, actor),
             "kind": _kind(onto, actor, ACTOR_KINDS, "actor"), "category": "actor"}
    wikidata = _wikidata(g, actor)
    if wikidata:
        attrs["wikidata"] = wikidata
    return attrs


def _iris(values) -> list[URIRef]:
    return sorted({v for v in values if isinstance(v, URIRef)}, key=str)


def _span(attrs: dict) -> dict:
    return {k: attrs[k] for k in ("start", "end") if k in attrs}


def event_graph(g: Graph) -> nx.MultiDiGraph:
    """Actors and events of the union `g` (ontology included) as a MultiDiGraph; see the module doc."""
    onto = _Ontology(g)
    events = _events(g, onto)
    event_set = set(events)
    nodes: dict[URIRef, dict] = {e: _event_attrs(g, onto, e) for e in events}
    edges: list[tuple[URIRef, URIRef, dict]] = []

    for e in events:
        span = _span(nodes[e])
        for actor in _iris(g.objects(e, RKG.actor)):
            edges.append((actor, e, {"relation": "actor", **span}))
        for agent in _iris(g.objects(e, RKG.agent)):
            edges.append((agent, e, {"relation": "agent", **span}))
        for target in _iris(g.objects(e, RKG.target)):
            edges.append((e, target, {"relation": "target", **span}))
        for topic in _iris(g.objects(e, RKG.about)):
            if topic in event_set:
                edges.append((e, topic, {"relation": "about", **span}))
        for cause in _iris(c for p in EVENT_RELATIONS for c in g.objects(e, p)):
            if cause not in event_set:
                continue
            relations = [p for p in EVENT_RELATIONS if (e, p, cause) in g]
            specific = [p for p in relations if p != RKG.respondsTo]
            # a specific relation hides the generic respondsTo the reasoner may have added
            for prop in specific or relations:
                edges.append((e, cause, {"relation": local_name(prop), **span}))

    for s, o, _ in edges:
        for node in (s, o):
            if node not in nodes:
                nodes[node] = _actor_attrs(g, onto, node)

    # actors live from their first event on
    for node, attrs in nodes.items():
        if attrs["category"] == "actor":
            starts = [d["start"] for s, o, d in edges if node in (s, o) and "start" in d]
            if starts:
                attrs["start"] = min(starts)

    graph = nx.MultiDiGraph()
    for node in sorted(nodes, key=str):
        graph.add_node(compact(node), **nodes[node])
    edges.sort(key=lambda t: (str(t[0]), str(t[1]), t[2]["relation"]))
    for i, (s, o, attrs) in enumerate(edges):
        graph.add_edge(compact(s), compact(o), key=f"e{i}", **attrs)
    return graph


def actor_graph(g: Graph) -> nx.DiGraph:
    """Retaliations between actors of the union `g` as a DiGraph; see the module doc."""
    onto = _Ontology(g)
    events = _events(g, onto)
    event_set = set(events)
    found: dict[tuple[URIRef, URIRef], dict] = defaultdict(lambda: {"acts": set(), "goldstein": 0.0, "dates": []})
    for e in events:
        if not onto.is_a(e, RKG.Act):
            continue
        causes = _iris(c for p in EVENT_RELATIONS for c in g.objects(e, p) if c in event_set)
        if not causes:
            continue
        attrs = _event_attrs(g, onto, e)
        against = set(_iris(g.objects(e, RKG.target)))
        for cause in causes:
            against.update(_iris(g.objects(cause, RKG.actor)))
        for actor in _iris(g.objects(e, RKG.actor)):
            for other in sorted(against - {actor}, key=str):
                entry = found[(actor, other)]
                if e not in entry["acts"]:
                    entry["acts"].add(e)
                    entry["goldstein"] += attrs.get("goldstein", 0.0)
                    entry["dates"] += [attrs[k] for k in ("start", "end") if k in attrs]

    graph = nx.DiGraph()
    actors = sorted({a for pair in found for a in pair}, key=str)
    for actor in actors:
        attrs = _actor_attrs(g, onto, actor)
        dates = [d for (s, o), entry in found.items() if actor in (s, o) for d in entry["dates"]]
        if dates:
            attrs["start"] = min(dates)
        graph.add_node(compact(actor), **attrs)
    for s, o in sorted(found, key=lambda p: (str(p[0]), str(p[1]))):
        entry = found[(s, o)]
        attrs = {"relation": "retaliation", "count": len(entry["acts"]),
                 "weight": float(len(entry["acts"])), "goldstein": round(entry["goldstein"], 6)}
        if entry["dates"]:
            attrs["start"], attrs["end"] = min(entry["dates"]), max(entry["dates"])
        graph.add_edge(compact(s), compact(o), **attrs)
    return graph


def edge_list(graph: nx.Graph) -> list[tuple[str, str, str, dict]]:
    """(id, source, target, attributes) for every edge, in insertion order: a MultiDiGraph's keys are
    the ids; a simple graph's edges are numbered e0, e1 … in order."""
    if graph.is_multigraph():
        return [(str(k), u, v, d) for u, v, k, d in graph.edges(keys=True, data=True)]
    return [(f"e{i}", u, v, d) for i, (u, v, d) in enumerate(graph.edges(data=True))]


def latest_date(graph: nx.Graph) -> str | None:
    """The latest start or end date on any node or edge (for a reproducible `lastmodifieddate`)."""
    dates = [d[k] for _, d in graph.nodes(data=True) for k in ("start", "end") if k in d]
    dates += [d[k] for *_, d in graph.edges(data=True) for k in ("start", "end") if k in d]
    return max(dates) if dates else None
