"""Lift article files into named graphs of a dataset (one graph per article)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset, Graph

from kg.gc_pause import collect_young, paused_gc
from kg.lift import Article, Event, lift_events, read
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


def lifted_articles(paths: Iterable[Path], lex: Lexicon | None = None,
                    languages: dict[str, str] | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Each file read and lifted, in order: (article, its events). Duplicate article ids are an error.

    The cyclic garbage collector is paused until the last article has been handed over (or the
    generator is closed), including while the caller handles each one: whatever the caller keeps (a
    growing dataset) would otherwise be scanned again and again. Lifting leaves no reference cycles
    (a test holds that); any there are anyway are freed every YOUNG_COLLECTION_EVERY articles.
    """
    from kg.errors import InputError

    lex = lex or load_lexicon()
    seen: dict[str, Path] = {}
    with paused_gc():
        for count, path in enumerate(paths, 1):
            path = path if isinstance(path, Path) else Path(path)  # (a Path made again is parsed again)
            article = read(path, lex, (languages or {}).get(path.name))
            if article.id in seen:
                raise InputError(f"{path}: article id {article.id!r} is also the id of {seen[article.id]}")
            seen[article.id] = path
            yield article, lift_events(article, lex)
            if count % YOUNG_COLLECTION_EVERY == 0:
                collect_young()


def lift_paths(paths: Iterable[Path], lex: Lexicon | None = None, into: Dataset | None = None,
               languages: dict[str, str] | None = None) -> Dataset:
    """Lift each file into its own named graph; duplicate article ids are an error."""
    lex = lex or load_lexicon()
    ds = into if into is not None else new_dataset()
    for article, events in lifted_articles(paths, lex, languages):
        triples = article_triples(article, events, lex)
        name = article_graph(article.id)
        ds.remove_graph(ds.graph(name))  # re-lifting replaces the article's graph, leaving nothing stale
        target = ds.graph(name)
        # straight into the store: Graph.addN would check, quad by quad, what article_triples always makes (nodes, and
        # this graph as the context), a fifth of the cost of storing them
        ds.store.addN((s, p, o, target) for s, p, o in triples)
    return ds
