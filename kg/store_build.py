"""The build pipeline over a store (kg.store): the path for corpora too big for rdflib, and for --store/--endpoint.

The stages are those of kg.build (lift, merge, reason, validate, write) with the data kept in the store:
Oxigraph parses the curated files, the targeted reasoner reads what it needs with SPARQL and writes
graph:inferred, the shapes run as SPARQL (kg.store_validate), and the dataset is dumped by the store.

A build remembers what it loaded (a fingerprint per input file, in the store's folder for an on-disk store),
so a second build of the same seeds into the same store loads nothing, and a build after one article
changed replaces only that article's named graph and redoes only the inferences and the validation its
nodes can reach (`update_article` does the same for one file directly).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import InputError
from kg.gc_pause import paused_gc
from kg.namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, RKG, article_graph, curated_graph
from kg.paths import ontology_dir, shapes_dir
from kg.store import OxigraphStore, Store
from kg.validate import ValidationReport, report_text

MANIFEST = "kg-build.json"
AUTO_BYTES = 4_000_000  # above this much curated input, the default in-memory build uses Oxigraph, not rdflib
AUTO_ARTICLES = 500
_OX_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


@dataclass
class StoreBuild:
    store: Store
    conforms: bool
    report: str
    validation: ValidationReport | None = None
    files: list[Path] = field(default_factory=list)
    articles: int = 0
    curated: int = 0
    loaded: list[str] = field(default_factory=list)  # named graphs (re)loaded by this run
    timings: dict[str, float] = field(default_factory=dict)
    failing_files: list[Path] = field(default_factory=list)

    @property
    def dataset(self) -> Dataset:
        return self.store.dataset()

    @property
    def quads(self) -> int:
        if isinstance(self.store, OxigraphStore):
            return len(self.store.store)
        _, rows = self.store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0][0].value)


def wants_store(seeds: Path) -> bool:
    """Is the corpus big enough that the in-memory build should run on Oxigraph rather than rdflib?"""
    seeds = Path(seeds)
    curated = sum(p.stat().st_size for p in (seeds / "curated").glob("*") if p.is_file()) if (
        seeds / "curated").is_dir() else 0
    articles = sum(1 for _ in (seeds / "articles").glob("*.txt")) if (seeds / "articles").is_dir() else 0
    return curated > AUTO_BYTES or articles > AUTO_ARTICLES


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _folder_digest(folder: Path) -> str:
    files = sorted(folder.glob("*.ttl"))
    return _digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in files))


def inputs(seeds: Path) -> dict[str, tuple[str, Path | None]]:
    """Named graph → (fingerprint, file) for everything a build loads; the code's own data counts too."""
    from kg.rdfio import rdf_files

    seeds = Path(seeds)
    if not seeds.is_dir():
        raise InputError(f"{seeds}: no such seeds folder")
    ontology = _folder_digest(ontology_dir())
    out: dict[str, tuple[str, Path | None]] = {str(ONTOLOGY_GRAPH): (ontology, None)}
    if (seeds / "curated").is_dir():
        for path in rdf_files(seeds / "curated"):
            out[str(curated_graph(path.stem))] = (_digest(path.read_bytes()), path)
    articles = seeds / "articles"
    catalog = articles / "catalog.ttl"
    if catalog.exists():
        out[str(curated_graph("article-catalog"))] = (_digest(catalog.read_bytes()), catalog)
    if articles.is_dir():
        from kg.lift.article import article_id

        lang = _digest(catalog.read_bytes()) if catalog.exists() else ""
        for path in sorted(articles.glob("*.txt")):  # the lift depends on the lexicon and the catalog's languages
            out[str(article_graph(article_id(path)))] = (_digest(path.read_bytes(), ontology.encode(), lang.encode()),
                                                         path)
    return out


class Manifest:
    """What the store holds, per named graph: the fingerprint of the input it was loaded from."""

    def __init__(self, store: Store):
        self.store = store
        self.path = store.path / MANIFEST if isinstance(store, OxigraphStore) and store.path else None
        self.graphs: dict[str, str] = {}
        self.shapes = ""
        if self.path is not None and self.path.exists():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.graphs, self.shapes = data.get("graphs", {}), data.get("shapes", "")

    def save(self) -> None:
        if self.path is not None:
            payload = json.dumps({"graphs": self.graphs, "shapes": self.shapes}, indent=1, sort_keys=True)
            self.path.write_text(payload + "\n", encoding="utf-8")


def load_file(store: Store, name: str, path: Path) -> None:
    """One RDF file into one named graph: parsed by Oxigraph where it can, by kg.rdfio (safely) otherwise."""
    fmt = _OX_FORMATS.get(path.suffix.lower())
    if fmt is not None:
        data = path.read_bytes()
        kind = "turtle" if fmt == ox.RdfFormat.TURTLE else "ntriples"
        store.put_graph(name, data, kind, base=path.resolve().as_uri())
        return
    from kg.rdfio import parse_graph

    g = parse_graph(path)
    store.put_graph(name, g.serialize(format="nt", encoding="utf-8"), "ntriples")


def load_ontology(store: Store) -> None:
    """ontology/*.ttl into graph:ontology, each file in its own order (so the dump is the same on every build)."""
    from kg.lift.lexicon import load_ontology_graph

    if not isinstance(store, OxigraphStore):
        data = load_ontology_graph().serialize(format="nt", encoding="utf-8")
        store.put_graph(str(ONTOLOGY_GRAPH), data, "ntriples")
        return
    from kg.store import stable_blank_nodes

    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    store.drop_graph(str(ONTOLOGY_GRAPH))
    for path in sorted(ontology_dir().glob("*.ttl")):
        quads = ox.parse(input=path.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        store.store.extend(stable_blank_nodes(quads, path.name, graph))


def canonical_acts(store: Store, skip: str | None = None, only: str | None = None, like: dict | None = None) -> dict:
    """The acts kg.merge matches lifted acts against: curated acts and acts of other articles (only those with
    the actors and around the dates of the acts in `like`, when given: what one article can match)."""
    from datetime import date, timedelta

    from rdflib import URIRef

    narrow = ""
    if like is not None:
        if not like:
            return {}
        actors = " ".join(f"<{info['actor']}>" for info in like.values())
        first = min(info["start"] for info in like.values()) - timedelta(days=2)
        last = max(info["end"] for info in like.values()) + timedelta(days=2)
        narrow = (f'VALUES ?actor {{ {actors} }} FILTER (STR(?start) <= "{last.isoformat()}" && '
                  f'STR(?end) >= "{first.isoformat()}")')
    query = f"""SELECT ?e ?cls ?actor ?target ?start ?end WHERE {{
      {f'VALUES ?g {{ <{only}> }}' if only else ''}
      GRAPH ?g {{ ?e a ?cls ; <{RKG.actor}> ?actor ; <{RKG.dateStart}> ?start ; <{RKG.dateEnd}> ?end .
                 OPTIONAL {{ ?e <{RKG.target}> ?target }} }}
      FILTER (STRSTARTS(STR(?cls), "{RKG}") && ?g != <{INFERRED_GRAPH}> {f'&& ?g != <{skip}>' if skip else ''})
      {narrow}
    }}"""
    acts: dict = {}
    _, rows = store.select(query)
    for e, cls, actor, target, start, end in rows:
        if not isinstance(e, ox.NamedNode):
            continue
        node = URIRef(e.value)
        info = acts.setdefault(node, {"cls": URIRef(cls.value), "actor": URIRef(actor.value), "targets": set(),
                                      "start": date.fromisoformat(start.value[:10]),
                                      "end": date.fromisoformat(end.value[:10])})
        if target is not None:
            info["targets"].add(URIRef(target.value))
    return acts


def lift_article(store: Store, path: Path, lex, languages: dict, canonical: dict | None = None) -> str:
    """Lift one article, merge its acts into the canonical ones (by default: those in the store it could
    match), and replace its named graph; returns its name."""
    from kg.lift.api import lift_paths
    from kg.merge import _acts, merge_graph
    from kg.rdfio import new_dataset

    ds = lift_paths([path], lex, into=new_dataset(), languages=languages)
    graphs = [g for g in ds.graphs() if len(g)]
    if not graphs:
        raise InputError(f"{path}: nothing lifted")
    g = graphs[0]
    if canonical is None:
        canonical = canonical_acts(store, skip=str(g.identifier), like=_acts(g))
    merge_graph(g, canonical)
    store.put_graph(str(g.identifier), g.serialize(format="nt", encoding="utf-8"), "ntriples")
    return str(g.identifier)


@lru_cache(maxsize=1)
def lexicon():
    """The lift's dictionaries, read once per process (a long-lived process updates articles in well under 1 s)."""
    from kg.lift.lexicon import load_lexicon

    return load_lexicon()


def _shapes_digest() -> str:
    return _folder_digest(shapes_dir())


def build_store(seeds: Path, store: Store, reasoner: str = "targeted") -> StoreBuild:
    """Bring `store` up to date with `seeds`: load what changed, reason, validate."""
    from kg.build import article_languages
    from kg.store_reason import infer_store, read_schema
    from kg.store_validate import validate_store

    if reasoner != "targeted":
        raise InputError("the store build runs the targeted reasoner only (use the rdflib build for owlrl)")
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    wanted = inputs(seeds)
    manifest = Manifest(store)
    present = set(store.graph_names()) if manifest.graphs else set()
    stale = {name for name, (digest, _) in wanted.items()
             if manifest.graphs.get(name) != digest or name not in present}
    removed = [name for name in manifest.graphs if name not in wanted]
    full = bool(removed) or str(ONTOLOGY_GRAPH) in stale or not manifest.graphs or any(
        not name.startswith(str(GRAPH["article/"])) for name in stale)
    if not manifest.graphs:  # nothing recorded: start from an empty store
        for name in store.graph_names():
            store.drop_graph(name)
    for name in removed:
        store.drop_graph(name)
        manifest.graphs.pop(name, None)
    changed_articles = sorted(n for n in stale if n.startswith(str(GRAPH["article/"])))
    for name in sorted(stale - set(changed_articles)):
        path = wanted[name][1]
        load_ontology(store) if path is None else load_file(store, name, path)
    timings["load"] = time.perf_counter() - clock

    clock = time.perf_counter()
    touched: set = set()
    if changed_articles:
        from kg.store_reason import drop_blank_inferences, graph_nodes

        lex = lexicon()
        languages = article_languages(Path(seeds) / "articles")
        for name in changed_articles:  # in name order: an earlier article's unmatched acts are canonical for later ones
            if not full:
                touched |= graph_nodes(store, name)
                drop_blank_inferences(store, name)
            lift_article(store, wanted[name][1], lex, languages)
            if not full:
                touched |= graph_nodes(store, name)
    timings["lift+merge"] = time.perf_counter() - clock

    clock = time.perf_counter()
    incremental = not full and isinstance(store, OxigraphStore) and bool(changed_articles)
    if full or not (isinstance(store, OxigraphStore) and store.store.contains_named_graph(
            ox.NamedNode(str(INFERRED_GRAPH)))) or (changed_articles and not incremental):
        infer_store(store)
        incremental = False
    elif incremental:
        from kg.store_reason import linking_properties, reach, update_inferred

        schema = read_schema(store)
        for name in changed_articles:
            update_inferred(store, schema, touched, name)
        touched = reach(store, touched, linking_properties(schema))
    timings["reason"] = time.perf_counter() - clock

    clock = time.perf_counter()
    shapes = _shapes_digest()
    if stale or removed or shapes != manifest.shapes or not manifest.graphs:
        report = validate_store(store, focus_nodes=sorted(touched, key=str) if incremental else None,
                                types_closed=True)
    else:
        report = None
    timings["validate"] = time.perf_counter() - clock
    for name in stale:
        manifest.graphs[name] = wanted[name][0]
    manifest.shapes = shapes
    n_articles = sum(1 for n in wanted if n.startswith(str(GRAPH["article/"])))
    n_curated = sum(1 for n, (_, p) in wanted.items() if p is not None and n.startswith(str(GRAPH["curated/"]))
                    and n != str(curated_graph("article-catalog")))
    result = StoreBuild(store, True, "", report, articles=n_articles, curated=n_curated, loaded=sorted(stale),
                        timings=timings)
    if report is not None:
        result.conforms, result.report = report.conforms, report_text(report)
        if incremental:
            result.report = report_text(report).replace(
                "SHACL validation:", f"SHACL validation of the {len(touched)} nodes the change reaches:", 1)
    else:
        result.report = "SHACL validation: unchanged since the last build of this store\n"
    if result.conforms:
        manifest.save()
    if isinstance(store, OxigraphStore):
        store.flush()
    return result


def update_article(store: OxigraphStore, path: Path, seeds: Path | None = None) -> StoreBuild:
    """Add or replace one article in a built store: its named graph, the inferences and shapes its nodes reach."""
    from kg.build import article_languages
    from kg.lift.article import article_id
    from kg.store_reason import (
        drop_blank_inferences,
        graph_nodes,
        linking_properties,
        reach,
        read_schema,
        update_inferred,
    )
    from kg.store_validate import validate_store

    path = Path(path)
    timings = {}
    clock = time.perf_counter()
    name = str(article_graph(article_id(path)))
    touched = graph_nodes(store, name)
    drop_blank_inferences(store, name)
    languages = article_languages(Path(seeds) / "articles") if seeds is not None else {}
    lift_article(store, path, lexicon(), languages)
    touched |= graph_nodes(store, name)
    timings["lift+merge"] = time.perf_counter() - clock
    clock = time.perf_counter()
    schema = read_schema(store)
    update_inferred(store, schema, touched, name)
    region = reach(store, touched, linking_properties(schema))
    timings["reason"] = time.perf_counter() - clock
    clock = time.perf_counter()
    report = validate_store(store, focus_nodes=sorted(region, key=str), types_closed=True)
    timings["validate"] = time.perf_counter() - clock
    store.flush()
    return StoreBuild(store, report.conforms, report_text(report), report, articles=1, loaded=[name], timings=timings)


def write_store(result: StoreBuild, out: Path, exports: bool = True) -> list[Path]:
    """dataset.trig (the store's dump), validation.txt and (with `exports`) events.csv, each written atomically.

    events.csv goes through kg.events_table, Python over every event: minutes at 100k events, so the build of a
    big corpus leaves it to `kg export --format events-csv` (README, "Corpus scale")."""
    from kg.rdfio import write_files_atomic

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    payloads = {"dataset.trig": result.store.dump(), "validation.txt": result.report}
    if exports:
        payloads["events.csv"] = events_csv(result.store)
    try:
        return write_files_atomic(out, payloads)  # all files or none: a failure keeps the last good output
    except OSError as exc:
        raise InputError(f"{out}: cannot write output ({exc.strerror or exc})") from None


class PredicateIndex:
    """The few rdflib Graph reads kg.events_table makes, answered from per-predicate dicts read from a store
    (each predicate read once, when first asked for)."""

    def __init__(self, store: Store):
        self.store = store
        self.forward: dict = {}
        self.backward: dict = {}
        self.cache: dict = {}

    def _load(self, p) -> None:
        from kg.store_reason import to_rdflib

        cache = self.cache
        fwd, back = defaultdict(list), defaultdict(list)
        if isinstance(self.store, OxigraphStore):
            pairs = ((q.subject, q.object) for q in self.store.triples(str(p)))
        else:
            pairs = self.store.select(f"SELECT ?s ?o WHERE {{ ?s <{p}> ?o }}")[1]
        seen = set()
        for s, o in pairs:
            if (s, o) in seen:
                continue
            seen.add((s, o))
            for term in (s, o):
                if term not in cache:
                    cache[term] = to_rdflib(term)
            s, o = cache[s], cache[o]
            fwd[s].append(o)
            back[o].append(s)
        self.forward[p], self.backward[p] = fwd, back

    def _fwd(self, p) -> dict:
        if p not in self.forward:
            self._load(p)
        return self.forward[p]

    def objects(self, s, p):
        return iter(self._fwd(p).get(s, ()))

    def subjects(self, p, o):
        self._fwd(p)
        return iter(self.backward[p].get(o, ()))

    def value(self, s, p):
        found = self._fwd(p).get(s)
        return found[0] if found else None

    def subject_objects(self, p):
        return ((s, o) for s, os in self._fwd(p).items() for o in os)

    def transitive_objects(self, s, p):
        seen, stack = [], [s]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.append(node)
            yield node
            stack.extend(self._fwd(p).get(node, ()))


def events_csv(store: Store) -> str:
    """The events table (kg.events_table.rows, unchanged) from the store: only the predicates it reads."""
    from kg.events_table import rows, to_csv

    return to_csv(rows(PredicateIndex(store)))


def open_for_build(store_path: Path | None, endpoint: str | None) -> Store:
    from kg.store import open_store

    return open_store(store_path, endpoint)


def build_into_store(seeds: Path, out: Path, store_path: Path | None = None, endpoint: str | None = None) -> StoreBuild:
    """What `kg build` runs for --store, --endpoint and big corpora: build_store, then write_store."""
    store = open_for_build(store_path, endpoint)
    with paused_gc():
        result = build_store(seeds, store)
        if result.conforms:
            result.files = write_store(result, out, exports=not wants_store(seeds))
        else:
            from kg.rdfio import write_atomic

            write_atomic(Path(out) / "validation.txt", result.report)
    return result
