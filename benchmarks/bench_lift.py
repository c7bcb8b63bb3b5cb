"""The lifter's throughput on a synthetic corpus (run by hand; prints numbers, asserts nothing).

    python benchmarks/bench_lift.py [--articles 400] [--corpus DIR] [--repeat 3] [--against REVISION [--rounds 3]]

Writes a synthetic corpus with benchmarks/synthetic_articles.py (or reads --corpus DIR), then times,
in CPU seconds of this one process (so one core, whatever else the machine runs):

- baseline: splitting the same text into sentences and tokens, the floor any lifter pays;
- extract: reading each article and extracting its events (kg.lift.api.lifted_articles, the loop
  `kg lift` and `kg build` run, garbage collector policy included); each article's events are dropped
  once handed over, as those commands drop them once written;
- lift to RDF: the same plus the article's triples with their provenance (kg.lift.to_rdf.article_triples);
- into rdflib: the same, stored as named graphs in an rdflib Dataset (kg.lift.api.lift_paths, what
  `kg lift` and `kg build` do): the difference is the cost of rdflib's in-memory store.

It prints megabytes of article text per second for each and the ratios against the baseline, and
how many acts were lifted against how many the generator planted. With --against, a git revision of
this repository is checked out beside it and timed too, in child processes that alternate with this
tree's, so that a change of speed is stated against code measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def cpu_best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


STAGES = ("baseline", "extract", "lift to RDF", "into rdflib")


def lifted_articles_of_this_tree():
    """kg.lift.api.lifted_articles, or for a revision older than it the loop `kg lift` ran then."""
    try:
        from kg.lift.api import lifted_articles
    except ImportError:
        from kg.lift import lift_events, read

        def lifted_articles(paths, lex):
            for path in paths:
                article = read(path, lex)
                yield article, lift_events(article, lex)
    return lifted_articles


def measure(paths: list[Path], repeat: int) -> tuple[dict[str, float], Counter]:
    """CPU seconds of each stage (best of `repeat`) with the kg package importable here, and the acts lifted."""
    from kg.lift import read
    from kg.lift.api import lift_paths
    from kg.lift.lexicon import load_lexicon
    from kg.lift.text import split
    from kg.lift.to_rdf import article_triples
    from kg.namespaces import LEX

    lifted_articles = lifted_articles_of_this_tree()
    lex = load_lexicon()
    articles = [read(p, lex) for p in paths]

    def tokenize_only():
        for a in articles:
            split(a.text, a.body_start, lex.singles(LEX.Abbreviations, a.language))

    def extract():  # what `kg lift` and `kg build` run before writing RDF; each article's events then go
        for _article, _events in lifted_articles(paths, lex):
            pass

    def to_rdf():
        for article, events in lifted_articles(paths, lex):
            article_triples(article, events, lex)

    extract()  # warm the lemma cache and the lexicon's indexes, as a long run would
    times = {"baseline": cpu_best(tokenize_only, repeat), "extract": cpu_best(extract, repeat),
             "lift to RDF": cpu_best(to_rdf, repeat), "into rdflib": cpu_best(lambda: lift_paths(paths, lex), repeat)}
    lifted = Counter(str(e.cls).split("#")[-1] for _, events in lifted_articles(paths, lex) for e in events
                     if e.kind == "act")
    return times, lifted


def against(revision: str, corpus: Path, rounds: int, repeat: int) -> dict[str, dict[str, float]]:
    """This tree and `revision` (a git worktree made for the run), alternating child processes for `rounds`
    rounds: best CPU seconds per stage for each."""
    import subprocess

    root = HERE.parent
    best: dict[str, dict[str, float]] = {"this tree": {}, revision: {}}
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", "--quiet", str(tree), revision],
                       check=True)
        try:
            for _ in range(rounds):
                for name, where in (("this tree", root), (revision, tree)):
                    env = {**os.environ, "PYTHONPATH": str(where)}
                    done = subprocess.run([sys.executable, __file__, "--corpus", str(corpus), "--repeat", str(repeat),
                                           "--json"], capture_output=True, text=True, env=env, check=True)
                    for stage, t in json.loads(done.stdout.strip().splitlines()[-1]).items():
                        best[name][stage] = min(best[name].get(stage, float("inf")), t)
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)], check=False)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--corpus", type=Path, help="a folder of article .txt files instead of a synthetic one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--against", metavar="REVISION",
                    help="also time a git revision of this repository, alternating runs with this tree")
    ap.add_argument("--rounds", type=int, default=3, help="alternations with --against")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one child of --against
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        planted = None
        if corpus is None:
            from synthetic_articles import generate

            corpus = Path(tmp)
            planted = generate(args.articles, corpus, args.seed)["planted_acts"]
        paths = sorted(corpus.glob("*.txt"))
        size = sum(len(p.read_bytes()) for p in paths)
        if args.json:
            print(json.dumps(measure(paths, args.repeat)[0]))
            return
        if args.against:
            compared = against(args.against, corpus, args.rounds, args.repeat)
        times, lifted = measure(paths, args.repeat)

    mb = size / 1e6
    origin = str(corpus) if args.corpus else f"synthetic, seed {args.seed}"
    print(f"corpus: {len(paths)} articles, {mb:.2f} MB ({origin})")
    print(f"{'stage':<14}{'CPU s':>8}{'MB/s':>8}{'x baseline':>12}")
    for name in STAGES:
        print(f"{name:<14}{times[name]:8.3f}{mb / times[name]:8.2f}{times[name] / times['baseline']:12.1f}")
    if args.against:
        new, old = compared["this tree"], compared[args.against]
        print(f"against {args.against} ({args.rounds} alternating rounds, best of each):")
        print(f"{'stage':<14}{'this tree':>10}{args.against[:10]:>12}{'this/old':>10}")
        for name in STAGES:
            print(f"{name:<14}{new[name]:10.3f}{old[name]:12.3f}{new[name] / old[name]:10.2f}")
    if planted is not None:
        print("act mentions planted -> acts lifted, by class (an act told twice in one article is one act):")
        for cls in sorted(set(planted) | set(lifted)):
            print(f"  {cls:<22}{planted.get(cls, 0):6d}{lifted.get(cls, 0):8d}")
        print(json.dumps({"mentions planted": sum(planted.values()), "acts lifted": sum(lifted.values())}))


if __name__ == "__main__":
    main()
