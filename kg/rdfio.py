"""Reading RDF safely and writing it deterministically (byte-identical output for identical input)."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL

from kg.errors import InputError
from kg.namespaces import bind_prefixes

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".rdf": "xml", ".owl": "xml"}
DATASET_FORMATS = ("trig", "nquads")  # formats with named graphs
STAGING = ".kg-staging-"  # prefix of the hidden folder a build writes into before it renames the files


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
        with open(path, "rb") as fh:  # open() rather than Path.read_bytes: this runs once per article
            data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text  # editors on Windows start files with a BOM


def problem(exc: BaseException, width: int = 240) -> str:
    """An exception's message as one line (rdflib's span several, the useful part often on the second)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= width else text[: width - 1] + "…"


@contextmanager
def _quiet_rdflib():
    """rdflib logs a traceback for every ill-typed literal; kg reports them itself, in one line."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


_DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _refuse_fetching(path: Path, text: str, fmt: str) -> None:
    """Refuse what would make a parser read another file or the network: DTDs, remote JSON-LD contexts."""
    if fmt == "xml" and _DTD.search(text):
        raise InputError(f"{path}: DOCTYPE and ENTITY declarations are not allowed in RDF/XML "
                         "(kg never resolves external entities)")
    if fmt == "json-ld":
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested thousands deep
            raise InputError(f"{path}: malformed json-ld: {problem(exc)}") from None
        for context in _contexts(doc):
            raise InputError(f"{path}: JSON-LD context {context!r} is not fetched (kg never reaches the network); "
                             "put the context in the file")


def _contexts(node):
    """Every @context (or @import) in a JSON-LD document that names a document instead of holding one."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            yield ctx
                        elif ctx is not None:
                            stack.append(ctx)
                else:
                    stack.append(value)


def _check_parsed(path: Path, triples) -> None:
    """What rdflib reads without complaint but kg refuses: owl:imports (never followed), ill-typed literals."""
    for _, p, o in triples:
        if p == OWL.imports:
            raise InputError(f"{path}: owl:imports <{o}> is not followed (kg never fetches); "
                             "copy what it imports into the folder instead")
        if isinstance(o, Literal) and getattr(o, "ill_typed", False):
            raise InputError(f"{path}: {str(o)!r} is not a valid {_short_type(o.datatype)}")


def _short_type(datatype) -> str:
    text = str(datatype)
    return "xsd:" + text.split("#", 1)[1] if text.startswith("http://www.w3.org/2001/XMLSchema#") else f"<{text}>"


def _parse(path: Path, target: Graph) -> None:
    text = read_text(path)
    fmt = rdf_format(path)
    _refuse_fetching(path, text, fmt)
    try:
        with _quiet_rdflib():
            target.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
    except InputError:
        raise
    except Exception as exc:  # rdflib raises many types; all mean the same to the user
        raise InputError(f"{path}: malformed {fmt}: {problem(exc)}") from None


def parse_graph(path: Path, into: Graph | None = None) -> Graph:
    """Parse one RDF file into a graph (the named graphs of TriG/N-Quads merged); bad input raises InputError."""
    path = Path(path)
    graph = into if into is not None else Graph()
    if rdf_format(path) in DATASET_FORMATS:
        ds = parse_dataset(path)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    scratch = Graph()
    _parse(path, scratch)
    _check_parsed(path, scratch)
    for t in scratch:
        graph.add(t)
    return graph


def parse_dataset(path: Path) -> Dataset:
    """Parse a TriG or N-Quads file into a Dataset."""
    path = Path(path)
    ds = Dataset()
    _parse(path, ds)
    _check_parsed(path, ((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))))
    return ds


def rdf_files(folder: Path) -> list[Path]:
    """The RDF files of a folder (by suffix), sorted; two with the same stem would share a named graph."""
    files = sorted(p for p in Path(folder).glob("*") if p.suffix.lower() in FORMATS and not p.name.startswith("."))
    stems: dict[str, Path] = {}
    for path in files:
        if path.stem in stems:
            raise InputError(f"{path}: same name as {stems[path.stem].name} (each file becomes the graph named "
                             "after its stem)")
        stems[path.stem] = path
    return files


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
    # Only the leading prefix lines go, split at "\n" only: str.splitlines would also split at \r, \f, \x85,
    # \u2028 … inside literals, and a line of an article may itself start with "@prefix".
    lines = text.split("\n")
    while lines and (lines[0].startswith("@prefix") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).strip()


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
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    A failure is an InputError naming `path` (not the temporary file) and why.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{path}: cannot write: a part of {path.parent} is a file, not a folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes it private; the output is an ordinary file
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_synced(path: Path, raw: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())


def write_files_atomic(folder: Path, payloads: dict[str, str | bytes]) -> list[Path]:
    """Write every file into a hidden staging folder inside `folder`, then rename them into place.

    A failure (or a kill) while writing leaves the previous files untouched: nothing is renamed until every
    file is complete on disk. Staging folders left behind by a killed run are removed by the next one.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(STAGING + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=folder))
    try:
        for name, data in payloads.items():
            _write_synced(staging / name, data.encode("utf-8") if isinstance(data, str) else data)
        written = []
        for name in payloads:
            os.replace(staging / name, folder / name)
            written.append(folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


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
