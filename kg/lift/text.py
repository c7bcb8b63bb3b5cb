"""Tokens, sentences and paragraphs with character offsets into the article's text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Initialisms ("U.S."), numbers ("3.5", "1,000"), words with an inner apostrophe ("don't"), and any
# other non-space character. A possessive 's is a token of its own ("Russia" "'s"), so the name before
# it is found. A word is read once: no alternative backtracks into it (this regex is most of the split).
# It is (?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*|\w+(?:(?!['’]s\b)['’]\w+)?|['’]s\b|[^\w\s] with the first character
# of every alternative read once as \S and tested by a lookbehind: a pattern that starts with one character
# class lets the search skip the spaces between tokens without trying a match at each (a quarter faster).
TOKEN_RE = re.compile(r"\S(?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|(?<=\d)\d*(?:[.,]\d+)*|(?<=\w)\w*(?:(?!['’]s\b)['’]\w+)?"
                      r"|(?<=['’])s\b|(?<=[^\w\s]))", re.UNICODE)
QUOTES = "\"“”‘’'«»„"



class Token:
    """A word or punctuation mark with its character offsets into the article text.

    Equal by text and offsets, and so unhashable (a class that defines __eq__ alone gets no __hash__):
    its index and lemma are filled in after it is made."""

    __slots__ = ("text", "start", "end", "index", "lower", "lemma")

    def __init__(self, text: str, start: int, end: int, index: int = 0, lemma: str = "") -> None:
        self.text = text
        self.start = start
        self.end = end
        self.index = index
        self.lower = text.lower()
        self.lemma = lemma

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    tokens: list[Token]
    paragraph: int
    text: str = field(default="", repr=False)
    where: dict[str, list[int]] = field(default_factory=dict, repr=False)  # word or lemma -> token indexes

    def index_words(self, lemmas: Mapping[str, str] | None = None) -> None:
        """Positions of each word form and lemma, so patterns are tried only where they can start.

        With `lemmas` (lower-case word -> lemma), each token is given its lemma on the way."""
        where: dict[str, list[int]] = {}
        for i, tok in enumerate(self.tokens):
            low = tok.lower
            if low in where:
                where[low].append(i)
            else:
                where[low] = [i]
            if lemmas is not None:
                tok.lemma = lemmas[low]
            lem = tok.lemma
            if lem and lem != low:
                if lem in where:
                    where[lem].append(i)
                else:
                    where[lem] = [i]
        self.where = where


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end]; offsets are into the whole text."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append, find = out.append, text.find
    pos = start
    # findall is much cheaper than a match object per token; the offsets follow because TOKEN_RE skips
    # only whitespace, so each token is the first occurrence of its text after the previous one
    for word in TOKEN_RE.findall(text, start, end):
        pos = find(word, pos)
        append(Token(word, pos, pos + len(word)))
        pos += len(word)
    return out


OPENERS = "“„«‘"
ENDERS = frozenset(".!?")
CLOSING = "”»’)]"


def _closes(tokens: list[Token], j: int) -> bool:
    """A closing quote or bracket, or an ambiguous quote glued to the token before it."""
    tok = tokens[j]
    if tok.text in CLOSING:
        return True
    return tok.text in "\"'" and j > 0 and tokens[j - 1].end == tok.start


def _ends_sentence(tokens: list[Token], i: int, abbreviations: set[str]) -> int:
    """If tokens[i] ends a sentence, the index of its last token (closing quotes included), else -1."""
    tok = tokens[i]
    if tok.text not in ".!?":
        return -1
    if tok.text == "." and i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and (prev.lower in abbreviations or (len(prev.text) == 1 and prev.text.isalpha())):
            return -1
    j = i + 1
    while j < len(tokens) and _closes(tokens, j):
        j += 1
    if j >= len(tokens):
        return j - 1
    nxt = tokens[j]
    if nxt.start == tokens[j - 1].end:  # "U.S.", "3.5"
        return -1
    first = nxt.text[0]
    return j - 1 if (first.isupper() or first.isdigit() or first in QUOTES) else -1


PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def split(text: str, begin: int, abbreviations: set[str], lemmas: Mapping[str, str] | None = None) -> list[Sentence]:
    """Sentences of text[begin:], split at blank lines (paragraphs) and sentence-final punctuation.

    With `lemmas` (lower-case word -> lemma), each token also gets its lemma and each sentence its
    word index (Sentence.index_words), which the lifter needs.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    findall, find, new, lower = TOKEN_RE.findall, text.find, object.__new__, str.lower
    lemma_of = lemmas.__getitem__ if lemmas is not None else None
    for para in PARAGRAPH_RE.finditer(text, begin):  # from `begin` on: the pattern looks neither back nor at ^
        pstart, pend = para.span()
        words = findall(text, pstart, pend)
        if not words:
            continue
        # the paragraph's lower-case forms and lemmas by map, without a Python step per word
        lows = list(map(lower, words))
        lems = list(map(lemma_of, lows)) if lemma_of is not None else [""] * len(words)
        # tokenize(text, pstart, pend), each Token made without a call to __init__ (this is most of the split)
        tokens: list[Token] = []
        append = tokens.append
        pos = pstart
        for word, low, lem in zip(words, lows, lems, strict=True):
            pos = find(word, pos)
            tok = new(Token)
            tok.text = word
            tok.start = pos
            pos += len(word)
            tok.end = pos
            tok.lower = low
            tok.lemma = lem
            append(tok)
        first = 0
        for i in [k for k, word in enumerate(words) if word in ENDERS]:
            if i < first:
                continue
            last = _ends_sentence(tokens, i, abbreviations)
            if last >= 0:
                sentences.append(_sentence(text, tokens[first:last + 1], paragraph, len(sentences), lemmas is not None))
                first = last + 1
        if first < len(tokens):
            sentences.append(_sentence(text, tokens[first:], paragraph, len(sentences), lemmas is not None))
        paragraph += 1
    return sentences


def _sentence(text: str, tokens: list[Token], paragraph: int, index: int, indexed: bool) -> Sentence:
    """The sentence of these tokens, numbering them; `indexed` (their lemmas given): with its word index."""
    start, end = tokens[0].start, tokens[-1].end
    if not indexed:
        for k, tok in enumerate(tokens):
            tok.index = k
        return Sentence(index, start, end, tokens, paragraph, text[start:end])
    # tok.index, then Sentence.index_words(), in one pass
    where: dict[str, list[int]] = {}
    get = where.get
    for k, tok in enumerate(tokens):
        tok.index = k
        low = tok.lower
        at = get(low)
        if at is None:
            where[low] = [k]
        else:
            at.append(k)
        lem = tok.lemma
        if lem and lem != low:
            at = get(lem)
            if at is None:
                where[lem] = [k]
            else:
                at.append(k)
    return Sentence(index, start, end, tokens, paragraph, text[start:end], where)
