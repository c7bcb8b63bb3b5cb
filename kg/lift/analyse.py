"""Per-sentence analysis: lemmas, actor mentions, pattern matches and date expressions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from rdflib import URIRef

from kg.lift.dates import PartialDate
from kg.lift.lexicon import GAP, ActorName, Lexicon, Pattern
from kg.lift.text import Sentence, Token
from kg.namespaces import LEX

MAX_GAP = 10


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except (ValueError, KeyError):
        return word


def add_lemmas(sentence: Sentence, language: str) -> None:
    for tok in sentence.tokens:
        tok.lemma = lemma(tok.lower, language) if tok.text[:1].isalpha() else tok.lower


def token_is(tok: Token, words: frozenset[str] | set[str]) -> bool:
    return tok.lower in words or tok.lemma in words


@dataclass
class Match:
    start: int  # token index of the first matched token
    end: int  # token index after the last matched token
    positions: tuple[int, ...]


def match_pattern(tokens: list[Token], pattern: Pattern, lo: int = 0, hi: int | None = None) -> list[Match]:
    """All non-overlapping matches of a pattern in tokens[lo:hi]."""
    hi = len(tokens) if hi is None else hi
    elements = pattern.elements
    found: list[Match] = []
    i = lo
    while i < hi:
        positions = _match_at(tokens, elements, i, hi)
        if positions:
            found.append(Match(positions[0], positions[-1] + 1, positions))
            i = positions[-1] + 1
        else:
            i += 1
    return found


def _match_at(tokens, elements, i, hi) -> tuple[int, ...] | None:
    first = elements[0]
    if first == GAP or not token_is(tokens[i], first):
        return None
    positions = [i]
    pos = i + 1
    gap = False
    for element in elements[1:]:
        if element == GAP:
            gap = True
            continue
        limit = min(hi, pos + (MAX_GAP if gap else 1))
        while pos < limit and not token_is(tokens[pos], element):
            if tokens[pos].text in ".;:" and gap:
                return None
            pos += 1
        if pos >= limit:
            return None
        positions.append(pos)
        pos += 1
        gap = False
    return tuple(positions)


@dataclass
class Mention:
    """Words in a sentence that name an actor (or a plain place)."""

    start: int
    end: int
    name: ActorName
    role: str = "np"  # np | owner | agentive | attributive | agent | target | location | possessor | speaker

    @property
    def actor(self) -> URIRef | None:
        return self.name.actor


def find_mentions(sentence: Sentence, lex: Lexicon) -> list[Mention]:
    """Longest-match lookup of gazetteer names over the sentence's tokens."""
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = None
        lengths = lex.name_lengths.get(tokens[i].text, set()) | lex.name_lengths.get(tokens[i].lower, set())
        for n in sorted((n for n in lengths if n <= len(tokens) - i), reverse=True):
            span = tokens[i:i + n]
            exact = tuple(t.text for t in span)
            for key, case in ((exact, True), (tuple(t.lower for t in span), False)):
                for entry in lex.names.get(key, ()):
                    if entry.case_sensitive != case:
                        continue
                    if not case and entry.kind not in ("description", "adjective", "demonym") \
                            and not span[0].text[:1].isupper():
                        continue
                    hit = hit or Mention(i, i + n, entry)
            if hit:
                break
        if hit:
            mentions.append(hit)
            i = hit.end
        else:
            i += 1
    return mentions


def classify_mentions(sentence: Sentence, mentions: list[Mention], lex: Lexicon, language: str) -> None:
    """Give each mention its grammatical role from the words around it."""
    tokens = sentence.tokens
    nouns = set()
    for ws in (LEX.StaffNouns, LEX.MissionNouns, LEX.OfficeNouns, LEX.UseNouns):
        nouns |= lex.singles(ws, language)
    gov = lex.singles(LEX.GovernmentNouns, language)
    agent_markers = lex.singles(LEX.AgentMarkers, language)
    target_markers = lex.singles(LEX.TargetMarkers, language)
    place_markers = lex.singles(LEX.PlaceMarkers, language)
    determiners = lex.singles(LEX.Determiners, language)
    for m in mentions:
        before = m.start - 1
        while before >= 0 and tokens[before].lower in determiners:
            before -= 1
        prev = tokens[before].lower if before >= 0 else ""
        if m.name.kind == "place":
            m.role = "location"
            continue
        if m.name.kind in ("adjective", "demonym"):
            role = "attributive"
            if m.name.kind == "demonym":
                role = "owner"
            for j in range(m.end, min(m.end + 4, len(tokens))):
                if token_is(tokens[j], nouns):
                    role = "owner"
                    break
                if token_is(tokens[j], gov):
                    role = "agentive"
                    break
                if tokens[j].text in ",.;:" or tokens[j].lower in ("en", "and", "die", "dat", "that", "who"):
                    break
            if role != "attributive" and prev in agent_markers:
                role = "agent" if role == "agentive" else role
            m.role = role
            continue
        if prev in agent_markers:
            m.role = "agent"
        elif prev in place_markers and m.name.kind in ("name", "metonym") and prev not in ("of",):
            m.role = "location"
        elif prev in ("van", "of") and m.name.kind in ("name", "metonym", "person"):
            m.role = "possessor"
        elif prev in target_markers:
            m.role = "target"
        elif m.end < len(tokens) and tokens[m.end].lower in ("'s", "’s"):
            m.role = "possessor"
        else:
            m.role = "np"


@dataclass
class DateExpr:
    start: int
    end: int
    date: PartialDate
    future: bool = False  # an effective date or deadline ("per 1 november", "by Monday")
    offset_days: int | None = None  # "a day after": relative to another event
    reporting: bool = False  # follows a reporting verb ("said on Friday")


def _number(tok: Token, lex: Lexicon) -> int | None:
    if tok.text.isdigit():
        return int(tok.text)
    return lex.numbers.get(tok.lower)


def find_dates(sentence: Sentence, lex: Lexicon, language: str, pub: PartialDate) -> list[DateExpr]:
    """Date expressions in a sentence, resolved against the publication date."""
    tokens = sentence.tokens
    out: list[DateExpr] = []
    future_words = lex.singles(LEX.FutureMarkers, language)
    parts = lex.singles(LEX.month_parts, language)
    used: set[int] = set()

    def is_future(i: int) -> bool:
        j = i - 1
        while j >= 0 and tokens[j].lower in ("on", "op", "de", "the", "noon", "middag", "end", "eind", "of", "van"):
            j -= 1
        return j >= 0 and tokens[j].lower in future_words

    def past_year(month: int, day: int | None, future: bool) -> int:
        year = pub.year
        candidate = PartialDate(year, month, day)
        if not future and candidate.start > pub.end + dt.timedelta(days=7):
            year -= 1
        return year

    for i, tok in enumerate(tokens):
        if i in used:
            continue
        month = lex.months.get((language, tok.lower))
        if month and (tok.text[:1].isupper() or language == "nl"):
            if tok.lower == "may" and language == "en" and i > 0 and not tokens[i - 1].text.isdigit() \
                    and not (i + 1 < len(tokens) and tokens[i + 1].text.isdigit()):
                continue
            day = None
            start, end = i, i + 1
            if i > 0 and tokens[i - 1].text.isdigit() and 1 <= int(tokens[i - 1].text) <= 31:
                day, start = int(tokens[i - 1].text), i - 1
            elif i + 1 < len(tokens) and tokens[i + 1].text.isdigit() and 1 <= int(tokens[i + 1].text) <= 31:
                day, end = int(tokens[i + 1].text), i + 2
            year = None
            for j in range(end, min(end + 4, len(tokens))):
                if tokens[j].text.isdigit() and len(tokens[j].text) == 4:
                    year, end = int(tokens[j].text), j + 1
                    break
                joins = tokens[j].text in (",", "and", "en", "of", "or")
                if not joins and not lex.months.get((language, tokens[j].lower)):
                    break
            offset = None
            for pattern, off in lex.year_offsets:
                for m in _match_from(tokens, pattern, end):
                    offset, end = off, m.end
            future = is_future(start)
            if year is None:
                year = pub.year + offset if offset is not None else past_year(month, day, future)
            if start > 0 and tokens[start - 1].lower in parts:
                start -= 1
            try:
                date = PartialDate(year, month, day)
                date.start  # noqa: B018 - checks the day exists
            except ValueError:
                continue
            out.append(DateExpr(start, end, date, future))
            used.update(range(start, end))
            continue
        weekday = lex.weekdays.get((language, tok.lower))
        if weekday:
            future = is_future(i)
            if pub.precision != "day":
                out.append(DateExpr(i, i + 1, pub.coarsen("month"), future))
            else:
                base = pub.start
                delta = (base.isoweekday() - weekday) % 7
                day = base + dt.timedelta(days=(7 - delta) % 7) if future else base - dt.timedelta(days=delta)
                out.append(DateExpr(i, i + 1, PartialDate.of(day), future))
            used.add(i)
            continue
        if tok.text.isdigit() and len(tok.text) == 4 and 1900 <= int(tok.text) <= pub.year + 1:
            out.append(DateExpr(i, i + 1, PartialDate(int(tok.text)), is_future(i)))
            used.add(i)
    for pattern, off in lex.year_offsets:
        for m in match_pattern(tokens, pattern):
            if not used.intersection(range(m.start, m.end)):
                out.append(DateExpr(m.start, m.end, PartialDate(pub.year + off)))
    for ws, resolve in ((LEX["this-month"], lambda: pub.coarsen("month")),
                        (LEX["this-week"], lambda: pub.coarsen("month")),
                        (LEX["day-before"], lambda: pub.shift_days(-1) if pub.precision == "day" else pub),
                        (LEX["today"], lambda: pub)):
        for words in lex.words(ws, language):
            for m in match_pattern(tokens, Pattern(tuple(frozenset([w]) for w in words), language, "")):
                if not used.intersection(range(m.start, m.end)):
                    out.append(DateExpr(m.start, m.end, resolve()))
                    used.update(range(m.start, m.end))
    return sorted(out, key=lambda d: d.start)


def _match_from(tokens, pattern, i):
    if i >= len(tokens):
        return []
    return [m for m in match_pattern(tokens, pattern, i, min(len(tokens), i + 4)) if m.start == i]


def relative_offset(tokens: list[Token], cue_start: int, lex: Lexicon, language: str) -> int | None:
    """'a day after', 'two weeks after', 'een week na': days between the two events, or None."""
    if cue_start < 2:
        return None
    word = tokens[cue_start - 1].lower
    if word in lex.singles(LEX.DayUnits, language):
        unit = 1
    elif word in lex.singles(LEX.WeekUnits, language):
        unit = 7
    else:
        return None
    count_tok = tokens[cue_start - 2]
    count = 1 if count_tok.lower in lex.singles(LEX.IndefiniteOne, language) else _number(count_tok, lex)
    return None if count is None else count * unit
