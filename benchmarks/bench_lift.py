"""The lifter's throughput on a synthetic corpus (run by hand; prints numbers, asserts nothing).

    python benchmarks/bench_lift.py [--articles 400] [--corpus DIR] [--repeat 3]

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
how many acts were lifted against how many the generator planted.
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--corpus", type=Path, help="a folder of article .txt files instead of a synthetic one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from kg.lift import read
    from kg.lift.api import lift_paths, lifted_articles
    from kg.lift.lexicon import load_lexicon
    from kg.lift.text import split
    from kg.lift.to_rdf import article_triples
    from kg.namespaces import LEX

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        planted = None
        if corpus is None:
            from synthetic_articles import generate

            corpus = Path(tmp)
            planted = generate(args.articles, corpus, args.seed)["planted_acts"]
        paths = sorted(corpus.glob("*.txt"))
        lex = load_lexicon()
        articles = [read(p, lex) for p in paths]
        size = sum(len(a.text.encode("utf-8")) for a in articles)

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
        t_base = cpu_best(tokenize_only, args.repeat)
        t_extract = cpu_best(extract, args.repeat)
        t_rdf = cpu_best(to_rdf, args.repeat)
        t_store = cpu_best(lambda: lift_paths(paths, lex), args.repeat)
        lifted = Counter(str(e.cls).split("#")[-1] for _, events in lifted_articles(paths, lex) for e in events
                         if e.kind == "act")

    mb = size / 1e6
    origin = str(corpus) if args.corpus else f"synthetic, seed {args.seed}"
    print(f"corpus: {len(paths)} articles, {mb:.2f} MB ({origin})")
    print(f"{'stage':<14}{'CPU s':>8}{'MB/s':>8}{'x baseline':>12}")
    for name, t in (("baseline", t_base), ("extract", t_extract), ("lift to RDF", t_rdf), ("into rdflib", t_store)):
        print(f"{name:<14}{t:8.3f}{mb / t:8.2f}{t / t_base:12.1f}")
    if planted is not None:
        print("act mentions planted -> acts lifted, by class (an act told twice in one article is one act):")
        for cls in sorted(set(planted) | set(lifted)):
            print(f"  {cls:<22}{planted.get(cls, 0):6d}{lifted.get(cls, 0):8d}")
        print(json.dumps({"mentions planted": sum(planted.values()), "acts lifted": sum(lifted.values())}))


if __name__ == "__main__":
    main()
