"""The lifter's dictionaries, read from the RDF in ontology/ (lexicon, actors, places, people)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.lift.text import tokenize
from kg.namespaces import LEX, RKG, WD, local_name
from kg.paths import ontology_dir
from kg.rdfio import parse_graph

GAP = "…"


@dataclass(frozen=True)
class Pattern:
    """A token pattern: each element a set of alternative words, or GAP."""

    elements: tuple[frozenset[str] | str, ...]
    language: str
    text: str


@dataclass
class Trigger:
    iri: URIRef
    cls: URIRef
    patterns: list[Pattern]
    requires: URIRef | None = None
    subject_is_target: bool = False
    owner_is_actor: bool = False
    explicit_actor: bool = False  # the actor must be named: never guessed from the discourse
    needs_target: bool = False  # an act of it without a target is left out (an execution of nobody's nationals)
    soil_is_target: bool = False  # the state whose soil it happens on is its target (an attack, an annexation)
    place_is_target: bool = False  # a place in the clause names the target when nothing else does
    place_is_actor: bool = False  # … or the actor ("the British ambassador in Moscow was summoned")
    follows: bool = False  # "Belgium followed suit": the act told just before, by this sentence's actor
    per_target_with: URIRef | None = None  # one act per target when a word of this set is near ("ambassadors")


@dataclass
class Cue:
    iri: URIRef
    kind: str  # "response" or "speech"
    patterns: list[Pattern]
    relation: URIRef | None = None
    cls: URIRef | None = None
    requires_cause: bool = False
    speaker_after: bool = False
    refers_back: bool = False  # names no cause: "Daarop ontbood Peking …" answers the act just told


@dataclass
class ActorName:
    """What a name in the text denotes: the acting state/organisation and how it was named."""

    actor: URIRef | None  # the state or organisation (None for a plain place)
    entity: URIRef  # what the words name (a person, place, description or the actor itself)
    kind: str  # name | adjective | demonym | metonym | place | person | description
    case_sensitive: bool = False
    state: URIRef | None = None  # for a place: the state it lies in


class WordSets:
    """Attribute access to a language's one-word sets, each looked up once (the lifter asks in every sentence)."""

    def __init__(self, lex: Lexicon, language: str) -> None:
        self._lex = lex
        self._language = language
        self._unions: dict[tuple[str, ...], set[str]] = {}

    def union(self, *names: str) -> set[str]:
        """The words of all the named sets, joined once (the lifter asks for some unions in every sentence)."""
        found = self._unions.get(names)
        if found is None:
            found = self._unions[names] = set().union(*(getattr(self, name) for name in names))
        return found

    def __getattr__(self, name: str) -> set[str]:
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._lex.singles(LEX[name], self._language)
        setattr(self, name, value)
        return value


@dataclass
class Lexicon:
    triggers: list[Trigger] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    word_sets: dict[URIRef, dict[str, set[tuple[str, ...]]]] = field(default_factory=dict)
    names: dict[tuple[str, ...], list[ActorName]] = field(default_factory=dict)
    name_last_words: set[str] = field(default_factory=set)  # last word (lower) of every multi-word name
    months: dict[tuple[str, str], int] = field(default_factory=dict)  # (language, word) -> month
    weekdays: dict[tuple[str, str], int] = field(default_factory=dict)
    year_offsets: list[tuple[Pattern, int]] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)
    qids: dict[URIRef, str] = field(default_factory=dict)
    labels: dict[URIRef, str] = field(default_factory=dict)
    media: set[URIRef] = field(default_factory=set)
    member_of: dict[URIRef, set[URIRef]] = field(default_factory=dict)  # state -> the organisations it is in
    ended: dict[URIRef, dt.date] = field(default_factory=dict)  # a former state -> its first day gone
    continued_by: dict[URIRef, URIRef] = field(default_factory=dict)  # a former state -> who carried on its names
    # a description -> the actors one of which the article must have named first ('the North')
    named_first: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)
    graph: Graph | None = None
    _singles: dict = field(default_factory=dict, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def sets(self, language: str) -> WordSets:
        """One language's one-word sets by name: `lex.sets("nl").Negations`."""
        return self.memo(("sets", language), WordSets, self, language)

    def memo(self, key, build, *args):
        """A structure derived from the lexicon, built on first use (the lexicon does not change in a run):
        build(*args). Passing the arguments, rather than a closure over them, makes nothing new on a hit."""
        value = self._memo.get(key)
        if value is None:
            value = self._memo[key] = build(*args)
        return value

    def words(self, word_set: URIRef, language: str) -> set[tuple[str, ...]]:
        return self.word_sets.get(word_set, {}).get(language, set())

    def singles(self, word_set: URIRef, language: str) -> set[str]:
        """One-word members of a word set (cached: the lifter asks for them in every sentence)."""
        key = (word_set, language)
        if key not in self._singles:
            self._singles[key] = {w[0] for w in self.words(word_set, language) if len(w) == 1}
        return self._singles[key]

    def patterns(self, entries, language: str) -> list[tuple[tuple, Pattern]]:
        """((entry, pattern), pattern) for each pattern of a language's entries (triggers or cues), in
        lexicon order: entry order, then pattern text (the order a PatternIndex returns them in)."""
        def build() -> list[tuple[tuple, Pattern]]:
            pairs = [(i, p.text, entry, p) for i, entry in enumerate(entries) for p in entry.patterns
                     if p.language in (language, "")]
            pairs.sort(key=lambda x: (x[0], x[1]))
            return [((entry, p), p) for _, _, entry, p in pairs]

        return self.memo(("patterns", id(entries), language), build)


class PatternIndex:
    """Patterns that can match a sentence, found from its words without trying each pattern.

    A pattern can match only if every one of its elements has a word in the sentence. Each pattern is
    filed under one element, the one least likely to occur (its shortest alternative is the longest:
    "retaliation" in "in retaliation for", not "in"), so a sentence's words reach few patterns, and
    only those are checked for their other elements. Items come back in the order they were given.
    """

    def __init__(self, items: list[tuple[object, Pattern | None]]) -> None:
        """items: (what to return, its pattern); a pattern of None is never a candidate (kept for the ranks)."""
        self.by_word: dict[str, list[tuple[int, object, tuple[frozenset[str], ...]]]] = {}
        self.items = items
        for rank, (item, pattern) in enumerate(items):
            if pattern is None or pattern.elements[0] == GAP:
                continue  # a pattern cannot start with a gap (match_pattern never matches one)
            elements = [e for e in pattern.elements if e != GAP]
            key = max(elements, key=lambda e: min(map(len, e)))
            rest = tuple(e for e in elements if e is not key)
            for word in key:
                self.by_word.setdefault(word, []).append((rank, item, rest))

    def ranks(self, words, keys=None) -> list[int]:
        """Positions (in the given items) of the patterns whose every element has a word in `words`.

        keys: the words of `words` that may be indexed here, when the caller has narrowed them down for
        several indexes at once (one set intersection per sentence instead of one per index)."""
        by_word = self.by_word
        found = set()
        for word in (by_word.keys() & words) if keys is None else keys:
            for rank, _, rest in by_word.get(word, ()):
                if rank in found:
                    continue
                for element in rest:  # every other element has a word in `words` (a loop: no generator per item)
                    if words.isdisjoint(element):
                        break
                else:
                    found.add(rank)
        return sorted(found)

    def candidates(self, words, keys=None) -> list:
        items = self.items
        return [items[rank][0] for rank in self.ranks(words, keys)]


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.text.lower() for t in tokenize(text))


VOWELS = "aeiou"


def dutch_verb_forms(infinitive: str) -> set[str]:
    """Regular present and past forms of a Dutch verb ('wijzen' → wijs, wijst, wijsde …).

    The lemmatiser misses some finite forms ('wijst' → 'wijs', the adjective); the spelling rules of
    the stem (double consonant, z→s, v→f, open syllable) recover them.
    """
    if not infinitive.endswith("en") or len(infinitive) < 5 or " " in infinitive:
        return set()
    stem = infinitive[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stem = stem[:-1]
    elif len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in VOWELS and stem[-3] not in VOWELS:
        stem = stem[:-1] + stem[-2] + stem[-1]  # halver(en) → halveer
    stem = stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1], stem[-1])
    return {stem, stem + "t", stem + "de", stem + "te", stem + "den", stem + "ten"}


def english_verb_forms(word: str) -> set[str]:
    """Regular inflections of an English verb ('freeze' → freezes, freezed, freezing; 'bar' → barring).

    The lemmatiser maps most inflected forms back to the verb, but not a gerund it also knows as a noun or
    adjective ('freezing', 'cutting'): the spelling rules give the forms a pattern's word can take.
    Irregular pasts ('froze') are left to the lemmatiser; forms that are no word cost nothing.
    """
    if not word.isalpha() or len(word) < 3:
        return set()
    stem = word
    if word.endswith("ie"):
        return {word + "s", word + "d", word[:-2] + "ying"}
    if word.endswith("e") and not word.endswith("ee"):
        return {word + "s", word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2] not in VOWELS:
        return {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    if len(word) <= 4 and word[-1] not in VOWELS + "wxy" and word[-2] in VOWELS and word[-3] not in VOWELS:
        stem = word + word[-1]  # bar → barring, cut → cutting
    plural = word + ("es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s")
    forms = {plural, stem + "ed", stem + "ing"}
    if word[-1] == "l" and word[-2] in VOWELS and word[-3] not in VOWELS:
        forms |= {word + "led", word + "ling"}  # British spelling: cancel → cancelled, cancelling
    return forms


def make_pattern(lit: Literal) -> Pattern:
    elements: list[frozenset[str] | str] = []
    dutch = (lit.language or "") == "nl"
    for part in str(lit).split():
        if part in (GAP, "..."):
            elements.append(GAP)
        else:
            alternatives = set()
            for alt in part.split("|"):
                words = _words(alt)
                alternatives.update(words if len(words) == 1 else {alt.lower()})
                if dutch and len(words) == 1:
                    alternatives.update(dutch_verb_forms(words[0]))
                elif lit.language == "en" and len(words) == 1:
                    alternatives.update(english_verb_forms(words[0]))
            elements.append(frozenset(alternatives))
    return Pattern(tuple(elements), lit.language or "", str(lit))


def _lang_words(graph: Graph, subject: URIRef) -> dict[str, set[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for lit in graph.objects(subject, RKG.word):
        out.setdefault(lit.language or "", set()).add(_words(str(lit)))
    return out


def _english(graph: Graph, node: URIRef) -> str:
    best = None
    for pred in (SKOS.prefLabel, RDFS.label):
        for lit in graph.objects(node, pred):
            if isinstance(lit, Literal) and lit.language in ("en", None):
                best = best or str(lit)
    return best or local_name(node)


def build_lexicon(graph: Graph) -> Lexicon:
    """Turn the ontology graph's lexicon and actor data into fast lookup structures."""
    lex = Lexicon(graph=graph)
    for ws in graph.subjects(RDF.type, RKG.WordSet):
        lex.word_sets[ws] = _lang_words(graph, ws)
    for trig in sorted(graph.subjects(RDF.type, RKG.Trigger)):
        cls = graph.value(trig, RKG.evokes)
        if cls is None:
            continue
        lex.triggers.append(Trigger(
            trig, cls, [make_pattern(p) for p in sorted(graph.objects(trig, RKG.pattern))],
            requires=graph.value(trig, RKG.requiresWordSet),
            subject_is_target=graph.value(trig, RKG.subjectRole) == RKG.target,
            owner_is_actor=graph.value(trig, RKG.ownerRole) == RKG.actor,
            place_is_target=graph.value(trig, RKG.placeRole) == RKG.target,
            place_is_actor=graph.value(trig, RKG.placeRole) == RKG.actor,
            explicit_actor=_flag(graph, cls, RKG.requiresExplicitActor)
            or _flag(graph, trig, RKG.requiresExplicitActor),
            soil_is_target=_flag(graph, cls, RKG.requiresExplicitActor),
            needs_target=_flag(graph, cls, RKG.requiresTarget),
            per_target_with=graph.value(trig, RKG.actPerTargetWith),
        ))
    for cue in sorted(graph.subjects(RDF.type, RKG.FollowCue)):
        lex.triggers.append(Trigger(cue, RKG.Act, [make_pattern(p) for p in sorted(graph.objects(cue, RKG.pattern))],
                                    follows=True))
    for kind, rdf_class in (("response", RKG.ResponseCue), ("speech", RKG.SpeechCue)):
        for cue in sorted(graph.subjects(RDF.type, rdf_class)):
            lex.cues.append(Cue(
                cue, kind, [make_pattern(p) for p in sorted(graph.objects(cue, RKG.pattern))],
                relation=graph.value(cue, RKG.relation), cls=graph.value(cue, RKG.evokes),
                requires_cause=bool(graph.value(cue, RKG.requiresCause, default=Literal(False)).toPython()),
                speaker_after=str(graph.value(cue, RKG.speakerPosition, default="before")) == "after",
                refers_back=bool(graph.value(cue, RKG.refersBack, default=Literal(False)).toPython()),
            ))
    for word in graph.subjects(RDF.type, RKG.DateWord):
        for lit in graph.objects(word, RKG.pattern):
            if (m := graph.value(word, RKG.month)) is not None:
                lex.months[(lit.language or '', str(lit).lower())] = int(m)
            if (d := graph.value(word, RKG.weekday)) is not None:
                lex.weekdays[(lit.language or '', str(lit).lower())] = int(d)
            if (y := graph.value(word, RKG.yearOffset)) is not None:
                lex.year_offsets.append((make_pattern(lit), int(y)))
    for entry, value in graph.subject_objects(RKG.numberValue):
        for lit in graph.objects(entry, RKG.pattern):
            lex.numbers[str(lit).lower()] = int(value)
    _load_names(graph, lex)
    _load_successions(graph, lex)
    return lex


def _load_successions(graph: Graph, lex: Lexicon) -> None:
    """Former states, the day each ended and the state that carried on its names (actors-historical.ttl)."""
    for state, day in graph.subject_objects(RKG.endedOn):
        value = day.toPython() if isinstance(day, Literal) else None
        if not isinstance(value, dt.date):
            raise InputError(f"{state}: rkg:endedOn must be an xsd:date, not {day!r}")
        lex.ended[state] = value
    for state, heir in graph.subject_objects(RKG.continuedBy):
        if state not in lex.ended:
            raise InputError(f"{state} is rkg:continuedBy {heir} but has no rkg:endedOn date")
        lex.continued_by[state] = heir


def _qid(graph: Graph, node: URIRef) -> str | None:
    for other in sorted(graph.objects(node, OWL.sameAs)):
        if str(other).startswith(str(WD)):
            return str(other)[len(str(WD)):]
    return None


def _load_names(graph: Graph, lex: Lexicon) -> None:
    actor_classes = {RKG.State, RKG.InternationalOrganisation, RKG.Alliance, RKG.MediaOrganisation}
    actors = {s for c in actor_classes for s in graph.subjects(RDF.type, c)}
    lex.media = set(graph.subjects(RDF.type, RKG.MediaOrganisation))
    for member, org in graph.subject_objects(RKG.memberOf):
        lex.member_of.setdefault(member, set()).add(org)
    for actor in actors:
        lex.labels[actor] = _english(graph, actor)
        if (q := _qid(graph, actor)) is not None:
            lex.qids[actor] = q

    def add(text: str, name: ActorName) -> None:
        words = _words(text)
        if not words:
            return
        stripped = text.strip()
        name.case_sensitive = stripped.isupper() and len(stripped.replace(".", "")) <= 5
        key = tuple(t.text for t in tokenize(text)) if name.case_sensitive else words
        if not name.case_sensitive and stripped[:1].isupper():
            name.case_sensitive = False  # capitalised names still need a capital in the text (see actors.py)
        entries = lex.names.setdefault(key, [])
        if all((e.entity, e.kind) != (name.entity, name.kind) for e in entries):
            entries.append(name)
        lex.name_last_words.add(key[-1].lower())

    for actor in actors:
        for pred in (SKOS.prefLabel, SKOS.altLabel, RDFS.label):
            for lit in graph.objects(actor, pred):
                add(str(lit), ActorName(actor, actor, "name"))
        for lit in graph.objects(actor, RKG.adjective):
            add(str(lit), ActorName(actor, actor, "adjective"))
        for lit in graph.objects(actor, RKG.demonym):
            add(str(lit), ActorName(actor, actor, "demonym"))
    for place in set(graph.subjects(RDF.type, RKG.Place)) | set(graph.subjects(RKG.metonymFor, None)):
        target = graph.value(place, RKG.metonymFor)
        kind = "metonym" if target is not None else "place"
        state = graph.value(place, RKG.inState)
        for pred in (SKOS.prefLabel, SKOS.altLabel, RDFS.label):
            for lit in graph.objects(place, pred):
                add(str(lit), ActorName(target, place, kind, state=state))
    for person in graph.subjects(RDF.type, RKG.Person):
        actor = graph.value(person, RKG.actsFor)
        lex.labels[person] = _english(graph, person)
        for pred in (SKOS.prefLabel, SKOS.altLabel, RDFS.label):
            for lit in graph.objects(person, pred):
                add(str(lit), ActorName(actor, person, "person"))
    for desc in graph.subjects(RDF.type, RKG.ActorDescription):
        actor = graph.value(desc, RKG.denotes)
        if context := frozenset(graph.objects(desc, RKG.onlyAfterNaming)):
            lex.named_first[desc] = context
        for lit in graph.objects(desc, RKG.phrase):
            add(str(lit), ActorName(actor, desc, "description"))


def load_ontology_graph(folder: Path | None = None) -> Graph:
    """All ontology/*.ttl files as one graph."""
    folder = folder or ontology_dir()
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        parse_graph(path, into=graph)
    return graph


@lru_cache(maxsize=4)
def _flag(graph: Graph, node: URIRef, prop: URIRef) -> bool:
    return bool(graph.value(node, prop, default=Literal(False)).toPython())


def load_lexicon(folder: str | None = None) -> Lexicon:
    """The lexicon built from ontology/ (cached: the dictionaries do not change during a run)."""
    return build_lexicon(load_ontology_graph(Path(folder) if folder else None))


__all__ = ["Lexicon", "Trigger", "Cue", "ActorName", "Pattern", "GAP", "load_lexicon", "build_lexicon",
           "load_ontology_graph", "LEX"]
