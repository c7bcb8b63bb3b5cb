"""Benchmarks on the seeds (run by hand): reasoning and lifting, as ratios measured in one run.

    python benchmarks/bench_seeds.py [--repeat N]

Prints the targeted reasoner against owlrl's full OWL RL closure on the same dataset, and the lifter's
throughput on the seed and test articles (characters per second on one core).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from kg import reason
    from kg.build import assemble
    from kg.lift import lift_events, read
    from kg.lift.lexicon import load_lexicon
    from kg.merge import merge

    ds, _, _ = assemble(ROOT / "seeds")
    merge(ds)
    t_targeted, inferred = timed(lambda: reason.infer(ds), args.repeat)
    t_owlrl, closure = timed(lambda: reason.infer_owlrl(ds), 1)
    print(f"dataset: {len(ds)} quads")
    print(f"targeted reasoner: {t_targeted * 1000:8.1f} ms, {len(inferred)} new triples")
    print(f"owlrl closure:     {t_owlrl * 1000:8.1f} ms, {len(closure)} new triples")
    print(f"ratio owlrl / targeted: {t_owlrl / t_targeted:.0f}x")

    lex = load_lexicon()
    paths = sorted((ROOT / "seeds" / "articles").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    articles = [read(p, lex) for p in paths]
    lift_events(articles[0], lex)  # warm the lemma cache once, as a long run would
    chars = sum(len(a.text) for a in articles)
    t_lift, _ = timed(lambda: [lift_events(a, lex) for a in articles], args.repeat)
    print(f"lifter: {len(articles)} articles, {chars} characters in {t_lift * 1000:.1f} ms "
          f"= {chars / t_lift / 1e6:.3f} MB/s")


if __name__ == "__main__":
    main()
