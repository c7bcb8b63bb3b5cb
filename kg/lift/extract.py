"""Events from sentences: triggers to acts, cues to speech acts, roles from the words around them.

A dictionary-based coder in the TABARI/PETRARCH tradition: every decision is driven by the lexicon
in ontology/ (trigger patterns, word sets, cues); the rules here only say how words relate by
position (the subject before the verb, "door/by" marks the agent, a nationality adjective on a staff
noun marks whose staff it is, a preposition before a capital makes it a location).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from kg.lift.analyse import (
    CLAUSE_ENDS,
    GOVERNMENT_SETS,
    YEAR_RE,
    DateExpr,
    Match,
    Mention,
    WordClass,
    _ends_phrase,
    _number,
    add_lemmas,
    classify_mentions,
    date_tables,
    find_dates,
    find_mentions,
    later_offset,
    match_pattern,
    relative_offset,
    token_is,
    word_forms,
)
from kg.lift.article import Article
from kg.lift.dates import PartialDate
from kg.lift.lexicon import GAP, ActorName, Cue, Lexicon, Pattern, PatternIndex, Trigger
from kg.lift.text import Sentence, Token
from kg.namespaces import LEX, RKG

# looked up once: an rdflib namespace attribute builds a new URIRef at every use
STATEMENT, DENIAL, ACCUSATION, CRITICISM, CLAIM = RKG.Statement, RKG.Denial, RKG.Accusation, RKG.Criticism, RKG.Claim
# what a sentence that tells an act says is how it tells the act ("Russia said it was expelling …", "eist dat Polen …
# inkrimpt": the demanded cut is the act), not a saying of its own
TELLING = frozenset({STATEMENT, RKG.Demand})
THREAT, ARREST = RKG.Threat, RKG.Arrest
# unconventional violence, and armed forces using their arms (the narrower): one attack may be told as either
ATTACKS = (RKG.Attack, RKG.MilitaryStrike)
YEAR_FLOOR = 1900  # a four-digit number below it is no year a story is set in
SPEAKER_REACH = 6  # tokens from a comma and "and" to the verb of a new speaker's saying
MISSION_DOWNSIZING, STAFF_NOUNS = RKG.MissionDownsizing, LEX.StaffNouns
# word sets asked for in every sentence or act, looked up once (an rdflib namespace attribute is a Python call)
CIVILIAN_SETS, SIMULTANEOUS_WORDS = (LEX.CivilianNouns,), LEX.SimultaneousWords
THREAT_WORDS, UNWARNED_THREAT_WORDS = LEX.ThreatWords, LEX.UnwarnedThreatWords
PEOPLE_NOUNS = frozenset({STAFF_NOUNS, LEX.DetaineeNouns})  # word sets for which "the two Russians" will do
EXPULSION, RELATIONS_DOWNGRADE, ACCESS_RESTRICTION = RKG.Expulsion, RKG.RelationsDowngrade, RKG.AccessRestriction
COOPERATION_SUSPENSION, SANCTION, MILITARY_POSTURE = RKG.CooperationSuspension, RKG.Sanction, RKG.MilitaryPosture
MILITARY_WITHDRAWAL = RKG.MilitaryWithdrawal
DATELINE_REACH = 6  # tokens a wire dateline of places takes at most before its dash ("MADRID/RABAT -")
OBJECT_LIST_REACH = 12  # words from a verb over the list of what it suspends ("exercises, intelligence sharing and …")
ENVOY_REACH = 4  # words from a nationality to the envoy it describes ("de Nieuw-Zeelandse waarnemend hoge commissaris")
INVERSION_MARKS = frozenset(',”"\'’')  # before a speech verb, they put its speaker after it
DOUBLE_QUOTES, CLOSING_QUOTES = frozenset('"“”„«»'), frozenset("”»")
SCENE_WORDS = 10  # a short sentence that only gives a day ("Vrijdagavond kwam de zwaarste klap.") dates the next
APPOSITION_SUBJECT = 4  # words of a name opening a sentence before ", its description," and the verb
NO_REQUIREMENT_DISTANCE = 4
REQUIREMENT_WINDOW = 12
FRONTED_CUE_START = 3  # a cue phrase starting this early is put first ("Een dag na …")
OPENING_DATE_WORDS = 5  # the longest day put first before a comma ("On Monday 5 July 2006,")
NAME_REACH = 5  # office words between a nationality and a name ("Italiaanse vicepremier Luigi Di Maio")
DATELINE_DASHES = frozenset("-–—")  # after "(Reuters)" in a wire dateline
REQUEST_REACH = 5  # words between "asked for" and the measure asked for
REQUESTED_REACH = 14  # words from "urged Rivlin" over "to use his authority … to" to the measure
# A negation further before the trigger still negates it inside its clause: Dutch puts "niet" early in the
# middle ("dat Mexico de Boliviaanse ambassadeur niet op zijn beurt tot persona non grata zal verklaren"),
# English before a noun and its infinitive ("no longer had the authority to cut ties")
NEGATION_REACH = 6
RELATIVE_REACH = 4  # words between an actor and the ", which" that refers back to it ("U.N. humanitarian office OCHA")


DESCRIBED_REACH = 3  # words describing a noun between its owner and it ("Russia's full-scale invasion")
OPENING_WORDS = 4  # the words that open a sentence, where "Within hours", "The next day" date all it tells
SCENE_REACH = 2  # sentences back to the day a relative date ("within hours", "the same day") counts from


@dataclass
class Event:
    cls: URIRef
    kind: str  # "act" or "speech"
    sentence: Sentence
    start: int  # token span of the trigger or cue
    end: int
    clause: int
    actor: URIRef | None = None
    actor_source: str = ""
    agent: URIRef | None = None
    targets: list[URIRef] = field(default_factory=list)
    date: PartialDate | None = None
    date_source: str = ""
    effective: PartialDate | None = None
    count: int | None = None
    cap_after: int | None = None
    quote: str | None = None
    attributed_to: URIRef | None = None
    explicit_actor: bool = False
    needs_target: bool = False  # (see Trigger.needs_target)
    offset_from: tuple[Event, int] | None = None
    rough: bool = False  # dated from offset_from only to the month: "Nigeria then ordered …" (some time after)
    spans: list[tuple[int, int]] = field(default_factory=list)  # character spans of its mentions
    links: list[tuple[Event, URIRef, Sentence]] = field(default_factory=list)
    merged_into: Event | None = None
    merged: list[Event] = field(default_factory=list)
    reference: bool = False  # only names an act told elsewhere; never stands alone
    answers_words: bool = False  # the text says it answers something said, not an act ("na uitspraken van")
    part: int = 0  # one of several acts told by one trigger ("34 French, 27 Spanish and 24 Italian diplomats")
    co_actors: list[URIRef] = field(default_factory=list)  # "Poland and Lithuania expelled …": one act each
    per_target: bool = False  # "recalled its ambassadors in the US and Australia": one act per target
    undone: bool = False  # "withdrew its decision to expel …": an act taken before, told as undone now
    charged: bool = False  # told as what someone is held responsible for or accused of
    guessed_targets: bool = False  # its targets come from the discourse, not from its own words
    barred: str = ""  # the lemma of what an access restriction bars or a suspension halts ("visa", "talks")
    trigger: URIRef | None = None  # the lexicon entry that told it (an act)
    places: frozenset[URIRef] = frozenset()  # where its clause says it happens ("in Amsterdam"): told again, the same

    @property
    def order(self) -> tuple[int, int]:
        return (self.sentence.index, self.start)


@dataclass
class SentenceInfo:
    sentence: Sentence
    mentions: list[Mention]
    dates: list[DateExpr]
    clauses: list[int]  # clause number per token
    cue_clauses: set[int]  # clauses that follow a response cue (causes)
    response_cues: list[tuple[Cue, Match]]
    speech_cues: list[tuple[Cue, Match]]
    events: list[Event] = field(default_factory=list)
    trigger_clauses: set[int] = field(default_factory=set)
    speech_clauses: set[int] = field(default_factory=set)


class SentencePatterns:
    """All the patterns a sentence is looked up in (cues, triggers, year offsets, relative dates) as one
    PatternIndex, so each sentence costs one lookup."""

    def __init__(self, lex: Lexicon, language: str) -> None:
        tables = date_tables(lex, language)
        items: list[tuple[object, Pattern | None]] = []
        kinds: list[Sequence[tuple[object, Pattern | None]]] = [
            lex.patterns(lex.cues, language), lex.patterns(lex.triggers, language),
            tables.year_offsets.items, tables.relatives.items]
        for kind, pairs in enumerate(kinds):
            items += [((kind, pair if kind < 2 else rank), pattern) for rank, (pair, pattern) in enumerate(pairs)]
        self.index = PatternIndex(items)
        self.words = set(self.index.by_word)  # a set: `dict_keys & set` walks the sentence's few words

    def candidates(self, words) -> tuple[list, list, tuple[list[int], list[int]]]:
        """(cue pairs, trigger pairs, (year-offset ranks, relative date ranks)) that can match, in order."""
        found: tuple[list, list, list[int], list[int]] = ([], [], [], [])
        keys = words & self.words
        if keys:
            for kind, item in self.index.candidates(words, keys):
                found[kind].append(item)
        return found[0], found[1], (found[2], found[3])


class Extractor:
    def __init__(self, article: Article, lex: Lexicon):
        self.article = article
        self.lex = lex
        self.lang = article.language
        self.ws = lex.sets(self.lang)
        self.staff_or_envoy = self.ws.StaffNouns | self.ws.EnvoyNouns
        self.story: tuple[int | None, PartialDate | None] = (None, None)  # (paragraph, a past month it told)
        # any of these may open a phrase that dates an act from the one told before it: see later_offset
        self.later_words = (self.ws.LaterWords | self.ws.NextWords | self.ws.SameWords | self.ws.WithinWords
                            | self.ws.EarlierWords | self.ws.SimultaneousWords | self.ws.ThereuponWords
                            | self.ws.EarlierSpanWords
                            | {p[-1] for p in lex.words(SIMULTANEOUS_WORDS, self.lang)}  # ("at once")
                            | {p[-1] for p in lex.words(LEX.DayAfterWords, self.lang)})  # ("daags daarna")
        # the language's tables, fetched once per article rather than in every sentence
        self.patterns = lex.memo(("sentence-patterns", self.lang), lambda: SentencePatterns(lex, self.lang))
        self.is_retaliation = self._retaliation_words()
        self.events: list[Event] = []
        self.infos: list[SentenceInfo] = []
        self.retaliators: set[URIRef] = set()
        self.mention_counts: dict[URIRef, int] = {}
        self.local_names: dict[tuple[str, ...], ActorName] = {}  # people the article introduced by office
        self.local_firsts: dict[str, list[tuple[str, ...]]] = {}  # their first words (lower case) -> names
        self.pending: list = []  # (effect, cause actor, relation, sentence): causes told elsewhere
        self.anaphoric: set[int] = set()  # ids of the sentence's trigger matches that name an act told before

    # ------------------------------------------------------------------ helpers
    def _clauses(self, sentence: Sentence, cue_matches: list[Match], mentions: list[Mention],
                 verbs, said: list[int] = ()) -> tuple[list[int], set[int]]:
        """Each token's clause number, and the clauses a response cue opens (where the cause is told).

        verbs: a callable giving the starts of trigger and speech matches, asked for only when a Dutch
        sentence opens with a cue phrase (see _fronted_main_clause); said: where verbs of saying start."""
        boundaries: dict[int, bool] = {}
        toks = sentence.tokens
        for v in said:
            # "… withdrawing the American ambassador from Damascus, and spokesman Larry Speakes said the United States
            # supported the British decision": a comma, "and" and a new speaker open a clause of their own
            k = next((k for k in range(v - 1, max(0, v - SPEAKER_REACH) - 1, -1) if toks[k].text == ","), None)
            if k is not None and k + 2 < v and toks[k + 1].lower in self.ws.Coordinators:
                boundaries[k + 1] = False
        for m in cue_matches:
            # (a gapped cue opens its clause at its last word: "Met die maatregel reageert Canberra op de uitzetting
            # …": Canberra, in the gap, answers; it did not expel)
            boundaries[m.positions[-1] if m.gapped else m.start] = True
        # ("On 5 July, hours after …": put first after the day)
        opening = self._opening_date_end(toks) if cue_matches else 0
        if cue_matches and min(m.start for m in cue_matches) - opening <= FRONTED_CUE_START:
            main = self._fronted_main_clause(sentence, min(m.start for m in cue_matches),
                                             max(m.end for m in cue_matches if m.start - opening <= FRONTED_CUE_START),
                                             mentions, verbs, opening)
            if main is not None:
                boundaries.setdefault(main, False)
        subordinators = self.ws.Subordinators
        where = sentence.where
        for word in [*(where.keys() & subordinators), *(p for p in ";:" if p in where)]:
            for i in where[word]:
                tok = sentence.tokens[i]
                if i > 0 and (tok.lower in subordinators or tok.text in ";:") and i not in boundaries:
                    boundaries[i] = False
        if "," in where:
            self._fronted_subordinate_end(sentence, mentions, verbs, boundaries)
        if "," in where:
            # "declared Malaysia's ambassador, who had been recalled last month, persona non grata": a relative
            # clause set off by commas ends at the second one, and the words after it go on with the main clause
            relatives = self.ws.RelativePronouns
            commas = where[","]
            for k, i in enumerate(commas[:-1]):
                if i + 1 in boundaries and toks[i + 1].lower in relatives and commas[k + 1] + 2 < len(toks):
                    boundaries.setdefault(commas[k + 1] + 1, False)
        if cue_matches and "," in where:
            # "… after the two fought a brief war in 2008, and Russia kept an embargo …": a comma, "and" and a
            # new subject open a main clause of its own, which the cue before does not reach
            # (… or a cause named by a plain noun: "called their ambassadors home after the vote, and at a summit
            # … the presidents of Argentina, Brazil and Uruguay suspended Paraguay")
            subjects = {m.start for m in mentions if m.role in ("np", "agentive")}
            first_cue = min(m.start for m in cue_matches)
            told: list[int] | None = None
            for i in where[","]:
                if i + 2 < len(toks) and toks[i + 1].lower in self.ws.Coordinators and i > first_cue:
                    if i + 2 not in subjects:
                        told = list(verbs()) if told is None else told
                        if any(first_cue < v < i for v in told):
                            continue
                    boundaries.setdefault(i + 1, False)
        if cue_matches and not self.ws.Coordinators.isdisjoint(where.keys()):
            # "… called the impeachment a coup two days after the vote and announced he was withdrawing his
            # ambassador": "and" and a verb of the subject's own go back to the main clause, out of the cue's
            # (not "a day after Minsk forced a plane to land and arrested a journalist": a cause with a subject of
            # its own goes on with it)
            first_cue = min(m.start for m in cue_matches)
            cue_end = min(m.end for m in cue_matches if m.start == first_cue)
            starts = None
            for word in where.keys() & self.ws.Coordinators:
                for i in where[word]:
                    if i > first_cue and i + 1 < len(toks) and i not in boundaries and not any(
                            cue_end <= m.start < i and m.role in ("np", "agentive") for m in mentions):
                        starts = set(verbs()) if starts is None else starts
                        if i + 1 in starts and not any(cue_end <= v < i for v in starts):
                            boundaries[i] = False
        joiners = self.ws.SubjectJoiners
        if not joiners.isdisjoint(where.keys()):
            # "Bahrain and Sudan broke off relations … and the United Arab Emirates downgraded its ties", "… cut ties
            # with Iran as Saudi Arabia halts flights": "and" or "as", a new subject and its own verb open a clause
            starts = {m.start: m for m in mentions if m.role in ("np", "agentive") and m.name.kind != "adjective"}
            determiners = self.ws.Determiners
            verb_starts: list[int] | None = None
            for word in where.keys() & joiners:
                for i in where[word]:
                    j = i + 1 + (i + 1 < len(toks) and toks[i + 1].lower in determiners)
                    subject = starts.get(j)
                    if i == 0 or subject is None or i in boundaries:
                        continue
                    if verb_starts is None:
                        verb_starts = verbs()
                    # (after a verb of its own, and not right after a subject: "Chili en Colombia riepen …", "…, and
                    # Italy and Spain followed" join two subjects of one verb)
                    if any(subject.end <= v <= subject.end + 1 for v in verb_starts) and any(
                            v < i for v in verb_starts) and not any(m.end == i and m.start in starts for m in mentions):
                        boundaries.setdefault(i, False)
        if toks and toks[0].lower in subordinators:
            # "Omdat Moskou weigert visa te verlenen, sluit Nederland …": the clause put first ends at its comma
            comma = next((i for i, t in enumerate(toks) if t.text == ","), None)
            if comma is not None and comma + 1 < len(toks):
                boundaries.setdefault(comma + 1, False)
        if not boundaries:
            return [0] * len(sentence.tokens), set()
        clauses, cue_clauses, current = [], set(), 0
        for i in range(len(sentence.tokens)):
            if i in boundaries:
                current += 1
                if boundaries[i]:
                    cue_clauses.add(current)
            clauses.append(current)
        return clauses, cue_clauses

    def _fronted_main_clause(self, sentence: Sentence, cue_start: int, cue_end: int, mentions: list[Mention],
                             verbs, opening: int) -> int | None:
        """Where the main clause starts after a cue phrase put first in the sentence.

        At a comma ("Two days after Baku expelled two diplomats, France …"). Dutch also puts the finite verb
        right after what is put first, comma or not: "Een dag na de opschorting van het verdrag bevroor de
        bankenvereniging …", "Na de uitzetting van twee diplomaten heeft Rusland …": there the cue's clause
        (the cause) ends before the first finite auxiliary or the first verb telling an act or a saying
        that is not a noun ("de opschorting", "zijn uitzetting", "de Russische uitzetting"), unless the cue
        is a conjunction ("nadat"), which opens a clause with a verb of its own."""
        toks = sentence.tokens
        # (opening: where a day put first ends, "On 5 July, hours after …", found by the caller)
        if cue_start > opening and not all(t.lower in self.ws.CueModifiers for t in toks[opening:cue_start]) and \
                relative_offset(toks, cue_start, self.lex, self.lang) is None:
            return None  # only a time span or a word such as "kort" may stand before it ("Een dag na …")
        verb_second = self.lang == "nl" and toks[cue_start].lower not in self.ws.Subordinators
        noun_markers = self.ws.union("Determiners", "Demonstratives", "PossessivePronouns")
        mention_ends = {m.end for m in mentions}
        verb_starts = None
        if not verb_second:
            # "hours after seven missiles, among them a Taepodong-2, came down in the Sea of Japan, the cabinet
            # barred …": the comma last before the first verb of an act or a saying told after the cue's clause
            # has one of its own (a cause told with its own verb, "after Baku expelled two diplomats, France …",
            # ends at the first comma after that verb)
            starts = sorted(verbs())  # (asked once: it matches every trigger pattern again)
            first_verb = next((v for v in starts if v > cue_end), None)
            commas = [i for i in range(cue_end, len(toks) - 1) if toks[i].text == ","]
            if self.lang == "en" and cue_end < len(toks) and toks[cue_end].lower in noun_markers:
                # "After the execution Brazil recalled its ambassador": a cause named by a noun phrase, no comma,
                # then a subject and its verb: the main clause starts at the subject
                told = [v for v in starts if v > cue_end + 1 and toks[v - 1].lower not in noun_markers]
                # (the cause's noun tells an act: "the execution"; not "In response to the violence the State
                # Department has put off visits", whose cause is no act of a state)
                named = told and any(cue_end < v < told[0] for v in starts)
                subject = next((m for m in mentions if m.role in ("np", "agentive") and cue_end < m.start
                                and m.end in (told[0], told[0] - 1) and toks[m.start - 1].lower not in
                                self.ws.Prepositions), None) if named else None
                if subject is not None and not any(t.text == "," for t in toks[cue_end:subject.start]):
                    return subject.start - (toks[subject.start - 1].lower in self.ws.Determiners)
            if first_verb is not None and commas:
                before = [c for c in commas if c < first_verb]
                if len(before) > 1 and before[-1] + 1 < first_verb:
                    return before[-1] + 1
        for i in range(cue_end + 1, len(toks)):
            if toks[i - 1].text == ",":
                return i
            if not verb_second:
                continue
            if toks[i].lower in self.ws.FiniteAuxiliaries:
                return i
            if verb_starts is None:
                verb_starts = set(verbs())
            if i in verb_starts and toks[i - 1].lower not in noun_markers and i not in mention_ends:
                return i
        return None

    def _fronted_subordinate_end(self, sentence: Sentence, mentions: list[Mention], verbs,
                                 boundaries: dict[int, bool]) -> None:
        """'Two days later, when Mr. Bani-Sadr, then acting Foreign Minister, told reporters that Iran would move its
        deposits, the White House answered …': a clause put first ends at the last comma followed by the main
        clause's subject (English: a named actor, after a determiner or not) or its verb (Dutch: an act's or a
        saying's verb), which opens the main clause."""
        toks = sentence.tokens
        fronted = self.ws.FrontedSubordinators
        first = next((i for i in range(min(OPENING_WORDS + 1, len(toks))) if toks[i].lower in fronted), None)
        if first is None or any(m.start < first for m in mentions):
            return
        commas = [i for i in range(first + 1, len(toks) - 1) if toks[i].text == ","]
        if not commas:
            return
        if self.lang == "en":
            determiners = self.ws.Determiners
            subjects = {m.start for m in mentions if m.role in ("np", "agentive")}
            starts = [c for c in commas if c + 1 in subjects
                      or (toks[c + 1].lower in determiners and c + 2 in subjects)]
        else:
            told = set(verbs())
            starts = [c for c in commas if c + 1 in told]
        if starts:
            boundaries.setdefault(starts[-1] + 1, False)

    def _opening_date_end(self, toks: list[Token]) -> int:
        """Where the sentence goes on after a day put first and a comma ("On 5 July, …", "Op 2 augustus, …"); 0
        when it opens otherwise."""
        lead, months, weekdays = self.ws.DateLeadWords, self.lex.months, self.lex.weekdays
        for i, t in enumerate(toks[:OPENING_DATE_WORDS + 1]):
            if t.text == ",":
                return i + 1 if i > 0 and any((self.lang, u.lower) in months or (self.lang, u.lower) in weekdays
                                              for u in toks[:i]) else 0
            if not (t.text.isdigit() or t.lower in lead or (self.lang, t.lower) in months
                    or (self.lang, t.lower) in weekdays):
                return 0
        return 0

    def _nearest(self, sentence: Sentence, match: Match, word_set: URIRef) -> tuple[int, int] | None:
        """(distance, position) of the word of the set nearest the trigger, if within REQUIREMENT_WINDOW."""
        best: tuple[int, int] | None = None
        where = sentence.where
        forms = word_forms(self.lex, (word_set,), self.lang)
        for i in {i for w in forms.among(where.keys()) for i in where[w]}:
            d = 0 if match.start <= i < match.end else min(abs(i - match.start), abs(i - (match.end - 1)))
            if d <= REQUIREMENT_WINDOW and (best is None or (d, i) < best):
                best = (d, i)
        return best

    def _near_word(self, sentence: Sentence, match: Match, word_set: URIRef) -> int | None:
        """Tokens from the trigger to the nearest word of the set, if within REQUIREMENT_WINDOW."""
        near = self._nearest(sentence, match, word_set)
        return None if near is None else near[0]

    def _nearest_word(self, sentence: Sentence, match: Match, word_set: URIRef) -> str:
        """The lemma of the word of the set nearest the trigger ('' if none is within REQUIREMENT_WINDOW)."""
        near = self._nearest(sentence, match, word_set)
        return "" if near is None else sentence.tokens[near[1]].lemma

    def _told_before(self, sentence: Sentence, trigger: Trigger, match: Match) -> bool:
        """'de uitzetting', 'the expulsion': a bare noun after a definite article, without the word its trigger asks
        for, names the act of its class the article told before."""
        return (len(match.positions) == 1 and match.start > 0
                and sentence.tokens[match.start - 1].lower in self.ws.DefiniteDeterminers
                and any(e.kind == "act" and e.cls == trigger.cls and e.actor is not None for e in self.events))

    def _undoes(self, sentence: Sentence, match: Match) -> bool:
        """'withdrew its decision to expel the ambassador', 'trok het besluit … in': a verb whose object is a
        decision undoes that decision; it is not the act its verb would otherwise tell."""
        if sentence.where.keys().isdisjoint(self.ws.DecisionNouns):
            return False  # most sentences: no decision named at all
        toks = sentence.tokens
        skip = self.ws.union("Determiners", "PossessivePronouns")
        k = match.positions[0] + 1
        while k < len(toks) and toks[k].lower in skip:
            k += 1
        return k < len(toks) and token_is(toks[k], self.ws.DecisionNouns)

    def _requested(self, sentence: Sentence, match: Match, clauses: list[int]) -> bool:
        """'asked for new economic sanctions', 'riepen op tot sancties': a measure asked for is not taken."""
        if sentence.where.keys().isdisjoint(self.ws.RequestVerbs):
            return False
        toks = sentence.tokens
        clause = clauses[match.start]
        if any(token_is(toks[i], self.ws.RequestVerbs) and toks[i + 1].lower in self.ws.RequestPrepositions
               for i in range(max(0, match.start - REQUEST_REACH), match.start - 1) if clauses[i] == clause):
            return True
        # "urged Rivlin to use his authority with the government to stop the deliveries": what one is asked to do
        # (a request verb, then "to" before the measure, in one clause)
        # (the marker may stand inside a split verb's words: "riep Spanje op zijn troepen terug te trekken"; not in
        # "geeft … 48 uur om te vertrekken", whose "te" is the measure's own)
        infinitive = self.ws.InfinitiveMarkers
        inside = match.start + 1 in match.positions and toks[match.start + 1].lower in infinitive
        if any(token_is(toks[i], self.ws.RequestVerbs) and (inside or any(
                toks[k].lower in infinitive for k in range(i + 1, match.start + 1) if k < len(toks)))
                and all(clauses[k] == clause for k in range(i, match.start))
                for i in range(max(0, match.start - REQUESTED_REACH), match.start)):
            return True
        # "eiste de onmiddellijke en onvoorwaardelijke terugtrekking", "demanded the expulsion": a measure named as
        # the object of a demand (not one after a preposition: "eist excuses van Japan voor de arrestatie" demands
        # an apology for a measure taken)
        prepositions = self.ws.Prepositions
        return len(match.positions) == 1 and any(
            token_is(toks[i], self.ws.RequestVerbs) and all(
                clauses[k] == clause and (k == i or toks[k].lower not in prepositions) for k in range(i, match.start))
            for i in range(max(0, match.start - REQUEST_REACH - 1), match.start))

    def _ordered(self, sentence: Sentence, match: Match, clauses: list[int]) -> bool:
        """'de resolutie, die Bagdad opdraagt zijn troepen terug te trekken': a state told to pull back its own forces
        is asked to, by whoever tells it (unlike a mission ordered shut in the orderer's country, which is shut)."""
        if sentence.where.keys().isdisjoint(self.ws.OrderVerbs):
            return False
        toks = sentence.tokens
        clause = clauses[match.start]
        return any(token_is(toks[i], self.ws.OrderVerbs) and all(clauses[k] == clause for k in range(i, match.start))
                   for i in range(max(0, match.start - REQUESTED_REACH), match.start))

    def _breached(self, sentence: Sentence, match: Match) -> bool:
        """'in breach of EU sanctions', 'in strijd met de sancties': a measure named as broken, not taken."""
        if sentence.where.keys().isdisjoint(self.ws.BreachWords):
            return False
        toks = sentence.tokens
        return any(token_is(toks[i], self.ws.BreachWords) for i in range(max(0, match.start - 3), match.start))

    def _negated(self, sentence: Sentence, match: Match, clauses: list[int]) -> bool:
        neg = self.ws.Negations
        hyp = self.ws.Hypotheticals
        toks = sentence.tokens
        words = sentence.where.keys()  # every lower-case form is a key, so no key in a set means no token
        lo = max(0, match.start - 3)
        if not words.isdisjoint(neg):
            relative = False  # "told Syrian diplomats who are not U.S. citizens … to leave": the clause describes them
            # (the pattern's own negation said again in a list is the pattern's: "laat geen vrachtwagens en geen
            # goederen meer het land in")
            own = {toks[p].lower for p in match.positions}
            for i in range(lo, match.end):
                relative = relative or (i > match.start and toks[i].lower in self.ws.RelativePronouns)
                if toks[i].lower in neg and i not in match.positions and toks[i].lower not in own and not relative:
                    return True
            clause = clauses[match.start]
            reach = range(max(0, match.start - NEGATION_REACH), lo)
            if not any(toks[i].lower in neg for i in match.positions):  # ("mag … niet terugkeren" says it)
                for i in reach:
                    # ("not only … but also", "niet alleen", and a negation in a clause of its own do not:
                    # "De Nederlandse ambassadeur, die op dit moment niet in Turkije is, mag …")
                    if toks[i].lower in neg and clauses[i] == clause and not token_is(
                            toks[i + 1], self.ws.FocusWords) and not any(
                            toks[k].lower in self.ws.RelativePronouns for k in range(reach.start, i)):
                        return True
            # "the doctrine of persona non grata could not be applied to U.N. personnel", "kan niet worden …"
            if any(toks[i].lower in self.ws.Hypotheticals and toks[i + 1].lower in neg
                   for i in range(match.end, min(match.end + 2, len(toks) - 1))):
                return True
        if not words.isdisjoint(neg) and not words.isdisjoint(self.ws.IntentionNouns) and self._intent_denied(
                sentence, match):
            return True
        clause = clauses[match.start]
        if not words.isdisjoint(self.ws.EntitlementNouns) and any(
                toks[i].lower in self.ws.EntitlementNouns and toks[i + 1].lower in self.ws.InfinitiveMarkers
                for i in range(min(match.start, len(toks) - 1)) if clauses[i] == clause):
            return True  # "either side had the right to terminate": a possibility (not "right-wing", "rights")
        if words.isdisjoint(hyp):
            return False
        if any(toks[i].lower in hyp for i in range(len(toks)) if clauses[i] == clause and i < match.end):
            return True
        # "He proposed that North Korea suspend its nuclear activities": a clause that a word of possibility opens
        opened = next(i for i in range(match.start + 1) if clauses[i] == clause)
        return 0 < opened and toks[opened].lower in self.ws.Subordinators and toks[opened - 1].lower in hyp

    def _intent_denied(self, sentence: Sentence, match: Match) -> bool:
        """'had no plans to follow the French example and recall its ambassador', 'is niet van plan … terug te
        roepen': a negated noun of intent, then an infinitive marker, before the measure in the same sentence part."""
        toks = sentence.tokens
        neg, intent, infinitive = self.ws.Negations, self.ws.IntentionNouns, self.ws.InfinitiveMarkers
        for i in range(max(0, match.start - REQUESTED_REACH), match.start):
            if not token_is(toks[i], intent) or not any(toks[k].lower in neg for k in range(max(0, i - 3), i)):
                continue
            between = toks[i + 1:match.end]  # (the Dutch marker may stand inside the pattern: "terug te roepen")
            if any(t.text in ".;:" for t in between):
                continue
            if any(t.lower in infinitive for t in between) or (
                    i + 2 == match.start and toks[i + 1].lower in self.ws.Prepositions):  # "no intention of expelling"
                return True
        return False

    # ------------------------------------------------------------------ main loop
    def run(self, sentences: list[Sentence]) -> list[Event]:
        for sentence in sentences:
            if not sentence.where:  # split without lemmas
                add_lemmas(sentence, self.lang)
            self._sentence(sentence)
            self._note_year(sentence)
        return self.events

    def _sentence(self, sentence: Sentence) -> None:
        lex = self.lex
        cue_candidates, trigger_candidates, date_ranks = self.patterns.candidates(sentence.where.keys())
        if not cue_candidates and not trigger_candidates and not self.has_retaliation_noun(sentence):
            self._plain_sentence(sentence, date_ranks)
            return
        cues = [(c, m) for c, p in cue_candidates for m in match_pattern(sentence, p)]
        # ("the following day", "de volgende week": after an article a time word, not a cue that needs its cause)
        determiners = self.ws.Determiners
        # (… and "Sadat antwoordde op 5 december door …": the "op" of a day, not of what is answered)
        response_cues = _non_overlapping([(c, m) for c, m in cues if c.kind == "response" and not (
            c.requires_cause and m.start > 0 and sentence.tokens[m.start - 1].lower in determiners) and not (
            m.gapped and m.end < len(sentence.tokens) and sentence.tokens[m.end].text[:1].isdigit())])
        # "a suspected spy balloon", "de genoemde diplomaten", "Ottawa's call for": after an article or a
        # possessive the word is a noun or describes one; nobody speaks
        # … and after "to" it is what someone may or may not do ("a law that would make it illegal to accuse")
        not_said = self.ws.union("Determiners", "PossessiveClitics", "InfinitiveMarkers")
        # … and a verb whose next word makes it another verb says nothing ("de top vindt plaats in Parijs")
        other_verb = self.ws.OtherVerbParticles
        speech_cues = _non_overlapping([(c, m) for c, m in cues if c.kind == "speech" and not (
            m.start > 0 and sentence.tokens[m.start - 1].lower in not_said) and not (
            m.end < len(sentence.tokens) and sentence.tokens[m.end].lower in other_verb)])
        mentions = self._mentions(sentence)

        def verbs() -> list[int]:
            return [m.start for _, p in trigger_candidates for m in match_pattern(sentence, p)] + [
                m.start for _, m in speech_cues]

        # (a cue that only points back opens no clause of causes: "Daarop overhandigde Manilla een nota")
        clauses, cue_clauses = self._clauses(sentence, [m for c, m in response_cues if not c.refers_back], mentions,
                                             verbs, [m.start for _, m in speech_cues])
        for cue, match in speech_cues:
            # "volgens Moskou", and a verb right after a quote or a comma: '"…", zei Nederland'
            inverted = match.start > 0 and sentence.tokens[match.start - 1].text in INVERSION_MARKS and not \
                _after_apposition(sentence, match.start - 1, mentions)
            if cue.speaker_after or inverted:
                for m in mentions:
                    if match.end <= m.start <= match.end + 4 and m.role != "location":
                        # ("…, said China was suspending its dialogue": the subject of what was said)
                        if not (inverted and not cue.speaker_after and m.end < len(sentence.tokens)
                                and sentence.tokens[m.end].lower in self.ws.ComplementSubjectVerbs):
                            m.role = "speaker"
                        break
        dates = find_dates(sentence, lex, self.lang, self.article.date, date_ranks, self._story_month(sentence))
        for d in dates:  # "…, the ministry said on Friday": the date of the news, not of the cause
            d.reporting = any(0 <= d.start - m.end <= 2 for _, m in speech_cues)
        info = SentenceInfo(sentence, mentions, dates, clauses, cue_clauses, response_cues, speech_cues)
        self.infos.append(info)
        self._retaliation_nouns(info)
        people = [m.start for m in mentions if m.name.kind == "demonym"]  # "the two Russians"
        if any(m.name.kind == "adjective" for m in mentions):
            # "de Duitse mensenrechtenactivist Peter Steudtner", "a Thai student": civilians named by nationality
            civilians = word_forms(self.lex, CIVILIAN_SETS, self.lang)
            toks = sentence.tokens
            people += [m.start for m in mentions if m.name.kind == "adjective"
                       and any(civilians.holds(t) for t in toks[m.end:m.end + 2])]
        matches = self._trigger_matches(sentence, trigger_candidates, clauses, response_cues, people, mentions)
        taken = {i for _, m in matches for i in m.positions}
        if taken and info.speech_cues:
            # a verb is one thing: "roept ambassadeur terug uit Zweden na kritiek op …" recalls, it calls on nobody;
            # "called their ambassadors home" says nothing
            info.speech_cues = [(c, m) for c, m in info.speech_cues if not taken.intersection(m.positions)]
        info.trigger_clauses = {clauses[m.start] for _, m in matches}
        info.speech_clauses = {c for _, m in speech_cues for c in clauses[m.end:]} if speech_cues else set()
        for trigger, match in matches:
            event = self._act(info, trigger, match)
            if event is not None:
                parts = self._per_target(info, event)
                if len(parts) == 1 and event.cls == COOPERATION_SUSPENSION and trigger.requires is not None:
                    parts = self._per_object(info, event, match, trigger.requires)
                for part in [*parts, *_per_co_actor(parts)]:
                    info.events.append(part)
                    self.events.append(part)
        speech = self._speech(info)
        if speech is not None:
            for part in [speech, *_per_co_actor([speech])]:
                info.events.append(part)
                self.events.append(part)

    def _mentions(self, sentence: Sentence) -> list[Mention]:
        mentions = find_mentions(sentence, self.lex)
        if self.local_names:
            mentions = self._local_mentions(sentence, mentions)
        if not mentions:
            return mentions  # no one named: nothing to describe, classify, filter or learn
        mentions = self._described_states(sentence, mentions)
        classify_mentions(sentence, mentions, self.lex, self.lang)
        mentions = self._without_dateline(sentence, mentions)
        mentions = self._without_named_things(sentence, mentions)
        mentions = self._without_former_parts(sentence, mentions)
        mentions = self._without_own_allies(sentence, mentions)
        mentions = self._without_qualified_descriptions(sentence, mentions)
        mentions = self._without_unset_descriptions(mentions)
        self._learn_names(sentence, mentions)
        self._learn_surnames(sentence, mentions)
        for m in mentions:
            if m.actor is not None and m.role != "location":
                self.mention_counts[m.actor] = self.mention_counts.get(m.actor, 0) + 1
        return mentions

    def _without_qualified_descriptions(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'het kabinet van president Paul Kagame', 'the government of Fiji': a description qualified by whose it
        is names that one, not the state it names unqualified ('het kabinet' alone is the Dutch cabinet)."""
        toks = sentence.tokens
        kept: list[Mention] = []
        for m in mentions:
            if m.name.kind == "description" and m.end < len(toks) and toks[m.end].lower in self.ws.PossessiveMarkers \
                    and (any(o.start > m.end and o.start - m.end <= 4 and o.actor is not None and o.actor != m.actor
                             for o in mentions) or self._holder_named(toks, m.end + 1)):
                continue
            kept.append(m)
        return kept

    def _without_unset_descriptions(self, mentions: list[Mention]) -> list[Mention]:
        """'the North' is North Korea only where the Koreas are in the news: a description with a context
        (`rkg:onlyAfterNaming`) counts once the article, up to this sentence, has named one of its actors."""
        named_first = self.lex.named_first
        if not any(m.name.kind == "description" and m.name.entity in named_first for m in mentions):
            return mentions
        here = {m.actor for m in mentions if m.name.kind != "description"}
        return [m for m in mentions if m.name.kind != "description" or m.name.entity not in named_first
                or any(a in self.mention_counts or a in here for a in named_first[m.name.entity])]

    def _holder_named(self, toks, i: int) -> bool:
        """'het kabinet van premier Hamza Abdi Barre': an office and a name after the description say whose it is
        (a holder the gazetteer may not know)."""
        if i < len(toks) and toks[i].lower in self.ws.Determiners:
            i += 1
        return i + 1 < len(toks) and token_is(toks[i], self.ws.GovernmentNouns) and toks[i + 1].text[:1].isupper() \
            and toks[i + 1].lower not in self.ws.OfficeTitleWords

    def _without_named_things(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'the Ottawa treaty', 'de vredesprocessen van Nairobi en Luanda', 'the Minsk agreements': a city that
        names a treaty or a process is part of its name; it neither acts nor is acted on."""
        nouns = self.ws.NamedAfterPlace
        if sentence.where.keys().isdisjoint(nouns):
            return mentions
        toks = sentence.tokens
        cities = {i for o in mentions if o.name.kind in ("metonym", "place") for i in range(o.start, o.end)}
        kept: list[Mention] = []
        for m in mentions:
            if m.name.kind in ("metonym", "place"):
                k = m.start - 1  # back over "Nairobi en" to the "van" of "de vredesprocessen van Nairobi en Luanda"
                while k >= 0 and (k in cities or toks[k].lower in self.ws.Coordinators or toks[k].text == ","):
                    k -= 1
                after = m.end < len(toks) and token_is(toks[m.end], nouns)
                of = k >= 1 and toks[k].lower in self.ws.PossessiveMarkers and token_is(toks[k - 1], nouns)
                if after or of:
                    continue
            kept.append(m)
        return kept

    def _fronted_time(self, info: SentenceInfo, verb: int) -> bool:
        """Whether only a time stands before the verb ("Woensdag zei …", "Diezelfde dag dreigde …", "Daarop
        eiste …"): in Dutch the subject then follows the verb."""
        if verb == 0:
            return False
        dated = {k for d in info.dates for k in range(d.start, d.end)}
        toks = info.sentence.tokens
        return all(k in dated or toks[k].lower in self.ws.FrontedTimeWords for k in range(verb))

    def _without_former_parts(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'the former Soviet republic of Georgia', 'de voormalige Joegoslavische republiek Macedonië': an adjective
        after 'former' says what a state was once part of; that state neither acts nor is acted on."""
        former = self.ws.FormerWords
        if sentence.where.keys().isdisjoint(former):
            return mentions
        toks = sentence.tokens
        return [m for m in mentions if not (m.name.kind == "adjective" and m.start > 0
                                            and toks[m.start - 1].lower in former)]

    def _without_own_allies(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'suspending joint exercises with its NATO ally', 'zijn NAVO-bondgenoot': after a possessive, an
        organisation named before a member noun describes a member state told elsewhere, not the organisation."""
        if sentence.where.keys().isdisjoint(self.ws.MemberNouns):
            return mentions
        toks = sentence.tokens
        orgs = self.lex.memo(("organisations with members",), _organisations, self.lex)
        kept = []
        for m in mentions:
            after = m.end + 1 if m.end < len(toks) and toks[m.end].text == "-" else m.end
            # (… and so does a count before it: "de twee NAVO-bondgenoten", "both NATO allies")
            if m.actor in orgs and m.start > 0 and (token_is(toks[m.start - 1], self.ws.PossessivePronouns)
                                                    or self._count_word(toks[m.start - 1])) \
                    and after < len(toks) and token_is(toks[after], self.ws.MemberNouns):
                continue
            if m.actor in orgs and self._counted_members_of(toks, m.start):
                continue
            kept.append(m)
        return kept

    def _counted_members_of(self, toks, start: int) -> bool:
        """'two members of the Atlantic alliance', 'twee leden van de NAVO': members counted are member states told
        elsewhere, not the organisation."""
        k = start - 1
        if k >= 0 and toks[k].lower in self.ws.Determiners:
            k -= 1
        if k < 2 or toks[k].lower not in self.ws.PossessiveMarkers or not token_is(toks[k - 1], self.ws.MemberNouns):
            return False
        return self._count_word(toks[k - 2])

    def _count_word(self, tok: Token) -> bool:
        return _number(tok, self.lex) is not None or tok.lower in self.ws.BothWords

    def _without_dateline(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'LONDON/DUBAI, July 19 (Reuters) - …': the places and the agency of a wire dateline say where the
        report was filed; they neither act, speak nor are where anything happened."""
        toks = sentence.tokens
        for m in mentions:
            if m.actor in self.lex.media and m.end + 1 < len(toks) and toks[m.end].text == ")" \
                    and toks[m.end + 1].text in DATELINE_DASHES:
                return [other for other in mentions if other.start > m.end]
        # "MADRID/RABAT - Marokko heeft …": a dateline of places in capitals, without an agency
        dash = _first_dash(toks)
        if dash and toks[0].text.isupper() and len(toks[0].text) > 2 and all(
                t.text.isupper() or not t.text.isalpha() for t in toks[:dash]):
            return [m for m in mentions if m.start > dash]
        return mentions

    def _learn_names(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """People the article introduces by office: "de Italiaanse vicepremier Luigi Di Maio", "Serbia's
        foreign minister Nikola Selakovic". The gazetteer cannot hold every official; the article says whom
        they act for, so "Di Maio" later in it speaks for Italy. Only names of two or more capitalised
        words count; the full name and its last words are remembered for this article."""
        if not any(m.role == "agentive" for m in mentions):
            return
        toks = sentence.tokens
        titles = self.ws.OfficeTitleWords
        gov = word_forms(self.lex, GOVERNMENT_SETS, self.lang)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for m in mentions:
            if m.role != "agentive" or m.actor is None:
                continue
            j, office = m.end, False
            while j < len(toks) and j - m.end < NAME_REACH and (
                    toks[j].lower in titles or gov.holds(toks[j]) or not toks[j].text[:1].isupper()):
                office = office or gov.holds(toks[j])
                if toks[j].text in ",.;:()\"“”":
                    break
                j += 1
            run = j
            # (a first name may be a state's: "Israeli Foreign Minister Israel Katz")
            given = j in taken and j + 1 < len(toks) and j + 1 not in taken and toks[j + 1].text[:1].isupper()
            while run < len(toks) and run - j < 4 and (run not in taken or (given and run == j)) and \
                    toks[run].text[:1].isupper() and toks[run].text.isalpha() and toks[run].lower not in titles:
                run += 1
            if not office or run - j < 2:
                continue
            words = tuple(t.text for t in toks[j:run])
            name = ActorName(m.actor, m.actor, "name")
            for k in range(len(words)):
                if words[k:] not in self.local_names:
                    self.local_names[words[k:]] = name
                    firsts = self.local_firsts.setdefault(words[k].lower(), [])
                    firsts.append(words[k:])
                    firsts.sort(key=len, reverse=True)

    def _learn_surnames(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """A person the gazetteer knows, once named in full ("Israel Katz"), is later named by surname alone
        ("…, Katz said"): for this article, the surname is theirs."""
        toks = sentence.tokens
        for m in mentions:
            if m.name.kind != "person" or m.end - m.start < 2:
                continue
            words = (toks[m.end - 1].text,)
            if words[0][:1].isupper() and words[0].isalpha() and words not in self.local_names:
                self.local_names[words] = m.name
                self.local_firsts.setdefault(words[0].lower(), []).append(words)

    def _local_mentions(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """Mentions of the people this article introduced (see _learn_names) where no gazetteer name is."""
        toks = sentence.tokens
        where = sentence.where
        starts = sorted(i for w in where.keys() & self.local_firsts.keys() for i in where[w])
        if not starts:
            return mentions
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found = list(mentions)
        for i in starts:
            if i in taken:
                continue
            for words in self.local_firsts[toks[i].lower]:  # longest first
                n = len(words)
                if tuple(t.text for t in toks[i:i + n]) == words and not taken.intersection(range(i, i + n)):
                    found.append(Mention(i, i + n, self.local_names[words]))
                    taken.update(range(i, i + n))
                    break
        return sorted(found, key=lambda m: m.start)

    def _plain_sentence(self, sentence: Sentence, date_ranks: tuple[list[int], list[int]]) -> None:
        """A sentence with no trigger, cue or retaliation word: only its actors (and a report date) matter.

        Most sentences of a news report are like this; later sentences still need who was named here
        and, for "Dat maakte het ministerie zaterdag bekend", the date it gives to the acts before it.
        """
        mentions = self._mentions(sentence)
        toks = sentence.tokens
        dates: list[DateExpr] = []
        if toks and (len(toks) <= SCENE_WORDS or toks[0].lower in self.ws.SubjectPronouns
                     or toks[0].lower in self.ws.Demonstratives
                     or not sentence.where.keys().isdisjoint(self.ws.ReportVerbs)):  # "Áñez maakte het besluit …"
            dates = find_dates(sentence, self.lex, self.lang, self.article.date, date_ranks,
                               self._story_month(sentence))
        self.infos.append(SentenceInfo(sentence, mentions, dates, [0] * len(toks), set(), [], []))

    def _story_month(self, sentence: Sentence) -> PartialDate | None:
        """The month before the article's year that the paragraph told last with its year, if this sentence tells
        no year itself."""
        paragraph, told = self.story
        return told if paragraph == sentence.paragraph and not YEAR_RE.search(sentence.text) else None

    def _note_year(self, sentence: Sentence) -> None:
        """Remember the last month of a year before the article's that a sentence names ('in november 1977'),
        for the days and months told after it in its paragraph without a year ('op 5 december')."""
        if self.story[0] != sentence.paragraph:
            self.story = (sentence.paragraph, None)
        if not YEAR_RE.search(sentence.text):
            return
        info = self.infos[-1] if self.infos else None
        dates = (info.dates if info is not None and info.sentence is sentence else []) or find_dates(
            sentence, self.lex, self.lang, self.article.date)
        told = [d.date for d in dates if d.date.year < self.article.date.year and d.date.precision != "year"
                and any(len(t.text) == 4 and t.text.isdigit() for t in sentence.tokens[d.start:d.end])]
        self.story = (sentence.paragraph, told[-1] if told else None)

    def has_retaliation_noun(self, sentence: Sentence) -> bool:
        return self.is_retaliation.any_in(sentence.where.keys())

    def _retaliation_words(self) -> WordClass:
        """Word forms and lemmas that are retaliation nouns or compounds on a long one ("vergeldingsmaatregelen")."""
        words = self.ws.RetaliationNouns
        stems = self._retaliation_stems()
        return self.lex.memo(("retaliation-words", self.lang),
                             lambda: WordClass(lambda w: w in words or w.startswith(stems)))

    def _retaliation_stems(self) -> tuple[str, ...]:
        """Long retaliation nouns that also start compounds ("vergeldingsmaatregelen")."""
        nouns = self.ws.RetaliationNouns
        return self.lex.memo(("retaliation-stems", self.lang), lambda: tuple(sorted(w for w in nouns if len(w) > 8)))

    def _trigger_matches(self, sentence: Sentence, trigger_candidates: list[tuple[Trigger, Pattern]],
                         clauses: list[int], response_cues: list[tuple[Cue, Match]],
                         people: list[int], mentions: list[Mention]) -> list[tuple[Trigger, Match]]:
        """The triggers that match, one per act: the nearest to its required word first, then the earliest.

        Two of one class in a clause are one act, unless the staff inside them are of two states ("ordered the
        Thai ambassador home … and told Cambodia's envoy to go")."""
        self.anaphoric.clear()  # (the matches it holds are alive until the sentence's acts are made)
        if not trigger_candidates:
            return []  # a sentence with cues only ("…, the ministry said")
        taken = {i for _, m in response_cues for i in m.positions}
        candidates: list[tuple[int, int, Trigger, Match]] = []
        for trigger, pattern in trigger_candidates:
            for match in match_pattern(sentence, pattern):
                if taken.intersection(match.positions) or self._undoes(sentence, match):
                    continue
                if trigger.requires is not None:
                    distance = self._near_word(sentence, match, trigger.requires)
                    if distance is None and trigger.requires in PEOPLE_NOUNS and people:
                        # "ordered the two Russians out": people named by nationality are staff enough
                        distance = min(min(abs(i - match.start), abs(i - (match.end - 1))) for i in people)
                        distance = distance if distance <= REQUIREMENT_WINDOW else None
                    if distance is None and self._told_before(sentence, trigger, match):
                        distance = REQUIREMENT_WINDOW + 1  # "Tot de uitzetting werd zaterdag besloten": that act
                        self.anaphoric.add(id(match))
                    if distance is None:
                        continue
                else:
                    distance = NO_REQUIREMENT_DISTANCE
                if self._negated(sentence, match, clauses) or self._requested(sentence, match, clauses) or (
                        trigger.cls == MILITARY_WITHDRAWAL and self._ordered(sentence, match, clauses)):
                    continue
                candidates.append((distance, match.start, trigger, match))
        chosen: list[tuple[Trigger, Match]] = []
        used: set[int] = set()

        def owners(match: Match) -> set[URIRef | None]:
            return {o.actor for o in mentions if o.role == "owner" and match.start < o.start < match.end}

        def other_staff(a: Match, b: Match) -> bool:
            oa, ob = owners(a), owners(b)
            return bool(oa) and bool(ob) and oa.isdisjoint(ob)

        def other_objects(ta: Trigger, a: Match, tb: Trigger, b: Match) -> bool:
            """'de samenwerking wordt bevroren, de onderhandelingen opgeschort': two verbs, apart, each with its
            own object, are two acts."""
            if ta.requires is None or tb.requires is None:
                return False
            (tlo, lo), (thi, hi) = sorted(((ta, a), (tb, b)), key=lambda x: x[1].start)
            toks = sentence.tokens
            sep = next((i for i in range(lo.end, hi.start) if toks[i].text == "," or toks[i].lower in
                        self.ws.Coordinators), None)
            if sep is None:
                return False
            where = sentence.where

            def objects(trigger: Trigger, first: int, last: int) -> set[str]:
                forms = word_forms(self.lex, (trigger.requires,), self.lang)
                return {toks[i].lemma for w in forms.among(where.keys()) for i in where[w] if first <= i <= last}

            left = objects(tlo, lo.start - REQUIREMENT_WINDOW, sep - 1)
            right = objects(thi, sep + 1, hi.end - 1 + REQUIREMENT_WINDOW)
            return bool(left) and bool(right) and left.isdisjoint(right)

        for _, _, trigger, match in sorted(candidates, key=lambda c: (c[0], c[1], str(c[2].iri))):
            if used.intersection(match.positions):
                continue
            if any(t.cls == trigger.cls and clauses[m.start] == clauses[match.start] and not other_staff(m, match)
                   and not other_objects(t, m, trigger, match) for t, m in chosen):
                used.update(match.positions)
                continue
            chosen.append((trigger, match))
            used.update(match.positions)
        return sorted(chosen, key=lambda c: c[1].start)

    # ------------------------------------------------------------------ acts
    def _act(self, info: SentenceInfo, trigger: Trigger, match: Match) -> Event | None:
        s = info.sentence
        clause = info.clauses[match.start]
        followed = None
        if trigger.follows:  # "Belgium followed suit": the act told last, by whoever the sentence names
            followed = next((e for e in reversed(self.events) if e.kind == "act" and not e.reference), None)
            if followed is None:
                return None
        event = Event(followed.cls if followed else trigger.cls, "act", s, match.start, match.end, clause,
                      explicit_actor=trigger.explicit_actor, needs_target=trigger.needs_target)
        event.trigger = trigger.iri
        if trigger.cls in (ACCESS_RESTRICTION, COOPERATION_SUSPENSION, SANCTION) and trigger.requires is not None:
            event.barred = self._nearest_word(s, match, trigger.requires)
        event.undone = self._decision_undone(info, match)
        event.reference = (event.undone or self._is_reference(info, match) or self._series_of(info, match)
                           or self._spoken_of(info, trigger, match)
                           or self._breached(s, match) or id(match) in self.anaphoric)
        event.spans.append((s.start, s.end))
        for m in info.mentions:
            if m.role == "location" and m.start - 1 in match.positions and any(
                    token_is(t, self.staff_or_envoy) for t in s.tokens[m.end:m.end + 2]):
                m.role = "owner"  # "called in U.S. Ambassador Cameron Munter": the verb's "in", whose envoy
        relative = self._relative_clause(info, clause)
        in_clause = [m for m in info.mentions if info.clauses[m.start] == clause and m.actor is not None]
        media = self.lex.media  # "BELGRADE (Reuters) - Serbia …": the agency reports, it does not act
        usable = [m for m in in_clause if m.role not in ("location", "speaker") and m.actor not in media]
        described: list[Mention] = []  # named in a relative clause: who may act, not whom it is aimed at
        if relative is not None and not any(m.role in ("np", "agentive", "agent") for m in usable):
            described = [m for m in info.mentions if info.clauses[m.start] == relative and m.actor is not None
                         and m.role not in ("location", "speaker") and m.actor not in media]
            usable += described
        left = self._left_state(info, usable) if event.cls in (EXPULSION, ACCESS_RESTRICTION) else None
        if left is not None:  # "een Oekraïense diplomaat moet Hongarije verlaten": the state left expels, is no target
            usable = [m for m in usable if m is not left]
        actor_m = next((m for m in usable if m.role == "agent" and not _comma_between(s, m, match)), None)
        if actor_m is not None and actor_m.start > match.end and self._active_subject(info, match, usable):
            # "Turkey cancelled a planned visit by Sweden's defence minister": who visits, not who cancels
            actor_m = None
        if followed is not None:  # "…, and Italy and Spain followed": who stands right before the cue
            actor_m = self._subject_before(info, match, usable)
        if actor_m is None and event.cls in ATTACKS and not match.gapped:
            # "Eritrean aircraft hit back at Mekele, the capital of Ethiopia's northern Tigray region": whose forces
            # strike, named right before the verb
            actor_m = next((m for m in usable if m.role in ("attributive", "owner") and m.end < match.start <= m.end + 2
                            and token_is(s.tokens[m.end], self.ws.ArmedForceNouns)), None)
        if actor_m is None:
            actor_m = (self._held_responsible if trigger.explicit_actor else self._accused)(info, match, usable)
            # what an act is laid at someone's door for was done before the charge: the charge's day is not its
            # day, and who charges is not its target ("Nederland en Australië houden Rusland verantwoordelijk …")
            event.charged = actor_m is not None and actor_m.start < match.start
            if event.charged:
                usable = [m for m in usable if m.start >= actor_m.start]
        if actor_m is None and (
                (match.start > 0 and token_is(s.tokens[match.start - 1], self.ws.SubjectPronouns))
                or self._own_forces_before(info, match, clause)):
            # "…, a day after it ordered him out": the pronoun is the subject of the clause before; so is whose
            # forces they are ("Algeria said that its air defences had brought down a drone")
            actor_m = next((m for m in info.mentions if m.end <= match.start and info.clauses[m.start] < clause
                            and m.actor is not None and m.role in ("np", "agentive", "agent")
                            and m.actor not in media), None)
        if actor_m is None and not match.gapped:
            # a verb with its object has no actor glued to it: in "de ambassadeur zijn accreditatie afgenomen"
            # whose accreditation it was says nothing of who took it
            actor_m = self._attached(info, match)
        # an English subject comes before its verb ("summoned the ambassadors of France, Spain and Italy":
        # Spain is summoned); a Dutch one may follow it ("Ook ontnam het Verenigd Koninkrijk …")
        subject = next((m for m in usable if m.role in ("np", "agentive")
                        and (self.lang != "en" or m.start < match.start)), None)
        said_at = max((m.end for _, m in info.speech_cues if m.end <= match.start), default=None)
        if subject is not None and said_at is not None and subject.start < said_at:
            # "Ukraine's foreign minister said Hungary had expelled the consul": who is named after the verb of
            # saying, before the act, is its subject; the speaker only said so
            # (one followed by its verb: in "told Taipei it was ending ties", "told the United States to leave" the
            # one told is no subject)
            subject = next((m for m in usable if m.role in ("np", "agentive") and said_at <= m.start < match.start
                            and m.end < match.start and s.tokens[m.end].lower in self.ws.ComplementSubjectVerbs),
                           subject)
        owners = [m for m in usable if m.role == "owner"]
        owner_actors = {o.actor for o in owners}
        targets: list[URIRef] = []
        if trigger.subject_is_target:
            first = next((m for m in usable if m.role in ("np", "owner")), None)
            if first is not None and first.actor is not None:
                targets.append(first.actor)
            subject = None
        if actor_m is None and subject is not None and trigger.owner_is_actor and owners and not any(
                o.actor == subject.actor for o in owners) and subject.start < owners[0].start:
            # "Irak heeft de Zweedse ambassadeur uitgezet en zijn zaakgelastigde teruggeroepen": the subject
            # recalls its own envoy; the nationality before belongs to another object of the sentence
            actor_m = subject
        if actor_m is None and trigger.owner_is_actor and owners:
            actor_m = owners[0]
        if actor_m is None and event.cls in ATTACKS and match.gapped:
            # "vielen Amerikaanse gevechtsvliegtuigen doelen aan in Tripoli": whose forces, named inside the verb
            actor_m = next((m for m in usable if m.role in ("attributive", "owner") and match.start < m.start
                            and m.end < match.end and token_is(s.tokens[m.end], self.ws.ArmedForceNouns)), None)
        if actor_m is None and subject is not None:
            actor_m = subject
        demander = self._demanded(info, clause)
        if demander is not None and actor_m is not None and actor_m.start > demander[0]:
            # "… en eist dat Polen en Litouwen hun vertegenwoordiging in Minsk inkrimpen": who must cut is the
            # target; who demands it acts (named before the verb, or the subject before it)
            for m in [actor_m, *self._coordinated(info, actor_m)]:
                if m.actor is not None and m.actor not in targets:
                    targets.append(m.actor)
            actor_m = demander[1]
        if actor_m is not None and actor_m.role == "np" and actor_m.end < len(s.tokens) and \
                token_is(s.tokens[actor_m.end], self.ws.ObligationModals) and actor_m.end < match.start:
            # "China moet de politieposten sluiten": who must is ordered to, by someone else
            if actor_m.actor not in targets:
                targets.append(actor_m.actor)
            actor_m = None
        if actor_m is None and left is not None:
            actor_m = left
        host = None
        if actor_m is None and trigger.place_is_actor:
            # "de Britse ambassadeur in Moskou werd ontboden", "the ministry in Moscow summoned the
            # ambassadors of France and Spain": the host summons the envoys posted to it
            # (not a place told after a comma, of what else was done: "…, and complaints were also delivered in
            # Washington and at NATO headquarters in Brussels")
            # (a ministry seated there, told after the verb, is where the envoy was called: "was summoned to the
            # Foreign Ministry in Moscow")
            near = [_state_of(m) for m in info.mentions if info.clauses[m.start] == clause and (
                        m.role == "location" or (m.role == "agentive" and m.start > match.end))
                    and not (m.start > match.end and _comma_between(s, m, match))]
            hosts = [p for p in dict.fromkeys(near) if p is not None and p not in owner_actors]
            if not hosts and trigger.cls == MILITARY_POSTURE:
                # "Göldi heeft zich in Tripoli overgegeven, nadat politieagenten de Zwitserse ambassade hadden
                # omsingeld": an embassy surrounded where the sentence is set
                hosts = [p for p in dict.fromkeys(_state_of(m) for m in info.mentions if m.role == "location")
                         if p is not None and p not in owner_actors]
            host = hosts[0] if hosts else None
        if actor_m is None and host is None:
            # "De Europese strafmaatregelen, een inreisverbod en de bevriezing van tegoeden": the adjective on a
            # measure noun of the clause says whose measures they are
            measures = self.measure_words()
            actor_m = next((m for m in usable if m.role == "attributive" and m.end < len(s.tokens)
                            and token_is(s.tokens[m.end], measures)), None)
        if actor_m is None and host is None and event.cls in ATTACKS:
            # "British paratroopers shot dead thirteen civilians", "door Britse parachutisten doodgeschoten": whose
            # forces struck, named before the verb or as its agent (not "killed three British soldiers")
            agents = self.ws.AgentMarkers
            actor_m = next((m for m in usable if m.role == "attributive" and m.end < len(s.tokens)
                            and token_is(s.tokens[m.end], self.ws.ArmedForceNouns)
                            and (m.end <= match.start or (m.start > 0 and s.tokens[m.start - 1].lower in agents))),
                           None)
        if actor_m is None and host is None:  # "het besluit van Nederland om …": whose decision
            # ("officials of the U.N. agency were declared persona non grata": whose officials, not who acted)
            # ("ordered the alliance's supply lines closed": whose lines are closed to it, not who closes them)
            barred = word_forms(self.lex, (trigger.requires,), self.lang) if trigger.requires is not None else None
            actor_m = next((m for m in usable if m.role == "possessor" and m.actor not in owner_actors
                            and not self._owned_by(info, m) and not (
                                barred is not None and m.end < len(s.tokens)
                                and s.tokens[m.end].lower in self.ws.PossessiveClitics
                                and any(barred.holds(t) for t in s.tokens[m.end + 1:m.end + 3]))), None)
        if actor_m is None and trigger.owner_is_actor:
            actor_m = self._antecedent_owner(info, clause)
        if actor_m is None and not trigger.explicit_actor:
            # "in solidarity with Bolivia, which had thrown out Washington's ambassador": who the clause is about
            antecedent = self._antecedent(info, clause)
            actor_m = antecedent if antecedent is not None and antecedent.actor not in owner_actors else None
        if actor_m is None and clause not in info.cue_clauses and not trigger.explicit_actor:
            earlier = [m for m in info.mentions if info.clauses[m.start] < clause and m.actor is not None
                       and m.role in ("np", "agentive")]
            actor_m = earlier[0] if earlier else None
        if actor_m is None and host is not None:
            event.actor, event.actor_source = host, "sentence"
        if actor_m is not None and event.reference and trigger.explicit_actor and any(
                actor_m.end <= m.start < match.start for _, m in info.speech_cues):
            actor_m = None  # ('"Nederland veroordeelt de executie van de heer Ang"': who speaks of it did not do it)
        if actor_m is not None:
            event.actor, event.actor_source = actor_m.actor, "sentence"
            if actor_m.name.kind == "person":
                event.agent = actor_m.name.entity
        owned = any(m.role == "owner" and m is not actor_m for m in usable) and not trigger.owner_is_actor
        co_mentions = self._coordinated(info, actor_m) if actor_m is not None else []
        event.co_actors = [a for a in dict.fromkeys(m.actor for m in co_mentions)
                           if a is not None and a != event.actor]
        if actor_m is None and host is not None:
            # "de Libanese ambassadeurs in Riyad en Abu Dhabi werden op het matje geroepen": each host summons
            event.co_actors = hosts[1:]
        # "De Veiligheidsraad heeft de annexatie van Koeweit door Irak nietig verklaard": an act told as a noun with
        # its agent after it is aimed at whom its phrase names, not at the subject of the sentence's verb
        agent_after = actor_m is not None and actor_m.role == "agent" and actor_m.start > match.end
        for m in usable:
            if m is actor_m or m.actor == event.actor or m in co_mentions or (m in described and m.start > match.end):
                continue
            if agent_after and m.end <= match.start and m.role in ("np", "agentive"):
                continue
            if m.role == "owner" and trigger.owner_is_actor and (actor_m is None or actor_m.role == "owner"):
                continue  # (another's mission shut by the subject is aimed at its owner: "Chad shut Qatar's mission")
            if owned and m.role == "target":
                continue  # "Russian staff at the UN mission": whose staff, not where they work
            if m.role in ("owner", "target", "np", "possessor", "agentive", "attributive"):
                if m.actor is not None and m.actor not in targets:
                    targets.append(m.actor)
        if trigger.place_is_target and targets:
            # "de invoer uit de Europese Unie, de Verenigde Staten en Canada": a state named as the place in a
            # list of targets is one of them (a city there only names where: "its embassy in Pyongyang")
            named = [m.actor for m in info.mentions if info.clauses[m.start] == clause and m.role == "location"
                     and m.name.kind == "name" and m.actor is not None and m.actor != event.actor]
            targets += [t for t in dict.fromkeys(named) if t not in targets]
            first = {}
            for m in info.mentions:
                first.setdefault(m.actor, m.start)
            targets.sort(key=lambda t: first.get(t, len(s.tokens)))  # in the order the sentence names them
        if trigger.soil_is_target or (trigger.place_is_target and not targets):
            # an attack on a state's soil targets that state ("an attack in Britain", "in Salisbury"),
            # whatever the nationality of its victims ("on a Russian former spy"); an ambassador
            # recalled "in Tehran" is recalled from Iran
            # (not a place told before a cue that opens the act's phrase: "the conference in Bonn in protest at a NATO
            # air strike")
            cues = [m.start for _, m in info.response_cues if m.end <= match.start]
            placed = [_state_of(m) for m in info.mentions if info.clauses[m.start] == clause and m.role == "location"
                      and not any(m.end <= c for c in cues)]
            soil = list(dict.fromkeys(p for p in placed if p is not None and p != event.actor))
            mission = [m.actor for m in owners if m.actor != event.actor and m.end < len(s.tokens)
                       and token_is(s.tokens[m.end], self.ws.union("MissionNouns", "OfficeNouns"))]
            if mission and event.cls in ATTACKS:
                soil = mission[:1]  # "NATO's bombing of the Chinese embassy in Belgrade": the embassy's state
            if not soil and any(token_is(t, self.ws.ThereWords) for t in s.tokens[match.end:match.end + 4]):
                # "… recalled their ambassadors from Tehran, and Norway closed its embassy there": where just told
                here = [_state_of(m) for m in info.mentions if m.end <= match.start and (
                    m.role == "location" or (m.role == "target" and m.name.kind in ("metonym", "place")))]
                here = [p for p in here if p is not None and p != event.actor]
                soil = here[-1:] or self._place_before(info, event.actor)
            if soil:
                # an attack has one soil; envoys recalled from several capitals are one recall from each (an
                # import ban on goods from several states is one ban)
                targets = soil[:1] if trigger.soil_is_target else soil
                event.per_target = trigger.per_target_with is not None and len(soil) > 1
            elif trigger.owner_is_actor and event.actor is not None and actor_m is not None \
                    and actor_m.role != "owner" and set(self._places(info, clause)) == {event.actor}:
                # "a day after the three Sahel juntas pulled their envoys out of Algiers": no state recalls its
                # envoys from its own capital, so the state found elsewhere in the sentence is not who acted
                event.actor = None
                event.co_actors = []
        if trigger.per_target_with is not None and len(targets) > 1 and self._near_word(
                s, match, trigger.per_target_with) is not None:
            event.per_target = True  # "recalled its ambassadors to Israel and the United States": two envoys
        if trigger.cls == ARREST and event.actor is not None and actor_m is not None and actor_m.start < match.start \
                and any(m.start >= match.end and m.actor == event.actor and m.role in ("owner", "attributive")
                        for m in usable):
            # "China eist excuses van Japan voor de arrestatie van een Chinese kapitein": no state arrests its own
            # here; whose people were held is the target, and the state named beside the one who demands acted
            other = next((m for m in info.mentions if m.actor not in (None, event.actor) and m.role != "location"),
                         None)
            targets = [event.actor] + [t for t in targets if t != event.actor]
            event.actor = other.actor if other is not None else None
            targets = [t for t in targets if t != event.actor]
        event.targets = targets
        if id(match) in self.anaphoric:
            # "Manilla reageerde geschokt op de uitzetting": the expulsion told before, by whoever did it then
            told = next((e for e in reversed(self.events) if e.kind == "act" and e.cls == event.cls
                         and e.actor is not None), None)
            if told is not None and told.actor != event.actor:
                event.actor, event.actor_source, event.co_actors = told.actor, "told", []
                event.targets = list(told.targets)
        event.places = frozenset(m.name.entity for m in info.mentions
                                 if info.clauses[m.start] == clause and m.role == "location")
        if event.cls == EXPULSION and match.gapped and event.actor is not None and any(
                m.role == "owner" and m.actor == event.actor and match.start < m.start < match.end for m in usable):
            # "ordered the Thai ambassador home from Phnom Penh": a state sending its own envoy home recalls him,
            # from the state he was posted to
            event.cls = RELATIONS_DOWNGRADE
            hosts = [p for p in self._places(info, clause) if p != event.actor]
            event.targets = [t for t in dict.fromkeys(hosts or targets) if t != event.actor]
        self._numbers(info, event, clause)
        self._date(info, event, clause, relative)
        if followed is not None:
            if event.actor is None or event.actor == followed.actor:
                return None  # who followed is not named, or it is the same actor telling its act again
            followers = {event.actor, *event.co_actors}
            if followed.sentence is s:  # "France expelled 35 diplomats, and Italy and Spain followed"
                followed.targets = [t for t in followed.targets if t not in followers]
            # whom it was aimed at: named after the cue ("followed suit against Minsk"), else as before
            named_after = [m.actor for m in info.mentions if m.start >= match.end and m.actor is not None
                           and info.clauses[m.start] == clause and m.role in ("target", "np", "owner", "attributive")]
            event.targets = [t for t in dict.fromkeys(named_after or followed.targets) if t not in followers]
            if event.date is None and event.offset_from is None:
                event.offset_from = (followed, 0)  # on the same day, unless the sentence dates it
        return event

    def _described_states(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """'Taiwan broke off relations with Kiribati after the Pacific island nation told Taipei …': a definite
        description of a state (a modifier, then a noun such as 'nation') names again the state named last before
        it in the sentence, when that is not the sentence's first named state (its subject)."""
        nouns, definite = self.ws.StateDescriptionNouns, self.ws.DefiniteDeterminers
        if sentence.where.keys().isdisjoint(nouns):
            return mentions  # most sentences: no such noun
        toks = sentence.tokens
        found: list[Mention] = []
        told = self._without_dateline(sentence, mentions)  # (a dateline's places name no subject: "LILONGWE/LONDON -")
        for i, tok in enumerate(toks):
            if tok.lower not in nouns or any(m.start <= i < m.end for m in mentions):
                continue
            j = i - 1
            while j >= max(0, i - 4) and toks[j].lower not in definite and toks[j].text not in CLAUSE_ENDS:
                j -= 1
            if j < 0 or j == i - 1 or toks[j].lower not in definite or any(j <= m.start < i for m in mentions):
                continue
            # (a city after "in" is where, not whom: "close its embassy in Doha, a day after the central African
            # country shut …" names Chad again, not Qatar)
            named = [m for m in told if m.end <= j and m.actor is not None and (m.name.kind == "name" or (
                m.name.kind == "metonym" and not (m.start and toks[m.start - 1].lower in self.ws.PlaceMarkers)))]
            if len(named) < 2 or named[-1].actor == named[0].actor:
                continue
            ref = named[-1]
            found.append(Mention(j, i + 1, ActorName(ref.actor, ref.name.entity, "description")))
        return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions

    def _per_object(self, info: SentenceInfo, event: Event, match: Match, word_set: URIRef) -> list[Event]:
        """'suspended joint military exercises, intelligence sharing and talks': one suspension for each thing
        listed after (or, in Dutch, before) the verb."""
        toks = info.sentence.tokens
        clause = info.clauses[match.start]
        forms = word_forms(self.lex, (word_set,), self.lang)
        if self.lang == "en":
            span = range(match.start, min(len(toks), match.end + OBJECT_LIST_REACH))
        else:
            span = range(max(0, match.start - OBJECT_LIST_REACH), match.end)
        found: list[int] = []
        including = self.ws.IncludingWords
        for i in span:
            if found and toks[i].lower in including:
                break  # ("official visits to China, including a trip by its senior Asia official": one of them)
            if info.clauses[i] != clause or toks[i].text in ".;:":
                if found and i > found[-1]:
                    break
                continue
            if forms.holds(toks[i]) and not (found and toks[found[-1]].lemma == toks[i].lemma):
                if found and not any(t.text == "," or t.lower in self.ws.Coordinators for t in toks[found[-1]:i]):
                    return [event]  # not a list: "the suspension of cooperation talks"
                found.append(i)
        if len(found) < 2:
            return [event]
        return [replace(event, barred=toks[i].lemma, part=k, spans=list(event.spans), links=[], merged=[])
                for k, i in enumerate(found)]

    def _place_before(self, info: SentenceInfo, actor: URIRef | None) -> list[URIRef]:
        """The state of the last place named before this sentence, in its paragraph ('there')."""
        for prev in reversed(self.infos[:-1] if self.infos and self.infos[-1] is info else self.infos):
            if prev.sentence.paragraph != info.sentence.paragraph:
                break
            places = [_state_of(m) for m in prev.mentions if m.role == "location" or (
                m.role == "target" and m.name.kind in ("metonym", "place"))]
            places = [p for p in places if p is not None and p != actor]
            if places:
                return places[-1:]
        return []

    def _scene_before(self, info: SentenceInfo) -> PartialDate | None:
        """The one day the last sentence before that tells a date tells (SCENE_REACH sentences back at most, in the
        same paragraph, none of them telling an act)."""
        if len(self.infos) < 2 or self.infos[-1] is not info:
            return None
        # ("The National Assembly approved the bill on Thursday. Under the text, … . Within hours Erdogan said …")
        for prev in self.infos[-2:-2 - SCENE_REACH:-1]:
            if prev.sentence.paragraph != info.sentence.paragraph or any(e.kind == "act" for e in prev.events):
                return None
            # (a plain sentence's dates are only looked for when asked: most sentences never are)
            dates = [d for d in prev.dates or find_dates(prev.sentence, self.lex, self.lang, self.article.date)
                     if not d.future]
            if dates:
                days = [d.date for d in dates if d.date.precision == "day"]
                return days[0] if len(days) == 1 else None
        return None

    def _own_forces_before(self, info: SentenceInfo, match: Match, clause: int) -> bool:
        """'its air defences had brought down', 'zijn troepen vielen … binnen': a possessive pronoun on a government
        or armed-forces noun before the trigger, in its clause, and no one named between them."""
        toks = info.sentence.tokens
        gov = word_forms(self.lex, GOVERNMENT_SETS, self.lang)
        first = info.clauses.index(clause)
        for i in range(max(first, match.start - 5), match.start - 1):
            if token_is(toks[i], self.ws.PossessivePronouns) and any(gov.holds(t) for t in toks[i + 1:i + 3]):
                return not any(i < m.start < match.start for m in info.mentions)
        return False

    def _antecedent(self, info: SentenceInfo, clause: int) -> Mention | None:
        """The state named right before ", which"/", die" that opens this clause."""
        toks = info.sentence.tokens
        first = info.clauses.index(clause)
        if first < 2 or toks[first - 1].text != "," or toks[first].lower not in self.ws.RelativePronouns:
            return None
        return next((m for m in info.mentions if m.end == first - 1 and m.actor is not None
                     and m.role not in ("location", "speaker") and m.name.kind in ("name", "metonym")), None)

    def _antecedent_owner(self, info: SentenceInfo, clause: int) -> Mention | None:
        """'Malaysia's ambassador, who had been recalled': whose envoy a relative clause set off by a comma tells of."""
        toks = info.sentence.tokens
        first = info.clauses.index(clause)
        if first < 2 or toks[first - 1].text != "," or toks[first].lower not in self.ws.RelativePronouns:
            return None
        return next((m for m in reversed(info.mentions) if m.end < first and first - 1 - m.end <= 2
                     and m.role in ("owner", "possessor", "attributive") and m.actor is not None), None)

    def _left_state(self, info: SentenceInfo, usable: list[Mention]) -> Mention | None:
        """The state an expelled envoy must leave: named right before "verlaten", right after "leave"."""
        toks = info.sentence.tokens
        leave = self.ws.LeaveVerbs
        for m in usable:
            if m.role != "np" or m.name.kind not in ("name", "metonym"):
                continue
            if self.lang == "nl":
                if m.end < len(toks) and token_is(toks[m.end], leave):
                    return m
            else:
                before = m.start - 1
                if before > 0 and toks[before].lower in self.ws.Determiners:
                    before -= 1
                if before >= 0 and token_is(toks[before], leave):
                    return m
        return None

    def _active_subject(self, info: SentenceInfo, match: Match, usable: list[Mention]) -> bool:
        """Whether an English verb has its subject before it and no passive auxiliary: then "by X" after its
        object is someone else's doing ("a visit by …")."""
        toks = info.sentence.tokens
        if self.lang != "en" or match.start == 0:
            return False
        before = toks[match.start - 1].lower
        if before in self.ws.Determiners or before in self.ws.PossessivePronouns or token_is(
                toks[match.start - 1], self.ws.Auxiliaries):
            return False  # a noun ("the expulsion … by Britain") or a passive ("was cancelled by")
        return any(m.end <= match.start and m.role in ("np", "agentive") for m in usable)

    def _subject_before(self, info: SentenceInfo, match: Match, usable: list[Mention]) -> Mention | None:
        """The first of the subjects joined right before a verb ('Italy and Spain followed')."""
        before = [m for m in usable if m.end <= match.start and m.role in ("np", "agentive")]
        if not before:
            return None
        first = before[-1]
        for m in reversed(before[:-1]):
            if not self._joined(info, m, first):
                break
            first = m
        return first

    def _joined(self, info: SentenceInfo, a: Mention, b: Mention) -> bool:
        """Whether only commas, 'and'/'en' and articles stand between two mentions ('Latvia, Estonia and')."""
        between = info.sentence.tokens[a.end:b.start]
        joiners = self.ws.union("Coordinators", "Determiners")
        return bool(between) and all(t.text == "," or t.lower in joiners for t in between)

    def _coordinated(self, info: SentenceInfo, first: Mention) -> list[Mention]:
        """The actors joined to an acting subject or agent: 'Polen en Litouwen zetten …', 'by Latvia,
        Estonia and Lithuania'."""
        if first.role not in ("np", "agentive", "agent"):
            return []
        out: list[Mention] = []
        last = first
        for m in info.mentions:
            if m.start < last.end:
                continue
            if not self._joined(info, last, m):
                break
            if m.actor is None or m.role not in ("np", "agentive"):
                break
            out.append(m)
            last = m
        return out

    @staticmethod
    def _places(info: SentenceInfo, clause: int) -> list[URIRef]:
        """The states of the places the clause says something happens in ("in Salisbury", "in Moskou")."""
        places = [_state_of(m) for m in info.mentions if info.clauses[m.start] == clause and m.role == "location"]
        return [p for p in places if p is not None]

    def _per_target(self, info: SentenceInfo, event: Event) -> list[Event]:
        """'expelled 34 French, 27 Spanish and 24 Italian diplomats': three acts, one per nationality that
        has its own number; the first keeps the targets no number goes with."""
        if len(event.targets) < 2:
            return [event]
        toks = info.sentence.tokens
        if event.cls == EXPULSION and not event.per_target:
            # "de Australische hoge commissaris … en de Nieuw-Zeelandse waarnemend hoge commissaris … moesten
            # vertrekken": each state's own envoy sent away is an act against that state
            # ("drie Rwandese diplomaten en een diplomaat van buurland Burundi": staff named after, too)
            staff = self.staff_or_envoy
            def own_staff(m: Mention) -> bool:
                if m.role == "owner":
                    return any(token_is(t, staff) for t in toks[m.end:m.end + ENVOY_REACH])
                before = toks[max(0, m.start - ENVOY_REACH):m.start]
                return m.role in ("possessor", "np") and any(token_is(t, staff) for t in before) and any(
                    t.lower in self.ws.PossessiveMarkers for t in before[1:])

            each = {m.actor for m in info.mentions if m.actor in event.targets and info.clauses[m.start] == event.clause
                    and own_staff(m)}
            event.per_target = len(each) == len(event.targets)
        if event.per_target:
            return [replace(event, targets=[t], part=k, spans=list(event.spans), links=[], merged=[])
                    for k, t in enumerate(event.targets)]
        counted: dict[URIRef, int] = {}
        for m in info.mentions:
            if (m.actor in event.targets and m.role in ("owner", "attributive") and m.start > 0
                    and info.clauses[m.start] == event.clause):
                n = _number(toks[m.start - 1], self.lex)
                if n is not None and m.actor is not None:
                    counted.setdefault(m.actor, n)
        if len(counted) < 2:
            return [event]
        rest = [t for t in event.targets if t not in counted]
        return [replace(event, targets=[t, *(rest if k == 0 else [])], count=n, part=k, spans=list(event.spans),
                        links=[], merged=[])
                for k, (t, n) in enumerate(counted.items())]

    def _held_responsible(self, info: SentenceInfo, match: Match, usable: list[Mention]) -> Mention | None:
        """Who an attack is laid at: 'houdt Rusland verantwoordelijk voor de aanslag', 'blamed Moscow for'."""
        toks = info.sentence.tokens
        for i in range(match.start - 1, -1, -1):
            if toks[i].lower in self.ws.ResponsibilityWords:
                before = [m for m in usable if m.end <= i]
                return before[-1] if before else None
            if toks[i].lower in self.ws.BlameVerbs:
                return next((m for m in usable if i < m.start < match.start), None)
        return None

    def _accused(self, info: SentenceInfo, match: Match, usable: list[Mention]) -> Mention | None:
        """Who a measure told as a charge is laid at: 'Katz accused Erdogan of breaking agreements by blocking
        imports' (Turkey blocks them). Only inside the charge: 'accused Britain of hostility and expelled …'
        leaves the expulsion to the accuser."""
        blame = self.ws.BlameVerbs
        if blame.isdisjoint(info.sentence.where.keys()):  # most sentences charge no one
            return None
        toks = info.sentence.tokens
        for i in range(match.start - 1, -1, -1):
            if toks[i].lower in blame:
                accused = next((m for m in usable if i < m.start < match.start), None)
                if accused is None:
                    return None
                between = toks[accused.end:match.start]
                if any(t.lower in self.ws.Coordinators or t.text in ",;" for t in between):
                    return None
                return accused if any(t.lower in self.ws.ChargeMarkers for t in between) else None
        return None

    def measure_words(self) -> set[str]:
        """Words that alone name a measure ("sancties", "strafmaatregelen", "sanctions")."""
        def build() -> set[str]:
            pairs = self.lex.patterns(self.lex.triggers, self.lang)
            return {w for _, p in pairs if len(p.elements) == 1 and p.elements[0] != GAP for w in p.elements[0]}

        return self.lex.memo(("measure-words", self.lang), build)

    def _demanded(self, info: SentenceInfo, clause: int) -> tuple[int, Mention | None] | None:
        """(where the verb stands, who demands) when the clause is what a demand verb asks ('eist dat …',
        'demanded that …'); None otherwise."""
        toks = info.sentence.tokens
        opened = next((i for i, c in enumerate(info.clauses) if c == clause), None)
        if opened is None or opened < 1 or not token_is(toks[opened], self.ws.Subordinators):
            return None
        verb = opened - 1
        if not token_is(toks[verb], self.ws.DemandVerbs):
            return None
        subject = next((m for m in reversed(info.mentions) if m.end <= verb and m.actor is not None
                        and m.role in ("np", "agentive") and m.actor not in self.lex.media), None)
        return verb, subject

    def _relative_clause(self, info: SentenceInfo, clause: int) -> int | None:
        """The clause right after this one when it is a relative clause without a trigger of its own."""
        toks = info.sentence.tokens
        for i, tok in enumerate(toks):
            if info.clauses[i] == clause + 1:
                relative = tok.lower in self.ws.RelativePronouns
                if relative and clause + 1 not in info.trigger_clauses and not self._unnamed_subject(info, i):
                    return clause + 1
                return None
        return None

    def _unnamed_subject(self, info: SentenceInfo, pronoun: int) -> bool:
        """'de sancties die het Westen Rusland heeft opgelegd': the relative clause's subject is words the
        gazetteer does not know (an article, then no name), so the state named after it is its object."""
        toks = info.sentence.tokens
        k = pronoun + 1
        if k >= len(toks) or toks[k].lower not in self.ws.Determiners:
            return False
        return not any(m.start in (k, k + 1) for m in info.mentions)

    def _is_reference(self, info: SentenceInfo, match: Match) -> bool:
        """'the expelled Czech diplomats', 'de uitgewezen diplomaten', 'tweets on detained Ivorian troops': a
        participle naming an act told elsewhere."""
        toks = info.sentence.tokens
        if match.end - match.start != 1 or match.start == 0:
            return False
        tok = toks[match.start]
        if toks[match.start - 1].lower not in self.ws.union("Determiners", "Prepositions") or (
                tok.lower == tok.lemma and not tok.lower.endswith("ed")):  # (a lemma the lemmatiser lacks)
            return False
        if not (tok.lower.endswith(("ed", "en", "d", "t"))):
            return False
        nxt = match.end
        staff = self.ws.union("StaffNouns", "DetaineeNouns")
        described = any(m.start == nxt and (m.role in ("owner", "attributive") or m.name.kind == "adjective")
                        for m in info.mentions)
        return nxt < len(toks) and (token_is(toks[nxt], staff) or described)

    def _series_of(self, info: SentenceInfo, match: Match) -> bool:
        """'De reeks uitwijzingen begon half september', 'the wave of expulsions': a series named as a whole, in a
        sentence that names no one, sums up acts told one by one elsewhere."""
        toks = info.sentence.tokens
        k = match.start - 1
        if k > 0 and toks[k].lower in self.ws.PossessiveMarkers:
            k -= 1
        return k >= 0 and toks[k].lower in self.ws.SeriesNouns and all(m.actor is None for m in info.mentions)

    def _decision_undone(self, info: SentenceInfo, match: Match) -> bool:
        """'withdrew its decision to expel the ambassador': the act named is one taken before, now undone."""
        toks = info.sentence.tokens
        k = match.start - 1
        if k >= 0 and toks[k].lower in self.ws.InfinitiveMarkers:
            k -= 1
        if k < 0 or not token_is(toks[k], self.ws.DecisionNouns):
            return False
        return any(token_is(toks[i], self.ws.UndoVerbs) for i in range(k - 1, max(-1, k - 4), -1))

    def _spoken_of(self, info: SentenceInfo, trigger: Trigger, match: Match) -> bool:
        """'Rodriguez called the expulsion unjustified': a measure already told, named again by what is said
        of it, not done by the speaker."""
        toks = info.sentence.tokens
        if match.end - match.start != 1 or match.start == 0:
            return False
        if not token_is(toks[match.start - 1], self.ws.union("Determiners", "Demonstratives")):
            return False
        # right after the verb ("called the expulsion unjustified"), or after the "that" it opens ("zei vorige
        # week dat het wegsturen van de ambassadeur …"), or as the object of a verb at the end of its clause
        # ("had de uitzetting van Hodges … ongerechtvaardigd genoemd")
        told_before = any(e.kind == "act" and e.cls == trigger.cls for e in self.events)
        k = match.start - 2
        if k >= 0 and (toks[k].text == "," or toks[k].lower in self.ws.Coordinators) and any(
                e.kind == "act" and e.reference and e.end <= k and info.clauses[e.start] == info.clauses[k]
                and not any(t.text in CLAUSE_ENDS and t.text != "," for t in toks[e.end:k]) for e in info.events):
            # … and so is the next in a list of them ("ongenoegen uitsprak over de uitzetting, de aanhouding van de
            # vier medewerkers en de arrestatiebevelen")
            return told_before
        clause = info.clauses[match.start]
        opened = match.start >= 2 and toks[match.start - 2].lower in self.ws.Subordinators
        reach = 6 if opened else 2
        if not any(not cue.speaker_after and (0 <= match.start - m.end <= reach
                                              or (m.start >= match.end and info.clauses[m.start] == clause))
                   for cue, m in info.speech_cues):
            return False
        # no state of its own after it ("noemt de maatregel een antwoord op de uitzetting van veertig diplomaten
        # door Berlijn" tells one); whom it sent away may follow ("het terugroepen van de ambassadeurs")
        if match.end < len(toks) and token_is(toks[match.end], self.ws.union("PossessiveMarkers", "AgentMarkers")):
            # (up to the end of its clause, a quote or the next saying: "the expulsion of High Commissioner X
            # 'totally unacceptable' and said he had asked officials to review Britain's relationship with …")
            stop = next((i for i in range(match.end, len(toks)) if toks[i].text in CLAUSE_ENDS or toks[i].text in
                         DOUBLE_QUOTES or any(m.start == i for _, m in info.speech_cues)), len(toks))
            if any(match.end < m.start < stop and m.actor is not None and m.name.kind != "person"
                   for m in info.mentions):
                return False
        return told_before

    def _attached(self, info: SentenceInfo, match: Match) -> Mention | None:
        """An actor glued to a nominal trigger: 'de Russische annexatie', 'Russia's', 'its', 'van Moskou'.

        An adjective only right before the trigger: one word further it names whose noun that is
        ('de landingsrechten van een Iraans regeringsvliegtuig ingetrokken': the plane is Iranian)."""
        toks = info.sentence.tokens
        possessives = self.ws.PossessivePronouns
        organisations = self.lex.memo(("organisations with members",), _organisations, self.lex)
        for m in info.mentions:
            if m.actor is None:
                continue
            if m.role == "attributive" and m.end == match.start:
                return m
            if m.end == match.start and m.name.kind == "name" and m.actor in organisations:
                return m  # "a NATO air strike", "the EU sanctions": an organisation's name on its act
            if m.role == "possessor" and (m.end + 1 == match.start or m.start - match.end in (1, 2)
                                          or self._described_between(toks, m.end + 1, match.start)) \
                    and not self._owned_by(info, m):  # "ontbiedt ambassadeur van Azerbeidzjan": whose envoy
                return m
        j = match.start - 1
        # ("de betrekkingen met Vaticaanstad zijn opgeschort.": "zijn" before a verb ending its clause is no "his")
        auxiliary = toks[j].lower in self.ws.Auxiliaries and (
            match.end >= len(toks) or toks[match.end].text in CLAUSE_ENDS)
        if j >= 0 and toks[j].lower in possessives and not auxiliary:
            before = [m for m in info.mentions if m.end <= j and m.actor is not None and m.role != "location"]
            if before:
                return before[-1]
        return None

    @staticmethod
    def _described_between(toks: list[Token], start: int, end: int) -> bool:
        """'Russia's full-scale invasion': a few lower-case words describing the noun between whose and what."""
        return 0 < end - start <= DESCRIBED_REACH and all(
            t.text == "-" or (t.text.isalpha() and t.text.islower()) for t in toks[start:end])

    def _numbers(self, info: SentenceInfo, event: Event, clause: int) -> None:
        toks = info.sentence.tokens
        staff = self.ws.StaffNouns
        cap_markers = self.ws.CapMarkers
        numbers = self.lex.numbers
        for i, tok in enumerate(toks):
            if info.clauses[i] != clause or not (tok.lower in numbers or tok.text.isdigit()):
                continue
            n = _number(tok, self.lex)
            if n is None or (tok.text.isdigit() and len(tok.text) == 4):
                continue
            after = toks[i + 1:i + 4]
            if event.count is None and any(token_is(t, staff) for t in after):
                event.count = n
            if i > event.start and i > 0 and toks[i - 1].lower in cap_markers and event.cls == MISSION_DOWNSIZING:
                event.cap_after = n

    def _date(self, info: SentenceInfo, event: Event, clause: int, relative: int | None = None) -> None:
        toks = info.sentence.tokens
        since = self.ws.SinceMarkers
        when = self.ws.WhenClauseWords
        own = [d for d in info.dates if (info.clauses[d.start] in (clause, relative) or (
                   # "since 1971, when Britain sent 105 officials home": the date of the clause it opens
                   d.end + 1 < len(toks) and toks[d.end].text == "," and toks[d.end + 1].lower in when
                   and info.clauses[d.end + 1] == clause))
               and not (d.reporting and clause in info.cue_clauses)
               # "the first country to expel an envoy since the crisis erupted in April": when the story began
               and not any(t.lower in since for t in toks[event.end:d.start])]
        if not any(not d.future for d in own) and not self.later_words.isdisjoint(info.sentence.where.keys()):
            # "Two days later Moscow expelled …", "de dag erna": dated from the act told before it
            in_clause = [i for i, c in enumerate(info.clauses) if c == clause]
            # ("Within hours Erdogan told a news conference that Turkey was recalling …": a phrase that opens the
            # sentence dates what it reports too)
            in_clause += [i for i in range(min(OPENING_WORDS, len(toks))) if info.clauses[i] < clause]
            opens = in_clause[0] if in_clause else 0
            coordinators = self.ws.Coordinators
            if clause > 0 and 0 < opens and coordinators & {toks[opens].lower, toks[opens - 1].lower}:
                # ("had announced a day earlier that they would not recognise it, and Jakarta recalled …": a clause
                # joined by "and" is told on the day of the main clause before it)
                in_clause += [i for i, c in enumerate(info.clauses) if c == 0]
            later = later_offset(toks, in_clause, self.lex, self.lang)
            # (nothing done before it, only said: "Nadat de hoge commissie had geprotesteerd, … de ochtend erna werd
            # hoge commissaris Shaheeb ontboden": from what was said)
            at = event.order
            before = [e for e in self.events if e.kind == "act" and e.order < at] or [
                e for e in self.events if e.order < at]
            published = self.article.date
            if later == 0 and any(toks[i].lower in self.ws.WithinWords or toks[i].lower in self.ws.SameWords
                                  for i in in_clause):
                # "within hours", "nog dezelfde dag" follow a recent act, not the background told just before it
                before = [e for e in before if e.date is None or e.date.year >= published.year]
            scene = self._scene_before(info) if later is not None else None
            if scene is not None:
                # "On Monday the coalition voted to switch to China. Taipei responded the same day by cutting
                # ties": the day the sentence before tells, when it tells no act of its own
                try:
                    event.date, event.date_source = scene.shift_days(later), "relative"
                    return
                except ValueError:
                    pass
            if later is not None and before:
                event.offset_from = (before[-1], later)
                return
        if not own and self._then(info, event, clause):
            # "Last Wednesday the Foreign Office told … Nigeria then ordered two British diplomats out": after the act
            # told before, how long after unsaid: its month
            before = [e for e in self.events if e.kind == "act" and e.order < event.order]
            if before:
                event.offset_from, event.rough = (before[-1], 0), True
                return
        free = [d for d in info.dates if (info.clauses[d.start] not in info.trigger_clauses
                                          and info.clauses[d.start] not in info.cue_clauses) or d.reporting]
        free.sort(key=lambda d: abs(info.clauses[d.start] - clause))
        pools = [(own, "clause")]
        if clause in info.cue_clauses:
            for _cue, m in info.response_cues:
                if info.clauses[m.start] == clause:
                    offset = relative_offset(info.sentence.tokens, m.start, self.lex, self.lang)
                    earlier = [e for e in info.events if e.clause < clause and e.kind == "act"]
                    if offset is not None and earlier and not any(not d.future for d in own):
                        event.offset_from = (earlier[-1], -offset)
                        return
        else:
            for _cue, m in info.response_cues:  # "Two days after Baku expelled …, Paris …": from the cause
                cue_clause = info.clauses[m.start]
                if cue_clause < clause and cue_clause in info.cue_clauses and not any(not d.future for d in own):
                    causes = [e for e in info.events if e.clause == cue_clause and e.kind == "act"]
                    offset = relative_offset(info.sentence.tokens, m.start, self.lex, self.lang)
                    if offset is not None and causes:
                        event.offset_from = (causes[0], offset)
                        return
                    said = self._said_by_named(info, cue_clause) if offset is not None and not causes else None
                    if said is not None:
                        # "Two days after Abidjan's demand, Bamako suspended …": from the day that saying was told
                        try:
                            event.date, event.date_source = said.shift_days(offset), "relative"
                            return
                        except ValueError:
                            pass  # off the calendar
            pools.append((free, "sentence"))
            # "Georgia broke off relations after the two fought a brief war in 2008": a cause clause that tells
            # no act of its own still dates what followed it
            pools.append(([d for d in info.dates if info.clauses[d.start] in info.cue_clauses
                           and info.clauses[d.start] > clause and info.clauses[d.start] not in info.trigger_clauses],
                          "after-cause"))
            # "Nadat veiligheidstroepen op 14 augustus de kampen hadden ontruimd, riep Turkije zijn ambassadeur
            # terug": soon after the day of its cause, told before it; the month says no more than the text
            pools.append(([replace(d, date=d.date.coarsen("month")) for d in info.dates
                           if info.clauses[d.start] in info.cue_clauses and info.clauses[d.start] < clause
                           and info.clauses[d.start] not in info.trigger_clauses], "after-cause"))
        for pool, source in pools:
            past = [d for d in pool if not d.future]
            future = [d for d in pool if d.future]
            if future and event.effective is None:
                event.effective = future[0].date
            if past:
                best = min(past, key=lambda d: abs(d.start - event.start))
                event.date, event.date_source = best.date, source
                return
        told = self._told_on_before(info, event, clause) if not info.dates else None
        if told is not None:
            event.offset_from = (told, 0)
            return
        cause = self._cause_told_before(info, event, clause) if not info.dates else None
        if cause is not None:
            # "After the execution Brazil recalled its ambassador": after the day of its cause, how long unsaid
            event.offset_from, event.rough = (cause, 0), True

    def _told_on_before(self, info: SentenceInfo, event: Event, clause: int) -> Event | None:
        """'On 9 November Rwanda expelled the German ambassador. Germany recalled its own ambassador.': an act told
        in the simple past, in a sentence that names no day, right after a sentence of its paragraph that tells an act
        on a day of its own, goes on with that day's story (not in the perfect, which tells today's news: "Germany has
        recalled …")."""
        if event.kind != "act" or clause in info.cue_clauses or len(self.infos) < 2 or self.infos[-1] is not info:
            return None
        prev = self.infos[-2]
        if prev.sentence.paragraph != info.sentence.paragraph:
            return None
        if not self.ws.PerfectAuxiliaries.isdisjoint(info.sentence.where.keys()):
            return None
        dated = [e for e in prev.events if e.kind == "act" and e.date_source == "clause" and e.date is not None
                 and e.date != self.article.date and e.date.precision == "day"]
        return dated[-1] if dated else None

    def _cause_told_before(self, info: SentenceInfo, event: Event, clause: int) -> Event | None:
        """The act a cue such as "after" puts before an undated act, when it names (undated) an act of a class told in
        an earlier sentence, past the lead paragraph (there the news is the article's day)."""
        if event.kind != "act" or clause in info.cue_clauses or info.sentence.paragraph == 0:
            return None
        if not any(cue.requires_cause for cue, _ in info.response_cues):
            return None
        return next((e for e in info.events if e.kind == "act" and e.clause in info.cue_clauses and e.date is None
                     and any(o.kind == "act" and o.cls == e.cls and o.sentence is not info.sentence
                             for o in self.events)), None)

    def _then(self, info: SentenceInfo, event: Event, clause: int) -> bool:
        """'Nigeria then ordered …', 'Vervolgens zette Rusland … uit': a word of sequence before the trigger in its
        clause (not 'since then')."""
        toks = info.sentence.tokens
        then, since = self.ws.ThenWords, self.ws.SinceMarkers
        if info.sentence.where.keys().isdisjoint(then):
            return False
        return any(toks[i].lower in then and info.clauses[i] == clause and not (i > 0 and toks[i - 1].lower in since)
                   for i in range(event.start))

    def _said_by_named(self, info: SentenceInfo, clause: int) -> PartialDate | None:
        """The day of the latest saying of the actor a cue's clause names beside a speech noun ("after Abidjan's
        demand"): the day its own words give, or the one day its paragraph tells; None when the clause names no
        saying or the text gives no such day."""
        toks = info.sentence.tokens
        if not any(token_is(toks[i], self.ws.SpeechNouns) for i, c in enumerate(info.clauses) if c == clause):
            return None
        named = {m.actor for m in info.mentions if info.clauses[m.start] == clause and m.actor is not None}
        said = next((e for e in reversed(self.events) if e.kind == "speech" and e.actor in named
                     and e.sentence is not info.sentence), None)
        if said is None:
            return None
        # (undated itself, it was said on the one day its paragraph tells: "Sarassoro said on July 12 … Abidjan
        # demanded their immediate release")
        days = {said.date} if said.date is not None and said.date_source == "clause" else {
            d.date for i in self.infos if i.sentence.paragraph == said.sentence.paragraph
            for d in i.dates if not d.future}
        day = days.pop() if len(days) == 1 else None
        return day if day is not None and day.precision == "day" else None

    # ------------------------------------------------------------------ speech
    def _speech(self, info: SentenceInfo) -> Event | None:
        # "according to X, …" attributes a claim even beside an act; "X said it expelled …" does not, but
        # a second verb that says more than "said" does ("… said it would withdraw its envoy, and
        # dismissed the allegations")
        # (an annexation or attack no one is named for is not what the speaker did: "… was illegaal, zei Nederland")
        if not info.speech_cues:
            return None
        # (nor is a cause told in a clause of its own: "kondigde maatregelen aan na de arrestatie van …")
        acts = [e for e in info.events if e.kind == "act" and not e.reference
                and not (e.explicit_actor and e.actor is None)
                and not (e.actor is None and e.clause in info.cue_clauses)]

        def apart(match: Match) -> bool:
            """'India suspended visas, a row that began when Trudeau said …': the saying has a clause of its
            own after the acts, so it is not how they are told."""
            clause = info.clauses[match.start]
            toks = info.sentence.tokens
            if match.start > 0 and toks[match.start - 1].lower in self.ws.Coordinators and all(
                    e.end <= match.start for e in acts):
                return True  # "Spanje riep de ambassadeur terug en eiste publieke excuses": a saying of its own
            if clause in info.cue_clauses:  # "… after Milei called Petro a terrorist": the saying is the cause
                # (not "…, the ministry said" closing the sentence: that tells all of it)
                opened = next(i for i in range(match.start + 1) if info.clauses[i] == clause)
                dated = {i for d in info.dates for i in range(d.start, d.end)}
                closing = all(t.text in ".!?\"”’'" or i in dated or t.lower in self.ws.DateLeadWords
                              for i, t in enumerate(toks[match.end:], match.end))
                return all(e.clause != clause for e in acts) and not (closing and any(
                    t.text == "," for t in toks[opened:match.start]))
            return all(e.end <= match.start and e.clause != clause for e in acts)

        def describes_act(match: Match) -> bool:
            """'sancties die de EU had aangekondigd': the verb tells how a measure came, it is no saying."""
            clause = info.clauses[match.start]
            opened = next(i for i in range(match.start + 1) if info.clauses[i] == clause)
            toks = info.sentence.tokens
            if opened == 0 or not token_is(toks[opened], self.ws.RelativePronouns):
                return False
            k = opened - 1 if toks[opened - 1].text != "," else opened - 2
            return any(e.kind == "act" and e.start <= k < e.end for e in info.events)

        chosen = None
        # a verb inside a quote is the speaker's words; the verb outside it tells who speaks
        # ('"Wij betreuren het zeer …", zei een woordvoerder van het Auswärtiges Amt')
        quoted = _quoted_tokens(info.sentence)
        outside = [m for _, m in info.speech_cues if m.start not in quoted]
        for cue, match in info.speech_cues:
            if describes_act(match) or (match.start in quoted and outside) or self._said_by_others(info, match):
                continue
            cls = cue.cls if cue.cls not in (None, STATEMENT) else self._claim(info, match, quoted, apart(match))
            if not acts or cue.speaker_after or cls not in TELLING or apart(match):
                chosen = cue, match
                break
        if chosen is None:
            return None
        cue, match = chosen
        s = info.sentence
        has_act = bool(acts) and not cue.speaker_after and not apart(match)
        if cls in TELLING and has_act:
            return None  # "Russia said it was expelling ...": the act is the news, not the saying
        toks = s.tokens
        if cls == STATEMENT and len(toks) > 1 and toks[0].lower in self.ws.Demonstratives and (
                token_is(toks[1], self.ws.Auxiliaries) or match.start == 1):
            return None  # "Dat heeft minister Landsbergis maandag aangekondigd": who told the measures before
        speaker = None
        inverted = False
        referred = False  # the speaker is what a pronoun refers to ("which", "wat het … noemt")
        co_speakers: list[Mention] = []
        if cue.speaker_after:
            speaker = next((m for m in info.mentions if m.start >= match.end and m.role == "speaker"), None)
            toks = s.tokens
            if speaker is None and match.end + 1 < len(toks) and toks[match.end].lower in self.ws.PossessivePronouns \
                    and token_is(toks[match.end + 1], self.ws.GovernmentNouns):
                # "President Dilma Rousseff is volgens haar woordvoerder …": her spokesman speaks for her
                speaker = next((m for m in reversed(info.mentions) if m.end <= match.start and m.actor is not None
                                and m.role in ("np", "agentive")), None)
        else:
            # (who is named inside a quote is in the speaker's words: '"De Hongaarse autoriteiten …", zei president
            # Sargsjan')
            before = [m for m in info.mentions if m.end <= match.start and m.actor is not None
                      and m.role in ("np", "agentive", "possessor", "agent") and m.start not in quoted]
            comma = next((k for k in range(match.start - 1, max(-1, match.start - 7), -1)
                          if s.tokens[k].text == ","), None)
            if comma is not None and comma < match.start - 1 and not token_is(
                    s.tokens[comma + 1], self.ws.union("RelativePronouns", "Subordinators", "Coordinators")):
                # "…, the ministry said": who speaks stands between the comma and the verb, whoever the
                # words before it name
                before = [m for m in before if m.start > comma]
            document = self._document_relative(info, match)
            if document is not None:
                # "the Security Council adopted a resolution that demands …", "de resolutie, die Bagdad opdraagt
                # …": who adopted the text speaks, named before it (not who the clause names before its verb)
                before = [m for m in before if m.end <= document]
            relative = self._relative_antecedent(info, match)
            pronoun = self._pronoun_speaker(info, match, quoted)
            referred = relative is not None or pronoun is not None
            if relative is not None:  # "… the U.N. humanitarian office OCHA, which has warned that …"
                before = [relative]
            elif pronoun is not None:  # "vanwege wat het de anti-Israëlische politiek van Ierland noemt"
                before = [pronoun]
            elif comma is not None and comma == match.start - 1 and before:
                # "Ethiopia has ordered seven United Nations officials to leave, accusing them of …": a verb
                # right after a comma has the subject of the clause before it
                subjects = [m for m in before if m.role in ("np", "agentive") and m.actor not in self.lex.media]
                before = subjects[:1] or before
            both = self._both(info, match)
            if both:  # "nadat beide landen hadden aangekondigd …": the two states just named, each
                before, co_speakers = both[1:], both[:1]
            if before:
                persons = [m for m in before if m.name.kind == "person"]
                speaker = persons[-1] if persons else before[-1]
                first = before[0]
                if not persons and len(before) > 1 and self.lang == "nl" and first.role in ("np", "agentive") \
                        and first.end < match.start and token_is(s.tokens[first.end], self.ws.Auxiliaries):
                    # "De Maldiven hebben India formeel gevraagd …": the subject before the auxiliary speaks, not
                    # the object between it and the participle
                    speaker = first
                if not persons and not both:  # "Nederland en Australië houden Rusland verantwoordelijk": each says it
                    k = before.index(speaker)
                    while k > 0 and self._joined(info, before[k - 1], before[k]):
                        k -= 1
                        co_speakers.append(before[k])
                    lead = s.tokens[:co_speakers[-1].start] if co_speakers else []
                    if any(t.lower not in self.ws.Determiners and t.lower not in self.ws.CueModifiers for t in lead):
                        co_speakers = []  # "de ambassadeurs van de VS, Duitsland en Nederland": one joint saying
            elif match.start > 0 and s.tokens[match.start - 1].text in ",”\"'’":
                # a quote, then the verb, then who spoke: '"…", zei de woordvoerder van Rusland'
                after = [m for m in info.mentions if match.end <= m.start <= match.end + 6
                         and m.actor is not None and m.role not in ("location",)]
                speaker = after[0] if after else None
                inverted = speaker is not None
            elif self.lang == "nl" and self._fronted_time(info, match.start):
                # "Woensdag dreigde de Russische voedselwaakhond met …": a time put first, then the verb, then who
                # speaks (before any clause of what is said)
                stop = next((k for k in range(match.end, len(toks)) if token_is(toks[k], self.ws.Subordinators)),
                            len(toks))
                after = [m for m in info.mentions if match.end <= m.start <= match.end + 4 and m.start < stop
                         and m.actor is not None and m.role != "location"]
                speaker = after[0] if after else None
                inverted = speaker is not None
            if speaker is None:
                # "De Russische ambassade in Den Haag noemt …", "a Chinese diplomat said": staff and missions
                # speak for the state they serve
                # (its subject, at the head of the sentence, may carry a name between commas: "De Russische
                # ambassadeur in Kopenhagen, Vladimir Barbin, sprak van …")
                speaker = next((m for m in info.mentions if m.end <= match.start and m.actor is not None
                                and m.role == "owner" and (not _comma_between(s, m, match) or all(
                                    t.lower in self.ws.Determiners for t in s.tokens[:m.start]))), None)
        event = Event(cls, "speech", s, match.start, match.end, info.clauses[match.start])
        event.spans.append((s.start, s.end))
        if speaker is not None and speaker.actor is not None:
            event.actor, event.actor_source = speaker.actor, "sentence"
            if speaker.name.kind == "person":
                event.agent = speaker.name.entity
            agentive = [m for m in info.mentions if m.role == "agentive" and m.end <= match.start]
            if speaker.name.kind != "person" and agentive and not referred:
                event.actor = agentive[0].actor
        else:
            gov = word_forms(self.lex, GOVERNMENT_SETS, self.lang)  # "onderminister", "vicepremier"
            pronouns = self.ws.SubjectPronouns
            # ('"Wij waarschuwen Syrië voor de laatste keer," zei premier Mesut Yilmaz': an office after the verb
            # that a quote or a comma puts first)
            after_verb = s.tokens[match.end:match.end + 3] if match.start > 0 and not cue.speaker_after and \
                s.tokens[match.start - 1].text in INVERSION_MARKS else []
            if not any(token_is(t, pronouns) or gov.holds(t) for t in s.tokens[:match.start]) \
                    and not any(gov.holds(t) for t in after_verb):
                return None
            event.actor_source = "discourse-speaker"
            if any(t.lower in self.ws.PersonalPronouns for t in s.tokens[:match.start]):
                event.actor_source = "discourse-person"  # "Hij riep de Oekraïners op …": the person just named
        if event.actor in self.lex.media or (speaker is not None and speaker.actor in self.lex.media):
            event.cls = CLAIM
        if (cue.speaker_after or inverted) and speaker is not None:
            event.attributed_to = speaker.actor
        event.co_actors = [a for a in dict.fromkeys(m.actor for m in co_speakers) if a is not None and a != event.actor]
        event.targets = [m.actor for m in info.mentions if m.actor is not None and m is not speaker
                         and m.role not in ("location", "speaker") and m.actor != event.actor
                         and m not in co_speakers and not self._describes_members(info, m, event.actor)]
        event.targets = list(dict.fromkeys(event.targets))
        if not event.targets and speaker is not None and speaker.role == "owner":
            # "de Russische ambassade in Den Haag noemt …": a mission speaks to the state it is posted in
            host = [_state_of(m) for m in info.mentions if m.role == "location" and 0 < m.start - speaker.end <= 3]
            event.targets = [h for h in host[:1] if h is not None and h != event.actor]
        event.quote = _quoted(s) or s.text
        # dates after the cue belong to what was said, not to the saying, except one right after the verb,
        # before the clause of what was said opens ("warned last month that …", "noemde Nederland zaterdag …")
        subordinators = self.ws.Subordinators
        # after a quote ('"…", zei Nederland vrijdag') the dates before the verb are what was said about
        quoted = inverted or (match.start > 0 and toks[match.start - 1].text in INVERSION_MARKS - {","})
        # (a verb of condemning or denying takes a short object before its day: "condemned the attack on Wednesday")
        # (… and so does a Dutch verb of saying: "noemde de Amerikaanse stappen woensdag ronduit wild")
        reach = 2 if cue.cls in (None, STATEMENT) and self.lang != "nl" else 4
        # (not a day told in a relative clause about the speaker: "Miliband, who announced the expulsions on Monday,
        # said he was disappointed")
        described = self._relative_clauses(info, match.start)
        past = [d for d in info.dates if not d.future and d.end <= match.start and not quoted
                and info.clauses[d.start] not in described] or [
            d for d in info.dates if not d.future and match.start < d.start and d.end < match.end] or [
            d for d in info.dates if not d.future and 0 <= d.start - match.end <= reach
            and not any(t.lower in subordinators or t.text in CLAUSE_ENDS for t in s.tokens[match.end:d.start])]
        if past:
            event.date, event.date_source = past[0].date, "clause"
        elif match.start > 0 and toks[match.start - 1].text == ",":
            # "…, accusing him of …, and declared him persona non grata on Sept. 26": said as it was done
            dated = [e for e in acts if e.date is not None and e.date_source == "clause" and e.clause not in described]
            if dated:
                event.date, event.date_source = dated[0].date, "clause"
        elif not acts and not self.later_words.isdisjoint(s.where.keys()):
            self._date_said_later(info, event, match)
        return event

    def _relative_clauses(self, info: SentenceInfo, before: int) -> set[int]:
        """The clauses before token `before` that a relative pronoun opens after a comma and a comma closes, and
        that tell an act of their own."""
        toks = info.sentence.tokens
        relative = self.ws.RelativePronouns
        found: set[int] = set()
        for i in range(1, before):
            if toks[i].lower in relative and toks[i - 1].text == ",":
                c = info.clauses[i]
                end = max(k for k in range(i, before) if info.clauses[k] == c) + 1
                closed = toks[end - 1].text == "," or (end < before and toks[end].text == ",")
                if c in info.trigger_clauses and closed:
                    found.add(c)  # (one that tells no act may tell when the saying came: "which met on Tuesday")
        return found

    def _date_said_later(self, info: SentenceInfo, event: Event, match: Match) -> None:
        """'Foreign Secretary Mathai summoned Mancini the next day … and Singh told parliament …': words said a day
        or hours after the day the text told last, counted from it (the sentence before, or the last dated event)."""
        later = later_offset(info.sentence.tokens, range(len(info.sentence.tokens)), self.lex, self.lang)
        if later is None:
            return
        base = self._scene_before(info) or next(
            (e.date for e in reversed(self.events) if e.sentence is not info.sentence and e.date is not None
             and e.date_source in ("clause", "sentence")), None)
        if base is not None and base.precision == "day":
            try:
                event.date, event.date_source = base.shift_days(later), "relative"
            except ValueError:
                pass  # off the calendar

    def _owned_by(self, info: SentenceInfo, m: Mention) -> bool:
        """Whether a mention after "of"/"van" names whose staff, envoy or mission it is ("officials of the U.N.")."""
        toks = info.sentence.tokens
        k = m.start - 1
        while k >= 0 and token_is(toks[k], self.ws.Determiners):
            k -= 1
        ws = self.ws
        return k >= 1 and token_is(toks[k - 1], ws.union("StaffNouns", "EnvoyNouns", "MissionNouns"))

    def _describes_members(self, info: SentenceInfo, m: Mention, actor: URIRef | None) -> bool:
        """'between the two NATO allies', 'EU-lidstaten': an organisation the actor belongs to, naming its
        members, is no target of what the actor says."""
        if m.actor not in self.lex.member_of.get(actor, ()):
            return False
        toks = info.sentence.tokens
        return m.role == "attributive" or (m.end < len(toks) and token_is(toks[m.end], self.ws.MemberNouns))

    def _both(self, info: SentenceInfo, match: Match) -> list[Mention]:
        """'beide landen', 'both countries' before a speech verb in its clause: the last two states named before."""
        toks = info.sentence.tokens
        clause = info.clauses[match.start]
        at = next((i for i in range(match.start) if info.clauses[i] == clause and toks[i].lower in self.ws.BothWords),
                  None)
        if at is None:
            return []
        named: list[Mention] = []
        for m in reversed([m for m in info.mentions if m.end <= at and m.actor is not None]):
            if all(m.actor != n.actor for n in named):
                named.append(m)
            if len(named) == 2:
                return named[::-1]
        return []

    def _pronoun_speaker(self, info: SentenceInfo, match: Match, quoted: set[int]) -> Mention | None:
        """'… over what it called Moscow's malign activities': a pronoun opening the saying's clause, before any
        name in it, stands for the subject named last before it."""
        clause = info.clauses[match.start]
        toks = info.sentence.tokens
        start = next(i for i in range(match.start + 1) if info.clauses[i] == clause)
        first_name = min((m.start for m in info.mentions if start <= m.start < match.start), default=match.start)
        pronoun = next((i for i in range(start, first_name) if toks[i].lower in self.ws.SubjectPronouns), None)
        if pronoun is None or (match.start not in quoted and pronoun in quoted):
            return None  # (a pronoun in a quote before the verb is in the speaker's words)
        personal = toks[pronoun].lower in self.ws.PersonalPronouns
        if personal:
            # "declared North Korea's ambassador, Kang Chol, persona non grata …, after he failed to apologise for
            # saying …": "he" is the person or the envoy named before it, not the state that acted
            envoys = self.ws.EnvoyNouns
            person = next((m for m in reversed(info.mentions) if m.end <= pronoun and m.actor is not None and (
                m.name.kind == "person" or (m.role == "owner" and m.end < len(toks) and token_is(toks[m.end], envoys))
                or (m.end + 1 < len(toks) and toks[m.end].text in ("'s", "’s") and token_is(toks[m.end + 1], envoys)))),
                None)
            if person is not None:
                return person
        # ("a day after Lima expelled Ambassador Diego Molero over what it called …": "it" is no person)
        return next((m for m in reversed(info.mentions) if m.end <= pronoun and m.actor is not None
                     and m.role in ("np", "agentive") and m.actor not in self.lex.media
                     and (personal or m.name.kind != "person")), None)

    def _said_by_others(self, info: SentenceInfo, match: Match) -> bool:
        """'… to shield farmers who say cheap grain has depressed prices': a verb opening a relative clause on a
        noun that names no actor is said by those the noun names, no state."""
        toks = info.sentence.tokens
        k = match.start - 1
        while k >= 0 and token_is(toks[k], self.ws.Auxiliaries):
            k -= 1
        if k < 1 or not token_is(toks[k], self.ws.RelativePronouns) or not toks[k - 1].text[:1].isalpha():
            return False
        if self._document_relative(info, match) is not None:
            return False  # "adopted a resolution that demands …": the words of whoever adopted it
        return not any(m.end == k and m.actor is not None for m in info.mentions)

    def _document_relative(self, info: SentenceInfo, match: Match) -> int | None:
        """Where the relative pronoun stands when the verb opens a relative clause on a text a body adopted ('a
        resolution that demands', 'de resolutie, die … opdraagt'); None otherwise."""
        toks = info.sentence.tokens
        clause = info.clauses[match.start]
        k = next(i for i in range(match.start + 1) if info.clauses[i] == clause)
        if k < 1 or not token_is(toks[k], self.ws.RelativePronouns):
            return None
        noun = k - 2 if toks[k - 1].text == "," else k - 1
        return k if noun >= 0 and token_is(toks[noun], self.ws.DocumentNouns) else None

    def _relative_antecedent(self, info: SentenceInfo, match: Match) -> Mention | None:
        """Who a speech verb in a relative clause is said by: the actor named right before ", which" ("the
        U.N. office OCHA, which has warned …", "de Russische ambassade, die liet weten …")."""
        toks = info.sentence.tokens
        k = match.start - 1
        while k >= 0 and token_is(toks[k], self.ws.Auxiliaries):
            k -= 1
        if k < 1 or not token_is(toks[k], self.ws.RelativePronouns) or toks[k - 1].text != ",":
            return None
        return next((m for m in reversed(info.mentions) if m.end <= k - 1 and k - 1 - m.end <= RELATIVE_REACH
                     and m.actor is not None and m.role != "location"), None)

    def _claim(self, info: SentenceInfo, match: Match, quoted: set[int], apart: bool = False) -> URIRef:
        """What plain reported speech is by its words: a denial, an accusation or a statement. Only the words
        before an act it tells count ("said Japan had taken a hostile course and that the diplomats must
        leave": an accusation; "said it was expelling ten diplomats": the act is the news). A saying told
        apart from the acts of its sentence ("… after Milei called Petro a murderous terrorist") has its words."""
        toks = info.sentence.tokens
        acts = [e.start for e in info.events if e.kind == "act" and not e.reference]
        # (acts all told before the verb: the words after it say why, "shot down the bomber, saying it had violated
        # Turkish airspace")
        before_comma = match.start > 0 and toks[match.start - 1].text == ","
        end = min((a for a in acts if a >= match.end),
                  default=match.end if acts and not apart and not before_comma else len(toks))
        # (and the words in a gapped verb: "spraken dinsdag hun veroordeling en verbazing uit")
        said = [toks[i] for i in range(match.start, match.end) if i not in match.positions] + toks[match.end:end]
        clause = info.clauses[match.start]
        if not acts:  # '"… a serious antisemitic attack", Katz said': the quoted words before the verb are said too
            said = [toks[i] for i in sorted(quoted) if i < match.start] + said
        if apart and clause in info.cue_clauses:
            # … and told as a cause, in Dutch the words before the verb closing its clause ("vanwege wat het … noemt")
            said = [t for i, t in enumerate(toks[:match.start]) if info.clauses[i] == clause] + said
        words = {t.lower for t in said} | {t.lemma for t in said}
        if not words.isdisjoint(self.ws.DenialWords):
            return DENIAL
        # (or a warning quoted: '"Wij waarschuwen Syrië voor de laatste keer," zei premier Yilmaz')
        warned = any(token_is(toks[i], self.ws.WarnVerbs) for i in match.positions)
        warns = warned or any(token_is(t, self.ws.WarnVerbs) for t in said)
        threat_phrases = self.lex.words(THREAT_WORDS, self.lang)
        if warned and any(_ends_phrase(said, i, threat_phrases) for i in range(1, len(said))):
            # "warned that other action might become necessary if … the release of the hostages": the measures
            # held out make it a threat, whatever it blames
            return THREAT
        if not words.isdisjoint(self.ws.AccusationWords):
            return ACCUSATION
        if warns and (
                not words.isdisjoint(self.ws.ThreatWords)
                or any(_ends_phrase(said, i, threat_phrases) for i in range(1, len(said))) or (
                    not words.isdisjoint(self.ws.Hypotheticals) and not words.isdisjoint(self.measure_words()))):
            # "warned of the consequences", "waarschuwde begin mei voor de gevolgen"; "warned that Kyiv could stop
            # imports of Polish fruit": a measure it may take
            return THREAT
        # "China said it would resolutely take necessary measures": what a state will do to another, unwarned (not
        # the measure the sentence tells: "said it would retaliate by dropping Japan from its list")
        if not acts and not words.isdisjoint(self.ws.FutureModals) and (
                not words.isdisjoint(self.ws.UnwarnedThreatWords) or any(
                    _ends_phrase(said, i, self.lex.words(UNWARNED_THREAT_WORDS, self.lang))
                    for i in range(1, len(said)))):
            return THREAT
        if not words.isdisjoint(self.ws.CriticismWords):
            return CRITICISM
        return STATEMENT

    def _retaliation_nouns(self, info: SentenceInfo) -> None:
        where = info.sentence.where
        found = self.is_retaliation.among(where.keys())
        if not found:
            return  # most sentences
        words = self.ws.RetaliationNouns
        stems = self._retaliation_stems()
        neg = self.ws.Negations
        toks = info.sentence.tokens
        hits = sorted({i for w in found for i in where[w]})
        for i in hits:
            tok = toks[i]
            if not (token_is(tok, words) or tok.lower.startswith(stems)):
                continue
            if i > 0 and toks[i - 1].lower in neg:
                continue
            if any(token_is(t, self.ws.DenialWords) for t in toks[:i]):
                continue  # "Beijing denies that it is retaliating": no retaliation, by its word
            adj = [m for m in info.mentions if m.role == "attributive" and 0 < i - m.end + 1 <= 2]
            subj = [m for m in info.mentions if m.actor is not None and m.role in ("np", "agentive", "possessor")
                    and m.start < i]
            chosen = adj[0] if adj else (subj[0] if subj else None)
            if chosen is not None and chosen.actor is not None:
                self.retaliators.add(chosen.actor)


def _state_of(place: Mention) -> URIRef | None:
    """The state a place mention lies in: the state itself, or the state of a city ("in Den Haag")."""
    return place.actor if place.name.kind == "name" else place.name.state


def _organisations(lex: Lexicon) -> frozenset[URIRef]:
    """The organisations the gazetteer gives members."""
    return frozenset(org for orgs in lex.member_of.values() for org in orgs)


def _per_co_actor(parts: list[Event]) -> list[Event]:
    """The same acts by each actor joined to the subject, numbered after the parts one trigger already told."""
    return [replace(e, actor=actor, co_actors=[], part=e.part + len(parts) * j, spans=list(e.spans), links=[],
                    merged=[])
            for j, actor in enumerate(parts[0].co_actors, start=1) for e in parts] if parts else []


def _first_dash(toks: list) -> int | None:
    """Where the first dash of a dateline stands within its reach, if any."""
    for i in range(min(DATELINE_REACH, len(toks))):
        if toks[i].text in DATELINE_DASHES:
            return i
    return None


def _comma_between(sentence: Sentence, mention: Mention, match: Match) -> bool:
    lo, hi = sorted((mention.start, match.start))
    return any(t.text in ",;:" for t in sentence.tokens[lo:hi])


def _non_overlapping(matches: list[tuple[Cue, Match]]) -> list[tuple[Cue, Match]]:
    if len(matches) < 2:
        return list(matches)  # most sentences: nothing can overlap
    out: list[tuple[Cue, Match]] = []
    used: set[int] = set()
    for cue, m in sorted(matches, key=lambda cm: (-(cm[1].end - cm[1].start), cm[1].start)):
        if used.intersection(range(m.start, m.end)):
            continue
        out.append((cue, m))
        used.update(range(m.start, m.end))
    return sorted(out, key=lambda cm: cm[1].start)


def _after_apposition(sentence: Sentence, comma: int, mentions: list[Mention]) -> bool:
    """'Celso Amorim, Lula's chief foreign policy adviser, called …': the comma before the verb closes a
    description of the subject that opens the sentence, so the verb is not inverted."""
    toks = sentence.tokens
    if toks[comma].text != ",":
        return False
    first = next((k for k in range(comma) if toks[k].text == ","), None)
    if first is None or first == comma or first > APPOSITION_SUBJECT:
        return False
    if any(t.text in DOUBLE_QUOTES for t in toks[:comma]):
        return False
    return any(m.start == 0 and m.end == first for m in mentions) or all(t.text[:1].isupper() for t in toks[:first])


def _quoted_tokens(sentence: Sentence) -> set[int]:
    """Indexes of the tokens between a pair of double quotation marks."""
    inside: set[int] = set()
    if not any(q in sentence.text for q in DOUBLE_QUOTES):
        return inside  # most sentences quote no one
    opened: int | None = None
    for i, t in enumerate(sentence.tokens):
        if t.text in DOUBLE_QUOTES:
            if opened is None and t.text not in CLOSING_QUOTES:
                opened = i
            elif opened is not None:
                inside.update(range(opened + 1, i))
                opened = None
    toks = sentence.tokens
    if opened is not None and opened + 1 < len(toks) and toks[opened + 1].text == ",":
        # a quote that began a sentence before closes here: '… met een vijandig land", zei minister Murigande'
        inside.update(range(0, opened))
    return inside


def _quoted(sentence: Sentence) -> str | None:
    text = sentence.text
    for open_q, close_q in (("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "”")):
        a = text.find(open_q)
        if a >= 0:
            b = text.find(close_q, a + 1)
            if b > a + 1:
                return text[a + 1:b].strip(" ,.")
    return None
