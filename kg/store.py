"""Where a built dataset lives: Oxigraph in memory, Oxigraph on disk, or any SPARQL 1.1 endpoint.

One small interface, so that the build, the reasoner, the validator and the saved queries run the same
SPARQL on all three: `select` and `construct` read (the default graph is the union of the named graphs,
as for the in-memory build), `put_graph` replaces one named graph, `drop_graph` removes one, `update`
runs SPARQL Update, `dump` writes the dataset as TriG. `dataset()` gives an rdflib Dataset view of the
store for the commands that walk the graph from Python (kg chain, exports).

The endpoint store speaks the SPARQL 1.1 Protocol for queries and updates and the Graph Store Protocol
for whole graphs (PUT and DELETE on `?graph=`). Its server must use the union of the named graphs as the
default graph (Oxigraph: `oxigraph serve --union-default-graph`; docs/stores.md has the others).
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import from_n3

from kg.errors import InputError
from kg.namespaces import PREFIXES

WORKERS = max(1, min(4, os.cpu_count() or 1))  # threads for independent store reads (dump, validation queries)
FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
           "nquads": ox.RdfFormat.N_QUADS}
MEDIA = {"turtle": "text/turtle", "ntriples": "application/n-triples", "trig": "application/trig",
         "nquads": "application/n-quads"}


def term_text(term) -> str:
    """A term as the saved queries print it (rdflib's str): the IRI, the lexical form, or the blank node id."""
    return "" if term is None else term.value


def nt(term) -> str:
    """A pyoxigraph term in N-Triples syntax."""
    return str(term)


class Store:
    """The interface; see the module docstring."""

    kind = "store"

    def select(self, query: str) -> tuple[list[str], list[tuple]]:
        raise NotImplementedError

    def construct(self, query: str) -> list[ox.Triple]:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def put_graph(self, name: str, data: bytes, fmt: str = "ntriples", base: str | None = None) -> None:
        raise NotImplementedError

    def drop_graph(self, name: str) -> None:
        self.update(f"DROP SILENT GRAPH <{name}>")

    def graph_names(self) -> list[str]:
        _, rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r[0].value for r in rows)

    def ask(self, query: str) -> bool:
        raise NotImplementedError

    def dump(self) -> bytes:
        """The dataset as TriG, one block per named graph in name order (byte-identical for equal content)."""
        raise NotImplementedError

    def dataset(self):
        raise NotImplementedError

    def close(self) -> None:
        pass


class OxigraphStore(Store):
    """pyoxigraph in this process: in memory (path None) or on disk at `path` (kept between runs)."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else None
        self.kind = "disk" if path is not None else "memory"
        try:
            self.store = ox.Store(str(self.path)) if self.path is not None else ox.Store()
        except OSError as exc:
            raise InputError(f"{path}: cannot open the store ({exc})") from None

    def select(self, query):
        result = self.store.query(query, use_default_graph_as_union=True)
        return [v.value for v in result.variables], [tuple(row) for row in result]

    def construct(self, query):
        return list(self.store.query(query, use_default_graph_as_union=True))

    def ask(self, query):
        return bool(self.store.query(query, use_default_graph_as_union=True))

    def update(self, sparql):
        self.store.update(sparql)

    def put_graph(self, name, data, fmt="ntriples", base=None):
        graph = ox.NamedNode(name)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        try:
            self.store.load(input=data, format=FORMATS[fmt], to_graph=graph, base_iri=base)
            if self.store.query(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }} }}"):
                # the parser names blank nodes at random: name them in order of appearance instead, so that
                # two builds of the same files dump the same bytes
                self.store.remove_graph(graph)
                quads = ox.parse(input=data, format=FORMATS[fmt], base_iri=base)
                self.store.extend(stable_blank_nodes(quads, name, graph))
        except SyntaxError as exc:
            raise InputError(f"{base or name}: malformed {fmt}: {str(exc).splitlines()[0]}") from None

    def extend(self, name: str, triples) -> None:
        """Add triples (pyoxigraph Triples) to a named graph without a round trip through text."""
        graph = ox.NamedNode(name)
        self.store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)

    def drop_graph(self, name):
        graph = ox.NamedNode(name)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)

    def graph_names(self):
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def triples(self, predicate: str | None = None, graph: str | None = None):
        """(subject, object) pairs of a predicate over all named graphs (or one), straight from the indexes."""
        g = ox.NamedNode(graph) if graph else None
        p = ox.NamedNode(predicate) if predicate else None
        return self.store.quads_for_pattern(None, p, None, g)

    def dump(self):
        chunks = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
        chunks.append("\n")
        names = self.graph_names()

        def body(name: str) -> bytes:
            return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:  # Oxigraph releases the GIL while it serialises
            bodies = list(pool.map(body, names))
        parts = ["".join(chunks).encode()]
        for name, data in zip(names, bodies, strict=True):
            parts += [f"<{name}> {{\n".encode(), data, b"}\n\n"]
        return b"".join(parts)

    def dataset(self):
        from oxrdflib import OxigraphStore as RdflibOxigraph

        return _OxigraphDataset(self.store, store=RdflibOxigraph(store=self.store), default_union=True)

    def flush(self) -> None:
        if self.path is not None:
            self.store.flush()

    def close(self):
        self.flush()


class EndpointStore(Store):
    """A SPARQL 1.1 endpoint: Protocol for query and update, Graph Store Protocol for named graphs.

    `url` is the query endpoint; `update_url` and `graph_url` default to Oxigraph's layout beside it
    (/query, /update, /store), or to `url` itself when it does not end in /query.
    """

    kind = "endpoint"

    def __init__(self, url: str, update_url: str | None = None, graph_url: str | None = None, timeout: float = 600):
        if not url.startswith(("http://", "https://")):
            raise InputError(f"{url}: an endpoint is an http(s) URL")
        base = url[: -len("/query")] if url.endswith("/query") else None
        self.url = url
        self.update_url = update_url or (base + "/update" if base else url)
        self.graph_url = graph_url or (base + "/store" if base else url)
        self.timeout = timeout

    def _request(self, url, data: bytes | None, headers: dict, method: str = "POST") -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (the user's endpoint)
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise InputError(f"{url}: HTTP {exc.code}: {detail[0] if detail else exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise InputError(f"{url}: cannot reach the endpoint ({getattr(exc, 'reason', exc)})") from None

    def _query(self, query: str, accept: str) -> bytes:
        body = urllib.parse.urlencode({"query": query}).encode()
        return self._request(self.url, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def select(self, query):
        data = json.loads(self._query(query, "application/sparql-results+json"))
        names = data["head"].get("vars", [])
        rows = [tuple(_from_json(b.get(n)) for n in names) for b in data["results"]["bindings"]]
        return names, rows

    def ask(self, query):
        return bool(json.loads(self._query(query, "application/sparql-results+json"))["boolean"])

    def construct(self, query):
        data = self._query(query, "application/n-triples")
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))

    def update(self, sparql):
        body = urllib.parse.urlencode({"update": sparql}).encode()
        self._request(self.update_url, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def _graph_target(self, name: str) -> str:
        return self.graph_url + "?" + urllib.parse.urlencode({"graph": name})

    def put_graph(self, name, data, fmt="ntriples", base=None):
        if fmt not in ("ntriples", "nquads"):  # resolve relative IRIs here: a server would use its own URL
            data = ox.serialize(ox.parse(data, format=FORMATS[fmt], base_iri=base), format=ox.RdfFormat.N_TRIPLES)
        self._request(self._graph_target(name), data, {"Content-Type": MEDIA["ntriples"]}, method="PUT")

    def extend(self, name, triples) -> None:
        self._request(self._graph_target(name), ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES),
                      {"Content-Type": MEDIA["ntriples"]}, method="POST")

    def drop_graph(self, name):
        self.update(f"DROP SILENT GRAPH <{name}>")

    def dump(self):
        chunks = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
        out = ("".join(chunks) + "\n").encode()
        for name in self.graph_names():
            triples = self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            lines = sorted(ox.serialize([t], format=ox.RdfFormat.N_TRIPLES) for t in triples)
            out += f"<{name}> {{\n".encode() + b"".join(lines) + b"}\n\n"
        return out

    def dataset(self):
        from rdflib import Dataset
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        store = SPARQLUpdateStore(query_endpoint=self.url, update_endpoint=self.update_url, method="POST_FORM")
        return Dataset(store=store, default_union=True)


def _from_json(binding: dict | None):
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def open_store(path: Path | str | None = None, endpoint: str | None = None) -> Store:
    """The store the options name: an endpoint URL, an on-disk path, or (neither) a fresh one in memory."""
    if endpoint and path:
        raise InputError("give --store or --endpoint, not both")
    if endpoint:
        import os

        return EndpointStore(endpoint, update_url=os.environ.get("KG_ENDPOINT_UPDATE") or None,
                             graph_url=os.environ.get("KG_ENDPOINT_GSP") or None)
    return OxigraphStore(path)


def stable_blank_nodes(quads, salt: str, graph: ox.NamedNode):
    """The quads moved into `graph`, each blank node renamed after `salt` and the order it first appears in."""
    prefix = "b" + hashlib.sha256(salt.encode()).hexdigest()[:12]
    names: dict = {}

    def rename(term):
        if type(term) is not ox.BlankNode:
            return term
        new = names.get(term.value)
        if new is None:
            new = names[term.value] = ox.BlankNode(f"{prefix}n{len(names)}")
        return new

    for q in quads:
        yield ox.Quad(rename(q.subject), q.predicate, rename(q.object), graph)


class _OxigraphDataset(Dataset):
    """An rdflib Dataset over a pyoxigraph store whose whole-predicate reads skip oxrdflib's per-term conversion.

    `subject_objects(p)` and `subjects(p, o)` over every named graph are what kg.chain and kg.events_table
    ask for in bulk (hundreds of thousands of pairs at corpus scale). Here Oxigraph answers them as one
    SELECT DISTINCT serialised as TSV, and each distinct term's text becomes an rdflib term once (str keys
    hash once; pyoxigraph terms hash anew on every lookup). The terms equal oxrdflib's. Everything else is
    rdflib's Dataset unchanged."""

    def __init__(self, ox_store: ox.Store, **kwargs):
        super().__init__(**kwargs)
        self._ox = ox_store
        self._terms = _TermCache()

    def _rows(self, query: str) -> list[tuple]:
        result = self._ox.query(query, use_default_graph_as_union=True)
        lines = result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8").split("\n")[1:]
        terms = self._terms
        return [tuple(terms[cell] for cell in line.split("\t")) for line in lines if line]

    def subject_objects(self, predicate=None, unique=False):
        if type(predicate) is not URIRef:
            yield from super().subject_objects(predicate, unique)
            return
        yield from self._rows(f"SELECT DISTINCT ?s ?o WHERE {{ ?s {predicate.n3()} ?o }}")

    def subjects(self, predicate=None, object=None, unique=False):  # noqa: A002 - rdflib's signature
        if type(predicate) is not URIRef or type(object) is not URIRef:
            yield from super().subjects(predicate, object, unique)
            return
        for (s,) in self._rows(f"SELECT DISTINCT ?s WHERE {{ ?s {predicate.n3()} {object.n3()} }}"):
            yield s


class _TermCache(dict):
    """SPARQL TSV cell text → the rdflib term oxrdflib would give for it, each text converted once."""

    def __missing__(self, text: str):
        if text.startswith("<"):
            term = URIRef(text[1:-1])
        elif text.startswith("_:"):
            term = BNode(text[2:])
        else:
            term = from_n3(text)
            if isinstance(term, Literal) and term.language is None and term.datatype is None:
                term = Literal(str(term), datatype=XSD.string)
        self[text] = term
        return term
