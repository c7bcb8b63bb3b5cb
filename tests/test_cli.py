"""Every command through click's CliRunner, plus the installed `kg` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import ROOT, SEED_ARTICLE, SEEDS


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--seeds", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_prints_summary_and_chain(build_dir):
    result = invoke("build", "--seeds", SEEDS, "--out", build_dir)
    assert result.exit_code == 0
    assert "conforms" in result.output
    assert "2014-03-18" in result.output and "2021-10-18" in result.output
    for name in ("dataset.trig", "validation.txt", "events.csv", "graph.gexf", "graph.graphml", "dataset.jsonld"):
        assert (build_dir / name).stat().st_size > 0


def test_lift_events_csv():
    result = invoke("lift", SEED_ARTICLE, "--format", "events-csv")
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.output)))
    needed = {"article", "event_id", "date", "cameo", "actor_qid", "target_qids", "responds_to", "evidence"}
    assert needed <= set(table[0])
    assert any(r["event_class"] == "Expulsion" and r["actor_qid"] == "Q7184" for r in table)


def test_lift_trig_parses():
    from rdflib import Dataset

    result = invoke("lift", SEED_ARTICLE)
    assert result.exit_code == 0
    ds = Dataset()
    ds.parse(data=result.output, format="trig")
    assert len(ds) > 100


def test_validate_built_dataset(build_dir):
    result = invoke("validate", build_dir / "dataset.trig")
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_validate_reports_violation_with_exit_1(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    bad = seeds / "curated" / "bad.ttl"
    bad.write_text("""@prefix rkg: <https://w3id.org/rkg/ontology#> .
@prefix event: <https://w3id.org/rkg/event/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://example.org/src> dcterms:publisher "Example" .
event:bad a rkg:Expulsion ; rkg:date "2021-10-06" ; prov:wasDerivedFrom <https://example.org/src> .
""", encoding="utf-8")
    result = invoke("validate", "--seeds", seeds)
    assert result.exit_code == 1
    assert "event:bad" in result.output or "bad" in result.output
    out = tmp_path / "out"
    result = invoke("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 1
    assert (out / "validation.txt").exists()


def test_query_formats(build_dir):
    for fmt in ("table", "csv", "json"):
        result = invoke("query", "retaliations", "--data", build_dir, "--format", fmt)
        assert result.exit_code == 0, result.output
    rows = json.loads(invoke("query", "retaliations", "--data", build_dir, "--format", "json").output)
    assert rows


def test_query_unknown_name_and_hostile_parameter(build_dir):
    result = invoke("query", "no_such_query", "--data", build_dir)
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = invoke("query", "dyad_timeline", "--data", build_dir, "--param", 'a=actor:RUS> } ; DROP ALL #')
    assert result.exit_code == 2
    result = invoke("query", "dyad_timeline", "--data", build_dir, "--param", "nonsense")
    assert result.exit_code == 2


def test_query_rejects_updates_and_service(tmp_path, build_dir):
    update = tmp_path / "drop.rq"
    update.write_text("DROP ALL", encoding="utf-8")
    assert invoke("query", update, "--data", build_dir).exit_code == 2
    service = tmp_path / "service.rq"
    service.write_text("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", encoding="utf-8")
    assert invoke("query", service, "--data", build_dir).exit_code == 2


def test_chain_default_and_unknown(build_dir):
    result = invoke("chain", "--data", build_dir)
    assert result.exit_code == 0, result.output
    assert "2014-03-18" in result.output
    result = invoke("chain", "event:does-not-exist", "--data", build_dir)
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["gexf", "gexf-actors", "graphml", "jsonld", "ttl", "trig", "events-csv"])
def test_export_formats(build_dir, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    result = invoke("export", "--format", fmt, "--data", build_dir, "--out", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_input_errors_are_one_line_with_exit_2(tmp_path):
    result = invoke("lift", tmp_path / "missing.txt")
    assert result.exit_code == 2
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    broken = tmp_path / "seeds"
    shutil.copytree(SEEDS, broken)
    (broken / "curated" / "broken.ttl").write_text("not turtle at all .", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("build", "--seeds", broken, "--out", out)
    assert result.exit_code == 2 and "broken.ttl" in result.output
    assert not out.exists()
    result = invoke("build", "--seeds", tmp_path / "nowhere", "--out", out)
    assert result.exit_code == 2


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_installed_kg_in_subprocess(tmp_path):
    kg = shutil.which("kg") or str(ROOT / ".venv" / "bin" / "kg")
    cmd = [kg] if shutil.which("kg") else [sys.executable, "-m", "kg.cli"]
    result = subprocess.run([*cmd, "lift", str(SEED_ARTICLE), "--format", "events-csv"], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("article,event_id,date")
    result = subprocess.run([*cmd, "lift", str(tmp_path / "missing.txt")], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 2 and result.stderr.startswith("kg: error:")
