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

FUNCTION_WORDS_NL, FUNCTION_WORDS_EN, ABBREVIATIONS = LEX.FunctionWordsNl, LEX.FunctionWordsEn, LEX.Abbreviations


def detect_language(text: str, lex: Lexicon) -> str:
    """'nl' or 'en', by counting function words from the lexicon; on a tie (a short text), by the names of
    months and weekdays only one of the two languages has ("maandag", "Thursday")."""
    words = text.lower().split(None, 400)[:400]  # the 401st item would be the unsplit rest
    nl = lex.singles(FUNCTION_WORDS_NL, "nl")
    en = lex.singles(FUNCTION_WORDS_EN, "en")
    score = sum(map(nl.__contains__, words)) - sum(map(en.__contains__, words))
    if score == 0:
        own = {lang: {w for (lg, w) in [*lex.months, *lex.weekdays] if lg == lang} for lang in ("nl", "en")}
        stripped = [w.strip(".,;:!?") for w in words]
        score = sum(w in own["nl"] and w not in own["en"] for w in stripped) - sum(
            w in own["en"] and w not in own["nl"] for w in stripped)
    return "nl" if score > 0 else "en"


def lift_events(article: Article, lex: Lexicon) -> list[Event]:
    """The article's events. The cyclic garbage collector waits until the article is done (see paused_gc)."""
    with paused_gc():
        abbreviations = lex.singles(ABBREVIATIONS, article.language)
        sentences = split(article.text, article.body_start, abbreviations, lemmas_for(article.language))
        ex = Extractor(article, lex)
        ex.run(sentences)
        return resolve(ex)


def read(path: Path, lex: Lexicon | None = None, language: str | None = None) -> Article:
    lex = lex or load_lexicon()
    return read_article(path, language, detect=lambda t: detect_language(t, lex))


__all__ = ["Article", "Event", "read", "lift_events", "detect_language"]
