"""Reading an article file: its id, leading date header, language and text."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.lift.dates import PartialDate
from kg.rdfio import read_text

HEADER_RE = re.compile(r"\s*date\s+(\S+)(?:\s|$)")
ID_RE = re.compile(r"[^A-Za-z0-9_.-]")
MAX_BYTES = 5_000_000


@dataclass
class Article:
    id: str
    path: Path
    text: str  # the whole file: offsets of mentions are into this string
    body_start: int  # where the text after the header begins
    date: PartialDate
    language: str

    @property
    def file_name(self) -> str:
        return self.path.name


def article_id(path: Path) -> str:
    """The article id: the file stem, made safe for an IRI."""
    return ID_RE.sub("_", path.stem)


def read_article(path: Path, language: str | None = None, detect=None) -> Article:
    """Read and check an article file; bad files raise InputError naming the file and the problem."""
    path = path if isinstance(path, Path) else Path(path)
    try:
        info = os.stat(path)
        size = info.st_size if stat.S_ISREG(info.st_mode) else 0
    except OSError:
        size = 0  # read_text says what is wrong with it
    if size > MAX_BYTES:
        raise InputError(f"{path}: too large ({size} bytes; the limit is {MAX_BYTES})")
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: empty article")
    m = HEADER_RE.match(text)
    if not m:
        raise InputError(f"{path}: missing date header (the text must start with ' date YYYY-MM[-DD] ')")
    try:
        date = PartialDate.parse(m.group(1))
    except ValueError as exc:
        raise InputError(f"{path}: bad date header {m.group(1)!r}: {exc}") from None
    body_start = m.end()
    if not text[body_start:].strip():
        raise InputError(f"{path}: empty article (a date header and no text)")
    lang = language or (detect(text[body_start:]) if detect else "en")
    return Article(article_id(path), path, text, body_start, date, lang)
