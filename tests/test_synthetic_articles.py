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


def test_lift_benchmark_runs_every_stage(tmp_path):
    """bench_lift's stages on a tiny corpus (no timing is checked: speed lives in the benchmark's output)."""
    _generator().generate(3, tmp_path, seed=5)
    times, lifted = benchmark_module("bench_lift").measure(sorted(tmp_path.glob("*.txt")), repeat=1)
    assert set(times) == set(benchmark_module("bench_lift").STAGES)
    assert all(t > 0 for t in times.values())
    assert sum(lifted.values()) > 0
