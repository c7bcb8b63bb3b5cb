"""Lift article files into named graphs of a dataset (one graph per article)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.lift import lift_events, read
from kg.lift.lexicon import Lexicon, load_lexicon
from kg.lift.to_rdf import article_graph_rdf
from kg.namespaces import article_graph
from kg.rdfio import add_graph, new_dataset


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
    for path in paths:
        path = Path(path)
        lang = (languages or {}).get(path.name)
        article_id, graph = lift_file(path, lex, lang)
        if article_id in seen:
            raise InputError(f"{path}: article id {article_id!r} is also the id of {seen[article_id]}")
        seen[article_id] = path
        add_graph(ds, article_graph(article_id), graph)
    return ds
