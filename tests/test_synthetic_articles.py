"""The benchmark's synthetic articles: deterministic, and the lifter finds every kind of act planted."""

from __future__ import annotations

from pathlib import Path

from kg.lift import lift_events, read
from tests.conftest import benchmark_module

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    return benchmark_module("synthetic_articles")


def test_same_seed_same_corpus(tmp_path):
    gen = _generator()
    first = gen.generate(4, tmp_path / "a", seed=3)
    second = gen.generate(4, tmp_path / "b", seed=3)
    assert first == second
    for path in sorted((tmp_path / "a").glob("*.txt")):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_lifter_finds_each_planted_class(tmp_path, lexicon):
    summary = _generator().generate(12, tmp_path, seed=11)
    lifted = set()
    for path in sorted(tmp_path.glob("*.txt")):
        lifted |= {str(e.cls).rsplit("#", 1)[-1] for e in lift_events(read(path, lexicon), lexicon) if e.kind == "act"}
    assert set(summary["planted_acts"]) <= lifted
