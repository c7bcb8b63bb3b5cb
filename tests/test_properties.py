"""Property-based tests (hypothesis) of the date normaliser and the exporters (issue 6).

The lifter's own property (any text lifts without crashing, every mention's offsets slice its anchor) is in
tests/test_lift.py. Dates are tested through the lifter's public entry point, an article file, so that the
test does not depend on how the lifter is organised inside.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import networkx as nx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.events_table import rows
from kg.export.gexf import to_gexf
from kg.export.graph_model import clean_text
from kg.export.graphml import to_graphml
from kg.export.jsonld import to_jsonld
from kg.lift.api import lift_file
from kg.lift.dates import PartialDate
from kg.namespaces import ACTOR, EVENT, RKG
from kg.paths import ontology_dir
from kg.rdfio import parse_graph

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "en": "January February March April May June July August September October November December".split(),
}
WEEKDAYS = {
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split(),
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
}
SENTENCE = {"nl": "Rusland zette {when} acht Britse diplomaten uit.",
            "en": "Russia expelled eight British diplomats {when}."}
SLOW = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@st.composite
def publication_dates(draw) -> PartialDate:
    day = draw(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    return PartialDate(day.year, day.month if precision != "year" else None, day.day if precision == "day" else None)


@st.composite
def date_expressions(draw, language: str, pub: PartialDate) -> tuple[str, bool]:
    """A date expression and whether the text says it lies ahead ("per 1 november", an explicit later date)."""
    month_index = draw(st.integers(0, 11))
    month = MONTHS[language][month_index]
    weekday = WEEKDAYS[language][draw(st.integers(0, 6))]
    day = draw(st.integers(1, 31))
    year = draw(st.integers(1995, 2036))
    full = PartialDate(year, month_index + 1, day)
    later = full.exists() and full.start > pub.end  # a full date the text gives may lie after the article
    if language == "nl":
        choices = [(weekday, False), (f"op {day} {month}", False), (f"begin {month}", False), (f"eind {month}", False),
                   (f"in {month} vorig jaar", False), ("vorige week", False), ("gisteren", False),
                   (f"in {year}", year > pub.year), (f"op {day} {month} {year}", later),
                   (f"per {day} {month}", True), (f"vanaf {weekday}", True)]
    else:
        choices = [(f"on {weekday}", False), (f"on {day} {month}", False), (f"in early {month}", False),
                   ("earlier this month", False), (f"in {month} last year", False), ("yesterday", False),
                   (f"in {year}", year > pub.year), (f"on {month} {day}, {year}", later),
                   (f"from {day} {month}", True), (f"next {weekday}", True)]
    return draw(st.sampled_from(choices))


@st.composite
def articles(draw) -> tuple[str, str, PartialDate, bool]:
    language = draw(st.sampled_from(["nl", "en"]))
    pub = draw(publication_dates())
    when, ahead = draw(date_expressions(language, pub))
    return language, f" date {pub.iso()} " + SENTENCE[language].format(when=when), pub, ahead


def lifted_dates(tmp_path, lexicon, language: str, text: str) -> list[dict]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    _, graph = lift_file(path, lexicon, language)
    graph += lexicon.graph
    return rows(graph)


@SLOW
@given(articles())
@example(("nl", " date 2000-01-01 Rusland zette op 30 februari acht Britse diplomaten uit.", PartialDate(2000, 1, 1),
          False))
def test_every_lifted_date_is_a_real_date_with_its_precision(tmp_path, lexicon, article):
    language, text, _, _ = article
    for row in lifted_dates(tmp_path, lexicon, language, text):
        date = PartialDate.parse(row["date"])  # raises for 2021-02-30 or a malformed date
        assert row["date_precision"] == date.precision, (row, text)


@SLOW
@given(articles())
@example(("en", " date 2024-11 Russia expelled eight British diplomats on 7 December.", PartialDate(2024, 11), False))
@example(("nl", " date 1995-01-01 Rusland zette op 1 januari 1995 acht Britse diplomaten uit.",
          PartialDate(1995, 1, 1), False))
def test_no_lifted_date_lies_after_the_article_unless_the_text_says_so(tmp_path, lexicon, article):
    language, text, pub, ahead = article
    for row in lifted_dates(tmp_path, lexicon, language, text):
        if not ahead:
            assert PartialDate.parse(row["date"]).start <= pub.end, (row["date"], text)


# ------------------------------------------------------------------ exporters: any label round-trips
@pytest.fixture(scope="module")
def ontology() -> Graph:
    """The class hierarchy of the ontology: what the exporters need to tell acts from actors."""
    full = parse_graph(ontology_dir() / "rkg.ttl")
    g = Graph()
    for t in full.triples((None, RDFS.subClassOf, None)):
        g.add(t)
    return g


labels = st.text(max_size=60)


def _graph(ontology: Graph, actor_label: str, event_label: str) -> Graph:
    """The ontology plus one state and one expulsion it carries out, with the given labels."""
    g = Graph()
    for t in ontology:
        g.add(t)
    actor, event = ACTOR["XXA"], EVENT["prop-1"]
    g.add((actor, RDF.type, RKG.State))
    g.add((actor, SKOS.prefLabel, Literal(actor_label, lang="en")))
    g.add((event, RDF.type, RKG.Expulsion))
    g.add((event, RDFS.label, Literal(event_label, lang="en")))
    g.add((event, RKG.actor, actor))
    g.add((event, RKG.target, ACTOR["RUS"]))
    g.add((event, RKG.date, Literal("2021-10-06")))
    g.add((event, RKG.dateStart, Literal("2021-10-06", datatype=XSD.date)))
    g.add((event, RKG.dateEnd, Literal("2021-10-06", datatype=XSD.date)))
    return g


def _expected(label: str, node: str) -> str:
    """What an XML export shows: the label without what XML forbids, white space collapsed; if nothing is
    left, the last segment of the node's IRI (never an empty label)."""
    return clean_text(label) or node


@settings(max_examples=50, deadline=None)
@given(labels, labels)
def test_any_label_round_trips_through_gexf(ontology, actor_label, event_label):
    root = etree.fromstring(to_gexf(_graph(ontology, actor_label, event_label)))
    shown = {n.get("id"): n.get("label") for n in root.iter("{http://gexf.net/1.3}node")}
    assert shown["actor:XXA"] == _expected(actor_label, "XXA")
    assert shown["event:prop-1"] == _expected(event_label, "prop-1")


@settings(max_examples=50, deadline=None)
@given(labels, labels)
def test_any_label_round_trips_through_graphml(ontology, actor_label, event_label):
    graph = nx.read_graphml(io.BytesIO(to_graphml(_graph(ontology, actor_label, event_label))))
    assert graph.nodes["actor:XXA"]["label"] == _expected(actor_label, "XXA")
    assert graph.nodes["event:prop-1"]["label"] == _expected(event_label, "prop-1")


@settings(max_examples=50, deadline=None)
@given(labels, labels)
def test_any_label_round_trips_exactly_through_jsonld(ontology, actor_label, event_label):
    """JSON can carry every character: the labels come back unchanged, the whole graph isomorphic."""
    original = _graph(ontology, actor_label, event_label)
    text = to_jsonld(original)
    json.loads(text)
    back = Graph().parse(data=text, format="json-ld")
    assert Literal(actor_label, lang="en") in set(back.objects(ACTOR["XXA"], SKOS.prefLabel))
    assert isomorphic(back, original)
