"""`kg serve`: the built graph over the SPARQL 1.1 Protocol, read-only, on loopback by default.

Why it is built this way:

* every query passes `kg.queries.check_query` first, the guard `kg query` uses (no updates, SERVICE or
  FROM), so the endpoint refuses exactly what the command line refuses;
* queries run in Oxigraph inside worker processes; a worker that overruns the time limit is killed and
  replaced, so a runaway query (a cartesian product) cannot keep a core busy after its client gave up;
* the workers' default graph holds the union of the named graphs as a *set*, which is what `kg query`
  sees through rdflib's `default_union`; Oxigraph's own union view repeats a triple once per graph that
  holds it, and that changes COUNT and SUM;
* results come in the format the client's Accept header asks for (JSON, XML, CSV, TSV for SELECT and ASK;
  Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT and DESCRIBE).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import tempfile
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.queries import check_query

ENDPOINT = "/sparql"
MAX_BODY = 1 << 20  # a query is text; a megabyte is plenty and keeps a client from filling memory

# media type → Oxigraph format name, in order of preference for a client that accepts anything.
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}
TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain", "text/xml"}


class QueryTimeout(Exception):
    """The query ran past the time limit; its worker was killed."""


class Busy(Exception):
    """Every worker stayed busy for a whole time limit."""


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


# ---------------------------------------------------------------------------------------------- workers


def _worker_main(conn, data_path: str, prefixes: dict[str, str]) -> None:
    """A worker process: load the N-Quads file into Oxigraph, then answer (query, format) pairs."""
    import pyoxigraph as ox

    store = ox.Store()
    with open(data_path, "rb") as fh:
        store.load(fh, format=ox.RdfFormat.N_QUADS)
    conn.send(("ready", len(store)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if message is None:
            return
        text, kind, fmt = message
        try:
            result = store.query(text, prefixes=prefixes)
            if kind == "graph":
                body = result.serialize(format=getattr(ox.RdfFormat, fmt))
            else:
                body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
            conn.send(("ok", body or b""))
        except Exception as exc:  # Oxigraph's syntax and evaluation errors: the client's problem
            conn.send(("error", _first_line(exc)))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, ctx, data_path: str, prefixes: dict[str, str]):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, data_path, prefixes), daemon=True)
        self.process.start()
        child.close()
        try:
            status = self.conn.recv()
        except EOFError:
            status = ("died",)
        if status[0] != "ready":
            self.process.join()
            raise RuntimeError(f"the SPARQL worker failed to start (exit code {self.process.exitcode})")
        self.size = status[1]

    def run(self, text: str, kind: str, fmt: str, time_limit: float) -> tuple[str, bytes | str]:
        self.conn.send((text, kind, fmt))
        if not self.conn.poll(time_limit):
            self.kill()
            raise QueryTimeout
        return self.conn.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """A fixed number of Oxigraph workers over one N-Quads snapshot of the dataset."""

    def __init__(self, ds: Dataset, workers: int = 2, time_limit: float = 30.0):
        if workers < 1:
            raise InputError("--workers must be at least 1")
        if time_limit <= 0:
            raise InputError("--time-limit must be more than 0 seconds")
        self.time_limit = time_limit
        self.prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        fd, self.data_path = tempfile.mkstemp(prefix="kg-serve-", suffix=".nq")
        with os.fdopen(fd, "wb") as fh:
            fh.write(snapshot(ds))
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise
        self.size = self._workers[0].size

    def _start(self) -> _Worker:
        worker = _Worker(self._ctx, self.data_path, self.prefixes)
        with self._lock:
            self._workers.append(worker)
        return worker

    def run(self, text: str, kind: str, fmt: str) -> tuple[str, bytes | str]:
        try:
            worker = self._idle.get(timeout=self.time_limit)
        except queue.Empty:
            raise Busy from None
        try:
            if worker is None:  # a slot whose worker was killed: start a fresh one
                worker = self._start()
            return worker.run(text, kind, fmt, self.time_limit)
        except (QueryTimeout, EOFError, OSError):  # overran, or died: drop it, the slot gets a new one
            if worker is not None:
                if worker.process.is_alive():
                    worker.kill()
                with self._lock:
                    if worker in self._workers:
                        self._workers.remove(worker)
            worker = None
            raise
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()
        if os.path.exists(self.data_path):
            os.unlink(self.data_path)


def snapshot(ds: Dataset) -> bytes:
    """N-Quads of the named graphs, plus their union (as a set) in the default graph, in one document so
    that blank nodes keep one identity across both."""
    from kg.rdfio import named_graphs, union_graph

    named = Dataset()
    for graph in named_graphs(ds):
        target = named.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    return named.serialize(format="nquads", encoding="utf-8") + union_graph(ds).serialize(format="nt", encoding="utf-8")


# ---------------------------------------------------------------------------------------------- protocol


def negotiate(accept: str | None, kind: str) -> str | None:
    """The media type to answer with for an Accept header; None when nothing offered is acceptable."""
    offered = list(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
    if not accept or not accept.strip():
        return offered[0]
    ranges = []
    for position, item in enumerate(accept.split(",")):
        fields = [f.strip() for f in item.split(";")]
        media = fields[0].lower()
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media, q, position))
    best, best_key = None, None
    for index, media in enumerate(offered):
        major = media.split("/")[0]
        matches = [(q, 2 if m == media else 1 if m == f"{major}/*" else 0, -pos)
                   for m, q, pos in ranges if m in (media, f"{major}/*", "*/*")]
        if not matches:
            continue
        q, specificity, pos = max(matches, key=lambda t: (t[1], t[0]))
        if q <= 0:
            continue
        key = (q, specificity, pos, -index)
        if best_key is None or key > best_key:
            best, best_key = media, key
    return best


def answer(pool: WorkerPool, text: str, accept: str | None) -> Reply:
    """Check, run and serialise one query; every outcome is a Reply, never an exception."""
    try:
        prepared = check_query(text, origin="query")
    except InputError as exc:
        return _text(HTTPStatus.BAD_REQUEST, str(exc))
    kind = "graph" if prepared.algebra.name in ("ConstructQuery", "DescribeQuery") else "results"
    media = negotiate(accept, kind)
    if media is None:
        table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
        return _text(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer this query as {accept}; offered: {', '.join(table)}")
    fmt = (GRAPH_TYPES if kind == "graph" else RESULT_TYPES)[media]
    try:
        status, payload = pool.run(text, kind, fmt)
    except QueryTimeout:
        return _text(HTTPStatus.SERVICE_UNAVAILABLE, f"query: stopped after the time limit of {pool.time_limit:g} s")
    except Busy:
        return _text(HTTPStatus.SERVICE_UNAVAILABLE, "every query worker is busy; try again later")
    except (EOFError, OSError):
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "query: the worker stopped unexpectedly; it was replaced")
    if status != "ok":
        return _text(HTTPStatus.BAD_REQUEST, f"query: {payload}")
    content_type = media + ("; charset=utf-8" if media in TEXT_TYPES else "")
    return Reply(HTTPStatus.OK, content_type, payload)


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol, query operation only: GET ?query=, POST form or application/sparql-query."""

    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    pool: WorkerPool
    quiet = False

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = urlsplit(self.path)
        if url.path != ENDPOINT:
            return self._send(_text(HTTPStatus.NOT_FOUND, f"the SPARQL endpoint is {ENDPOINT}"))
        return self._operation(parse_qs(url.query, keep_blank_values=True))

    def do_POST(self):  # noqa: N802
        url = urlsplit(self.path)
        if url.path != ENDPOINT:
            return self._send(_text(HTTPStatus.NOT_FOUND, f"the SPARQL endpoint is {ENDPOINT}"))
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._send(_text(HTTPStatus.LENGTH_REQUIRED, "POST needs a Content-Length"))
        if int(length) > MAX_BODY:
            return self._send(_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query may be at most {MAX_BODY} bytes"),
                              close=True)
        body = self.rfile.read(int(length))
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._send(_text(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8"))
        params = parse_qs(url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params.setdefault("query", []).append(text)
        elif media == "application/sparql-update":
            return self._send(_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused"))
        else:
            return self._send(_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST a form (query=…) or "
                                    "application/sparql-query"))
        return self._operation(params)

    def _refuse_method(self):
        self._send(_text(HTTPStatus.METHOD_NOT_ALLOWED, "read-only SPARQL endpoint: use GET or POST"),
                   extra={"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse_method  # noqa: N815

    def _operation(self, params: dict[str, list[str]]):
        if "update" in params:
            return self._send(_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused"))
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._send(_text(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not "
                                    "supported: queries run over the served dataset only"))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._send(_text(HTTPStatus.BAD_REQUEST, "give exactly one non-empty query parameter"))
        return self._send(answer(self.pool, queries[0], self.headers.get("Accept")))

    def _send(self, reply: Reply, extra: dict[str, str] | None = None, close: bool = False):
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        if not self.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True


def make_server(ds: Dataset, host: str = "127.0.0.1", port: int = 0, time_limit: float = 30.0,
                workers: int = 2, quiet: bool = False) -> tuple[SparqlServer, WorkerPool]:
    """A bound server (port 0 picks a free one) and its worker pool; call serve_forever, then close both."""
    pool = WorkerPool(ds, workers=workers, time_limit=time_limit)
    handler = type("BoundHandler", (Handler,), {"pool": pool, "quiet": quiet})
    try:
        server = SparqlServer((host, port), handler)
    except BaseException:
        pool.close()
        raise
    return server, pool


def url_of(server: SparqlServer) -> str:
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{ENDPOINT}"


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["ENDPOINT", "SparqlServer", "WorkerPool", "answer", "make_server", "negotiate", "snapshot", "url_of"]
