"""Exports of the built dataset. Every exporter takes the Dataset and returns the file's bytes.

`EXPORTERS` maps a format name (what `kg export --format NAME` accepts) to its exporter; `SUFFIXES`
gives the file suffix. Graph exports (GEXF, GraphML, JSON-LD) work on the union of the named graphs.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Dataset

from kg.export.gexf import to_gexf
from kg.export.graphml import to_graphml
from kg.export.jsonld import to_jsonld
from kg.export.tables import to_events_csv, to_trig, to_turtle
from kg.rdfio import union_graph

Exporter = Callable[[Dataset], bytes]


def export_gexf(ds: Dataset) -> bytes:
    """GEXF 1.3, events view (actors, events and their relations), for Gephi."""
    return to_gexf(union_graph(ds), view="events")


def export_gexf_actors(ds: Dataset) -> bytes:
    """GEXF 1.3, actors view (retaliations between actors, weighted)."""
    return to_gexf(union_graph(ds), view="actors")


def export_graphml(ds: Dataset) -> bytes:
    """GraphML, events view, unique edge ids."""
    return to_graphml(union_graph(ds), view="events")


def export_jsonld(ds: Dataset) -> bytes:
    """JSON-LD of the union graph with the project context."""
    return to_jsonld(union_graph(ds)).encode("utf-8")


EXPORTERS: dict[str, Exporter] = {
    "gexf": export_gexf,
    "gexf-actors": export_gexf_actors,
    "graphml": export_graphml,
    "jsonld": export_jsonld,
    "ttl": to_turtle,
    "trig": to_trig,
    "events-csv": to_events_csv,
}

SUFFIXES: dict[str, str] = {
    "gexf": ".gexf",
    "gexf-actors": ".actors.gexf",
    "graphml": ".graphml",
    "jsonld": ".jsonld",
    "ttl": ".ttl",
    "trig": ".trig",
    "events-csv": ".csv",
}


def export(ds: Dataset, fmt: str) -> bytes:
    """The dataset in format `fmt`; an unknown format is an InputError (exit 2)."""
    from kg.errors import InputError

    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(sorted(EXPORTERS))})") from None
    return exporter(ds)


__all__ = ["EXPORTERS", "SUFFIXES", "Exporter", "export", "to_gexf", "to_graphml", "to_jsonld"]
