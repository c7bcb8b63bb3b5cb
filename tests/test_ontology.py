"""The ontology, the reference actors and the curated timeline: they parse, every term is labelled in
English and Dutch, the CAMEO/Goldstein/PLOVER annotations match the codebook, the curated facts are
complete and sourced, and the whole is consistent under OWL RL.

The expected codes are copied from the shared CAMEO table (cameo/codes.csv) on purpose: tests never read
outside the repository.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
CURATED = ROOT / "seeds" / "curated" / "nato-russia-timeline.ttl"
CATALOG = ROOT / "seeds" / "articles" / "catalog.ttl"

RKG = Namespace("https://w3id.org/rkg/ontology#")
EVENT = Namespace("https://w3id.org/rkg/event/")
WD = "http://www.wikidata.org/entity/"
ERRNS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # where owlrl reports inconsistencies

# class -> (CAMEO code, Goldstein score, PLOVER category or None, PLOVER mode or None), from codes.csv.
# PLOVER codes no event for the CAMEO 01x statements, so those classes carry no PLOVER annotation.
EXPECTED_CODES = {
    "Act": ("160", "-4.0", "SANCTION", None),
    "Expulsion": ("166", "-7.0", "SANCTION", "expel"),
    "AccreditationWithdrawal": ("166", "-7.0", "SANCTION", "expel"),
    "MissionDownsizing": ("166", "-7.0", "SANCTION", "expel"),
    "MissionSuspension": ("161", "-4.0", "SANCTION", "withdraw"),
    "OfficeClosure": ("161", "-4.0", "SANCTION", "withdraw"),
    "CooperationSuspension": ("161", "-4.0", "SANCTION", "withdraw"),
    "RelationsDowngrade": ("161", "-4.0", "SANCTION", "withdraw"),
    "AccessRestriction": ("161", "-4.0", "SANCTION", "withdraw"),
    "Annexation": ("192", "-9.5", "COERCE", "seize"),
    "Sanction": ("163", "-8.0", "SANCTION", "discontinue"),
    "Attack": ("180", "-9.0", "ASSAULT", None),
    "MilitaryStrike": ("190", "-10.0", "ASSAULT", None),
    "AmbassadorSummons": ("114", "-2.0", "ACCUSE", "allege"),
    "PropertySeizure": ("171", "-9.2", "COERCE", "seize"),
    "Arrest": ("173", "-5.0", "COERCE", "arrest"),
    "Execution": ("180", "-9.0", "ASSAULT", None),
    "MilitaryPosture": ("150", "-7.2", "MOBILIZE", None),
    "MilitaryWithdrawal": ("087", "9.0", "RETREAT", "disarm"),
    "SpeechAct": ("010", "0.0", None, None),
    "Accusation": ("112", "-2.0", "ACCUSE", "disapprove"),
    "Denial": ("016", "-2.0", None, None),
    "Assessment": ("012", "-0.4", None, None),
    "RefusalToComment": ("011", "-0.1", None, None),
    "Statement": ("010", "0.0", None, None),
    "Criticism": ("111", "-2.0", "ACCUSE", "disapprove"),
    "Threat": ("130", "-4.4", "THREATEN", None),
    "Rejection": ("120", "-4.0", "REJECT", None),
    "Demand": ("100", "-5.0", "DEMAND", None),
    "Claim": ("010", "0.0", None, None),
}
# Codes present in codes.csv (CAMEO code -> Goldstein score), for classes whose code is a choice
# (rkg:Referendum): whatever code it carries must exist in the table with its score.
CODEBOOK = {
    "010": "0.0", "011": "-0.1", "012": "-0.4", "016": "-2.0", "090": "-2.0", "111": "-2.0", "112": "-2.0",
    "1125": "-2.0", "114": "-2.0", "125": "-5.0", "128": "-5.0", "130": "-4.4", "1313": "-5.8", "136": "-7.0",
    "160": "-4.0", "161": "-4.0", "163": "-8.0", "164": "-7.0", "166": "-7.0", "171": "-9.2", "174": "-5.0",
    "180": "-9.0", "192": "-9.5",
    # looked up beyond codes.csv (its README: "look up others as you need them"): 173, "Arrest, detain, or charge
    # with legal action", -5.0 in GDELT's Goldstein table; PLOVER's CAMEO2PLOVER maps it to COERCE, mode arrest
    "173": "-5.0",
    # … and 100, "Demand, not specified below", -5.0 there; PLOVER's DEMAND
    "100": "-5.0",
    # … and 150, "Demonstrate military or police power, not specified below", -7.2 there (as are 151–154, alerts
    # and mobilisation); PLOVER's CAMEO2PLOVER maps the 15x codes to MOBILIZE
    "150": "-7.2",
    # … and 120, "Reject, not specified below", -4.0 there; PLOVER's CAMEO2PLOVER maps the 12x codes to REJECT
    "120": "-4.0",
    # … and 087, "De-escalate military engagement", 9.0 there; PLOVER's CAMEO2PLOVER (2021) maps it to RETREAT,
    # mode disarm
    "087": "9.0",
    # … and 190, "Use conventional military force, not specified below", -10.0 there; PLOVER's CAMEO2PLOVER maps
    # the 19x codes to ASSAULT
    "190": "-10.0",
}
LEAF_CLASSES = {
    "Expulsion", "AccreditationWithdrawal", "MissionDownsizing", "MissionSuspension", "OfficeClosure",
    "CooperationSuspension", "RelationsDowngrade", "AccessRestriction", "Annexation", "Sanction", "Attack",
    "MilitaryStrike", "AmbassadorSummons", "PropertySeizure", "Arrest", "Execution", "MilitaryPosture",
    "MilitaryWithdrawal", "Referendum",
    "Accusation", "Denial",
    "Assessment", "RefusalToComment", "Statement", "Criticism", "Threat", "Demand", "Claim", "Rejection",
}
# Every term docs/model.md names (it must be declared in the ontology).
MODEL_CLASSES = LEAF_CLASSES | {
    "Actor", "State", "InternationalOrganisation", "Alliance", "MediaOrganisation", "Person", "Office", "Place",
    "DiplomaticMission", "MissionStatus", "DatePrecision", "Event", "Act", "SpeechAct", "RetaliatoryAct",
    "NewsArticle", "LinkEvidence", "ActorDescription",
}
MODEL_PROPERTIES = {
    "adjective", "demonym", "memberOf", "actsFor", "holdsOffice", "officeOf", "metonymFor", "locatedIn", "phrase",
    "denotes", "sendingActor", "hostActor", "seat", "hasStatus", "capBefore", "capAfter", "newStatus", "actor",
    "agent", "target", "object", "count", "date", "datePrecision", "dateStart", "dateEnd", "effectiveDate", "quote",
    "about", "attributedTo", "respondsTo", "retaliatesFor", "tightens", "hasCausalAncestor", "hasResponse",
    "hasRetaliation", "tightenedBy", "hasCausalDescendant", "effect", "cause", "fileName", "cameoCode",
    "goldsteinScore", "ploverCategory", "ploverMode",
}
MODEL_INDIVIDUALS = {"Active", "Suspended", "Closed", "DayPrecision", "MonthPrecision", "YearPrecision"}
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def ontology_files() -> list[Path]:
    return sorted(ONTOLOGY.glob("*.ttl"))


@lru_cache(maxsize=1)
def tbox() -> Graph:
    return parse(*ontology_files())


@lru_cache(maxsize=1)
def curated() -> Graph:
    return parse(CURATED)


@lru_cache(maxsize=1)
def closure() -> Graph:
    owlrl = pytest.importorskip("owlrl")
    graph = parse(*ontology_files(), CURATED)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def defined_terms(graph: Graph) -> set[URIRef]:
    types = (OWL.Class, RDFS.Class, *PROPERTY_TYPES)
    return {s for t in types for s in graph.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(str(RKG))}


def event_classes(graph: Graph) -> set[URIRef]:
    """rkg:Event's subclasses (transitively), without rkg:Event itself and the inferred RetaliatoryAct."""
    found: set[URIRef] = set()
    todo = [RKG.Event]
    while todo:
        for sub in graph.subjects(RDFS.subClassOf, todo.pop()):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                todo.append(sub)
    return found - {RKG.RetaliatoryAct}


@pytest.mark.parametrize("path", [*ontology_files(), CURATED, CATALOG], ids=lambda p: p.name)
def test_every_file_parses(path: Path) -> None:
    assert len(parse(path)) > 0


def test_ontology_header() -> None:
    g = parse(ONTOLOGY / "rkg.ttl")
    onts = list(g.subjects(RDF.type, OWL.Ontology))
    assert len(onts) == 1
    ont = onts[0]
    assert g.value(ont, OWL.versionIRI) is not None
    assert g.value(ont, URIRef("http://purl.org/dc/terms/license")) is not None
    for pred in (RDFS.label, RDFS.comment):
        assert {o.language for o in g.objects(ont, pred)} >= {"en", "nl"}


def test_model_terms_are_declared() -> None:
    g = tbox()
    terms = defined_terms(g)
    assert {RKG[c] for c in MODEL_CLASSES} - terms == set()
    assert {RKG[p] for p in MODEL_PROPERTIES} - terms == set()
    for name in MODEL_INDIVIDUALS:
        assert g.value(RKG[name], RDF.type) is not None, name


def test_every_term_labelled_in_english_and_dutch() -> None:
    g = tbox()
    missing = []
    for term in sorted(defined_terms(g) | {RKG[i] for i in MODEL_INDIVIDUALS}):
        for pred in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, pred) if isinstance(o, Literal)}
            for lang in ("en", "nl"):
                if lang not in langs:
                    missing.append(f"{term} {pred.n3(g.namespace_manager)} @{lang}")
    assert missing == []


def test_alignment_with_sem_and_prov() -> None:
    g = tbox()
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    for sub, sup in ((RKG.Event, sem.Event), (RKG.Actor, sem.Actor), (RKG.Place, sem.Place),
                     (RKG.NewsArticle, PROV.Entity)):
        assert (sub, RDFS.subClassOf, sup) in g
    for sub, sup in ((RKG.actor, sem.hasActor), (RKG.target, sem.hasActor),
                     (RKG.dateStart, sem.hasEarliestBeginTimeStamp), (RKG.retaliatesFor, RKG.respondsTo),
                     (RKG.tightens, RKG.respondsTo), (RKG.respondsTo, RKG.hasCausalAncestor)):
        assert (sub, RDFS.subPropertyOf, sup) in g
    assert (RKG.hasCausalAncestor, RDF.type, OWL.TransitiveProperty) in g
    assert (RKG.actor, RDF.type, OWL.FunctionalProperty) in g
    inverses = {(RKG.respondsTo, RKG.hasResponse), (RKG.retaliatesFor, RKG.hasRetaliation),
                (RKG.tightens, RKG.tightenedBy), (RKG.hasCausalAncestor, RKG.hasCausalDescendant)}
    for a, b in inverses:
        assert (a, OWL.inverseOf, b) in g or (b, OWL.inverseOf, a) in g


def test_event_classes_carry_codes_from_the_codebook() -> None:
    g = tbox()
    classes = event_classes(g)
    assert {RKG[c] for c in EXPECTED_CODES} <= classes | {RKG.Act, RKG.SpeechAct}
    for cls in sorted(classes):
        name = str(cls)[len(str(RKG)):]
        code = g.value(cls, RKG.cameoCode)
        score = g.value(cls, RKG.goldsteinScore)
        assert code is not None and score is not None, f"{name} lacks a CAMEO code or Goldstein score"
        assert score.datatype == XSD.decimal, name
        assert str(code) in CODEBOOK and Decimal(str(score)) == Decimal(CODEBOOK[str(code)]), name
        if name in EXPECTED_CODES:
            exp_code, exp_score, exp_cat, exp_mode = EXPECTED_CODES[name]
            assert str(code) == exp_code, name
            assert Decimal(str(score)) == Decimal(exp_score), name
            cat, mode = g.value(cls, RKG.ploverCategory), g.value(cls, RKG.ploverMode)
            assert (str(cat) if cat is not None else None) == exp_cat, name
            assert (str(mode) if mode is not None else None) == exp_mode, name


def test_referendum_code_is_explained() -> None:
    g = tbox()
    code = str(g.value(RKG.Referendum, RKG.cameoCode))
    comments = " ".join(str(c) for c in g.objects(RKG.Referendum, RDFS.comment))
    assert code in comments, "rkg:Referendum's comment should say why it carries its CAMEO code"


def test_states_gazetteer_has_249_states_with_qids() -> None:
    g = parse(ONTOLOGY / "actors-states.ttl")
    states = set(g.subjects(RDF.type, RKG.State))
    assert len(states) == 249
    for state in states:
        assert re.fullmatch(r"https://w3id\.org/rkg/actor/[A-Z]{3}", str(state)), state
        qids = [o for o in g.objects(state, OWL.sameAs) if str(o).startswith(WD)]
        assert qids, f"{state} has no Wikidata id"
        assert any(label.language == "en" for label in g.objects(state, SKOS.prefLabel)), state
    nld = URIRef("https://w3id.org/rkg/actor/NLD")
    assert {URIRef(WD + "Q29999"), URIRef(WD + "Q55")} <= set(g.objects(nld, OWL.sameAs))
    gbr_alts = {str(o) for o in g.objects(URIRef("https://w3id.org/rkg/actor/GBR"), SKOS.altLabel)}
    assert "UK" in gbr_alts


def test_states_file_is_generated_and_sorted() -> None:
    text = (ONTOLOGY / "actors-states.ttl").read_text(encoding="utf-8")
    assert text.startswith("# GENERATED FILE")
    codes = re.findall(r"^actor:([A-Z]{3}) a rkg:State", text, flags=re.M)
    assert codes == sorted(codes) and len(codes) == 249


def test_wikidata_links_are_well_formed() -> None:
    g = parse(*ontology_files(), CURATED)
    for s, o in g.subject_objects(OWL.sameAs):
        assert isinstance(o, URIRef), (s, o)
        if "wikidata" in str(o):
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", str(o)), (s, o)


def test_reference_individuals() -> None:
    g = tbox()
    actor = Namespace("https://w3id.org/rkg/actor/")
    assert (actor.NATO, RDF.type, RKG.Alliance) in g
    assert (actor.NATO, OWL.sameAs, URIRef(WD + "Q7184")) in g
    assert (actor.EU, OWL.sameAs, URIRef(WD + "Q458")) in g
    assert (actor.UN, OWL.sameAs, URIRef(WD + "Q1065")) in g
    assert (actor.DEU, RKG.memberOf, actor.NATO) in g
    mission = Namespace("https://w3id.org/rkg/mission/")
    place = Namespace("https://w3id.org/rkg/place/")
    assert (mission["RUS-to-NATO"], RKG.hostActor, actor.NATO) in g
    assert (mission["RUS-to-NATO"], RKG.seat, place.brussels) in g
    assert g.value(place.brussels, RKG.metonymFor) is None, "Brussels often means NATO or the EU, not Belgium"
    assert (place.moscow, RKG.metonymFor, actor.RUS) in g
    assert {str(a) for a in g.objects(actor.RUS, RKG.adjective)} >= {"Russisch", "Russische", "Russian"}
    person = Namespace("https://w3id.org/rkg/person/")
    assert (person["sergei-lavrov"], RKG.actsFor, actor.RUS) in g


def test_no_blank_nodes_in_curated_file() -> None:
    g = curated()
    assert [t for t in g if any(isinstance(x, BNode) for x in t)] == []


def curated_events(g: Graph) -> set[URIRef]:
    leaves = {RKG[c] for c in LEAF_CLASSES}
    return {s for s, o in g.subject_objects(RDF.type) if o in leaves}


def test_curated_events_are_complete_and_sourced() -> None:
    g = curated()
    events = curated_events(g)
    assert len(events) >= 12
    leaves = {RKG[c] for c in LEAF_CLASSES}
    for ev in sorted(events):
        assert str(ev).startswith(str(EVENT) + "curated-"), ev
        assert len([t for t in g.objects(ev, RDF.type) if t in leaves]) == 1, ev
        assert len(list(g.objects(ev, RKG.actor))) == 1, ev
        assert g.value(ev, RKG.date) is not None and g.value(ev, RKG.datePrecision) is not None, ev
        start, end = g.value(ev, RKG.dateStart), g.value(ev, RKG.dateEnd)
        assert start is not None and start.datatype == XSD.date, ev
        assert end is not None and end.datatype == XSD.date and end.toPython() >= start.toPython(), ev
        assert str(g.value(ev, RKG.date)) == str(start)[: len(str(g.value(ev, RKG.date)))], ev
        assert any(lbl.language == "en" for lbl in g.objects(ev, RDFS.label)), ev
        sources = list(g.objects(ev, PROV.wasDerivedFrom))
        assert sources, f"{ev} has no source"
        for src in sources:
            assert (src, RDF.type, PROV.Entity) in g, src
            assert g.value(src, URIRef("http://purl.org/dc/terms/publisher")) is not None, src


def test_curated_links_have_evidence_with_sources() -> None:
    g = curated()
    relations = (RKG.respondsTo, RKG.retaliatesFor, RKG.tightens)
    evidence = {(g.value(e, RKG.effect), g.value(e, RKG.cause)): e for e in g.subjects(RDF.type, RKG.LinkEvidence)}
    for rel in relations:
        for effect, cause in g.subject_objects(rel):
            ev = evidence.get((effect, cause))
            assert ev is not None, f"no rkg:LinkEvidence for {effect} {rel} {cause}"
            assert isinstance(ev, URIRef)
            assert list(g.objects(ev, PROV.wasDerivedFrom)), ev
            assert g.value(effect, RKG.dateStart).toPython() >= g.value(cause, RKG.dateStart).toPython()


def test_chain_from_the_suspension_reaches_the_annexation() -> None:
    g = curated()
    relations = (RKG.respondsTo, RKG.retaliatesFor, RKG.tightens)
    start = EVENT["curated-2021-10-18-ru-suspends-mission"]
    annexation = EVENT["curated-2014-03-18-ru-annexes-crimea"]
    assert (annexation, RDF.type, RKG.Annexation) in g
    # breadth-first, remembering the number of links on the shortest way to each event
    depth = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for rel in relations:
                for cause in g.objects(node, rel):
                    if cause not in depth:
                        depth[cause] = depth[node] + 1
                        nxt.append(cause)
        frontier = nxt
    assert annexation in depth
    assert depth[annexation] >= 5


def test_owl_rl_closure_is_consistent_and_infers_retaliation() -> None:
    g = closure()
    assert list(g.subjects(RDF.type, OWL.Nothing)) == []
    assert [str(m) for m in g.objects(None, ERRNS.error)] == []
    suspension = EVENT["curated-2021-10-18-ru-suspends-mission"]
    assert (suspension, RDF.type, RKG.RetaliatoryAct) in g
    assert (suspension, RKG.hasCausalAncestor, EVENT["curated-2014-03-18-ru-annexes-crimea"]) in g
    assert (EVENT["curated-2014-03-18-ru-annexes-crimea"], RDF.type, RKG.RetaliatoryAct) not in g


def test_catalog_records_the_seed_article() -> None:
    g = parse(CATALOG)
    art = URIRef("https://w3id.org/rkg/article/000_61d6be699d2cb5c4")
    dct = Namespace("http://purl.org/dc/terms/")
    assert (art, RDF.type, RKG.NewsArticle) in g
    assert str(g.value(art, dct.language)) == "nl"
    assert str(g.value(art, dct.date)) == "2021-10"
    assert g.value(art, RKG.datePrecision) == RKG.MonthPrecision
    assert str(g.value(art, RKG.fileName)) == "000_61d6be699d2cb5c4.txt"
    assert (ROOT / "seeds" / "articles" / str(g.value(art, RKG.fileName))).is_file()
