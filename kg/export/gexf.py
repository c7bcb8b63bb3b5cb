"""GEXF 1.3 for Gephi and Gephi Lite, written with lxml (networkx's GEXF writer is not schema-valid).

What the file does, and why:

* namespaces ``http://gexf.net/1.3`` and ``http://gexf.net/1.3/viz``; no ``xsi:schemaLocation``
  (RELAX NG validators reject it);
* ``<meta lastmodifieddate>`` is the latest date in the data, never today, so builds are byte-identical;
* ``<graph mode="dynamic" timeformat="date">`` with ``start``/``end`` attributes (YYYY-MM-DD) on nodes
  and edges, so Gephi's timeline works; no spells (Gephi desktop ignores start/end when spells exist)
  and no dynamic attribute values (they break graphology-gexf);
* attributes declared per class with ids; no attribute or title named ``type`` (graphology reserves it);
* labels are names, not IRIs; text is stripped of characters XML 1.0 forbids;
* ``viz:color`` by kind from a fixed palette, ``viz:size`` by degree (actors) or |Goldstein| (events).
"""

from __future__ import annotations

import networkx as nx
from lxml import etree
from rdflib import Graph

from kg.errors import InputError
from kg.export.graph_model import actor_graph, clean_text, edge_list, event_graph, latest_date

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
NSMAP = {None: GEXF_NS, "viz": VIZ_NS}

VIEWS = ("events", "actors")

# Node attributes: (id, title, GEXF type). Titles are the keys graphology uses.
NODE_ATTRIBUTES = (
    ("kind", "kind", "string"),
    ("category", "category", "string"),
    ("class", "class", "string"),
    ("cameo", "cameo", "string"),
    ("goldstein", "goldstein", "double"),
    ("date", "date", "string"),
    ("wikidata", "wikidata", "string"),
    ("iri", "iri", "string"),
)
EDGE_ATTRIBUTES = (
    ("relation", "relation", "string"),
    ("count", "count", "integer"),
    ("goldstein", "goldstein", "double"),
)

# Fixed palette (colour-blind friendly, after Okabe & Ito), by node kind.
PALETTE = {
    "state": (0, 114, 178),
    "organisation": (0, 158, 115),
    "media": (204, 121, 167),
    "person": (230, 159, 0),
    "actor": (86, 180, 233),
    "act": (213, 94, 0),
    "speech act": (240, 228, 66),
    "claim": (153, 153, 153),
    "event": (120, 120, 120),
}
EDGE_COLOURS = {
    "retaliatesFor": (213, 94, 0),
    "tightens": (204, 121, 167),
    "respondsTo": (230, 159, 0),
    "retaliation": (213, 94, 0),
}


def _q(tag: str, ns: str = GEXF_NS) -> str:
    return f"{{{ns}}}{tag}"


def _number(value: float) -> str:
    """A short, stable decimal form: 4.0 → "4.0", 0.1 + 0.2 → "0.3"."""
    text = f"{float(value):.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _value(value, gexf_type: str) -> str:
    if gexf_type == "double":
        return _number(value)
    if gexf_type == "integer":
        return str(int(value))
    return clean_text(value)


def _used(attributes, records) -> tuple:
    """The declared attributes some node or edge has a value for (declaration order kept)."""
    return tuple(a for a in attributes if any(d.get(a[0]) not in (None, "") for d in records))


def _declare(graph_el, cls: str, attributes) -> None:
    if not attributes:
        return
    attrs_el = etree.SubElement(graph_el, _q("attributes"), {"class": cls, "mode": "static"})
    for att_id, title, gexf_type in attributes:
        etree.SubElement(attrs_el, _q("attribute"), {"id": att_id, "title": title, "type": gexf_type})


def _attvalues(parent, data: dict, attributes) -> None:
    present = [(att_id, t) for att_id, _, t in attributes if data.get(att_id) not in (None, "")]
    if not present:
        return
    values_el = etree.SubElement(parent, _q("attvalues"))
    for att_id, gexf_type in present:
        etree.SubElement(values_el, _q("attvalue"), {"for": att_id, "value": _value(data[att_id], gexf_type)})


def _span(element, data: dict) -> None:
    if data.get("start"):
        element.set("start", data["start"])
    if data.get("end"):
        element.set("end", data["end"])


def _colour(parent, rgb) -> None:
    r, g, b = rgb
    etree.SubElement(parent, _q("color", VIZ_NS), {"r": str(r), "g": str(g), "b": str(b)})


def _node_size(graph: nx.Graph, node, data: dict) -> float:
    if data.get("category") == "event":
        return 5.0 + abs(float(data.get("goldstein", 0.0)))
    return float(min(10 + 2 * graph.degree(node, weight=None), 50))


def graph_to_gexf(graph: nx.Graph, description: str = "") -> bytes:
    """GEXF 1.3 bytes for a graph built by `graph_model` (nodes and edges in the graph's order)."""
    root = etree.Element(_q("gexf"), nsmap=NSMAP)
    root.set("version", "1.3")
    meta = etree.SubElement(root, _q("meta"))
    modified = latest_date(graph)
    if modified:
        meta.set("lastmodifieddate", modified)
    etree.SubElement(meta, _q("creator")).text = "kg (retaliation chains knowledge graph)"
    if description:
        etree.SubElement(meta, _q("description")).text = clean_text(description)

    graph_el = etree.SubElement(root, _q("graph"),
                                {"mode": "dynamic", "defaultedgetype": "directed", "timeformat": "date"})
    edges = edge_list(graph)
    node_attributes = _used(NODE_ATTRIBUTES, [d for _, d in graph.nodes(data=True)])
    edge_attributes = _used(EDGE_ATTRIBUTES, [d for *_, d in edges])
    _declare(graph_el, "node", node_attributes)
    _declare(graph_el, "edge", edge_attributes)

    nodes_el = etree.SubElement(graph_el, _q("nodes"), {"count": str(graph.number_of_nodes())})
    for node, data in graph.nodes(data=True):
        node_el = etree.SubElement(nodes_el, _q("node"), {"id": clean_text(node),
                                                         "label": clean_text(data.get("label") or node)})
        _span(node_el, data)
        _attvalues(node_el, data, node_attributes)
        _colour(node_el, PALETTE.get(data.get("kind"), PALETTE["event"]))
        etree.SubElement(node_el, _q("size", VIZ_NS), {"value": _number(_node_size(graph, node, data))})

    edges_el = etree.SubElement(graph_el, _q("edges"), {"count": str(len(edges))})
    for edge_id, source, target, data in edges:
        edge_el = etree.SubElement(edges_el, _q("edge"), {"id": edge_id, "source": clean_text(source),
                                                         "target": clean_text(target)})
        if data.get("relation"):
            edge_el.set("label", clean_text(data["relation"]))
        if "weight" in data:
            edge_el.set("weight", _number(data["weight"]))
        _span(edge_el, data)
        _attvalues(edge_el, data, edge_attributes)
        if data.get("relation") in EDGE_COLOURS:
            _colour(edge_el, EDGE_COLOURS[data["relation"]])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_gexf(g: Graph, view: str = "events") -> bytes:
    """GEXF 1.3 of the union graph `g`: ``view="events"`` (actors, events and their relations) or
    ``view="actors"`` (retaliations between actors, weighted by count; Goldstein summed)."""
    if view == "events":
        return graph_to_gexf(event_graph(g), "Actors and events; edges: actor, agent, target, about, "
                                             "respondsTo, retaliatesFor, tightens (effect to cause).")
    if view == "actors":
        return graph_to_gexf(actor_graph(g), "Actors; an edge A to B counts A's responsive acts against B "
                                             "(weight = count, goldstein = summed Goldstein score).")
    raise InputError(f"unknown GEXF view {view!r} (choose from {', '.join(VIEWS)})")
