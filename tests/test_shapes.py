"""The SHACL shapes: each one catches a planted violation, none raises a false alarm, and the shapes
agree with the ontology (no drift)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import CheckFailed, InputError
from kg.namespaces import RKG, WD
from kg.paths import ontology_dir, shapes_dir
from kg.rdfio import parse_graph
from kg.validate import (
    RKGSH,
    SH,
    ValidationReport,
    ensure_conforms,
    evidence,
    load_shapes,
    report_json,
    report_text,
    report_turtle,
    validate,
)

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "seeds" / "curated" / "nato-russia-timeline.ttl"
EVENT = "https://w3id.org/rkg/event/"
A1 = "https://w3id.org/rkg/article/a1"

UPDATE_PREFIXES = """
PREFIX rkg: <https://w3id.org/rkg/ontology#>
PREFIX actor: <https://w3id.org/rkg/actor/>
PREFIX person: <https://w3id.org/rkg/person/>
PREFIX place: <https://w3id.org/rkg/place/>
PREFIX mission: <https://w3id.org/rkg/mission/>
PREFIX event: <https://w3id.org/rkg/event/>
PREFIX article: <https://w3id.org/rkg/article/>
PREFIX source: <https://w3id.org/rkg/source/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX wd: <http://www.wikidata.org/entity/>
"""

M0 = f"<{A1}#char=0,38>"  # "NATO expelled eight Russian diplomats." (event:e1)
M1 = f"<{A1}#char=39,83>"  # the retaliation sentence (event:link-e2-e1)
M2 = f"<{A1}#char=84,110>"  # "NATO says they were spies." (event:e4)
CTX = f"<{A1}#char=0,110>"
OFFICE = "<https://w3id.org/rkg/office/RUS-foreign-minister>"


def _e(name: str) -> str:
    return EVENT + name


# name -> (the shape or SPARQL constraint that must report, the focus node, a SPARQL Update planting the fault)
CASES: dict[str, tuple[str, str, str]] = {
    # events
    "event-without-actor": ("EventActorShape", _e("e1"), "DELETE DATA { event:e1 rkg:actor actor:NATO }"),
    "event-with-two-actors": ("EventActorShape", _e("e1"), "INSERT DATA { event:e1 rkg:actor actor:GBR }"),
    "event-actor-not-actor": (
        "EventActorShape", _e("e6"),
        "DELETE DATA { event:e6 rkg:actor actor:RUS } ; INSERT DATA { event:e6 rkg:actor place:moscow }"),
    "target-not-actor": ("EventTargetShape", _e("e1"), "INSERT DATA { event:e1 rkg:target mission:RUS-to-NATO }"),
    "agent-not-person": ("EventAgentShape", _e("e2"), "INSERT DATA { event:e2 rkg:agent actor:RUS }"),
    "place-not-place": ("EventPlaceShape", _e("e6"), "INSERT DATA { event:e6 sem:hasPlace actor:GBR }"),
    "date-malformed": (
        "EventDateShape", _e("e3"),
        'DELETE DATA { event:e3 rkg:date "2014" } ; INSERT DATA { event:e3 rkg:date "2014?" }'),
    "date-missing": ("EventDateShape", _e("e6"), 'DELETE DATA { event:e6 rkg:date "2018-03-04" }'),
    "precision-unknown": (
        "EventDatePrecisionShape", _e("e6"),
        "DELETE DATA { event:e6 rkg:datePrecision rkg:DayPrecision } ;"
        " INSERT DATA { event:e6 rkg:datePrecision rkg:HourPrecision }"),
    "start-not-a-date": (
        "EventDateStartShape", _e("e6"),
        'DELETE DATA { event:e6 rkg:dateStart "2018-03-04"^^xsd:date } ;'
        ' INSERT DATA { event:e6 rkg:dateStart "2018-03-04" }'),
    "end-missing": ("EventDateEndShape", _e("e6"), 'DELETE DATA { event:e6 rkg:dateEnd "2018-03-04"^^xsd:date }'),
    "start-after-end": (
        "EventDateOrderShape", _e("e8"),
        'DELETE DATA { event:e8 rkg:dateStart "2018-03-01"^^xsd:date ; rkg:dateEnd "2018-03-31"^^xsd:date } ;'
        ' INSERT DATA { event:e8 rkg:dateStart "2018-03-31"^^xsd:date ; rkg:dateEnd "2018-03-30"^^xsd:date }'),
    "effective-date-not-date": (
        "EventEffectiveDateShape", _e("e1"),
        'INSERT DATA { event:e1 rkg:effectiveDate "soon" }'),
    "count-negative": (
        "EventCountShape", _e("e1"),
        "DELETE DATA { event:e1 rkg:count 8 } ; INSERT DATA { event:e1 rkg:count -8 }"),
    "cap-before-not-integer": (
        "EventCapBeforeShape", _e("e1"),
        'INSERT DATA { event:e2 rkg:capBefore 10 . event:e1 rkg:capBefore "twenty" }'),
    "two-caps-after": ("EventCapAfterShape", _e("e1"), "INSERT DATA { event:e1 rkg:capAfter 12 }"),
    "status-unknown": ("EventNewStatusShape", _e("e2"), "INSERT DATA { event:e2 rkg:newStatus rkg:Open }"),
    "precision-disagrees-with-date": (
        "DatePrecisionMatchesDate", _e("e1"),
        "DELETE DATA { event:e1 rkg:datePrecision rkg:DayPrecision } ;"
        " INSERT DATA { event:e1 rkg:datePrecision rkg:MonthPrecision }"),
    "span-outside-date": (
        "DateSpanWithinDate", _e("e1"),
        'DELETE DATA { event:e1 rkg:dateEnd "2021-10-06"^^xsd:date } ;'
        ' INSERT DATA { event:e1 rkg:dateEnd "2021-10-07"^^xsd:date }'),
    "act-without-target": ("ActTargetShape", _e("e7"), "DELETE DATA { event:e7 rkg:target actor:RUS }"),
    "act-and-speech-act": ("ActNotSpeechShape", _e("e1"), "INSERT DATA { event:e1 a rkg:Accusation }"),
    "quote-without-language": (
        "SpeechActQuoteShape", _e("e4"),
        'DELETE DATA { event:e4 rkg:quote "they were spies"@en } ;'
        ' INSERT DATA { event:e4 rkg:quote "they were spies" }'),
    "about-not-event": ("SpeechActAboutShape", _e("e4"), "INSERT DATA { event:e4 rkg:about actor:RUS }"),
    "claim-unattributed": (
        "ClaimAttributionShape", _e("e5"),
        "DELETE DATA { event:e5 rkg:attributedTo actor:SkyNews }"),
    # relations
    "responds-to-non-event": ("ResponseCauseShape", _e("e8"), "INSERT DATA { event:e8 rkg:respondsTo actor:GBR }"),
    "response-before-cause": (
        "ResponseAfterCause", _e("e8"),
        "INSERT DATA { event:e8 rkg:respondsTo event:e2 }"),
    "retaliation-before-cause": (
        "ResponseAfterCause", _e("e7"),
        "INSERT DATA { event:e7 rkg:retaliatesFor event:e1 }"),
    "causal-cycle": ("NoCausalCycle", _e("e6"), "INSERT DATA { event:e6 rkg:respondsTo event:e7 }"),
    "retaliates-for-non-event": (
        "RetaliationCauseShape", _e("e2"),
        "INSERT DATA { event:e2 rkg:retaliatesFor actor:NATO }"),
    "retaliation-wrong-dyad": (
        "RetaliationReversesDyad", _e("e2"),
        "DELETE DATA { event:e1 rkg:target actor:RUS } ; INSERT DATA { event:e1 rkg:target actor:GBR }"),
    "link-without-effect": (
        "LinkEvidenceEffectShape", _e("link-e2-e1"),
        "DELETE DATA { event:link-e2-e1 rkg:effect event:e2 }"),
    "link-with-two-causes": (
        "LinkEvidenceCauseShape", _e("link-e7-e6"),
        "INSERT DATA { event:link-e7-e6 rkg:cause event:e1 }"),
    "link-without-support": (
        "LinkEvidenceSupportShape", _e("link-e7-e6"),
        "DELETE DATA { event:link-e7-e6 prov:wasDerivedFrom source:irish-news-2018-03-14 }"),
    # provenance
    "event-without-source": (
        "EventSourceShape", _e("e3"), "DELETE DATA { event:e3 prov:wasDerivedFrom source:irish-news-2018-03-14 }"),
    "source-without-publisher": (
        "SourceShape", "https://example.org/news/suspension",
        'DELETE DATA { <https://example.org/news/suspension> dcterms:publisher "Example News" }'),
    "source-with-empty-publisher": (
        "SourcePublisherShape", "https://example.org/news/suspension",
        'INSERT DATA { <https://example.org/news/suspension> dcterms:publisher "" }'),
    "lifted-fact-without-mention": ("LiftedFactHasMention", _e("e1"), f"DELETE DATA {{ event:e1 gaf:denotedBy {M0} }}"),
    "mention-in-another-article": (
        "LiftedFactHasMention", _e("e4"),
        f"DELETE DATA {{ event:e4 gaf:denotedBy {M2} }} ;"
        " INSERT DATA { event:e4 gaf:denotedBy <https://w3id.org/rkg/article/a2#char=0,4> ."
        " <https://w3id.org/rkg/article/a2#char=0,4> nif:referenceContext <https://w3id.org/rkg/article/a2#char=0,4> ."
        " <https://w3id.org/rkg/article/a2#char=0,4> a nif:Context ; nif:isString \"NATO\" ; nif:beginIndex 0 ;"
        " nif:endIndex 4 ; nif:anchorOf \"NATO\" ; nif:sourceUrl <https://w3id.org/rkg/article/a2> }"),
    "denoted-by-non-mention": (
        "DenotedByMentionShape", _e("e4"), "INSERT DATA { event:e4 gaf:denotedBy <https://example.org/elsewhere> }"),
    # articles and mentions
    "article-without-identifier": (
        "NewsArticleIdentifierShape", A1,
        'DELETE DATA { article:a1 dcterms:identifier "a1" }'),
    "article-language-name": (
        "NewsArticleLanguageShape", A1,
        'DELETE DATA { article:a1 dcterms:language "en" } ; INSERT DATA { article:a1 dcterms:language "English" }'),
    "article-date-malformed": (
        "NewsArticleDateShape", A1,
        'DELETE DATA { article:a1 dcterms:date "2021-10" } ; INSERT DATA { article:a1 dcterms:date "October 2021" }'),
    "context-without-text": (
        "ContextStringShape", f"{A1}#char=0,110",
        f"DELETE {{ {CTX} nif:isString ?t }} WHERE {{ {CTX} nif:isString ?t }}"),
    "context-text-changed": (
        "ContextLengthMatchesText", f"{A1}#char=0,110",
        f"DELETE {{ {CTX} nif:isString ?t }} INSERT {{ {CTX} nif:isString ?u }}"
        f' WHERE {{ {CTX} nif:isString ?t . BIND (CONCAT("    ", ?t) AS ?u) }}'),
    "mention-context-not-context": (
        "MentionContextShape", f"{A1}#char=0,38",
        f"INSERT DATA {{ {M0} nif:referenceContext article:a1 }}"),
    "mention-begin-not-integer": (
        "MentionBeginShape", f"{A1}#char=84,110",
        f'DELETE DATA {{ {M2} nif:beginIndex 84 }} ; INSERT DATA {{ {M2} nif:beginIndex "84" }}'),
    "mention-without-end": ("MentionEndShape", f"{A1}#char=84,110", f"DELETE DATA {{ {M2} nif:endIndex 110 }}"),
    "mention-begin-after-end": (
        "MentionOrderShape", f"{A1}#char=84,110",
        f"DELETE DATA {{ {M2} nif:beginIndex 84 }} ; INSERT DATA {{ {M2} nif:beginIndex 111 }}"),
    "mention-without-anchor": (
        "MentionAnchorShape", f"{A1}#char=39,83",
        f'DELETE DATA {{ {M1} nif:anchorOf "Russia suspended its mission in retaliation." }}'),
    "mention-outside-text": (
        "MentionInsideText", f"{A1}#char=84,110",
        f"DELETE DATA {{ {M2} nif:endIndex 110 }} ; INSERT DATA {{ {M2} nif:endIndex 120 }}"),
    "anchor-not-slice": (
        "MentionAnchorIsSlice", f"{A1}#char=0,38",
        f'DELETE DATA {{ {M0} nif:anchorOf "NATO expelled eight Russian diplomats." }} ;'
        f' INSERT DATA {{ {M0} nif:anchorOf "NATO expelled 8 Russian diplomats." }}'),
    # actors
    "actor-without-name": ("ActorLabelShape", "https://w3id.org/rkg/actor/SkyNews",
                           'DELETE DATA { actor:SkyNews skos:prefLabel "Sky News"@en }'),
    "actor-two-english-names": ("ActorLabelShape", "https://w3id.org/rkg/actor/RUS",
                                'INSERT DATA { actor:RUS skos:prefLabel "Russian Federation"@en }'),
    "member-of-a-state": (
        "ActorMemberOfShape", "https://w3id.org/rkg/actor/RUS",
        "INSERT DATA { actor:RUS rkg:memberOf actor:GBR }"),
    "acts-for-a-place": (
        "PersonActsForShape", "https://w3id.org/rkg/person/sergei-lavrov",
        "INSERT DATA { person:sergei-lavrov rkg:actsFor place:moscow }"),
    "office-not-office": (
        "PersonOfficeShape", "https://w3id.org/rkg/person/sergei-lavrov",
        "INSERT DATA { person:sergei-lavrov rkg:holdsOffice actor:RUS }"),
    "office-of-a-place": ("OfficeOfShape", OFFICE[1:-1], f"INSERT DATA {{ {OFFICE} rkg:officeOf place:moscow }}"),
    "metonym-for-a-place": ("PlaceMetonymShape", "https://w3id.org/rkg/place/moscow",
                            "INSERT DATA { place:moscow rkg:metonymFor place:russia }"),
    "located-in-an-actor": ("PlaceLocatedInShape", "https://w3id.org/rkg/place/moscow",
                            "INSERT DATA { place:moscow rkg:locatedIn actor:RUS }"),
    "in-two-states": ("PlaceInStateShape", "https://w3id.org/rkg/place/moscow",
                      "INSERT DATA { place:moscow rkg:inState actor:RUS, actor:UKR }"),
    "in-an-organisation": ("PlaceInStateShape", "https://w3id.org/rkg/place/brussels",
                           "DELETE DATA { place:brussels rkg:inState actor:BEL } ;"
                           "INSERT DATA { place:brussels rkg:inState actor:NATO }"),
    "wikidata-page-not-entity": (
        "SameAsWikidataShape", "https://w3id.org/rkg/actor/GBR",
        "DELETE DATA { actor:GBR owl:sameAs wd:Q145 } ;"
        " INSERT DATA { actor:GBR owl:sameAs <https://www.wikidata.org/wiki/Q145> }"),
    "wikidata-id-malformed": (
        "SameAsWikidataShape", "https://w3id.org/rkg/actor/GBR",
        "DELETE DATA { actor:GBR owl:sameAs wd:Q145 } ; INSERT DATA { actor:GBR owl:sameAs wd:Q0145 }"),
    "same-as-literal": (
        "SameAsWikidataShape", "https://w3id.org/rkg/actor/NATO",
        'INSERT DATA { actor:NATO owl:sameAs "Q7184" }'),
    "two-nodes-one-entity": ("IdentityUniqueShape", str(WD.Q159), "INSERT DATA { place:moscow owl:sameAs wd:Q159 }"),
    # missions
    "mission-without-sender": (
        "MissionSenderShape", "https://w3id.org/rkg/mission/RUS-to-NATO",
        "DELETE DATA { mission:RUS-to-NATO rkg:sendingActor actor:RUS }"),
    "mission-sent-to-itself": (
        "MissionSenderShape", "https://w3id.org/rkg/mission/RUS-to-NATO",
        "DELETE DATA { mission:RUS-to-NATO rkg:sendingActor actor:RUS } ;"
        " INSERT DATA { mission:RUS-to-NATO rkg:sendingActor actor:NATO }"),
    "mission-hosted-by-a-place": (
        "MissionHostShape", "https://w3id.org/rkg/mission/RUS-to-NATO",
        "DELETE DATA { mission:RUS-to-NATO rkg:hostActor actor:NATO } ;"
        " INSERT DATA { mission:RUS-to-NATO rkg:hostActor place:brussels }"),
    "mission-seated-at-an-actor": (
        "MissionSeatShape", "https://w3id.org/rkg/mission/RUS-to-NATO",
        "DELETE DATA { mission:RUS-to-NATO rkg:seat place:brussels } ;"
        " INSERT DATA { mission:RUS-to-NATO rkg:seat actor:NATO }"),
    "mission-status-unknown": (
        "MissionStatusShape", "https://w3id.org/rkg/mission/RUS-to-NATO",
        "INSERT DATA { mission:RUS-to-NATO rkg:hasStatus rkg:Closed }"),
    # vocabulary
    "undeclared-act-class": (
        "DeclaredClassShape", "https://w3id.org/rkg/ontology#Bombardment",
        "INSERT DATA { event:e1 a rkg:Bombardment }"),
}

# Properties of reused vocabularies that the shapes may use (these vocabularies declare them).
REUSED_PROPERTIES = {
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    "http://purl.org/dc/terms/publisher",
    "http://purl.org/dc/terms/identifier",
    "http://purl.org/dc/terms/language",
    "http://purl.org/dc/terms/date",
    "http://groundedannotationframework.org/gaf#denotedBy",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    str(OWL.sameAs),
    str(RDF.type),  # vocabulary.ttl targets the objects of rdf:type
} | {
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" + name
    for name in ("beginIndex", "endIndex", "anchorOf", "referenceContext", "isString", "sourceUrl")
}
REUSED_CLASSES = {"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context",
                  str(OWL.Class)}  # vocabulary.ttl: rkg: classes in use are declared owl:Class


# ------------------------------------------------------------------ helpers
@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    g = Graph()
    parse_graph(FIXTURES / "tbox.ttl", into=g)
    parse_graph(FIXTURES / "valid.ttl", into=g)
    return g


def _copy(graph: Graph) -> Graph:
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def _planted(base: Graph, update: str) -> Graph:
    g = _copy(base)
    before = len(g)
    g.update(UPDATE_PREFIXES + update)
    assert len(g) != before or "DELETE" in update, "the planted update changed nothing"
    return g


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{[?$]\w+\}", template)
    return re.compile("^" + ".*".join(re.escape(p) for p in parts) + "$", re.S)


def _message_of(shapes: Graph, name: str) -> str:
    messages = [str(m) for m in shapes.objects(RKGSH[name], SH.message)]
    assert len(messages) == 1, f"{name} has {len(messages)} messages"
    return messages[0]


def _type_closure(graph: Graph) -> Graph:
    """rdf:type over rdfs:subClassOf, as the build's inferred graph has it."""
    supers: dict = {}
    for c, d in graph.subject_objects(RDFS.subClassOf):
        supers.setdefault(c, set()).add(d)
    inferred = Graph()
    for s, c in list(graph.subject_objects(RDF.type)):
        seen, todo = set(), [c]
        while todo:
            for d in supers.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        for d in seen:
            inferred.add((s, RDF.type, d))
    return inferred


def _reportable_shapes(shapes: Graph) -> set[str]:
    """Named shapes that report results themselves: property shapes, SPARQL constraints, and node shapes
    with a constraint of their own (not only sh:property / sh:sparql)."""
    own = {SH["or"], SH["not"], SH["and"], SH.xone, SH["class"], SH.node, SH.nodeKind, SH.datatype, SH["in"]}
    names = set()
    for kind in (SH.PropertyShape, SH.SPARQLConstraint):
        names |= {s for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    for s in shapes.subjects(RDF.type, SH.NodeShape):
        if isinstance(s, URIRef) and any((s, p, None) in shapes for p in own):
            if any(shapes.objects(s, SH.targetClass)) or any(shapes.objects(s, SH.targetSubjectsOf)) \
                    or any(shapes.objects(s, SH.targetObjectsOf)):
                names.add(s)
    return {str(s)[len(str(RKGSH)):] for s in names}


# ------------------------------------------------------------------ the shapes load and are well made
def test_real_shapes_load_and_every_shape_is_labelled_with_a_message_and_violation_severity(shapes):
    named = {s for kind in (SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint)
             for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    assert len(named) > 40
    for s in sorted(named):
        assert (s, SH.severity, SH.Violation) in shapes, f"{s}: sh:severity sh:Violation"
        messages = list(shapes.objects(s, SH.message))
        assert len(messages) == 1 and messages[0].language == "en", f"{s}: one English sh:message"
        assert any(lbl.language == "en" for lbl in shapes.objects(s, RDFS.label)), f"{s}: an English rdfs:label"
    for constraint in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert (constraint, SH.prefixes, RKGSH[""]) in shapes
    for f in sorted(shapes_dir().glob("*.ttl")):
        assert parse_graph(f), f


def test_valid_fixture_conforms(fixture_graph, shapes):
    report = validate(fixture_graph, shapes)
    assert report.conforms, report_text(report)
    assert report.results == []


def test_every_reportable_shape_has_a_failing_fixture(shapes):
    covered = {shape for shape, _, _ in CASES.values()}
    missing = _reportable_shapes(shapes) - covered
    assert not missing, f"shapes without a failing-fixture case: {sorted(missing)}"
    assert covered <= _reportable_shapes(shapes)


@pytest.mark.parametrize("case", sorted(CASES))
def test_planted_violation_is_reported(case, fixture_graph, shapes):
    shape, focus, update = CASES[case]
    report = validate(_planted(fixture_graph, update), shapes)
    assert not report.conforms
    hits = [r for r in report.results if r.shape == f"rkgsh:{shape}"]
    assert hits, f"{shape} did not fire; got:\n{report_text(report)}"
    foci = {r.focus for r in hits}
    assert any(_expands_to(f, focus) for f in foci), f"focus {focus} not in {foci}"
    pattern = _template_regex(_message_of(shapes, shape))
    for r in hits:
        assert pattern.match(r.message), f"message {r.message!r} does not follow {pattern.pattern!r}"
        assert r.severity == "Violation"


def _expands_to(short: str, iri: str) -> bool:
    from kg.validate import _expand

    return str(_expand(short)) == iri


# ------------------------------------------------------------------ the report
def test_report_names_label_path_and_evidence(fixture_graph, shapes):
    g = _planted(fixture_graph, "DELETE DATA { event:e1 rkg:actor actor:NATO } ; "
                                 "DELETE DATA { event:e2 rkg:actor actor:RUS }")
    report = validate(g, shapes)
    by_focus = {r.focus: r for r in report.results if r.shape == "rkgsh:EventActorShape"}
    lifted, curated = by_focus["event:e1"], by_focus["event:e2"]
    assert lifted.label == "NATO expels eight Russian mission staff"
    assert lifted.path == "rkg:actor"
    ev = lifted.evidence[0]
    assert (ev.kind, ev.article, ev.begin, ev.end) == ("mention", "a1", 0, 38)
    assert ev.anchor == "NATO expelled eight Russian diplomats."
    ev = curated.evidence[0]
    assert (ev.kind, ev.publisher, ev.source) == ("source", "Example News", "https://example.org/news/suspension")
    text = report_text(report)
    assert "NATO expels eight Russian mission staff (event:e1)" in text
    assert 'article a1, chars 0-38 "NATO expelled eight Russian diplomats."' in text
    assert "source Example News, 2021-10-18 <https://example.org/news/suspension>" in text
    data = json.loads(report_json(report))
    assert data["conforms"] is False and data["violations"] == len(report.violations)


def test_evidence_of_a_link_record_and_a_mention(fixture_graph):
    link = URIRef(_e("link-e2-e1"))
    [ev] = evidence(fixture_graph, link)
    assert (ev.article, ev.begin, ev.end) == ("a1", 39, 83)
    [ev] = evidence(fixture_graph, URIRef(f"{A1}#char=84,110"))
    assert ev.anchor == "NATO says they were spies."


def test_reports_are_deterministic(fixture_graph, shapes):
    update = ("DELETE DATA { event:e1 rkg:actor actor:NATO } ; INSERT DATA { event:e6 rkg:respondsTo event:e7 } ;"
              " INSERT DATA { place:moscow owl:sameAs wd:Q159 . _:b rkg:actor actor:RUS }")
    first = validate(_planted(fixture_graph, update), shapes)
    reordered = Graph()
    for t in sorted(_planted(fixture_graph, update), key=lambda t: tuple(reversed([str(x) for x in t]))):
        reordered.add(t)
    second = validate(reordered, shapes)
    assert report_text(first) == report_text(second)
    assert report_json(first) == report_json(second)
    assert report_turtle(first) == report_turtle(second)
    assert "_:" not in report_turtle(first).replace('"_:', "")
    Graph().parse(data=report_turtle(first), format="turtle")
    assert [r.sort_key() for r in first.results] == sorted(r.sort_key() for r in first.results)


def test_conforming_report_text_and_ensure_conforms(fixture_graph, shapes):
    report = validate(fixture_graph, shapes)
    assert report_text(report).startswith("SHACL validation: conforms (0 violations")
    ensure_conforms(report)
    with pytest.raises(CheckFailed):
        ensure_conforms(ValidationReport(conforms=False, results=[]))


def test_ontology_can_be_passed_separately(fixture_graph, shapes):
    data, tbox = Graph(), Graph()
    parse_graph(FIXTURES / "valid.ttl", into=data)
    parse_graph(FIXTURES / "tbox.ttl", into=tbox)
    data.remove((URIRef(_e("e7")), RKG.target, None))
    n = len(data)
    report = validate(data, shapes, ontology=tbox)
    assert [r.shape for r in report.results] == ["rkgsh:ActTargetShape"]
    assert len(data) == n  # the caller's graph is left alone
    # without the ontology, leaf classes are not known to be acts (nothing targets e7) and states are not
    # known to be actors (sh:class rkg:Actor fails): the ontology must be part of what is validated
    bare = validate(data, shapes)
    assert "rkgsh:ActTargetShape" not in {r.shape for r in bare.results}
    assert "rkgsh:MissionSenderShape" in {r.shape for r in bare.results}


def test_default_shapes_are_the_shapes_folder(fixture_graph):
    assert validate(fixture_graph).conforms


def test_malformed_shapes_file_is_an_input_error(tmp_path):
    (tmp_path / "bad.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle", "utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        load_shapes(tmp_path)
    with pytest.raises(InputError):
        load_shapes(tmp_path / "empty")


def test_unusable_shape_is_an_input_error(tmp_path, fixture_graph):
    broken = Graph()
    broken.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix rkg: <https://w3id.org/rkg/ontology#> .
        <urn:x:S> a sh:NodeShape ; sh:targetClass rkg:Event ;
            sh:sparql [ sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ; sh:message "m"@en ] .
        """, format="turtle")
    with pytest.raises(InputError):
        validate(fixture_graph, broken)


# ------------------------------------------------------------------ the real data conforms
def _real_graph(with_closure: bool = True) -> Graph:
    g = Graph()
    for f in sorted(ontology_dir().glob("*.ttl")):
        parse_graph(f, into=g)
    if CURATED.exists():
        parse_graph(CURATED, into=g)
    if with_closure:
        for t in _type_closure(g):
            g.add(t)
    return g


needs_data = pytest.mark.skipif(
    not (ontology_dir() / "rkg.ttl").exists() or not CURATED.exists(),
    reason="ontology/rkg.ttl or the curated timeline is not there yet")


@needs_data
def test_ontology_actors_and_curated_timeline_conform(shapes):
    report = validate(_real_graph(), shapes)
    assert report.conforms, report_text(report)


@needs_data
def test_lifted_seed_with_ontology_and_curated_timeline_conforms(shapes):
    from kg.lift.api import lift_file

    articles = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    if not articles:
        pytest.skip("no seed article")
    g = _real_graph(with_closure=False)
    for path in articles:
        _, lifted = lift_file(path)
        for t in lifted:
            g.add(t)
    for t in _type_closure(g):
        g.add(t)
    report = validate(g, shapes)
    assert report.conforms, report_text(report)


# ------------------------------------------------------------------ shapes and ontology do not drift
def _ontology() -> Graph:
    g = Graph()
    for f in sorted(ontology_dir().glob("*.ttl")):
        parse_graph(f, into=g)
    return g


def _declared_properties(ont: Graph) -> set[str]:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
    return {str(p) for k in kinds for p in ont.subjects(RDF.type, k)}


def _declared_classes(ont: Graph) -> set[str]:
    return {str(c) for k in (OWL.Class, RDFS.Class) for c in ont.subjects(RDF.type, k)}


def _paths(shapes: Graph, path) -> set[str]:
    if isinstance(path, URIRef):
        return {str(path)}
    found = set()
    for p in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath, SH.alternativePath):
        for inner in shapes.objects(path, p):
            found |= _paths(shapes, inner)
    if (path, RDF.first, None) in shapes:
        from rdflib.collection import Collection

        for item in Collection(shapes, path):
            found |= _paths(shapes, item)
    return found


needs_ontology = pytest.mark.skipif(not (ontology_dir() / "rkg.ttl").exists(), reason="ontology/rkg.ttl not there yet")


@needs_ontology
def test_every_rkg_class_the_shapes_name_is_declared(shapes):
    rkg_ttl = parse_graph(ontology_dir() / "rkg.ttl")
    declared = _declared_classes(rkg_ttl)
    named = {str(c) for p in (SH.targetClass, SH["class"]) for c in shapes.objects(None, p)}
    for c in sorted(named):
        if c.startswith(str(RKG)):
            assert c in declared, f"{c} is used by a shape but not declared in ontology/rkg.ttl"
        else:
            assert c in REUSED_CLASSES, f"{c}: a class from a vocabulary the project does not reuse"


@needs_ontology
def test_every_property_a_shape_uses_is_declared(shapes):
    declared = _declared_properties(_ontology())
    used = set()
    for path in shapes.objects(None, SH.path):
        used |= _paths(shapes, path)
    for p in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.lessThanOrEquals, SH.disjoint):
        used |= {str(o) for o in shapes.objects(None, p)}
    for p in sorted(used):
        if p.startswith(str(RKG)):
            assert p in declared, f"{p} is used by a shape but not declared in the ontology"
        else:
            assert p in REUSED_PROPERTIES or p in declared, f"{p}: not a property of a reused vocabulary"


@needs_ontology
def test_every_rkg_term_in_a_sparql_constraint_is_declared(shapes):
    ont = _ontology()
    declared = _declared_properties(ont) | _declared_classes(ont) | {str(s) for s in ont.subjects(RDF.type, None)}
    for select in shapes.objects(None, SH.select):
        for local in re.findall(r"\brkg:([A-Za-z]\w*)", str(select)):
            assert str(RKG[local]) in declared, f"rkg:{local} (in a SPARQL constraint) is not declared"


@needs_ontology
def test_response_sub_properties_are_all_named_by_the_shapes(shapes):
    ont = _ontology()
    subs = {str(p) for p in ont.transitive_subjects(RDFS.subPropertyOf, RKG.respondsTo)}
    text = " ".join(str(s) for s in shapes.objects(None, SH.select))
    targets = {str(o) for o in shapes.objects(RKGSH.ResponseShape, SH.targetSubjectsOf)}
    for p in sorted(subs):
        local = p[len(str(RKG)):]
        assert f"rkg:{local}" in text, f"rkg:{local} is a sub-property of rkg:respondsTo the SPARQL constraints miss"
        assert p in targets, f"rkg:{local} is not a target of rkgsh:ResponseShape"


@needs_ontology
def test_enumerations_match_the_ontology(shapes):
    from rdflib.collection import Collection

    ont = _ontology()
    for prop, cls in ((RKG.datePrecision, RKG.DatePrecision), (RKG.newStatus, RKG.MissionStatus),
                      (RKG.hasStatus, RKG.MissionStatus)):
        individuals = {str(i) for i in ont.subjects(RDF.type, cls)}
        for shape in shapes.subjects(SH.path, prop):
            for lst in shapes.objects(shape, SH["in"]):
                assert {str(i) for i in Collection(shapes, lst)} == individuals, f"sh:in of {shape} vs {cls}"


def _focus_nodes(shapes: Graph, data: Graph) -> set:
    """Every node some shape targets in `data` (SHACL targets, with rdfs:subClassOf in `data`)."""
    nodes = set()
    for cls in set(shapes.objects(None, SH.targetClass)):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes |= set(data.subjects(RDF.type, sub))
    for p in set(shapes.objects(None, SH.targetSubjectsOf)):
        nodes |= set(data.subjects(p, None))
    for p in set(shapes.objects(None, SH.targetObjectsOf)):
        nodes |= set(data.objects(None, p))
    nodes |= set(shapes.objects(None, SH.targetNode))
    return nodes


@needs_data
def test_every_class_with_instances_in_the_curated_data_has_a_shape(shapes):
    curated = parse_graph(CURATED)
    g = _real_graph(with_closure=False)
    focus = _focus_nodes(shapes, g)
    missing = {}
    for s, c in curated.subject_objects(RDF.type):
        if isinstance(s, BNode) or c in (OWL.Ontology, OWL.NamedIndividual):
            continue
        if s not in focus:
            missing.setdefault(str(c), []).append(str(s))
    assert not missing, f"classes with instances no shape checks: {missing}"


@needs_ontology
def test_every_class_with_instances_in_the_ontology_files_has_a_shape(shapes):
    g = _ontology()
    focus = _focus_nodes(shapes, g)
    # Terms of the ontology itself (classes, properties, lexicon entries, enumerations) are not data.
    skip = {OWL.Ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
            OWL.TransitiveProperty, OWL.FunctionalProperty, OWL.Restriction, RDF.Property, RDFS.Class,
            OWL.NamedIndividual, RKG.MissionStatus, RKG.DatePrecision}
    lexicon = {c for c in g.transitive_subjects(RDFS.subClassOf, RKG.LexiconEntry)} | {RKG.ActorDescription}
    missing = {}
    for s, c in g.subject_objects(RDF.type):
        if isinstance(s, BNode) or c in skip or c in lexicon or isinstance(c, Literal):
            continue
        if s not in focus:
            missing.setdefault(str(c), []).append(str(s))
    assert not missing, f"classes with instances no shape checks: { {k: v[:3] for k, v in missing.items()} }"
