"""Partial failure, the network and repeated builds (issue 6): a killed build leaves the last good output, a
build with sockets blocked passes, re-lifting leaves no stale triples, and each shape file guards the real data.

Two builds being byte-identical is tested in tests/test_build.py; lifting one article twice giving the same
graph in tests/test_lift.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.build import build, run, validation_graph
from kg.cli import main
from kg.errors import InputError
from kg.paths import shapes_dir
from kg.rdfio import STAGING, parse_graph, write_atomic
from tests.conftest import ROOT, SEEDS

BAD = Path(__file__).parent / "fixtures" / "bad_inputs"
EXTRA = Path(__file__).parent / "fixtures" / "robustness"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("good") / "build"
    build(SEEDS, out)
    return out


def changed_seeds(tmp_path: Path, version: int = 1) -> Path:
    """The curated timeline and one other article: a build whose output differs from the good one."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / "curated", seeds / "curated")
    (seeds / "articles").mkdir()
    shutil.copy(EXTRA / f"expulsion-v{version}.txt", seeds / "articles" / "extra.txt")
    return seeds


# ------------------------------------------------------------------ atomic output
def test_output_files_are_ordinary_files_not_private_temporaries(tmp_path, good_output):
    """Atomic writes go through temporary files; what lands must carry the user's usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    for path in sorted(good_output.iterdir()):
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path
    write_atomic(tmp_path / "one.txt", "x")
    assert (tmp_path / "one.txt").stat().st_mode & 0o777 == 0o666 & ~mask


KILL_ON_THIRD_FILE = """
import os, signal, sys
import kg.rdfio
real = kg.rdfio._write_synced
count = [0]
def write_then_die(path, raw):
    count[0] += 1
    if count[0] == 3:
        real(path, raw[: len(raw) // 2])  # half a file on disk, then the process is killed
        os.kill(os.getpid(), signal.SIGKILL)
    real(path, raw)
kg.rdfio._write_synced = write_then_die
from kg.cli import main
main(["build", "--seeds", sys.argv[1], "--out", sys.argv[2], "--quiet"])
"""


def test_a_build_killed_while_writing_leaves_the_last_good_output(tmp_path, good_output):
    out = tmp_path / "build"
    shutil.copytree(good_output, out)
    before = snapshot(out)
    done = subprocess.run([sys.executable, "-c", KILL_ON_THIRD_FILE, str(changed_seeds(tmp_path)), str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert snapshot(out) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(STAGING)], "writing had not started"
    # the next build finishes the job and clears what the killed one left behind
    build(changed_seeds(tmp_path / "again"), out)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert snapshot(out) != before


def test_an_exporter_failing_midway_leaves_the_last_good_output(tmp_path, good_output, monkeypatch):
    from kg import export

    out = tmp_path / "build"
    shutil.copytree(good_output, out)
    before = snapshot(out)

    def broken(ds):
        raise RuntimeError("exporter bug")

    monkeypatch.setitem(export.EXPORTERS, "graphml", broken)
    with pytest.raises(RuntimeError, match="exporter bug"):
        build(changed_seeds(tmp_path), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


# ------------------------------------------------------------------ no network
@pytest.fixture
def no_network(monkeypatch):
    """Every way to open a connection raises; the attempts are recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_whole_build_runs_with_the_network_blocked(tmp_path, no_network):
    result = CliRunner().invoke(main, ["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "build")])
    assert result.exit_code == 0, result.output
    assert "2014-03-18" in result.output  # the chain back to Crimea
    result = CliRunner().invoke(main, ["query", "retaliations", "--data", str(tmp_path / "build")])
    assert result.exit_code == 0, result.output
    assert no_network == []


@pytest.mark.parametrize("fixture", ["remote-context.jsonld", "remote-import.ttl", "external-entity.rdf"])
def test_parsing_never_fetches(fixture, no_network):
    with pytest.raises(InputError, match=fixture):
        parse_graph(BAD / fixture)
    assert no_network == []


def test_service_is_refused_before_anything_is_asked(good_output, no_network):
    result = CliRunner().invoke(main, ["query", str(BAD / "queries" / "service.rq"), "--data", str(good_output)])
    assert result.exit_code == 2 and "SERVICE is not allowed" in result.output
    assert no_network == []


# ------------------------------------------------------------------ idempotence: no stale triples
def test_lifting_into_the_same_dataset_again_replaces_the_article(tmp_path):
    from kg.lift.api import lift_paths

    article = tmp_path / "extra.txt"
    shutil.copy(EXTRA / "expulsion-v1.txt", article)
    ds = lift_paths([article])
    first = set(ds.quads())
    lift_paths([article], into=ds)
    assert set(ds.quads()) == first
    shutil.copy(EXTRA / "expulsion-v2.txt", article)
    lift_paths([article], into=ds)
    assert set(ds.quads()) == set(lift_paths([article]).quads())
    assert set(ds.quads()) != first


def test_rebuilding_after_an_article_changed_leaves_no_stale_triples(tmp_path):
    from kg.rdfio import trig_text

    seeds = changed_seeds(tmp_path, version=1)
    out = tmp_path / "build"
    build(seeds, out)
    v1 = (out / "dataset.trig").read_bytes()
    shutil.copy(EXTRA / "expulsion-v2.txt", seeds / "articles" / "extra.txt")
    build(seeds, out)
    fresh = changed_seeds(tmp_path / "fresh", version=2)
    assert (out / "dataset.trig").read_text(encoding="utf-8") == trig_text(run(fresh).dataset)
    assert (out / "dataset.trig").read_bytes() != v1


# ------------------------------------------------------------------ shapes as guards on the real data
PLANTED = {  # shape file → (the shape that must fire, a SPARQL Update on the real build)
    "actors.ttl": ("ActorMemberOfShape", "INSERT DATA { actor:RUS rkg:memberOf actor:GBR }"),
    "articles.ttl": ("MentionAnchorIsSlice",
                     "DELETE { ?m nif:anchorOf ?a } INSERT { ?m nif:anchorOf \"De NAVO besloot niets.\" }"
                     " WHERE { BIND (<https://w3id.org/rkg/article/000_61d6be699d2cb5c4#char=700,761> AS ?m)"
                     " ?m nif:anchorOf ?a }"),
    "events.ttl": ("EventActorShape", "DELETE WHERE { event:curated-2021-10-06-nato-expels rkg:actor ?a }"),
    "missions.ttl": ("MissionHostShape", "INSERT DATA { mission:RUS-to-NATO rkg:hostActor place:brussels }"),
    "provenance.ttl": ("EventSourceShape",
                       "DELETE WHERE { event:curated-2018-03-27-nato-cuts-mission prov:wasDerivedFrom ?s }"),
    "relations.ttl": ("NoCausalCycle", "INSERT DATA { event:curated-2014-03-16-referendum rkg:respondsTo "
                                       "event:curated-2021-10-18-ru-suspends-mission }"),
    "vocabulary.ttl": ("DeclaredClassShape", "INSERT DATA { event:curated-2014-03-16-referendum a rkg:Plebiscite }"),
}


@pytest.fixture(scope="module")
def real_graph(built) -> Graph:
    return validation_graph(built.dataset)


def test_every_shape_file_has_a_planted_violation():
    files = {p.name for p in shapes_dir().glob("*.ttl") if "a sh:NodeShape" in p.read_text(encoding="utf-8")
             or "a sh:PropertyShape" in p.read_text(encoding="utf-8")}
    assert files == set(PLANTED)


def test_the_real_build_passes(built):
    assert built.conforms, built.report


@pytest.mark.parametrize("shape_file", sorted(PLANTED))
def test_a_planted_violation_in_the_real_data_is_caught(real_graph, shape_file):
    from kg.namespaces import PREFIXES
    from kg.validate import RKGSH, load_shapes, validate

    shape, update = PLANTED[shape_file]
    assert (RKGSH[shape], None, None) in parse_graph(shapes_dir() / shape_file), f"{shape} is not in {shape_file}"
    planted = Graph()
    for t in real_graph:
        planted.add(t)
    planted.update(update, initNs=PREFIXES)
    assert set(planted) != set(real_graph), "the planted update changed nothing"
    report = validate(planted, load_shapes())
    assert not report.conforms
    assert f"rkgsh:{shape}" in {r.shape for r in report.violations}, report.violations



# ------------------------------------------------------------------ no false alarms on the whole corpus
CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus" / "dev", Path("/work/shared/corpus/dev")) if p.is_dir()),
              None)
T5 = "t5-australia-russia-2018-en.txt"


def test_no_false_alarm_on_every_article_we_have(tmp_path):
    """The seeds, the development corpus (when it is beside the checkout) and the test articles build clean."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    sources = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted(CORPUS.glob("*.txt") if CORPUS else [])
    for path in sources:
        if not (seeds / "articles" / path.name).exists():
            shutil.copy(path, seeds / "articles" / path.name)
    result = run(seeds)
    assert result.conforms, result.report
    assert result.articles >= 8


def test_no_false_alarm_on_the_australian_article(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / "curated", seeds / "curated")
    (seeds / "articles").mkdir()
    shutil.copy(ROOT / "tests" / "articles" / T5, seeds / "articles" / T5)
    result = run(seeds)
    assert result.conforms, result.report
