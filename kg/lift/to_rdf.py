"""An article's lifted events as RDF: NIF context and mentions, events, links, provenance."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.lift.article import Article
from kg.lift.extract import Event
from kg.lift.lexicon import Lexicon
from kg.namespaces import ARTICLE, EVENT, GAF, NIF, RKG, bind_prefixes, local_name

PRECISION = {"day": RKG.DayPrecision, "month": RKG.MonthPrecision, "year": RKG.YearPrecision}


def article_iri(article: Article) -> URIRef:
    return ARTICLE[article.id]


def mention_iri(article: Article, start: int, end: int) -> URIRef:
    return URIRef(f"{ARTICLE[article.id]}#char={start},{end}")


def context_iri(article: Article) -> URIRef:
    return mention_iri(article, 0, len(article.text))


def event_iri(article: Article, event: Event) -> URIRef:
    """Minted from content: the article, the class and where it is first told."""
    start, end = event.spans[0]
    key = f"{article.id}|{event.cls}|{event.kind}|{start}|{end}|{event.start}"
    return EVENT[f"{article.id}-{hashlib.sha1(key.encode()).hexdigest()[:12]}"]


def add_date(g: Graph, node: URIRef, date, prop=RKG.date) -> None:
    g.add((node, prop, Literal(date.iso())))
    g.add((node, RKG.datePrecision, PRECISION[date.precision]))
    g.add((node, RKG.dateStart, Literal(date.start.isoformat(), datatype=XSD.date)))
    g.add((node, RKG.dateEnd, Literal(date.end.isoformat(), datatype=XSD.date)))


def article_graph_rdf(article: Article, events: list[Event], lex: Lexicon) -> Graph:
    g = Graph()
    bind_prefixes(g)
    a = article_iri(article)
    g.add((a, RDF.type, RKG.NewsArticle))
    g.add((a, DCTERMS.identifier, Literal(article.id)))
    g.add((a, DCTERMS.language, Literal(article.language)))
    g.add((a, RKG.fileName, Literal(article.file_name)))
    add_date(g, a, article.date, DCTERMS.date)
    ctx = context_iri(article)
    g.add((ctx, RDF.type, NIF.Context))
    g.add((ctx, NIF.isString, Literal(article.text)))
    g.add((ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((ctx, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger)))
    g.add((ctx, NIF.sourceUrl, a))

    def mention(start: int, end: int) -> URIRef:
        m = mention_iri(article, start, end)
        g.add((m, RDF.type, NIF.String))
        g.add((m, RDF.type, NIF.RFC5147String))
        g.add((m, NIF.referenceContext, ctx))
        g.add((m, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((m, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((m, NIF.anchorOf, Literal(article.text[start:end])))
        return m

    iris = {id(e): event_iri(article, e) for e in events}
    for e in events:
        node = iris[id(e)]
        g.add((node, RDF.type, e.cls))
        g.add((node, RKG.actor, e.actor))
        if e.agent is not None:
            g.add((node, RKG.agent, e.agent))
        for t in e.targets:
            g.add((node, RKG.target, t))
        add_date(g, node, e.date)
        if e.effective is not None and e.effective.precision == "day":
            g.add((node, RKG.effectiveDate, Literal(e.effective.start.isoformat(), datatype=XSD.date)))
        for prop, value in ((RKG["count"], e.count), (RKG.capAfter, e.cap_after)):
            if value is not None:
                g.add((node, prop, Literal(value, datatype=XSD.integer)))
        if e.quote:
            g.add((node, RKG.quote, Literal(e.quote, lang=article.language)))
        if e.attributed_to is not None:
            g.add((node, RKG.attributedTo, e.attributed_to))
        targets = ", ".join(lex.labels.get(t, local_name(t)) for t in e.targets)
        label = f"{lex.labels.get(e.actor, local_name(e.actor))}: {_class_label(lex, e.cls)}"
        g.add((node, RDFS.label, Literal(label + (f" → {targets}" if targets else ""), lang="en")))
        g.add((node, PROV.wasDerivedFrom, a))
        for start, end in sorted(e.spans):
            g.add((node, GAF.denotedBy, mention(start, end)))
        for cause, relation, sentence in e.links:
            c = iris[id(cause)]
            g.add((node, relation, c))
            link = EVENT[f"link-{local_name(node)}-{local_name(c)}"]
            g.add((link, RDF.type, RKG.LinkEvidence))
            g.add((link, RKG.effect, node))
            g.add((link, RKG.cause, c))
            g.add((link, RKG.relation, relation))
            g.add((link, GAF.denotedBy, mention(sentence.start, sentence.end)))
            g.add((link, PROV.wasDerivedFrom, a))
    return g


def _class_label(lex: Lexicon, cls: URIRef) -> str:
    if lex.graph is not None:
        for lit in lex.graph.objects(cls, RDFS.label):
            if getattr(lit, "language", None) == "en":
                return str(lit).lower()
    return local_name(cls)
