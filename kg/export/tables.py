"""Plain exports: Turtle of the union, TriG of the dataset, the events table."""

from __future__ import annotations

from rdflib import Dataset

from kg.events_table import rows, to_csv
from kg.rdfio import graph_turtle_body, trig_text, union_graph


def to_trig(ds: Dataset) -> bytes:
    return trig_text(ds).encode("utf-8")


def to_turtle(ds: Dataset) -> bytes:
    from kg.namespaces import PREFIXES

    head = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items()))
    return (head + "\n\n" + graph_turtle_body(union_graph(ds)) + "\n").encode("utf-8")


def to_events_csv(ds: Dataset) -> bytes:
    return to_csv(rows(union_graph(ds))).encode("utf-8")
