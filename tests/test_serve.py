"""`kg serve` as a SPARQL client sees it: the real command in a subprocess on loopback, asked with SPARQLWrapper.

The answers are compared with `kg query`'s (rdflib) on the same built dataset, so the endpoint and the
command line cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from kg.build import build
from kg.data import load
from kg.errors import InputError
from kg.queries import check_query, list_queries, run_query
from kg.serve import negotiate
from tests.conftest import ROOT, SEEDS, same_value

SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is in the test extra")
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve-build")
    assert build(SEEDS, out).conforms
    return out


@pytest.fixture(scope="module")
def dataset(build_dir):
    return load(build_dir)


@pytest.fixture(scope="module")
def endpoint(build_dir):
    """`kg serve --port 0` in a subprocess; its first stdout line names the URL it listens on."""
    kg = shutil.which("kg")
    cmd = [kg] if kg else [sys.executable, "-m", "kg.cli"]
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    proc = subprocess.Popen([*cmd, "serve", "--data", str(build_dir), "--port", "0", "--time-limit", "3",
                             "--workers", "2", "--quiet"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout=180)  # a guard against a hang, not a performance check
    if not first or "http://" not in first[0]:
        proc.kill()
        pytest.fail(f"kg serve did not start: {first} {proc.stderr.read() if proc.poll() is not None else ''}")
    url = first[0].split(" at ", 1)[1].split()[0]
    old = {k: os.environ.get(k) for k in ("NO_PROXY", "no_proxy")}
    os.environ.update({"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
    yield url
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def client(url: str, query: str, fmt=JSON, method=None):
    sparql = SPARQLWrapper.SPARQLWrapper(url)
    sparql.setQuery(query)
    # SPARQLWrapper guesses the query form with a regex that strips only every other line of a comment
    # block, so "address" in a saved query's header reads as ADD (an update); say the real form instead.
    try:
        sparql.queryType = check_query(query).algebra.name.removesuffix("Query").upper()
    except InputError:
        pass  # a malformed query: let SPARQLWrapper send it as it is
    sparql.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    elif method is not None:
        sparql.setMethod(method)
    return sparql



def assert_same_rows(expected: list[list[str]], got: list[list[str]], ordered: bool, name: str):
    assert len(got) == len(expected), name
    if not ordered:
        expected, got = sorted(expected), sorted(got)
    for want, have in zip(expected, got, strict=True):
        assert all(same_value(a, b) for a, b in zip(want, have, strict=True)), (name, want, have)


def json_rows(data: dict) -> tuple[list[str], list[list[str]]]:
    columns = data["head"]["vars"]
    return columns, [[b.get(c, {}).get("value", "") for c in columns] for b in data["results"]["bindings"]]


def test_url_is_loopback(endpoint):
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/sparql")


@pytest.mark.parametrize("name", [info.name for info in list_queries()])
def test_every_saved_query_gives_the_rows_of_kg_query(endpoint, dataset, name):
    info = next(i for i in list_queries() if i.name == name)
    columns, expected = run_query(dataset, info.text)
    data = client(endpoint, info.text).queryAndConvert()
    got_columns, got = json_rows(data)
    assert got_columns == columns
    assert expected, f"{name} gives no rows on the seed build; the comparison would prove nothing"
    assert_same_rows(expected, got, ordered="ORDER BY" in info.text.upper(), name=name)


def test_get_post_form_and_post_direct_agree(endpoint):
    query = next(i for i in list_queries() if i.name == "retaliations").text
    answers = [json_rows(client(endpoint, query, method=m).queryAndConvert()) for m in (None, POST, POSTDIRECTLY)]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][1]


def test_xml_csv_and_tsv_results(endpoint, dataset):
    query = next(i for i in list_queries() if i.name == "escalation").text
    columns, expected = run_query(dataset, query)

    xml = client(endpoint, query, XML).queryAndConvert()  # SPARQLWrapper parses it to a DOM
    results = xml.getElementsByTagName("result")
    assert len(results) == len(expected)
    assert [v.getAttribute("name") for v in xml.getElementsByTagName("variable")] == columns

    response = client(endpoint, query, CSV).query()
    assert response.response.headers["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.convert().decode("utf-8"))))
    assert table[0] == columns
    assert_same_rows(expected, table[1:], ordered=True, name="escalation as CSV")

    response = client(endpoint, query, TSV).query()
    assert response.response.headers["Content-Type"].startswith("text/tab-separated-values")
    lines = response.convert().decode("utf-8").splitlines()
    assert lines[0].split("\t") == [f"?{c}" for c in columns]
    assert len(lines) == len(expected) + 1
    assert '"NATO"' in lines[1] and '"Russia"' in lines[1]


def test_ask_and_construct(endpoint):
    ask = client(endpoint, "ASK { ?e a rkg:Annexation ; rkg:target actor:UKR }").queryAndConvert()
    assert ask["boolean"] is True
    construct = "CONSTRUCT { ?e rkg:retaliatesFor ?c } WHERE { ?e rkg:retaliatesFor ?c }"
    body = client(endpoint, construct, TURTLE).queryAndConvert()
    graph = Graph().parse(data=body.decode("utf-8") if isinstance(body, bytes) else body, format="turtle")
    assert len(graph) > 0


def test_malformed_query_is_400_with_the_reason(endpoint):
    with pytest.raises(QueryBadFormed) as caught:
        client(endpoint, "SELECT ?s WHERE { ?s ?p ").queryAndConvert()
    assert "does not parse" in str(caught.value)


def raw(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one HTTP request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def form(**fields) -> bytes:
    return urllib.parse.urlencode(fields).encode("utf-8")


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("query, reason", [
    ("DROP ALL", "read-only"),
    ("LOAD <http://example.org/data.ttl>", "read-only"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM"),
])
def test_updates_service_and_from_are_refused(endpoint, query, reason):
    status, _, body = raw(endpoint, form(query=query), FORM)
    assert status == 400 and reason in body


def test_update_operation_is_forbidden(endpoint):
    status, _, body = raw(endpoint, form(update="INSERT DATA { <urn:a> <urn:b> <urn:c> }"), FORM)
    assert status == 403 and "read-only" in body
    status, _, _ = raw(endpoint, b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    assert raw(endpoint, b"x", {"Content-Type": "text/turtle"}, method="PUT")[0] == 405
    # nothing changed: the annexation is still there
    status, _, body = raw(endpoint, form(query="ASK { ?e a rkg:Annexation }"), FORM)
    assert status == 200 and json.loads(body)["boolean"] is True


def test_other_protocol_errors(endpoint):
    assert raw(endpoint)[0] == 400  # no query
    assert raw(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "urn:g"}))[0] == 400
    assert raw(endpoint.replace("/sparql", "/other"))[0] == 404
    status, _, body = raw(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}), headers={"Accept": "image/png"})
    assert status == 406 and "application/sparql-results+json" in body
    status, content_type, _ = raw(endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                                  headers={"Accept": "text/html;q=0.9, */*;q=0.1"})
    assert status == 200 and content_type == "application/sparql-results+json"


def test_time_limit_stops_a_runaway_query_and_the_server_goes_on(endpoint):
    status, _, body = raw(endpoint, form(query=CARTESIAN), FORM)
    assert status == 503 and "time limit" in body
    data = client(endpoint, "ASK { ?e a rkg:Annexation }").queryAndConvert()
    assert data["boolean"] is True


def test_negotiation():
    assert negotiate(None, "results") == "application/sparql-results+json"
    assert negotiate("text/csv", "results") == "text/csv"
    assert negotiate("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "results") == "text/csv"
    assert negotiate("text/*", "results") == "text/xml"
    assert negotiate("application/rdf+xml, text/turtle;q=0.8", "graph") == "application/rdf+xml"
    assert negotiate("text/csv", "graph") is None
    assert negotiate("*/*;q=0", "results") is None
