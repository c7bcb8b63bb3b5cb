"""Reading RDF safely and writing it deterministically (byte-identical output for identical input)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.errors import InputError
from kg.namespaces import bind_prefixes

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}


def rdf_format(path: Path) -> str:
    """The rdflib parser name for a file, from its suffix."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(FORMATS)
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r} (expected one of {known})") from None


def read_text(path: Path) -> str:
    """A UTF-8 text file, or an InputError naming the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


def parse_graph(path: Path, into: Graph | None = None) -> Graph:
    """Parse one Turtle/N-Triples/JSON-LD file into a graph; malformed input raises InputError."""
    text = read_text(path)
    graph = into if into is not None else Graph()
    fmt = rdf_format(path)
    try:
        graph.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many types; all mean the same to the user
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: malformed {fmt}: {first}") from None
    return graph


def parse_dataset(path: Path) -> Dataset:
    """Parse a TriG or N-Quads file into a Dataset."""
    text = read_text(path)
    fmt = rdf_format(path)
    ds = Dataset()
    try:
        ds.parse(data=text, format=fmt)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: malformed {fmt}: {first}") from None
    return ds


def named_graphs(ds: Dataset) -> list[Graph]:
    """The dataset's non-empty named graphs, sorted by name."""
    graphs = [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    return sorted(graphs, key=lambda g: str(g.identifier))


def graph_turtle_body(graph: Graph) -> str:
    """Turtle of a graph without prefix lines (rdflib sorts subjects and predicates)."""
    g = Graph()
    bind_prefixes(g)
    for t in graph:
        g.add(t)
    text = g.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip()


def trig_text(ds: Dataset) -> str:
    """Deterministic TriG: all prefixes, then one block per named graph sorted by name.

    Graph bodies are not indented: rdflib writes long texts as triple-quoted literals, and indenting
    their continuation lines would change the article text that mention offsets point into.
    """
    from kg.namespaces import PREFIXES

    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    lines.append("")
    for graph in named_graphs(ds):
        body = graph_turtle_body(graph)
        lines.append(f"<{graph.identifier}> {{")
        lines.append(body)  # not indented: that would change multi-line literals
        lines.append("}")
        lines.append("")
    return "\n".join(lines)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def union_graph(ds: Dataset) -> Graph:
    """All named graphs as one Graph (a copy), for tools that want a single graph."""
    g = Graph()
    bind_prefixes(g)
    for graph in named_graphs(ds):
        for t in graph:
            g.add(t)
    return g


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def add_graph(ds: Dataset, name: URIRef, graph: Graph) -> Graph:
    """Replace the named graph `name` in `ds` with the triples of `graph`."""
    ds.remove_graph(ds.graph(name))
    target = ds.graph(name)
    for t in graph:
        target.add(t)
    return target
