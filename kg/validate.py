"""SHACL validation against shapes/*.ttl, and a report a person can act on.

What the data graph must contain
--------------------------------
The shapes target branch classes (``sh:targetClass rkg:Event``, ``rkg:Act``, ...) while the data asserts
only leaf classes (``rkg:Expulsion``). SHACL finds the instances of a class through the
``rdfs:subClassOf`` triples *of the data graph*, and the SPARQL constraints match types with
``rdf:type/rdfs:subClassOf*``. So validate the union of the data and the ontology (its TBox), or pass
the ontology as ``ontology=`` (pyshacl then mixes it in), or give data that already carries the
``rdf:type`` closure over ``rdfs:subClassOf`` (the build's inferred graph). No other inference is needed:
pyshacl runs with ``inference="none"``.

Sub-properties of ``rkg:respondsTo`` need no materialisation either: the shapes name
``rkg:respondsTo``, ``rkg:retaliatesFor`` and ``rkg:tightens`` explicitly; a materialised
``rkg:hasCausalAncestor`` closure is welcome (the cycle check follows it too).

Do not validate a full OWL RL closure (owlrl): its owl:sameAs rules copy every statement about
``actor:RUS`` onto ``wd:Q159`` (so an event gets two actors and fails sh:maxCount) and make every term,
literals included, owl:sameAs itself; rdfs:domain rules would also type whatever carries ``rkg:date``
as an ``rkg:Event``. Validate the asserted data plus the ontology plus the rdf:type closure.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import BNode, ConjunctiveGraph, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery

from kg.errors import CheckFailed, InputError
from kg.namespaces import GAF, NIF, PREFIXES, RKG, bind_prefixes
from kg.paths import shapes_dir
from kg.rdfio import parse_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
RKGSH = Namespace("https://w3id.org/rkg/shapes#")
REPORT = Namespace("https://w3id.org/rkg/validation/")

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items()}, "sh": str(SH), "rkgsh": str(RKGSH)}


@dataclass(frozen=True, order=True)
class Evidence:
    """What stands behind a node: a mention in an article, or a curated source."""

    kind: str  # "mention" or "source"
    article: str | None = None  # article id (dcterms:identifier) or IRI, for mentions
    begin: int | None = None
    end: int | None = None
    anchor: str | None = None
    source: str | None = None  # the source's IRI (its web address where it has one)
    publisher: str | None = None
    date: str | None = None

    def text(self) -> str:
        if self.kind == "mention":
            span = f"chars {self.begin}-{self.end}" if self.begin is not None else "no offsets"
            quote = f' "{_clip(self.anchor)}"' if self.anchor else ""
            return f"article {self.article}, {span}{quote}"
        parts = [self.publisher or "no publisher"]
        if self.date:
            parts.append(self.date)
        return f"source {', '.join(parts)} <{self.source}>"


@dataclass(frozen=True)
class Result:
    """One validation result, with what a reader needs to find and fix it."""

    focus: str  # the focus node: an IRI, or "_:" plus a stable hash for a blank node
    label: str  # rdfs:label / skos:prefLabel of the focus node, else its short name
    path: str | None  # the property path, in prefixed form where possible
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    shape: str  # the shape (or SPARQL constraint) that reported it, prefixed
    value: str | None = None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    def sort_key(self) -> tuple:
        return (self.focus, self.path or "", self.shape, self.message, self.value or "", self.severity)


@dataclass
class ValidationReport:
    conforms: bool
    results: list[Result]

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]


# ------------------------------------------------------------------ loading shapes
def shape_files(folder: Path | None = None) -> list[Path]:
    folder = shapes_dir() if folder is None else Path(folder)
    return sorted(folder.glob("*.ttl"))


def load_shapes(folder: Path | None = None) -> Graph:
    """All shapes/*.ttl in one graph; a file that does not parse raises InputError."""
    graph = Graph()
    files = shape_files(folder)
    if not files:
        raise InputError(f"{folder or shapes_dir()}: no shapes (*.ttl) found")
    for path in files:
        parse_graph(path, into=graph)
    return graph


# ------------------------------------------------------------------ validating
def validate(data: Graph, shapes: Graph | None = None, *, ontology: Graph | None = None) -> ValidationReport:
    """Validate `data` against `shapes` (default: every shapes/*.ttl).

    `data` must contain the ontology's rdfs:subClassOf triples or the rdf:type closure over them (see the
    module docstring); or pass the ontology as `ontology`. The data graph is not modified.
    """
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError, ShapeLoadError

    if shapes is None:
        shapes = load_shapes()
    lookup = _as_graph(data, ontology)
    try:
        conforms, results_graph, _ = pyshacl.validate(
            _PreparedQueryGraph(lookup),
            shacl_graph=shapes,
            ont_graph=None,
            inference="none",
            advanced=True,
            abort_on_first=False,
            allow_infos=True,
            allow_warnings=True,
            meta_shacl=False,
            inplace=True,  # no rules and no inference: nothing is added, so no need for a copy
        )
    except (ShapeLoadError, ReportableRuntimeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"shapes: cannot use them: {first}") from None
    if not isinstance(results_graph, Graph):  # pyshacl reports some shape errors as a ValidationFailure
        first = str(getattr(results_graph, "message", results_graph)).strip().splitlines()[0]
        raise InputError(f"shapes: cannot use them: {first}")
    nodes = results_graph.subjects(RDF.type, SH.ValidationResult)
    results = [_result(results_graph, node, lookup, shapes) for node in nodes]
    results = _dedupe(sorted(results, key=Result.sort_key))
    return ValidationReport(conforms=bool(conforms), results=results)


def _as_graph(data: Graph, ontology: Graph | None) -> Graph:
    """One plain Graph: the data itself, or a copy of data (all its graphs) plus the ontology."""
    if ontology is None and not isinstance(data, ConjunctiveGraph):
        return data
    union = Graph()
    for source in (data, ontology):
        if source is None:
            continue
        if isinstance(source, ConjunctiveGraph):
            for s, p, o, _ in source.quads((None, None, None, None)):
                union.add((s, p, o))
        else:
            for t in source:
                union.add(t)
    return union


class _PreparedQueryGraph(Graph):
    """A view of a graph (sharing its store) that parses each SPARQL query text once.

    pyshacl runs every SPARQL constraint once per focus node, from its text; rdflib spends ~35 ms parsing
    a query and well under 1 ms answering it on our data, so caching the parsed query makes SHACL-SPARQL
    validation about a hundred times faster.
    """

    def __init__(self, graph: Graph):
        super().__init__(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
        self._prepared: dict[str, object] = {}

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and not initNs and processor == "sparql":
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def ensure_conforms(report: ValidationReport) -> None:
    """Raise CheckFailed (exit 1) when the report has violations."""
    if not report.conforms:
        n = len(report.violations)
        raise CheckFailed(f"validation failed: {n} violation{'s' if n != 1 else ''}")


def _dedupe(results: list[Result]) -> list[Result]:
    out: list[Result] = []
    for r in results:
        if not out or out[-1] != r:
            out.append(r)
    return out


def _message(rg: Graph, node, shapes: Graph) -> str:
    """The result's message: the reporting constraint's own (variables filled in) before its shape's."""
    found = list(rg.objects(node, SH.resultMessage))
    shape = rg.value(node, SH.sourceShape)
    generic = {str(m) for m in shapes.objects(shape, SH.message)} if shape is not None else set()
    specific = [m for m in found if str(m) not in generic]
    pool = specific or found
    english = sorted(str(m) for m in pool if getattr(m, "language", None) in ("en", None))
    return english[0] if english else (sorted(str(m) for m in pool)[0] if pool else "")


def _result(rg: Graph, node, data: Graph, shapes: Graph) -> Result:
    focus = rg.value(node, SH.focusNode)
    path = rg.value(node, SH.resultPath)
    message = _message(rg, node, shapes)
    severity = _SEVERITIES.get(rg.value(node, SH.resultSeverity), str(rg.value(node, SH.resultSeverity)))
    shape = rg.value(node, SH.sourceShape)
    constraint = rg.value(node, SH.sourceConstraint)
    if constraint is not None and not isinstance(constraint, BNode):
        shape = constraint
    value = rg.value(node, SH.value)
    if not message:
        component = rg.value(node, SH.sourceConstraintComponent)
        message = f"fails {_short(component)}" if component is not None else "fails a shape"
    return Result(
        focus=_node_id(focus, data),
        label=_label(focus, data),
        path=_path_text(rg, path) if path is not None else None,
        message=message,
        severity=severity,
        shape=_node_id(shape, rg) if shape is not None else "",
        value=_term_text(value) if value is not None else None,
        evidence=tuple(sorted(set(evidence(data, focus)))) if focus is not None else (),
    )


# ------------------------------------------------------------------ evidence
def evidence(data: Graph, node) -> list[Evidence]:
    """The mentions and sources behind `node` (an event, link record, mention or source)."""
    found: list[Evidence] = []
    if (node, NIF.referenceContext, None) in data:
        found.append(_mention(data, node))
    for mention in data.objects(node, GAF.denotedBy):
        found.append(_mention(data, mention))
    for source in data.objects(node, PROV.wasDerivedFrom):
        if not _is_article(data, source):
            found.append(_source(data, source))
        elif not any(True for _ in data.objects(node, GAF.denotedBy)):
            found.append(Evidence(kind="mention", article=_article_id(data, source)))
    if not found and (node, DCTERMS.publisher, None) in data:
        found.append(_source(data, node))
    return found


def _is_article(data: Graph, node) -> bool:
    return (node, RDF.type, RKG.NewsArticle) in data


def _article_id(data: Graph, article) -> str:
    ident = data.value(article, DCTERMS.identifier)
    return str(ident) if ident is not None else _short(article)


def _int(value) -> int | None:
    try:
        return int(value.toPython()) if isinstance(value, Literal) else None
    except (TypeError, ValueError):
        return None


def _mention(data: Graph, mention) -> Evidence:
    context = data.value(mention, NIF.referenceContext)
    article = data.value(context, NIF.sourceUrl) if context is not None else None
    if article is not None:
        article_name = _article_id(data, article)
    elif isinstance(mention, URIRef):
        article_name = _short(URIRef(str(mention).split("#", 1)[0]))
    else:
        article_name = "unknown article"
    anchor = data.value(mention, NIF.anchorOf)
    return Evidence(
        kind="mention",
        article=article_name,
        begin=_int(data.value(mention, NIF.beginIndex)),
        end=_int(data.value(mention, NIF.endIndex)),
        anchor=str(anchor) if anchor is not None else None,
    )


def _source(data: Graph, source) -> Evidence:
    publishers = sorted(str(p) for p in data.objects(source, DCTERMS.publisher))
    dates = sorted(str(d) for d in data.objects(source, DCTERMS.date))
    return Evidence(
        kind="source",
        source=str(source) if isinstance(source, URIRef) else _term_text(source),
        publisher="; ".join(publishers) or None,
        date=dates[0] if dates else None,
    )


# ------------------------------------------------------------------ naming nodes
def _short(term) -> str:
    text = str(term)
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and len(text) > len(ns):
            rest = text[len(ns):]
            if all(c.isalnum() or c in "-_.%#=," for c in rest):
                return f"{prefix}:{rest}"
    return text


def _bnode_id(graph: Graph, node: BNode) -> str:
    """A stable name for a blank node, from its outgoing triples (one level deep)."""
    parts = sorted(f"{p} {o if not isinstance(o, BNode) else '[]'}" for p, o in graph.predicate_objects(node))
    return "_:" + hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]


def _node_id(term, graph: Graph) -> str:
    if isinstance(term, BNode):
        return _bnode_id(graph, term)
    return _short(term)


def _term_text(term) -> str:
    if isinstance(term, Literal):
        text = str(term)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{text}"^^{_short(term.datatype)}'
        return f'"{text}"'
    if isinstance(term, BNode):
        return "[]"
    return _short(term)


def _label(term, data: Graph) -> str:
    if term is None:
        return ""
    for prop in (RDFS.label, SKOS.prefLabel):
        labels = list(data.objects(term, prop))
        if labels:
            english = sorted(str(lbl) for lbl in labels if getattr(lbl, "language", None) == "en")
            return english[0] if english else sorted(str(lbl) for lbl in labels)[0]
    if isinstance(term, BNode):
        return _bnode_id(data, term)
    return _term_text(term)


def _path_text(g: Graph, path) -> str:
    """A SHACL property path in SPARQL-like syntax."""
    if isinstance(path, URIRef):
        return _short(path)
    if (path, RDF.first, None) in g:
        return "/".join(_path_text(g, p) for p in Collection(g, path))
    for prop, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "({})*"), (SH.oneOrMorePath, "({})+"),
                      (SH.zeroOrOnePath, "({})?")):
        inner = g.value(path, prop)
        if inner is not None:
            return fmt.format(_path_text(g, inner))
    alt = g.value(path, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(_path_text(g, p) for p in Collection(g, alt)) + ")"
    return str(path)


# ------------------------------------------------------------------ rendering
def _clip(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def report_text(report: ValidationReport) -> str:
    """A readable report: a summary line, then one block per result, in a stable order."""
    n, total = len(report.violations), len(report.results)
    lines = [
        "SHACL validation: " + ("conforms" if report.conforms else "does not conform")
        + f" ({n} violation{'' if n == 1 else 's'}, {total} result{'' if total == 1 else 's'})"
    ]
    for r in report.results:
        lines.append("")
        lines.append(f"[{r.severity}] {r.label}" + (f" ({r.focus})" if r.label != r.focus else ""))
        if r.path:
            lines.append(f"  path:     {r.path}")
        if r.value is not None:
            lines.append(f"  value:    {_clip(r.value)}")
        lines.append(f"  message:  {r.message}")
        lines.append(f"  shape:    {r.shape}")
        for i, ev in enumerate(r.evidence):
            lines.append(("  evidence: " if i == 0 else "            ") + ev.text())
    return "\n".join(lines) + "\n"


def report_json(report: ValidationReport) -> str:
    """The report as JSON (sorted keys, stable order)."""
    payload = {
        "conforms": report.conforms,
        "violations": len(report.violations),
        "results": [
            {**{k: v for k, v in asdict(r).items() if k != "evidence"},
             "evidence": [{k: v for k, v in asdict(e).items() if v is not None} for e in r.evidence]}
            for r in report.results
        ],
    }
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def report_graph(report: ValidationReport) -> Graph:
    """The report as a SHACL results graph with IRIs minted from content (no blank nodes)."""
    g = Graph()
    bind_prefixes(g)
    g.bind("sh", SH)
    g.bind("rkgsh", RKGSH)
    root = REPORT["report"]
    g.add((root, RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, Literal(report.conforms)))
    for r in report.results:
        key = json.dumps(asdict(r), sort_keys=True, ensure_ascii=False)
        node = REPORT["result-" + hashlib.sha1(key.encode()).hexdigest()[:16]]
        g.add((root, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.focusNode, _expand(r.focus)))
        g.add((node, RDFS.label, Literal(r.label)))
        if r.path:
            g.add((node, SH.resultPath, _expand(r.path)))
        g.add((node, SH.resultMessage, Literal(r.message, lang="en")))
        g.add((node, SH.resultSeverity, SH[r.severity]))
        if r.shape:
            g.add((node, SH.sourceShape, _expand(r.shape)))
        if r.value is not None:
            g.add((node, SH.value, Literal(r.value)))
        for ev in r.evidence:
            g.add((node, RKGSH.evidence, Literal(ev.text())))
    return g


def report_turtle(report: ValidationReport) -> str:
    """The SHACL results graph as Turtle; byte-identical for identical reports."""
    text = report_graph(report).serialize(format="turtle")
    prefixes = sorted(line for line in text.splitlines() if line.startswith("@prefix"))
    body = [line for line in text.splitlines() if not line.startswith("@prefix")]
    return "\n".join(prefixes + body).strip() + "\n"


def _expand(text: str):
    """The IRI behind a prefixed name (or a literal for blank-node ids and path expressions)."""
    if text.startswith("_:"):
        return Literal(text)
    prefix, _, rest = text.partition(":")
    if prefix in _PREFIXES and rest and not rest.startswith("//"):
        if all(c.isalnum() or c in "-_.%#=," for c in rest):
            return URIRef(_PREFIXES[prefix] + rest)
        return Literal(text)
    if ":" in text and not any(c in text for c in " ()|^*+?"):
        return URIRef(text)
    return Literal(text)
