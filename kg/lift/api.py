"""Lift article files into named graphs of a dataset (one graph per article)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.gc_pause import collect_young, paused_gc
from kg.lift import lift_events, read
from kg.lift.lexicon import Lexicon, load_lexicon
from kg.lift.to_rdf import article_graph_rdf, article_triples
from kg.namespaces import article_graph
from kg.rdfio import new_dataset

YOUNG_COLLECTION_EVERY = 200  # articles lifted between passes that free their reference cycles


def lift_file(path: Path, lex: Lexicon | None = None, language: str | None = None) -> tuple[str, Graph]:
    """(article id, its graph) for one article file."""
    lex = lex or load_lexicon()
    article = read(Path(path), lex, language)
    events = lift_events(article, lex)
    return article.id, article_graph_rdf(article, events, lex)


def lift_paths(paths: Iterable[Path], lex: Lexicon | None = None, into: Dataset | None = None,
               languages: dict[str, str] | None = None) -> Dataset:
    """Lift each file into its own named graph; duplicate article ids are an error."""
    from kg.errors import InputError

    lex = lex or load_lexicon()
    ds = into if into is not None else new_dataset()
    seen: dict[str, Path] = {}
    with paused_gc():  # the dataset grows with every article; the collector would re-scan all of it, often
        for count, path in enumerate(paths, 1):
            path = Path(path)
            lang = (languages or {}).get(path.name)
            article = read(path, lex, lang)
            if article.id in seen:
                raise InputError(f"{path}: article id {article.id!r} is also the id of {seen[article.id]}")
            seen[article.id] = path
            triples = article_triples(article, lift_events(article, lex), lex)
            name = article_graph(article.id)
            ds.remove_graph(ds.graph(name))  # re-lifting replaces the article's graph, leaving nothing stale
            target = ds.graph(name)
            target.addN((s, p, o, target) for s, p, o in triples)
            if count % YOUNG_COLLECTION_EVERY == 0:
                collect_young()
    return ds
