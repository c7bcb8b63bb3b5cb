"""Lifting news articles to RDF: read, split, extract, resolve across sentences, write."""

from __future__ import annotations

from pathlib import Path

from kg.gc_pause import paused_gc
from kg.lift.analyse import lemmas_for
from kg.lift.article import Article, read_article
from kg.lift.discourse import resolve
from kg.lift.extract import Event, Extractor
from kg.lift.lexicon import Lexicon, load_lexicon
from kg.lift.text import split
from kg.namespaces import LEX


def detect_language(text: str, lex: Lexicon) -> str:
    """'nl' or 'en', by counting function words from the lexicon."""
    words = text.lower().split(None, 400)[:400]  # the 401st item would be the unsplit rest
    nl = lex.singles(LEX.FunctionWordsNl, "nl")
    en = lex.singles(LEX.FunctionWordsEn, "en")
    return "nl" if sum(map(nl.__contains__, words)) > sum(map(en.__contains__, words)) else "en"


def lift_events(article: Article, lex: Lexicon) -> list[Event]:
    """The article's events. The cyclic garbage collector waits until the article is done (see paused_gc)."""
    with paused_gc():
        abbreviations = lex.singles(LEX.Abbreviations, article.language)
        sentences = split(article.text, article.body_start, abbreviations, lemmas_for(article.language))
        ex = Extractor(article, lex)
        ex.run(sentences)
        return resolve(ex)


def read(path: Path, lex: Lexicon | None = None, language: str | None = None) -> Article:
    lex = lex or load_lexicon()
    return read_article(path, language, detect=lambda t: detect_language(t, lex))


__all__ = ["Article", "Event", "read", "lift_events", "detect_language"]
