"""GraphML of the same views as the GEXF (networkx's GraphML writer), with a unique id on every edge."""

from __future__ import annotations

import io

import networkx as nx
from rdflib import Graph

from kg.errors import InputError
from kg.export.graph_model import actor_graph, clean_text, edge_list, event_graph

VIEWS = ("events", "actors")


def _value(value):
    """GraphML values: booleans, ints and floats as they are; everything else as clean text."""
    if isinstance(value, bool | int | float):
        return value
    return clean_text(value)


def _with_edge_ids(graph: nx.Graph) -> nx.MultiDiGraph:
    """A copy as a MultiDiGraph whose edge keys are the export's edge ids (e0, e1 …), which the writer
    turns into `id` attributes; node and edge order kept, values made GraphML-safe."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(clean_text(node), **{k: _value(v) for k, v in data.items() if v is not None})
    for edge_id, source, target, data in edge_list(graph):
        out.add_edge(clean_text(source), clean_text(target), key=edge_id,
                     **{k: _value(v) for k, v in data.items() if v is not None})
    return out


def graph_to_graphml(graph: nx.Graph) -> bytes:
    """GraphML bytes for a graph built by `graph_model`."""
    buffer = io.BytesIO()
    nx.write_graphml(_with_edge_ids(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def to_graphml(g: Graph, view: str = "events") -> bytes:
    """GraphML of the union graph `g`; views as in `kg.export.gexf.to_gexf`."""
    if view == "events":
        return graph_to_graphml(event_graph(g))
    if view == "actors":
        return graph_to_graphml(actor_graph(g))
    raise InputError(f"unknown GraphML view {view!r} (choose from {', '.join(VIEWS)})")
