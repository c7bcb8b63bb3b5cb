"""The catalogue of bad inputs (issue 6): every case feeds one bad file or argument to the real `kg` and checks
the exact outcome.

Input errors exit 2 with one line on stderr (`kg: error: FILE: problem`), data that fails a check exits 1
and names the seed file behind the violation; neither prints a traceback, and neither touches the last
good output (a failed check only replaces validation.txt). The bad files are in tests/fixtures/bad_inputs/.

Related cases that live elsewhere (not repeated here): tests/test_lift.py (bad articles through the
lifter's API, any text lifts without crashing), tests/test_queries.py (injection values and updates
through the API), tests/test_serve.py (updates, SERVICE and FROM over HTTP), tests/test_shapes.py (one
planted violation per shape), tests/test_robustness.py (atomic output, no network, determinism) and
tests/test_properties.py (hypothesis: dates and exports).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from kg.cli import main
from tests.conftest import SEEDS

BAD = Path(__file__).parent / "fixtures" / "bad_inputs"
QUERIES = BAD / "queries"
ARTICLE = SEEDS / "articles" / "d3-nato-2014-en.txt"


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(folder: Path) -> dict[str, bytes]:
    """The visible files of an output folder and their bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def assert_input_error(result, *fragments: str) -> str:
    """Exit 2, one line on stderr that starts with `kg: error:` and holds every fragment, no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    """One good build of seeds/: the output every bad build must leave alone."""
    out = tmp_path_factory.mktemp("good") / "build"
    result = kg("build", "--seeds", SEEDS, "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def out(tmp_path, good_output) -> Path:
    """A copy of the good output for one case to (not) overwrite."""
    target = tmp_path / "build"
    shutil.copytree(good_output, target)
    return target


def seeds_with(tmp_path: Path, articles: bool) -> Path:
    """A seeds folder: the curated timeline, and the seed articles only when a case needs them."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / "curated", seeds / "curated")
    (seeds / "articles").mkdir()
    if articles:
        for path in (SEEDS / "articles").iterdir():
            shutil.copy(path, seeds / "articles" / path.name)
    return seeds


# ------------------------------------------------------------------ articles: exit 2, output unchanged
@pytest.mark.parametrize("fixture, problem", [
    ("empty.txt", "empty article"),
    ("blank.txt", "empty article"),
    ("binary.txt", "binary file (contains NUL bytes), not text"),
    ("truncated-utf8.txt", "not valid UTF-8 (byte 63)"),
    ("no-header.txt", "missing date header"),
    ("bad-header.txt", "bad date header 'yesterday'"),
    ("feb-30-header.txt", "bad date header '2021-02-30': day is out of range for month"),
])
def test_bad_article(tmp_path, out, fixture, problem):
    seeds = seeds_with(tmp_path, articles=False)
    bad = seeds / "articles" / fixture
    shutil.copy(BAD / fixture, bad)
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), f"{bad}: {problem}")
    assert snapshot(out) == before
    assert_input_error(kg("lift", bad), f"{bad}: {problem}")


def test_huge_article(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=False)
    huge = seeds / "articles" / "huge.txt"
    with open(huge, "wb") as fh:  # a sparse file: large on paper, cheap to make
        fh.write(b" date 2021-10-06 ")
        fh.truncate(6_000_000)
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), f"{huge}: too large (6000000 bytes")
    assert snapshot(out) == before


def test_folder_named_like_an_article(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=False)
    (seeds / "articles" / "folder.txt").mkdir()
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), "folder.txt: is a folder, not a file")


def test_two_articles_with_one_id(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=False)
    shutil.copy(ARTICLE, seeds / "articles" / "same id.txt")
    shutil.copy(ARTICLE, seeds / "articles" / "same_id.txt")
    before = snapshot(out)
    line = assert_input_error(kg("build", "--seeds", seeds, "--out", out), "article id 'same_id' is also the id of")
    assert "same id.txt" in line and "same_id.txt" in line
    assert snapshot(out) == before


def test_malformed_article_catalog(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=True)
    catalog = seeds / "articles" / "catalog.ttl"
    shutil.copy(BAD / "malformed.ttl", catalog)
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), f"{catalog}: malformed turtle")
    assert snapshot(out) == before


def test_missing_seeds_folder(tmp_path, out):
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", tmp_path / "nowhere", "--out", out), "no such seeds folder")
    assert snapshot(out) == before


# ------------------------------------------------------------------ curated files: exit 2, output unchanged
@pytest.mark.parametrize("fixture, problem", [
    ("malformed.ttl", "malformed turtle: at line 5"),
    ("malformed.trig", "malformed trig: at line 6"),
    ("malformed.jsonld", "malformed json-ld: Expecting property name enclosed in double quotes: line 3"),
    ("deeply-nested.jsonld", "malformed json-ld: maximum recursion depth exceeded"),
    ("remote-context.jsonld", "JSON-LD context 'https://example.org/contexts/rkg.jsonld' is not fetched"),
    ("remote-import.ttl", "owl:imports <https://example.org/ontologies/extra.ttl> is not followed"),
    ("external-entity.rdf", "DOCTYPE and ENTITY declarations are not allowed in RDF/XML"),
    ("impossible-date.ttl", "'2021-02-30' is not a valid xsd:date"),
])
def test_bad_curated_file(tmp_path, out, fixture, problem):
    seeds = seeds_with(tmp_path, articles=False)
    bad = seeds / "curated" / fixture
    shutil.copy(BAD / fixture, bad)
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), f"{bad}: {problem}")
    assert snapshot(out) == before


def test_binary_curated_file(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=False)
    bad = seeds / "curated" / "image.ttl"
    shutil.copy(BAD / "binary.txt", bad)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), f"{bad}: binary file")


def test_two_curated_files_with_one_name(tmp_path, out):
    seeds = seeds_with(tmp_path, articles=False)
    shutil.copy(BAD / "xml-forbidden-label.ttl", seeds / "curated" / "extra.ttl")
    (seeds / "curated" / "extra.nt").write_bytes(b"")
    before = snapshot(out)
    assert_input_error(kg("build", "--seeds", seeds, "--out", out), "extra.ttl: same name as extra.nt")
    assert snapshot(out) == before


# ------------------------------------------------------------------ curated facts that fail a check: exit 1
@pytest.mark.parametrize("fixture, shape, message", [
    ("no-source.ttl", "rkgsh:EventSourceShape", "An event has at least one source"),
    ("unknown-actor.ttl", "rkgsh:EventActorShape", "An event has exactly one rkg:actor, and it is an rkg:Actor"),
    ("unknown-act.ttl", "rkgsh:DeclaredClassShape", "A class of the rkg: namespace is used but not declared"),
    ("cycle.ttl", "rkgsh:NoCausalCycle", "An event is its own causal ancestor"),
    ("self-response.ttl", "rkgsh:NoCausalCycle", "An event is its own causal ancestor"),
    ("impossible-plain-date.ttl", "rkgsh:DateSpanWithinDate", 'period named by the rkg:date "2021-02-30"'),
    ("response-before-cause.ttl", "rkgsh:ResponseAfterCause", "A response ends (2018-03-10) before what it answers"),
    ("duplicate-id.ttl", "rkgsh:EventActorShape", "An event has exactly one rkg:actor"),
])
def test_curated_fact_that_fails_a_check(tmp_path, out, fixture, shape, message):
    seeds = seeds_with(tmp_path, articles=False)
    bad = seeds / "curated" / fixture
    shutil.copy(BAD / fixture, bad)
    before = snapshot(out)
    result = kg("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"kg: error: {bad}") and "the data fails validation" in last and message in last
    assert shape in result.stderr
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k != "validation.txt"} == \
        {k: v for k, v in before.items() if k != "validation.txt"}
    assert shape in after["validation.txt"].decode("utf-8")


# ------------------------------------------------------------------ tolerated: these build
def test_labels_with_characters_xml_forbids_still_give_valid_exports(tmp_path):
    seeds = seeds_with(tmp_path, articles=False)
    shutil.copy(BAD / "xml-forbidden-label.ttl", seeds / "curated" / "odd-label.ttl")
    out = tmp_path / "build"
    result = kg("build", "--seeds", seeds, "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    gexf = etree.fromstring((out / "graph.gexf").read_bytes())  # lxml refuses what XML 1.0 forbids
    labels = [n.get("label") for n in gexf.iter("{http://gexf.net/1.3}node")]
    assert "Bell form feed escape non-char end" in labels
    graphml = etree.fromstring((out / "graph.graphml").read_bytes())
    assert any("Bell form feed" in (d.text or "") for d in graphml.iter("{http://graphml.graphdrawing.org/xmlns}data"))
    from kg.data import load

    ds = load(out)  # the TriG keeps the label as it was, escaped, and parses back
    labels = {str(o) for o in ds.objects() if "form feed" in str(o)}
    assert labels == {"Bell \u0007 form feed \u000c escape \u001b non-char \ufffe end"}


def test_curated_facts_in_json_ld_and_rdf_xml_are_read(tmp_path):
    """Curated files may be any RDF syntax kg reads safely; none is skipped without a word."""
    seeds = seeds_with(tmp_path, articles=False)
    for name in ("fact-in-json-ld.jsonld", "fact-in-rdf-xml.rdf"):
        shutil.copy(BAD / name, seeds / "curated" / name)
    out = tmp_path / "build"
    result = kg("build", "--seeds", seeds, "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    assert "3 curated file(s)" in result.output
    trig = (out / "dataset.trig").read_text(encoding="utf-8")
    assert "event:test-jsonld-act" in trig and "event:test-rdfxml-act" in trig


def test_article_with_a_byte_order_mark_builds(tmp_path):
    seeds = seeds_with(tmp_path, articles=False)
    shutil.copy(BAD / "bom.txt", seeds / "articles" / "bom.txt")
    result = kg("build", "--seeds", seeds, "--out", tmp_path / "build", "--quiet")
    assert result.exit_code == 0, result.output
    assert "built 1 article(s)" in result.output


def test_article_with_odd_line_breaks_and_a_prefix_line_survives_the_written_dataset(tmp_path):
    """CRLF, form feed, NEL, U+2028/2029 and a line starting "@prefix": the TriG writer once broke on some."""
    seeds = seeds_with(tmp_path, articles=False)
    shutil.copy(BAD / "line-breaks.txt", seeds / "articles" / "line-breaks.txt")
    out = tmp_path / "build"
    assert kg("build", "--seeds", seeds, "--out", out, "--quiet").exit_code == 0
    result = kg("validate", out / "dataset.trig")  # offsets still slice the text read back from the file
    assert result.exit_code == 0, result.output
    from kg.data import load
    from kg.namespaces import NIF

    texts = {str(o) for o in load(out).objects(None, NIF.isString) if "onzin" in str(o)}
    assert texts == {(BAD / "line-breaks.txt").read_bytes().decode("utf-8")}


# ------------------------------------------------------------------ built datasets given to validate / query
def test_malformed_dataset_file(tmp_path, good_output):
    broken = tmp_path / "dataset.trig"
    broken.write_bytes((good_output / "dataset.trig").read_bytes()[:-40])  # cut inside the last graph
    assert_input_error(kg("validate", broken), f"{broken}: malformed trig")
    assert_input_error(kg("query", "retaliations", "--data", broken), f"{broken}: malformed trig")


@pytest.mark.parametrize("fixture, problem", [
    ("external-entity.rdf", "DOCTYPE and ENTITY declarations are not allowed"),
    ("remote-context.jsonld", "JSON-LD context 'https://example.org/contexts/rkg.jsonld' is not fetched"),
    ("remote-import.ttl", "owl:imports <https://example.org/ontologies/extra.ttl> is not followed"),
])
def test_unsafe_dataset_file(fixture, problem):
    assert_input_error(kg("validate", BAD / fixture), f"{BAD / fixture}: {problem}")


def test_build_folder_without_a_dataset(tmp_path):
    assert_input_error(kg("query", "retaliations", "--data", tmp_path), "no such dataset")


def test_dataset_of_an_unknown_type(tmp_path):
    data = tmp_path / "dataset.csv"
    data.write_text("a,b\n", encoding="utf-8")
    assert_input_error(kg("validate", data), f"{data}: unknown RDF file type '.csv'")


# ------------------------------------------------------------------ queries through kg query and kg serve
HOSTILE = [
    ("service.rq", "SERVICE is not allowed"),
    ("service-variable.rq", "SERVICE is not allowed"),
    ("service-nested.rq", "SERVICE is not allowed"),
    ("load.rq", "kg query is read-only"),
    ("insert.rq", "kg query is read-only"),
    ("drop.rq", "kg query is read-only"),
    ("from.rq", "FROM / FROM NAMED are not allowed"),
]


@pytest.mark.parametrize("fixture, problem", [
    *HOSTILE,
    ("broken.rq", "does not parse as a SPARQL query"),
    ("select-then-delete.rq", "does not parse as a SPARQL query"),
    ("empty.rq", "empty query"),
    ("latin1.rq", "not valid UTF-8"),
])
def test_bad_query_file(good_output, fixture, problem):
    before = snapshot(good_output)
    assert_input_error(kg("query", QUERIES / fixture, "--data", good_output), f"{QUERIES / fixture}: {problem}")
    assert snapshot(good_output) == before


@pytest.mark.parametrize("fixture, problem", HOSTILE + [("broken.rq", "does not parse")])
def test_hostile_query_through_serve(fixture, problem):
    """kg serve answers 400 with the reason before any worker sees the query (over HTTP: tests/test_serve.py)."""
    from kg.serve import answer

    reply = answer(None, (QUERIES / fixture).read_text(encoding="utf-8"), None)
    assert reply.status == 400
    assert problem in reply.body.decode("utf-8")


def test_unknown_query_name(good_output):
    assert_input_error(kg("query", "no_such_query", "--data", good_output), "unknown query 'no_such_query'",
                       "retaliations")


@pytest.mark.parametrize("value", [
    "actor:RUS> } DROP ALL {",
    "<https://w3id.org/rkg/actor/RUS> } ; DELETE WHERE { ?s ?p ?o",
    "https://w3id.org/rkg/actor/RUS>{}",
    '"x" } UNION { ?s ?p ?o',
    "?start",
    "actor:RUS\n} SERVICE <https://example.org/sparql> {",
    "wd:Q159 # comment",
])
def test_parameter_that_tries_to_inject_sparql(good_output, value):
    before = snapshot(good_output)
    assert_input_error(kg("query", "chain_to_crimea", "--data", good_output, "--param", f"start={value}"),
                       "parameter start:")
    assert snapshot(good_output) == before


def test_unknown_and_malformed_parameters(good_output):
    assert_input_error(kg("query", "retaliations", "--data", good_output, "--param", "nope=actor:RUS"),
                       "unknown parameter 'nope'")
    assert_input_error(kg("query", "retaliations", "--data", good_output, "--param", "by"),
                       "--param 'by': expected NAME=VALUE")


# ------------------------------------------------------------------ output that cannot be written
def test_output_path_is_a_file(tmp_path):
    target = tmp_path / "build"
    target.write_text("not a folder", encoding="utf-8")
    seeds = seeds_with(tmp_path, articles=False)
    assert_input_error(kg("build", "--seeds", seeds, "--out", target), f"{target}: exists and is not a folder")
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_output_path_that_is_not_writable(tmp_path, good_output):
    """Under a regular file nothing can be created, even by root (chmod would not stop root)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    seeds = seeds_with(tmp_path, articles=False)
    assert_input_error(kg("build", "--seeds", seeds, "--out", blocker / "build"),
                       f"{blocker / 'build'}: cannot write output")
    assert_input_error(kg("export", "--format", "gexf", "--data", good_output, "--out", blocker / "graph.gexf"),
                       f"{blocker / 'graph.gexf'}: cannot write: a part of {blocker} is a file, not a folder")


def test_export_onto_a_folder(tmp_path, good_output):
    """The message names the folder, not the temporary file the export was written to first."""
    assert_input_error(kg("export", "--format", "ttl", "--data", good_output, "--out", tmp_path),
                       f"{tmp_path}: is a folder; give a file name")
    assert list(tmp_path.iterdir()) == []


def test_disk_that_fills_up(tmp_path, out, monkeypatch):
    """The third file hits ENOSPC: nothing of the new build is renamed into place, no staging is left."""
    import kg.rdfio

    real = kg.rdfio._write_synced
    calls = []

    def fill_up(path, raw):
        calls.append(path.name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, raw)

    monkeypatch.setattr(kg.rdfio, "_write_synced", fill_up)
    seeds = seeds_with(tmp_path, articles=True)
    shutil.copy(BAD / "bom.txt", seeds / "articles" / "bom.txt")  # so that the new output would differ
    before = snapshot(out)
    result = CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert_input_error(result, f"{out}: cannot write output", "No space left on device")
    assert len(calls) == 3
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


# ------------------------------------------------------------------ odd dates and a bare header in an article
@pytest.mark.parametrize("fixture", ["feb-31-in-text.txt", "year-one.txt"])
def test_article_with_an_odd_date_in_its_text_lifts(fixture):
    """A date in the text that cannot be a date is the article's business, not an error: it lifts."""
    result = kg("lift", BAD / fixture, "--format", "events-csv")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_article_with_only_a_header():
    assert_input_error(kg("lift", BAD / "header-only.txt"), "header-only.txt: empty article")
