"""The events table (design.md contract): one row per act or statement, ICEWS-like columns.

The contract columns come first and stay as they are (an outside scorer reads them); the columns after
`sentence_end` add what ICEWS users look for: the story id, the sentence number, the event text and the
sectors of actor and targets.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_right

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.namespaces import ARTICLE, GAF, LEX, NIF, RKG, WD, local_name

COLUMNS = ["article", "event_id", "date", "date_precision", "event_class", "cameo", "goldstein", "plover",
           "actor", "actor_qid", "target", "target_qids", "responds_to", "evidence", "source",
           "sentence_start", "sentence_end", "story_id", "sentence_number", "event_text", "actor_sector",
           "target_sectors"]
RELATIONS = (RKG.respondsTo, RKG.retaliatesFor, RKG.tightens)


def _label(g: Graph, node) -> str:
    for pred in (SKOS.prefLabel, RDFS.label):
        labels = sorted(g.objects(node, pred), key=lambda lit: (getattr(lit, "language", "") != "en", str(lit)))
        if labels:
            return str(labels[0])
    return local_name(node)


def _state(g: Graph, node):
    """People and places resolve to the state or organisation they act or stand for."""
    return g.value(node, RKG.actsFor) or g.value(node, RKG.metonymFor) or node


def _qid(g: Graph, node) -> str:
    for other in sorted(g.objects(_state(g, node), OWL.sameAs)):
        if str(other).startswith(str(WD)):
            return str(other)[len(str(WD)):]
    return ""


def event_classes(g: Graph) -> set[URIRef]:
    """Every class below rkg:Event in the ontology part of g."""
    found = {RKG.Event}
    frontier = [RKG.Event]
    while frontier:
        cls = frontier.pop()
        for sub in g.subjects(RDFS.subClassOf, cls):
            if sub not in found:
                found.add(sub)
                frontier.append(sub)
    return found


GENERIC = {RKG.Event, RKG.Act, RKG.SpeechAct, RKG.RetaliatoryAct}


def leaf_class(g: Graph, types: set[URIRef]) -> URIRef | None:
    """The most specific coded event class among a node's types (inferred super-classes ignored)."""
    coded = sorted(t for t in types if t not in GENERIC and g.value(t, RKG.cameoCode) is not None)
    supers = {p for t in coded for p in g.transitive_objects(t, RDFS.subClassOf) if p != t}
    leaves = [t for t in coded if t not in supers]
    return leaves[0] if leaves else None


def _sector(g: Graph, node) -> str:
    """The English label of the actor's most specific actor class ("state", "alliance", "media organisation")."""
    actor_classes = {RKG.Actor}
    frontier = [RKG.Actor]
    while frontier:
        for sub in g.subjects(RDFS.subClassOf, frontier.pop()):
            if sub not in actor_classes:
                actor_classes.add(sub)
                frontier.append(sub)
    types = {t for t in g.objects(node, RDF.type) if t in actor_classes}
    supers = {p for t in types for p in g.transitive_objects(t, RDFS.subClassOf) if p != t}
    leaves = sorted(t for t in types if t not in supers)
    return _label(g, leaves[0]) if leaves else ""


class _Sentences:
    """Sentence numbers (1-based) of mention offsets, from the lifter's own sentence splitter, so that the
    number counts the sentences the lifter saw (the date header is not one)."""

    def __init__(self, g: Graph):
        self.g = g
        self.starts: dict = {}

    def number(self, mention) -> str:
        context = self.g.value(mention, NIF.referenceContext)
        begin = self.g.value(mention, NIF.beginIndex)
        if context is None or begin is None:
            return ""
        if context not in self.starts:
            self.starts[context] = self._starts(context)
        starts = self.starts[context]
        return str(bisect_right(starts, int(begin))) if starts else ""

    def _starts(self, context) -> list[int]:
        from kg.lift.article import HEADER_RE
        from kg.lift.text import split

        text = self.g.value(context, NIF.isString)
        if text is None:
            return []
        text = str(text)
        article = self.g.value(context, NIF.sourceUrl)
        language = str(self.g.value(article, DCTERMS.language) or "") if article is not None else ""
        abbreviations = {str(w).lower() for w in self.g.objects(LEX.Abbreviations, RKG.word)
                         if " " not in str(w) and getattr(w, "language", None) in (language, None)}
        header = HEADER_RE.match(text)
        return [s.start for s in split(text, header.end() if header else 0, abbreviations)]


def rows(g: Graph) -> list[dict[str, str]]:
    """One row per event in g (data and ontology together), sorted by article, date, id."""
    classes = event_classes(g)
    sentences = _Sentences(g)
    out = []
    nodes = {n for n, c in g.subject_objects(RDF.type) if c in classes and isinstance(n, URIRef)}
    for node in nodes:
        cls = leaf_class(g, set(g.objects(node, RDF.type)))
        if cls is None:
            continue
        sources = list(g.objects(node, PROV.wasDerivedFrom))
        articles = sorted({str(f) for src in sources for f in g.objects(src, RKG.fileName)})
        mentions = sorted(g.objects(node, GAF.denotedBy), key=lambda m: int(g.value(m, NIF.beginIndex) or 0))
        evidence = " … ".join(str(g.value(m, NIF.anchorOf) or "") for m in mentions)
        if not mentions:
            evidence = _label(g, node)
        actor = g.value(node, RKG.actor)
        targets = sorted(g.objects(node, RKG.target))
        precision = g.value(node, RKG.datePrecision)
        out.append({
            "article": "|".join(articles),
            "event_id": local_name(node),
            "date": str(g.value(node, RKG.date) or ""),
            "date_precision": local_name(precision).removesuffix("Precision").lower() if precision else "",
            "event_class": local_name(cls),
            "cameo": str(g.value(cls, RKG.cameoCode) or ""),
            "goldstein": str(g.value(cls, RKG.goldsteinScore) or ""),
            "plover": str(g.value(cls, RKG.ploverCategory) or ""),
            "actor": _label(g, _state(g, actor)) if actor is not None else "",
            "actor_qid": _qid(g, actor) if actor is not None else "",
            "target": "|".join(_label(g, _state(g, t)) for t in targets),
            "target_qids": "|".join(q for q in (_qid(g, t) for t in targets) if q),
            "responds_to": "|".join(sorted({local_name(c) for rel in RELATIONS for c in g.objects(node, rel)})),
            "evidence": " ".join(evidence.split()),
            "source": "|".join(sorted(str(s) for s in g.objects(node, PROV.wasDerivedFrom))),
            "sentence_start": str(g.value(mentions[0], NIF.beginIndex)) if mentions else "",
            "sentence_end": str(g.value(mentions[0], NIF.endIndex)) if mentions else "",
            "story_id": "|".join(sorted(local_name(s) for s in sources if str(s).startswith(str(ARTICLE)))),
            "sentence_number": sentences.number(mentions[0]) if mentions else "",
            "event_text": _label(g, cls),
            "actor_sector": _sector(g, _state(g, actor)) if actor is not None else "",
            "target_sectors": "|".join(_sector(g, _state(g, t)) for t in targets),
        })
    return sorted(out, key=lambda r: (r["article"], r["date"], r["event_id"]))


def to_csv(table: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buf.getvalue()
