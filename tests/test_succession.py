"""States that ended and the states that carried on their names: acts go to the state of their day."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import InputError
from kg.lift.lexicon import Lexicon, _load_successions
from kg.lift.succession import state_on
from kg.namespaces import ACTOR, RKG
from tests.test_lift import table_of


def test_every_former_state_has_an_end_and_a_wikidata_id(lexicon):
    g = lexicon.graph
    for state in (ACTOR.SUN, ACTOR.YUG, ACTOR.SCG, ACTOR.DDR, ACTOR.BRD, ACTOR.CSK):
        assert (state, None, None) in g, state
        assert state in lexicon.ended
        assert lexicon.qids.get(state, "").startswith("Q")
    assert lexicon.qids[ACTOR.SUN] == "Q15180"


@pytest.mark.parametrize("actor, day, expected", [
    (ACTOR.RUS, dt.date(1986, 10, 22), ACTOR.SUN),  # "Moskou" in 1986
    (ACTOR.RUS, dt.date(1991, 12, 26), ACTOR.RUS),  # the day the Soviet Union ended
    (ACTOR.RUS, dt.date(1991, 12, 25), ACTOR.SUN),
    (ACTOR.SUN, dt.date(1995, 1, 1), ACTOR.RUS),  # an old name for a later act
    (ACTOR.YUG, dt.date(1999, 5, 8), ACTOR.SCG),  # "Yugoslavia" in 1999
    (ACTOR.SRB, dt.date(1985, 1, 1), ACTOR.YUG),  # "Belgrado" in 1985: back through two successions
    (ACTOR.YUG, dt.date(2010, 1, 1), ACTOR.SRB),  # forward through two
    (ACTOR.DEU, dt.date(1985, 6, 1), ACTOR.BRD),
    (ACTOR.DDR, dt.date(1995, 1, 1), ACTOR.DDR),  # ended, carried on by no one: stays itself
    (ACTOR.FRA, dt.date(1950, 1, 1), ACTOR.FRA),
    (ACTOR.NATO, dt.date(1960, 1, 1), ACTOR.NATO),
])
def test_state_on_its_day(lexicon, actor, day, expected):
    assert state_on(lexicon, actor, day) == expected


def test_a_cycle_in_the_data_ends():
    lex = Lexicon()
    a, b = URIRef("urn:a"), URIRef("urn:b")
    lex.ended = {a: dt.date(2000, 1, 1), b: dt.date(1990, 1, 1)}
    lex.continued_by = {a: b, b: a}
    assert state_on(lex, a, dt.date(2005, 1, 1)) in (a, b)


@pytest.mark.parametrize("triples, message", [
    ([(URIRef("urn:x"), RKG.continuedBy, ACTOR.RUS)], "no rkg:endedOn"),
    ([(URIRef("urn:x"), RKG.endedOn, Literal("soon"))], "must be an xsd:date"),
    ([(URIRef("urn:x"), RKG.endedOn, Literal("1991-13-45", datatype=XSD.date))], "must be an xsd:date"),
])
def test_bad_succession_data_is_a_clear_error(triples, message):
    g = Graph()
    for t in triples:
        g.add(t)
    with pytest.raises(InputError, match=message):
        _load_successions(g, Lexicon())


@pytest.mark.parametrize("text, expected", [
    # today's capital and adjective for an act of the Soviet Union
    (" date 1986-10-23 Moskou heeft woensdag vijf Amerikaanse diplomaten uitgewezen.", ("Q15180", "Q30")),
    (" date 1986-10-23 De Sovjet-Unie heeft woensdag vijf Amerikaanse diplomaten uitgewezen.", ("Q15180", "Q30")),
    (" date 1986-10-23 The United States expelled 55 Soviet diplomats on Tuesday.", ("Q30", "Q15180")),
    # the same words in a later year are Russia's
    (" date 2018-03-18 Moskou heeft zaterdag 23 Britse diplomaten uitgewezen.", ("Q159", "Q145")),
    # an old name for an act after the state ended is the state that carried on
    (" date 1999-05-08 Yugoslavia expelled two British diplomats on Friday.", ("Q838261", "Q145")),
    (" date 1985-06-04 Bonn expelled two East German diplomats on Monday.", ("Q713750", "Q16957")),
])
def test_acts_belong_to_the_state_of_their_day(lexicon, tmp_path, text, expected):
    rows_ = table_of(text, lexicon, tmp_path)
    assert [(r["actor_qid"], r["target_qids"]) for r in rows_ if r["event_class"] == "Expulsion"] == [expected]


def test_a_state_told_as_what_a_place_was_once_part_of_is_no_target(lexicon, tmp_path):
    rows_ = table_of(" date 2008-08-20 Russia expelled two diplomats of the former Soviet republic of Georgia on "
                     "Tuesday.", lexicon, tmp_path)
    assert [(r["actor_qid"], r["target_qids"]) for r in rows_] == [("Q159", "Q230")]
