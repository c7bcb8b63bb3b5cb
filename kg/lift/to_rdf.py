"""An article's lifted events as RDF: NIF context and mentions, events, links, provenance."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.lift.article import Article
from kg.lift.extract import Event
from kg.lift.lexicon import Lexicon
from kg.namespaces import ARTICLE, EVENT, GAF, NIF, RKG, bind_prefixes, local_name

TYPE, LABEL = RDF.type, RDFS.label
NIF_STRING, NIF_RFC, NIF_CONTEXT, NIF_BEGIN, NIF_END, NIF_ANCHOR = (
    NIF.String, NIF.RFC5147String, NIF.referenceContext, NIF.beginIndex, NIF.endIndex, NIF.anchorOf)
ACTOR, AGENT, TARGET, DERIVED, DENOTED = RKG.actor, RKG.agent, RKG.target, PROV.wasDerivedFrom, GAF.denotedBy
PRECISION = {"day": RKG.DayPrecision, "month": RKG.MonthPrecision, "year": RKG.YearPrecision}
# looked up once: an rdflib namespace attribute is a Python call that builds a new URIRef every time
DATE, DATE_PRECISION, DATE_START, DATE_END = RKG.date, RKG.datePrecision, RKG.dateStart, RKG.dateEnd
EFFECTIVE, COUNT, CAP_AFTER, QUOTE, ATTRIBUTED = (RKG.effectiveDate, RKG["count"], RKG.capAfter, RKG.quote,
                                                  RKG.attributedTo)
LINK_EVIDENCE, EFFECT, CAUSE, RELATION = RKG.LinkEvidence, RKG.effect, RKG.cause, RKG.relation
# what article_triples states of an event node, besides its links' relations
EVENT_PREDICATES = frozenset({TYPE, ACTOR, AGENT, TARGET, DATE, DATE_PRECISION, DATE_START, DATE_END, EFFECTIVE,
                              COUNT, CAP_AFTER, QUOTE, ATTRIBUTED, LABEL, DERIVED, DENOTED})
NEWS_ARTICLE, IDENTIFIER, LANGUAGE, FILE_NAME, DC_DATE = (RKG.NewsArticle, DCTERMS.identifier, DCTERMS.language,
                                                          RKG.fileName, DCTERMS.date)
CONTEXT, IS_STRING, SOURCE_URL, XSD_DATE = NIF.Context, NIF.isString, NIF.sourceUrl, XSD.date
EVENT_BASE = str(EVENT)  # EVENT[name] is URIRef(EVENT_BASE + name), made without the namespace's two calls


def _built_iri(value: str) -> URIRef:
    """An IRI put together here from the article IRI (its id is made safe by article_id), numbers and hex digits:
    none of the characters URIRef checks every new IRI for can be in it, so it is made without the check."""
    return str.__new__(URIRef, value)


def article_iri(article: Article) -> URIRef:
    return ARTICLE[article.id]


def mention_iri(article: Article, start: int, end: int) -> URIRef:
    return URIRef(f"{ARTICLE[article.id]}#char={start},{end}")


def context_iri(article: Article) -> URIRef:
    return mention_iri(article, 0, len(article.text))


def event_iri(article: Article, event: Event) -> URIRef:
    """Minted from content: the article, the class and where it is first told (and which part of it)."""
    start, end = event.spans[0]
    key = f"{article.id}|{event.cls}|{event.kind}|{start}|{end}|{event.start}"
    if event.part:  # the second and later of several acts one trigger tells
        key += f"|{event.part}"
    return _built_iri(f"{EVENT_BASE}{article.id}-{hashlib.sha1(key.encode()).hexdigest()[:12]}")


@lru_cache(maxsize=100_000)
def _offset(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=100_000)
def _date_triples(date, prop: URIRef = DATE) -> tuple[tuple[URIRef, Literal | URIRef], ...]:
    """(property, value) pairs of a date with its precision and interval (dates repeat across events)."""
    return ((prop, Literal(date.iso())), (DATE_PRECISION, PRECISION[date.precision]),
            (DATE_START, Literal(date.start.isoformat(), datatype=XSD.date)),
            (DATE_END, Literal(date.end.isoformat(), datatype=XSD.date)))


@lru_cache(maxsize=100_000)
def _text(value: str, lang: str | None = None) -> Literal:
    """A plain or language-tagged literal; anchors and labels repeat across mentions and articles."""
    return Literal(value, lang=lang)


@lru_cache(maxsize=100_000)
def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


@lru_cache(maxsize=100_000)
def _day(day) -> Literal:
    return Literal(day.isoformat(), datatype=XSD_DATE)


def _add_date(out: list, node: URIRef, date, prop: URIRef = DATE) -> None:
    (p1, o1), (p2, o2), (p3, o3), (p4, o4) = _date_triples(date, prop)
    out += ((node, p1, o1), (node, p2, o2), (node, p3, o3), (node, p4, o4))


def article_triples(article: Article, events: list[Event], lex: Lexicon) -> list[tuple]:
    """The article's named graph as a list of distinct triples, in the order they were made.

    A plain list is several times cheaper to make than rdflib graph insertions; callers put it in
    the store they write to (see article_graph_rdf and kg.lift.api.lift_paths).
    """
    out: list[tuple] = []
    add = out.append
    a = article_iri(article)
    add((a, TYPE, NEWS_ARTICLE))
    add((a, IDENTIFIER, Literal(article.id)))
    add((a, LANGUAGE, _text(article.language)))
    add((a, FILE_NAME, Literal(article.file_name)))
    _add_date(out, a, article.date, DC_DATE)
    ctx = _built_iri(f"{a}#char=0,{len(article.text)}")  # context_iri, the article IRI made once
    add((ctx, TYPE, CONTEXT))
    add((ctx, IS_STRING, Literal(article.text)))
    add((ctx, NIF_BEGIN, _offset(0)))
    add((ctx, NIF_END, _offset(len(article.text))))
    add((ctx, SOURCE_URL, a))
    made: dict[tuple[int, int], URIRef] = {}

    def mention(start: int, end: int) -> URIRef:
        m = made.get((start, end))
        if m is None:
            m = made[(start, end)] = _built_iri(f"{a}#char={start},{end}")  # mention_iri, the base made once
            add((m, TYPE, NIF_STRING))
            add((m, TYPE, NIF_RFC))
            add((m, NIF_CONTEXT, ctx))
            add((m, NIF_BEGIN, _offset(start)))
            add((m, NIF_END, _offset(end)))
            add((m, NIF_ANCHOR, _text(article.text[start:end])))
        return m

    iris = {id(e): event_iri(article, e) for e in events}
    # Each triple is made once unless two events share an IRI, an event names a target or a span twice, or two
    # links of an event have one cause: only then are repeats dropped (hashing every triple, its literals in
    # Python, was a tenth of the writing). Nodes of different kinds never meet: events and links are in
    # EVENT's namespace, the article, its context and mentions in ARTICLE's, and mentions start after the header.
    nodes: set[URIRef] = set()
    links: set[URIRef] = set()
    repeats = False
    for e in events:
        node = iris[id(e)]
        if e.actor is None or e.date is None:
            raise ValueError(f"{article.id}: an event without an actor or a date cannot be written "
                             "(kg.lift.lift_events resolves every event it returns)")
        if node in nodes or (len(e.targets) > 1 and len(set(e.targets)) < len(e.targets)) or (
                len(e.spans) > 1 and len(set(e.spans)) < len(e.spans)):
            repeats = True
        nodes.add(node)
        add((node, TYPE, e.cls))
        add((node, ACTOR, e.actor))
        if e.agent is not None:
            add((node, AGENT, e.agent))
        for t in e.targets:
            add((node, TARGET, t))
        _add_date(out, node, e.date)
        if e.effective is not None and e.effective.precision == "day":
            add((node, EFFECTIVE, _day(e.effective.start)))
        for prop, value in ((COUNT, e.count), (CAP_AFTER, e.cap_after)):
            if value is not None:
                add((node, prop, _integer(value)))
        if e.quote:
            add((node, QUOTE, Literal(e.quote, lang=article.language)))
        if e.attributed_to is not None:
            add((node, ATTRIBUTED, e.attributed_to))
        targets = ", ".join(_label(lex, t) for t in e.targets)
        label = f"{_label(lex, e.actor)}: {_class_label(lex, e.cls)}"
        add((node, LABEL, _text(label + (f" → {targets}" if targets else ""), "en")))
        add((node, DERIVED, a))
        for start, end in sorted(e.spans):
            add((node, DENOTED, mention(start, end)))
        for cause, relation, sentence in e.links:
            c = iris[id(cause)]
            add((node, relation, c))
            link = _built_iri(f"{EVENT_BASE}link-{local_name(node)}-{local_name(c)}")
            if link in links or relation in EVENT_PREDICATES:
                repeats = True
            links.add(link)
            add((link, TYPE, LINK_EVIDENCE))
            add((link, EFFECT, node))
            add((link, CAUSE, c))
            add((link, RELATION, relation))
            add((link, DENOTED, mention(sentence.start, sentence.end)))
            add((link, DERIVED, a))
    if repeats or (0, len(article.text)) in made or not links.isdisjoint(nodes):
        return list(dict.fromkeys(out))
    return out


def article_graph_rdf(article: Article, events: list[Event], lex: Lexicon) -> Graph:
    """The article's named graph as an rdflib Graph with the project's prefixes bound."""
    g = Graph()
    bind_prefixes(g)
    g.addN((s, p, o, g) for s, p, o in article_triples(article, events, lex))
    return g


def _label(lex: Lexicon, iri: URIRef) -> str:
    label = lex.labels.get(iri)
    return label if label is not None else local_name(iri)


def _class_label(lex: Lexicon, cls: URIRef) -> str:
    def build() -> str:
        if lex.graph is not None:
            for lit in lex.graph.objects(cls, RDFS.label):
                if getattr(lit, "language", None) == "en":
                    return str(lit).lower()
        return local_name(cls)

    return lex.memo(("class-label", cls), build)
