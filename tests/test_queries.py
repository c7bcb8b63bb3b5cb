"""The saved queries: they parse, run, agree under both reasoners; parameters are bound safely; read-only."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Literal, URIRef
from test_reason import reasoned

from kg.errors import InputError
from kg.queries import (
    bind_params,
    check_query,
    format_rows,
    list_queries,
    load_query,
    param_term,
    run_query,
    run_saved,
)

REQUIRED = {"chain_to_crimea", "retaliations", "dyad_timeline", "claims_and_denials", "evidence", "mission_status",
            "escalation"}
SUSPENSION = "event:curated-2021-10-18-ru-suspends-mission"
INJECTIONS = ['"> } ; DROP ALL #', "?x", "<a> <b>", "<https://x.org/a> } ; DROP ALL #", "actor:RUS> } #",
              "https://x.org/a b", "$x", "'} UNION { ?s ?p ?o }"]


@pytest.fixture(scope="module")
def ds():
    return reasoned("targeted")


def test_list_queries_has_the_saved_ones():
    infos = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(infos)
    for info in infos.values():
        assert info.description, info.name
        assert info.columns, info.name
        check_query(info.text, info.name)
    assert [p.name for p in infos["chain_to_crimea"].params] == ["start"]
    assert infos["chain_to_crimea"].params[0].kind == "iri"
    assert [p.name for p in infos["dyad_timeline"].params] == ["a", "b"]


def test_queries_are_standard_sparql():
    """No rdflib-only syntax: every project prefix is declared in the file itself."""
    from rdflib.plugins.sparql import prepareQuery

    for info in list_queries():
        prepareQuery(info.text)  # without initNs


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_every_query_runs_and_returns_rows(ds, name):
    info = load_query(name)
    columns, rows = run_query(ds, info.text, {})
    assert rows, name
    assert columns == info.columns, name
    assert all(isinstance(v, str) for row in rows for v in row)
    assert run_query(ds, info.text, {}) == (columns, rows)  # deterministic


def test_same_rows_under_both_reasoners():
    targeted, owlrl = reasoned("targeted"), reasoned("owlrl")
    for info in list_queries():
        assert run_query(targeted, info.text, {}) == run_query(owlrl, info.text, {}), info.name
    params = {"start": SUSPENSION}
    assert run_saved(targeted, "chain_to_crimea", params) == run_saved(owlrl, "chain_to_crimea", params)


def test_chain_query_from_the_suspension(ds):
    columns, rows = run_saved(ds, "chain_to_crimea", {"start": SUSPENSION})
    acts = {row[columns.index("act")] for row in rows}
    assert "https://w3id.org/rkg/event/curated-2014-03-18-ru-annexes-crimea" in acts
    assert "https://w3id.org/rkg/event/curated-2021-10-18-ru-suspends-mission" in acts
    assert "https://w3id.org/rkg/event/curated-2018-03-04-skripal-attack" not in acts  # no path to Crimea
    dates = [row[0] for row in rows]
    assert dates == sorted(dates)
    relations = {row[columns.index("relation")] for row in rows}
    assert {"retaliatesFor", "tightens", "respondsTo"} <= relations


def test_parameters_bind_iris_and_curies(ds):
    columns, rows = run_saved(ds, "dyad_timeline", {"a": "actor:RUS", "b": "<https://w3id.org/rkg/actor/NATO>"})
    assert rows
    pairs = {(row[columns.index("actor")], row[columns.index("target")]) for row in rows}
    assert pairs <= {("Russia", "NATO"), ("NATO", "Russia")}
    assert len(pairs) == 2
    _, rows = run_saved(ds, "claims_and_denials", {"act": "event:curated-2021-10-18-ru-suspends-mission"})
    assert rows and all("Maas" in " ".join(r) for r in rows)
    _, mine = run_saved(ds, "mission_status", {"mission": "mission:RUS-to-NATO"})
    _, every = run_saved(ds, "mission_status", {})
    assert 0 < len(mine) < len(every)


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_are_rejected(ds, value):
    before = {t for g in ds.graphs() for t in g}
    with pytest.raises(InputError):
        run_saved(ds, "chain_to_crimea", {"start": value})
    with pytest.raises(InputError):
        param_term(value)
    assert {t for g in ds.graphs() for t in g} == before


def test_values_are_injected_as_terms_not_text():
    text = load_query("dyad_timeline").text
    bound = bind_params(text, {"a": "actor:RUS", "b": "https://w3id.org/rkg/actor/NATO"})
    assert "VALUES ?a { <https://w3id.org/rkg/actor/RUS> }" in bound
    assert "VALUES ?b { <https://w3id.org/rkg/actor/NATO> }" in bound
    check_query(bound)
    assert param_term("Crimea annexation") == Literal("Crimea annexation")
    assert param_term("wd:Q159") == URIRef("http://www.wikidata.org/entity/Q159")


def test_iri_parameter_refuses_a_literal(ds):
    with pytest.raises(InputError, match="not an IRI"):
        run_saved(ds, "chain_to_crimea", {"start": "the suspension"})


def test_unknown_parameter_name(ds):
    with pytest.raises(InputError, match="unknown parameter"):
        run_saved(ds, "retaliations", {"nope": "actor:RUS"})
    with pytest.raises(InputError, match="unknown parameter"):
        run_saved(ds, "retaliations", {"by } DROP": "actor:RUS"})


@pytest.mark.parametrize("text", [
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <https://example.org/data.ttl>",
    "INSERT DATA { <https://e.org/a> <https://e.org/b> <https://e.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX rkg: <https://w3id.org/rkg/ontology#> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(ds, text):
    before = len({t for g in ds.graphs() for t in g})
    with pytest.raises(InputError, match="kg query is read-only"):
        run_query(ds, text, {})
    assert len({t for g in ds.graphs() for t in g}) == before


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <https://dbpedia.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <https://e.org/q> { ?s ?q ?r } } }",
    "SELECT * FROM <https://example.org/remote.ttl> WHERE { ?s ?p ?o }",
])
def test_network_access_is_refused(ds, text):
    with pytest.raises(InputError):
        run_query(ds, text, {})


def test_unknown_query_name_lists_the_known_ones():
    with pytest.raises(InputError, match="retaliations"):
        load_query("no_such_query")


def test_a_file_that_does_not_parse(tmp_path):
    bad = tmp_path / "broken.rq"
    bad.write_text("# broken\nSELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(InputError, match="broken.rq"):
        load_query(str(bad))
    good = tmp_path / "mine.rq"
    good.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert load_query(str(good)).name == "mine"


def test_ask_and_construct(ds):
    assert run_query(ds, "ASK { ?s a rkg:Annexation }", {}) == (["ask"], [["true"]])
    columns, rows = run_query(ds, "CONSTRUCT { ?s a rkg:Annexation } WHERE { ?s a rkg:Annexation }", {})
    assert columns == ["subject", "predicate", "object"] and rows


def test_formats(ds):
    columns, rows = run_saved(ds, "escalation", {})
    table = format_rows(columns, rows, "table")
    assert table.splitlines()[0].split() == columns
    assert f"({len(rows)} rows)" in table
    parsed = list(csv.reader(io.StringIO(format_rows(columns, rows, "csv"))))
    assert parsed[0] == columns and parsed[1:] == rows
    data = json.loads(format_rows(columns, rows, "json"))
    assert data["columns"] == columns and data["rows"][0] == dict(zip(columns, rows[0], strict=True))
    with pytest.raises(InputError):
        format_rows(columns, rows, "xml")
