"""Per-sentence analysis: lemmas, actor mentions, pattern matches and date expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import simplemma
from rdflib import URIRef

from kg.lift.dates import PartialDate
from kg.lift.lexicon import GAP, ActorName, Lexicon, Pattern, PatternIndex
from kg.lift.text import Sentence, Token
from kg.namespaces import LEX

MAX_GAP = 10
PHRASE_QUOTES = frozenset('"“”„«»‘’')  # skipped inside a fixed phrase: 'een "evenredig antwoord" op'
# A Dutch separable particle closes its clause however long the middle ("stuurt 21 medewerkers van de
# Russische ambassade en het consulaat in Antwerpen weg,"): a pattern's last word may lie up to LONG_GAP
# words on when no comma (but a pair setting off an apposition) comes between and the word ends the clause.
LONG_GAP = 24
# words between a ministry and the "in" before its seat ("ministerie van Buitenlandse Zaken in Managua")
GOVERNMENT_SEAT_REACH = 4
# A fixed phrase of two or more words closing the pattern is as sure an end as a particle closing its
# clause ("told Syrian diplomats who are not U.S. citizens or permanent residents to leave"): it too may lie up
# to LONG_GAP words on, when no comma comes between.
CLAUSE_ENDS = frozenset(",.;:!?")
# four digits, no digit either side: (?<!\d)\d{4}(?!\d), written to start with \d so that a search skips
# to digits (a pattern starting with a lookbehind is tried at every position)
YEAR_RE = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")


def lemma(word: str, language: str) -> str:
    """simplemma's lemma in lower case (called once per word form: Lemmas keeps the answers)."""
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except (ValueError, KeyError):
        return word


DICT_KEYS = type({}.keys())  # a sentence's word index's keys (sentence.where.keys())
LEMMA_TABLE_LIMIT = 500_000  # word forms a Lemmas table keeps; rarer ones beyond it are lemmatised each time


class Lemmas(dict):
    """Lower-case word -> lemma for one language, filled on first sight (a plain dict lookup after that)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, low: str) -> str:
        lem = lemma(low, self.language) if low[:1].isalpha() else low
        if len(self) < LEMMA_TABLE_LIMIT:
            self[low] = lem
        return lem


_LEMMAS: dict[str, Lemmas] = {}


def lemmas_for(language: str) -> Lemmas:
    """The process-wide lemma table of a language."""
    table = _LEMMAS.get(language)
    if table is None:
        table = _LEMMAS[language] = Lemmas(language)
    return table


def add_lemmas(sentence: Sentence, language: str) -> None:
    """Give each token its lemma and index the sentence's words and lemmas by position (for sentences
    split without lemmas; split(..., lemmas=lemmas_for(language)) does it as it splits)."""
    sentence.index_words(lemmas_for(language))


class WordClass:
    """The word forms that pass a test too costly to run on every word of every sentence (a prefix, a
    part before a hyphen): each form is tested once per run, and a sentence is answered with set
    operations on its word index."""

    LIMIT = 500_000  # forms remembered; past it, new forms are tested again when they recur

    def __init__(self, test) -> None:
        self.test = test
        self.seen: set[str] = set()
        self.members: set[str] = set()

    def _learn(self, words) -> None:
        seen = self.seen
        # (a sentence's dict_keys is compared in place; issuperset would first copy it into a set)
        if not (words <= seen if isinstance(words, DICT_KEYS) else seen.issuperset(words)):
            new = [w for w in words if w not in seen]
            self.members.update(w for w in new if self.test(w))
            if len(self.seen) < self.LIMIT:
                self.seen.update(new)

    def any_in(self, words) -> bool:
        """Whether any of the words passes."""
        self._learn(words)
        return not self.members.isdisjoint(words)

    def among(self, words) -> set[str]:
        """The words that pass."""
        self._learn(words)
        return self.members.intersection(words)

    def holds(self, tok: Token) -> bool:
        """Whether the token's word form or lemma passes."""
        low, lem = tok.lower, tok.lemma
        seen = self.seen
        if low not in seen or lem not in seen:
            self._learn((low, lem))
        members = self.members
        return low in members or lem in members


COMPOUND_HEAD_MIN = 7  # letters a word of a set needs to be found as the head of a Dutch compound


def word_forms(lex: Lexicon, word_sets: tuple[URIRef, ...], language: str) -> WordClass:
    """The words of the sets, with what is put before them: "EU-sancties" and, in Dutch, which writes its
    compounds as one word, a compound on a long word of a set ("vriendschapsverdrag", "onderminister",
    "ambassademedewerkers"). Short words are left out of that ("commissie" is no "missie")."""
    return lex.memo(("word-forms", word_sets, language), _build_word_forms, lex, word_sets, language)


def _build_word_forms(lex: Lexicon, word_sets: tuple[URIRef, ...], language: str) -> WordClass:
    singles = set().union(*(lex.singles(ws, language) for ws in word_sets))
    heads = tuple(sorted(w for w in singles if len(w) >= COMPOUND_HEAD_MIN)) if language == "nl" else ()
    return WordClass(lambda w: w in singles or ("-" in w and w.split("-")[0] in singles)
                     or (bool(heads) and w.endswith(heads)))


def token_is(tok: Token, words: frozenset[str] | set[str]) -> bool:
    return tok.lower in words or tok.lemma in words


@dataclass
class Match:
    start: int  # token index of the first matched token
    end: int  # token index after the last matched token
    positions: tuple[int, ...]
    gapped: bool = False  # matched a pattern with a gap: a verb and its particle or object, never a bare noun


def match_pattern(sentence: Sentence, pattern: Pattern, lo: int = 0, hi: int | None = None) -> list[Match]:
    """All non-overlapping matches of a pattern in the sentence's tokens[lo:hi].

    Only the positions where the pattern's first word occurs are tried (the sentence's word index).
    """
    tokens = sentence.tokens
    hi = len(tokens) if hi is None else hi
    elements = pattern.elements
    if elements[0] == GAP:
        return []
    where = sentence.where
    if not where and tokens:
        sentence.index_words()
        where = sentence.where
    starts = [i for word in elements[0] if word in where for i in where[word]]
    if not starts:
        return []
    words = where.keys()
    for element in elements[1:]:  # every word of the pattern must occur somewhere before trying positions
        if element != GAP and words.isdisjoint(element):
            return []
    if len(starts) > 1:
        starts = sorted(set(starts))
    if len(elements) == 1:  # one word (most triggers and cues): each place it occurs is a match of its own
        return [Match(i, i + 1, (i,)) for i in starts if lo <= i < hi]
    found: list[Match] = []
    after = lo
    gapped = GAP in elements
    for i in starts:
        if i < after or i >= hi:
            continue
        positions = _match_at(tokens, elements, i, hi)
        if positions:
            found.append(Match(positions[0], positions[-1] + 1, positions, gapped))
            after = positions[-1] + 1
    return found


def _match_at(tokens, elements, i, hi) -> tuple[int, ...] | None:
    first = elements[0]
    if first == GAP or not token_is(tokens[i], first):
        return None
    return _match_rest(tokens, elements, 1, i + 1, hi, (i,))


def _match_rest(tokens, elements, j, pos, hi, positions) -> tuple[int, ...] | None:
    """The positions of elements[j:] from token pos on, after `positions`; None if they do not follow.

    A word after a gap is tried at each place it occurs within reach, not only the first: in "nam de politie
    in Genève Hannibal … in hechtenis" the "in" of "nam … in hechtenis" is the second one."""
    last = len(elements) - 1
    if j > last:
        return positions
    element = elements[j]
    if element != GAP:
        while pos < hi and tokens[pos].text in PHRASE_QUOTES and not token_is(tokens[pos], element):
            pos += 1  # 'een "evenredig antwoord" op': a quotation mark does not break a fixed phrase
        if pos >= hi:
            return None
        tok = tokens[pos]
        if tok.lower not in element and tok.lemma not in element:  # (token_is, inlined: the matcher's inner step)
            return None
        return _match_rest(tokens, elements, j + 1, pos + 1, hi, positions + (pos,))
    j += 1  # the word after the gap
    element = elements[j]
    short = pos + MAX_GAP
    tail = j < last and GAP not in elements[j + 1:]  # a fixed phrase closes the pattern
    limit = min(hi, pos + (LONG_GAP if j == last or tail else MAX_GAP))
    commas: list[int] = []
    while pos < limit:
        text = tokens[pos].text
        if text in ".;:":
            return None
        if token_is(tokens[pos], element):
            comma = bool(commas) and not _set_off_names(tokens, commas)
            if pos >= short and (comma or not (tail or pos + 1 >= len(tokens) or tokens[pos + 1].text in CLAUSE_ENDS)):
                return None
            found = _match_rest(tokens, elements, j + 1, pos + 1, hi, positions + (pos,))
            if found is not None:
                return found
        elif text == ",":
            commas.append(pos)
        pos += 1
    return None


def _set_off_names(tokens, commas: list[int]) -> bool:
    """Commas in pairs around names only: an apposition ("riep zijn ambassadeur, Musaed Althwaikh, terug"),
    not a clause of its own ("vroeg Basilio, die de Filipijnen vertegenwoordigt, naar huis te gaan")."""
    if len(commas) % 2:
        return False
    return all(b - a > 1 and tokens[a + 1].text[:1].isupper() and tokens[b - 1].text[:1].isupper()
               and all(_in_name(t.text) for t in tokens[a + 1:b])
               for a, b in zip(commas[::2], commas[1::2], strict=True))


NAME_PARTICLE_MAX = 3  # lower-case words inside a name: "al", "bin", "van der", "da"


def _in_name(text: str) -> bool:
    """A word that can stand in a person's name: capitalised, a hyphen, or a short particle ("Mohammed al-Hujailan")."""
    return text[:1].isupper() or text == "-" or (text.isalpha() and len(text) <= NAME_PARTICLE_MAX)


@dataclass
class Mention:
    """Words in a sentence that name an actor (or a plain place)."""

    start: int
    end: int
    name: ActorName
    role: str = "np"  # np | owner | agentive | attributive | agent | target | location | possessor | speaker
    # the name's actor, copied once: the lifter asks for it tens of times per mention (a name never changes)
    actor: URIRef | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.actor = self.name.actor


FUTURE_SLACK_DAYS = 31  # a date set ahead that lies this far before the article is a year later
PLAN_REACH = 4  # words between "planned" and the "for" of its date ("planned in Paris for January")
OFFICE_NAME_REACH = 4  # words of a ministry's name between an office and "van"/"of" its state ("… Buitenlandse Zaken")
OWNED_NOUN_SETS = (LEX.StaffNouns, LEX.MissionNouns, LEX.OfficeNouns, LEX.UseNouns)  # whose: "Russian diplomats"
GOVERNMENT_SETS = (LEX.GovernmentNouns,)  # who acts for a state: "de Italiaanse vicepremier"
DAY_AFTER_WORDS = LEX.DayAfterWords
SIMULTANEOUS_WORDS = LEX.SimultaneousWords  # (looked up once: a namespace attribute is a Python call)
DESCRIPTIVE_KINDS = frozenset({"description"})  # may be written in lower case ("de alliantie"); "let" is no Lett


def find_mentions(sentence: Sentence, lex: Lexicon) -> list[Mention]:
    """Longest-match lookup of gazetteer names over the sentence's tokens.

    A case-sensitive entry (an acronym such as "VS") must match the exact text; other names match in
    lower case, and proper names among them must still start with a capital in the text.
    """
    tokens = sentence.tokens
    ntok = len(tokens)
    names = _name_index(lex)
    exact_names, lower_names = names.exact, names.lower
    where = sentence.where or {t.lower: [k] for k, t in enumerate(tokens)}
    starts = [i for w in where.keys() & names.firsts for i in where[w]]
    if not starts:
        return []
    starts.sort()
    mentions: list[Mention] = []
    after = 0
    spans = names.spans
    for i in starts:
        if i < after:
            continue
        first = tokens[i]
        # every length a name starting with this word (in any case) has, longest first, with the last words
        # such names end in: a word that ends none is passed by before any tuple is made ("de", "the")
        for n, lasts in spans.get(first.lower, ()):
            if i + n > ntok:
                continue
            exact: tuple[str, ...]
            lower: tuple[str, ...]
            if n == 1:
                exact, lower = (first.text,), (first.lower,)
            elif tokens[i + n - 1].lower not in lasts:
                continue
            else:
                span = tokens[i:i + n]
                exact, lower = tuple([t.text for t in span]), tuple([t.lower for t in span])
            hit = exact_names.get(exact)
            if hit is None:
                pair = lower_names.get(lower)
                if pair is not None:
                    hit = pair[0] if first.text[:1].isupper() else pair[1]
            if hit is not None and not (hit.kind == "person" and n == 1 and _other_given_name(tokens, i, hit, lex)):
                mentions.append(Mention(i, i + n, hit))
                after = i + n
                break
    return mentions


def _other_given_name(tokens: list[Token], i: int, hit: ActorName, lex: Lexicon) -> bool:
    """'Hans-Rudolf Merz' is not Friedrich Merz: a known person's surname after a capitalised word that is neither
    an office title ('Chancellor Merz', 'President Putin') nor a word of the person's own names ('Tayyip Erdogan')
    names someone else."""
    if i < 2:
        return False  # (a sentence's first word is capitalised whatever it is)
    prev = tokens[i - 1].text
    if not (prev[:1].isupper() and prev.replace("-", "").isalpha()):
        return False
    word = prev.lower()
    return not _is_title(word, lex) and word not in lex.memo(("person words",), _person_words, lex).get(hit.entity, ())


def _person_words(lex: Lexicon) -> dict[URIRef, set[str]]:
    """Each known person: the lower-case words of all their names."""
    words: dict[URIRef, set[str]] = {}
    for name, entries in lex.names.items():
        for e in entries:
            if e.kind == "person":
                words.setdefault(e.entity, set()).update(w.lower() for w in name)
    return words


def _is_title(word: str, lex: Lexicon) -> bool:
    """An office word or form of address of either language ('president', 'kanselier', 'premier', 'Mrs')."""
    return any(word in lex.singles(ws, lg) for ws in (LEX.OfficeTitleWords, LEX.GovernmentNouns, LEX.Honorifics)
               for lg in ("nl", "en"))


class _NameIndex:
    """What find_mentions takes from lex.names, precomputed once per lexicon.

    exact: the words of a case-sensitive name ("VS", "EU") -> its entry; lower: the lower-case words of
    any other name -> (the entry for a capitalised mention, the entry for a lower-case one). Names are
    tried longest first from a word that can start one: exact_lengths by the word as written (so "de"
    does not try "DE"), lower_lengths by its lower case; firsts holds the lower case of both.
    """

    def __init__(self, lex: Lexicon) -> None:
        self.exact: dict[tuple[str, ...], ActorName] = {}
        self.lower: dict[tuple[str, ...], tuple[ActorName | None, ActorName | None]] = {}
        exact_lengths: dict[str, set[int]] = {}
        lower_lengths: dict[str, set[int]] = {}
        for key, entries in lex.names.items():
            sensitive = [e for e in entries if e.case_sensitive]
            if sensitive:
                self.exact[key] = sensitive[0]
                exact_lengths.setdefault(key[0], set()).add(len(key))
            plain = [e for e in entries if not e.case_sensitive]
            if plain:
                self.lower[key] = (plain[0], next((e for e in plain if e.kind in DESCRIPTIVE_KINDS), None))
                lower_lengths.setdefault(key[0], set()).add(len(key))
        self.exact_lengths = {w: tuple(sorted(n, reverse=True)) for w, n in exact_lengths.items()}
        self.lower_lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lower_lengths.items()}
        # a set, so that `dict_keys & firsts` walks the sentence's words
        self.firsts = {w.lower() for w in self.exact_lengths} | set(self.lower_lengths)
        # first word (lower case) -> ((length, the lower-case last words of such names that are also in
        # lex.name_last_words), ...), longest first: what find_mentions tries from a word. A name written
        # as the text has it ("VS") starts with the word as written, so its lower case is one of these;
        # the lengths of other-case names tried too never match (their entries need the words as written)
        ends: dict[str, dict[int, set[str]]] = {}
        for key in [*self.exact, *self.lower]:
            ends.setdefault(key[0].lower(), {}).setdefault(len(key), set()).add(key[-1].lower())
        self.spans = {w: tuple((n, frozenset(by_length[n] & lex.name_last_words) if n > 1 else frozenset())
                               for n in sorted(by_length, reverse=True)) for w, by_length in ends.items()}


def _name_index(lex: Lexicon) -> _NameIndex:
    return lex.memo("name-index", _NameIndex, lex)


def classify_mentions(sentence: Sentence, mentions: list[Mention], lex: Lexicon, language: str) -> None:
    """Give each mention its grammatical role from the words around it."""
    if not mentions:
        return  # most sentences name no one
    tokens = sentence.tokens
    (nouns, agent_markers, target_markers, place_markers, determiners, possessive, clitics,
     stops, coordinators, noun_forms, gov_forms, place_particles) = _role_words(lex, language)
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
                if noun_forms.holds(tokens[j]):
                    role = "owner"
                    break
                if gov_forms.holds(tokens[j]):
                    role = "agentive"
                    break
                if tokens[j].text in ",.;:" or tokens[j].lower in stops:
                    break
            if role != "attributive" and prev in agent_markers:
                role = "agent" if role == "agentive" else role
            m.role = role
            continue
        if prev in clitics and m.name.kind == "name" and any(token_is(t, nouns) for t in tokens[m.end:m.end + 2]):
            m.role = "location"  # "Morocco's U.N. envoy": where the envoy is posted; whose he is was said before
        elif m.name.kind == "name" and m.start > 0 and any(token_is(t, nouns) for t in tokens[m.end:m.end + 2]) and any(
                o.end in (m.start, m.start - 1) and o.name.kind in ("adjective", "demonym") for o in mentions):
            m.role = "location"  # "De Iraakse VN-ambassadeur": Iraq's envoy, posted at the UN
        elif prev in agent_markers:
            m.role = "agent"
        elif prev in place_markers and m.name.kind in ("name", "metonym") and prev not in possessive:
            # "het ministerie van Buitenlandse Zaken in Managua", "the foreign ministry in Moscow": the government
            # seated there acts; anything else there is only where
            # (not "werd op het ministerie van Buitenlandse Zaken in Berlijn ontboden": a ministry as a place)
            gov_at = next((k for k in range(before - 1, max(-1, before - 1 - GOVERNMENT_SEAT_REACH), -1)
                           if gov_forms.holds(tokens[k])), None)
            seat = gov_at is not None and all(t.text not in ",.;:" for t in tokens[gov_at:before])
            if seat:
                k = gov_at - 1
                while k >= 0 and tokens[k].lower in determiners:
                    k -= 1
                seat = k < 0 or tokens[k].lower not in lex.sets(language).LocativePrepositions
            m.role = "agentive" if seat and m.name.kind == "metonym" else "location"
        elif prev in coordinators and m.name.kind in ("name", "metonym") and any(
                o.role == "location" and o.end == before for o in mentions):
            m.role = "location"  # "in de Verenigde Staten en Australië": both are places
        elif prev in possessive and before > 0 and tokens[before - 1].lower in place_particles:
            m.role = "location"  # "pulled their envoys out of Algiers": where from, not whose
        elif prev in possessive and m.name.kind in ("name", "metonym", "person"):
            # "De premier van Fiji, …, maakte bekend", "the government of Fiji": who governs a state acts for it
            # (also past a ministry's name: "de ministers van Buitenlandse Zaken van de Liga", "the Minister of
            # Foreign Affairs of Ukraine")
            governs = m.name.kind != "person" and any(
                gov_forms.holds(tokens[k]) and all(t.text[:1].isupper() or t.lower in possessive
                                                    for t in tokens[k + 1:before])
                for k in range(max(0, before - 1 - OFFICE_NAME_REACH), before))
            m.role = "agentive" if governs else "possessor"
        elif prev in target_markers and not (
                m.end + 1 < len(tokens) and tokens[m.end].lower in clitics
                and not any(token_is(t, nouns) for t in tokens[m.end + 1:m.end + 4])):
            m.role = "target"  # (not "a reply to Kuala Lumpur's decision to break off relations": whose decision)
        elif m.end < len(tokens) and tokens[m.end].lower in clitics:
            # "Australia's ambassador": whose staff, like "the Australian ambassador"; else whose decision
            owned = any(token_is(t, nouns) for t in tokens[m.end + 1:m.end + 4])
            governs = any(gov_forms.holds(t) for t in tokens[m.end + 1:m.end + 3])  # "Serbia's foreign ministry"
            m.role = "owner" if owned else "agentive" if governs else "possessor"
        else:
            m.role = "np"


def _role_words(lex: Lexicon, language: str) -> tuple:
    """The word sets and word classes classify_mentions reads, fetched once per language."""
    return lex.memo(("role-words", language), _build_role_words, lex, language)


def _build_role_words(lex: Lexicon, language: str) -> tuple:
    sets = lex.sets(language)
    return (set().union(*(lex.singles(ws, language) for ws in OWNED_NOUN_SETS)),
            sets.AgentMarkers, sets.TargetMarkers, sets.PlaceMarkers, sets.Determiners, sets.PossessiveMarkers,
            sets.PossessiveClitics, sets.Coordinators | sets.RelativePronouns, sets.Coordinators,
            word_forms(lex, OWNED_NOUN_SETS, language),  # "de Russische ambassademedewerkers"
            word_forms(lex, GOVERNMENT_SETS, language),  # "de Italiaanse vicepremier"
            sets.PlaceParticles)


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


def find_dates(sentence: Sentence, lex: Lexicon, language: str, pub: PartialDate,
               ranks: tuple[list[int], list[int]] | None = None, story: PartialDate | None = None) -> list[DateExpr]:
    """Date expressions in a sentence, resolved against the publication date.

    ranks: which of the language's year-offset and relative date patterns can match (see date_tables),
    when the caller has looked them up with its own patterns; story: the month of a year before the article's
    that the paragraph told last ("Het isolement begon in november 1977. … Sadat antwoordde op 5 december"): a
    day or month told without a year, not before that month, or with "van dat jaar", is in that year."""
    tokens = sentence.tokens
    out: list[DateExpr] = []
    where = sentence.where or {t.lower: [t.index] for t in tokens}
    tables = date_tables(lex, language)
    if ranks is None:
        ranks = tables.year_offsets.ranks(where.keys()), tables.relatives.ranks(where.keys())
    offset_ranks, relative_ranks = ranks
    anchors = where.keys() & tables.anchors
    has_year = YEAR_RE.search(sentence.text) is not None  # a four-digit token is a match of YEAR_RE
    ago_words = where.keys() & tables.ago
    ago = sorted(i for w in ago_words for i in where[w]) if ago_words else []
    if not anchors and not has_year and not offset_ranks and not relative_ranks and not ago:
        return out  # no month, weekday, year or relative date: most sentences
    future_words, parts, lead_words, joiners = tables.future, tables.parts, tables.lead, tables.joiners
    planned, plan_markers = tables.planned, tables.plan_markers
    year_modifiers = tables.year_modifiers
    used: set[int] = set()

    def is_future(i: int) -> bool:
        j = i - 1
        while j >= 0 and tokens[j].lower in lead_words:
            j -= 1
        if j >= 0 and tokens[j].lower in future_words:
            return True
        # "a meeting planned in Paris for January": the day a plan is set for
        return j >= 0 and tokens[j].lower in plan_markers and any(
            t.lower in planned for t in tokens[max(0, j - PLAN_REACH):j])

    def past_year(month: int, day: int | None, future: bool) -> int:
        year = pub.year
        candidate = PartialDate(year, month, day)
        if not future and candidate.exists() and candidate.start > pub.end:
            year -= 1  # "on 7 December" in a November article: last December
        if future and candidate.exists() and (pub.start - candidate.end).days > FUTURE_SLACK_DAYS:
            year += 1  # "planned for January", "per 1 februari" in a December article: next January
        return year

    weekdays: list[DateExpr] = []  # weekdays resolved to a day (a week earlier when "vorige week" is beside them)
    positions = {i for w in anchors for i in where[w]}
    if has_year:
        positions.update(i for w, idx in where.items() if len(w) == 4 and w.isdigit() for i in idx)
    for i in sorted(positions):
        tok = tokens[i]
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
            elif i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == tok.end \
                    and tokens[i + 2].text.isdigit() and 1 <= int(tokens[i + 2].text) <= 31:
                day, end = int(tokens[i + 2].text), i + 3  # "Sept. 26", "Dec. 15": the agencies' abbreviations
            year = None
            for j in range(end, min(end + 4, len(tokens))):
                if tokens[j].text.isdigit() and len(tokens[j].text) == 4:
                    year, end = int(tokens[j].text), j + 1
                    break
                joins = tokens[j].lower in joiners
                if not joins and not lex.months.get((language, tokens[j].lower)):
                    break
            offset = None
            for rank in offset_ranks:  # only the patterns whose every word is in the sentence can match
                pattern, off = lex.year_offsets[rank]
                for m in _match_from(sentence, pattern, end):
                    offset, end = off, m.end
                if offset is None:  # "vorig jaar maart": the year put before the month
                    n = len(pattern.elements)
                    if start >= n and any(m.start == start - n for m in _match_from(sentence, pattern, start - n)):
                        offset = off
            future = is_future(start)
            that_year = next((len(p) for p in tables.that_year
                              if tuple(t.lower for t in tokens[end:end + len(p)]) == p), 0)
            if year is None and story is not None and offset is None and not future and (
                    that_year or month >= story.start.month):
                year, end = story.year, end + that_year
            if year is None:
                year = pub.year + offset if offset is not None else past_year(month, day, future)
            if start > 0 and tokens[start - 1].lower in parts:
                start -= 1
            date = PartialDate(year, month, day)
            if not date.exists():
                continue  # "30 februari": not a date
            # "from March 2006 until 2013": a date wholly before the article is no date to come
            future = future and date.end >= pub.start
            out.append(DateExpr(start, end, date, future))
            used.update(range(start, end))
            continue
        weekday = lex.weekdays.get((language, tok.lower))
        if weekday and _date_follows(tokens, i + 1, lex, language):
            # "op woensdag 4 november", "on Wednesday, March 4": the weekday only names the date after it
            continue
        if weekday:
            future = is_future(i)
            if pub.precision != "day":
                out.append(DateExpr(i, i + 1, pub.coarsen("month"), future))
            else:
                base = pub.start
                delta = (base.isoweekday() - weekday) % 7
                if delta == 0 and not future and i > 0 and tokens[i - 1].lower in tables.past_weekday:
                    delta = 7  # "last Thursday" in a Thursday's paper: a week before
                try:
                    date = pub.shift_days((7 - delta) % 7 if future else -delta)
                except ValueError:
                    continue  # off the calendar (an article dated in year 1)
                out.append(DateExpr(i, i + 1, date, future))
                weekdays.append(out[-1])
            used.add(i)
            continue
        if tok.text.isdigit() and len(tok.text) == 4 and 1900 <= int(tok.text) <= pub.year + 1:
            if i > 0 and tokens[i - 1].lower in year_modifiers and not (
                    i + 1 < len(tokens) and tokens[i + 1].lower in tables.range_ends):
                # "the 1972 Simla Agreement", "het verdrag uit 2002": whose year, not when it happened (but "from
                # 2006 until 2013" is when)
                continue
            out.append(DateExpr(i, i + 1, PartialDate(int(tok.text)), is_future(i) and int(tok.text) >= pub.year))
            used.add(i)
    for rank in offset_ranks:
        pattern, off = lex.year_offsets[rank]
        for m in match_pattern(sentence, pattern):
            date = PartialDate(pub.year + off)
            if not used.intersection(range(m.start, m.end)) and date.exists():
                out.append(DateExpr(m.start, m.end, date))
    patterns = tables.patterns
    for rank in relative_ranks:
        kind, pattern = patterns[rank]
        for m in match_pattern(sentence, pattern):
            if used.intersection(range(m.start, m.end)):
                continue
            day = next((w for w in weekdays if w.start == m.end or w.end == m.start or (
                w.end + 1 == m.start and tokens[w.end].lower in lead_words)), None) if kind == "last-week" else None
            if day is not None:
                # "vorige week zondag", "on Sunday last week": that weekday of the week (Monday to Sunday) before the
                # article's, not the latest such day ("vorige week maandag" in a Wednesday's paper is nine days back)
                weekday = lex.weekdays[(language, tokens[day.start].lower)]
                try:
                    day.date = pub.shift_days(-(pub.start.isoweekday() - 1) - 7 + weekday - 1)
                except ValueError:
                    continue
                day.start, day.end = min(day.start, m.start), max(day.end, m.end)
                used.update(range(m.start, m.end))
                continue
            try:
                date = _relative_date(kind, pub)
            except ValueError:
                continue  # off the calendar
            out.append(DateExpr(m.start, m.end, date))
            used.update(range(m.start, m.end))
    for i in ago:  # "announced the prize a week ago", "twee dagen geleden": back from the article's day
        days = span_days(tokens, i - 1, lex, language)
        if days is None or i - 1 in used or pub.precision != "day":
            continue
        try:
            date = pub.shift_days(-days)
        except ValueError:
            continue
        start = i - 2 if i >= 2 and tokens[i - 2].lower not in year_modifiers else i - 1
        out.append(DateExpr(max(0, start), i + 1, date.coarsen("month") if days >= 28 else date))
    since = tables.since
    # "sheltering there since December": the start of a state of affairs dates no event; but a sentence that opens
    # with it tells when its measure began ("Sinds woensdagavond worden geen vrachtwagens meer doorgelaten")
    # ("the largest since 1971, when Britain sent 105 officials home": the year still dates the clause it opens)
    when = tables.when
    out = [d for d in out if not (d.start > 1 and tokens[d.start - 1].lower in since) or (
        d.end + 1 < len(tokens) and tokens[d.end].text == "," and tokens[d.end + 1].lower in when)]
    return sorted(out, key=lambda d: d.start)


def _date_follows(tokens: list[Token], i: int, lex: Lexicon, language: str) -> bool:
    """Whether a day and month ("4 november", "March 4", after an optional comma) begin at token i."""
    if i < len(tokens) and tokens[i].text == ",":
        i += 1
    if i + 1 >= len(tokens):
        return False
    first, second = tokens[i], tokens[i + 1]
    if first.text.isdigit() and 1 <= int(first.text) <= 31:
        return (language, second.lower) in lex.months
    return (language, first.lower) in lex.months and second.text.isdigit() and 1 <= int(second.text) <= 31


def _relative_date(kind: str, pub: PartialDate) -> PartialDate:
    """What 'earlier this month', 'this week', 'yesterday' and 'today' mean for an article of date pub."""
    if kind in ("this-month", "this-week"):
        return pub.coarsen("month")
    if kind == "last-month":
        return PartialDate(pub.year, pub.month or 1).shift_days(-1).coarsen("month")
    if kind == "last-week":
        return (pub.shift_days(-7) if pub.precision == "day" else pub).coarsen("month")
    if kind == "day-before":
        return pub.shift_days(-1) if pub.precision == "day" else pub
    return pub


RELATIVE_DATE_SETS = ("this-month", "this-week", "last-month", "last-week", "day-before", "today")


class DateTables:
    """What find_dates needs of one language's lexicon, built once (it runs on most sentences)."""

    def __init__(self, lex: Lexicon, language: str) -> None:
        # 'earlier this month', 'gisteren': each relative date word set's phrases as patterns
        self.patterns = [(kind, Pattern(tuple(frozenset([w]) for w in words), language, " ".join(words)))
                         for kind in RELATIVE_DATE_SETS for words in sorted(lex.words(LEX[kind], language))]
        # ranks are positions in lex.year_offsets and in self.patterns; other languages' patterns never match
        self.year_offsets = PatternIndex([(p, p if p.language in (language, "") else None)
                                          for p, _ in lex.year_offsets])
        self.relatives = PatternIndex([(p, p) for _, p in self.patterns])
        # sets, not frozensets: `dict_keys & set` walks the sentence's few words, `& frozenset` the whole set
        self.anchors = {w for (lg, w) in [*lex.months, *lex.weekdays] if lg == language}
        sets = lex.sets(language)
        self.future, self.parts = sets.FutureMarkers, sets.month_parts
        self.planned, self.plan_markers = sets.PlannedWords, sets.PlanDateMarkers
        self.lead, self.joiners = sets.DateLeadWords, sets.DateJoiners
        self.since = sets.SinceMarkers
        self.when, self.past_weekday = sets.WhenClauseWords, sets.PastWeekdayMarkers
        self.year_modifiers = sets.Determiners | sets.OriginMarkers
        self.range_ends = sets.RangeEnds
        self.ago = sets.AgoWords
        self.that_year = sorted(lex.words(LEX.ThatYearWords, language), key=len, reverse=True)  # "van dat jaar"


def date_tables(lex: Lexicon, language: str) -> DateTables:
    return lex.memo(("date-tables", language), DateTables, lex, language)


def _match_from(sentence, pattern, i):
    if i >= len(sentence.tokens):
        return []
    hi = min(len(sentence.tokens), i + 4)
    return [m for m in match_pattern(sentence, pattern, i, hi) if m.start == i]


def _unit_days(word: str, sets) -> int | None:
    """Days in one unit word: 'hours' 0 (the same day), 'dag' 1, 'weeks' 7, 'maand' 30 (a rough span: its
    date is kept to the month); None for any other word."""
    if word in sets.HourUnits:
        return 0
    if word in sets.MonthUnits:
        return 30
    if word in sets.YearUnits:
        return 365  # "a year ago": kept to its month, as a month is
    return 1 if word in sets.DayUnits else 7 if word in sets.WeekUnits else None


SEVERAL = 3  # how many "days" or "weeks" without a number are taken to be


def span_days(tokens: list[Token], unit_at: int, lex: Lexicon, language: str) -> int | None:
    """Days in '<count> <unit>' whose unit is tokens[unit_at]: 'a day', 'two weeks', 'de dag' (one),
    'hours' (0); None when that word is no unit or the word before it no count."""
    if not 0 <= unit_at < len(tokens):
        return None
    sets = lex.sets(language)
    unit = _unit_days(tokens[unit_at].lower, sets)
    if not unit:
        return unit  # None, or 0 for hours whatever their count
    count_tok = tokens[unit_at - 1] if unit_at > 0 else None
    if count_tok is None or count_tok.lower in sets.Determiners or count_tok.lower in sets.IndefiniteOne:
        return unit
    count = _number(count_tok, lex)
    if count is None and tokens[unit_at].lemma != tokens[unit_at].lower:
        count = SEVERAL  # "days after", "weken later": a few, told roughly
    return None if count is None else count * unit


def later_offset(tokens: list[Token], positions: Iterable[int], lex: Lexicon, language: str) -> int | None:
    """Days after the act told before: 'two days later', 'een week later', 'hours later' (0), 'the next
    day', 'de dag erna', 'the same day' (0), 'kort daarna' (0), 'tegelijk' (0), 'two days earlier' (-2); None when
    the tokens at these positions hold no such phrase."""
    sets = lex.sets(language)
    for i in positions:
        word = tokens[i].lower
        if word in sets.SameWords and i + 1 < len(tokens) and tokens[i + 1].lower in sets.DayUnits:
            return 0
        if word in sets.LaterWords and (days := span_days(tokens, i - 1, lex, language)) is not None:
            return days
        if word in sets.EarlierSpanWords and (days := span_days(tokens, i - 1, lex, language)) is not None:
            return -days  # "two days earlier", "een dag eerder": before the act told before
        if word in sets.LaterWords and i > 0 and tokens[i - 1].lower in sets.ShortlyWords:
            return 0  # "kort daarna", "shortly afterwards": on the day of the act told before
        if word in sets.ThereuponWords:
            return 0  # "Spanje riep de ambassadeur daarop terug": right after what was told before
        if word in sets.EarlierWords and i > 0 and tokens[i - 1].lower in sets.ShortlyWords:
            return 0  # "kort daarvoor", "shortly before": on the day of the act told before, too
        if _ends_phrase(tokens, i, lex.words(DAY_AFTER_WORDS, language)):
            return 1  # "daags daarna", "the following day": the day after
        if word in sets.SimultaneousWords or _ends_phrase(tokens, i, lex.words(SIMULTANEOUS_WORDS, language)):
            return 0  # "Tegelijk riep het emiraat …", "at once imposed bans": on the day of the act told before
        if word in sets.WithinWords and _within_hours(tokens[i + 1:i + 4], sets):
            return 0  # "within hours", "binnen een uur": on the day of the act told before

        if word in sets.NextWords and i > 0 and tokens[i - 1].lower in sets.Determiners and i + 1 < len(tokens):
            # "the next day", "de volgende dag"; "next week" counts from the article, not from an act
            if days := _unit_days(tokens[i + 1].lower, sets):
                return days
    return None


def _ends_phrase(tokens: list[Token], i: int, phrases: set[tuple[str, ...]]) -> bool:
    """Whether a phrase of several words ends at token i ('at once')."""
    return any(len(p) > 1 and p[-1] == tokens[i].lower and i + 1 >= len(p)
               and all(tokens[i - len(p) + 1 + k].lower == w for k, w in enumerate(p)) for p in phrases)


def _within_hours(after: list[Token], sets) -> bool:
    """'within hours', 'binnen enkele uren', 'binnen een uur': hours after the act told before. A number of hours
    is a deadline instead ('binnen 24 uur moesten vertrekken')."""
    for t in after:
        if t.lower in sets.HourUnits:
            return True
        if t.text[:1].isdigit():
            return False
    return False


def relative_offset(tokens: list[Token], cue_start: int, lex: Lexicon, language: str) -> int | None:
    """'a day after', 'two weeks after', 'een week na', 'hours after': days between the two events, or None."""
    return span_days(tokens, cue_start - 1, lex, language)
