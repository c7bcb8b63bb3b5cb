"""Across sentences: missing actors and targets, response links, one act told twice, dates.

Runs after extraction, in article order, on what the sentences left open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rdflib import URIRef

from kg.lift.analyse import Match, token_is
from kg.lift.dates import PartialDate
from kg.lift.extract import ATTACKS, CLOSING_QUOTES, DOUBLE_QUOTES, SCENE_WORDS, Event, Extractor, SentenceInfo
from kg.lift.succession import date_states
from kg.lift.text import Sentence
from kg.namespaces import RKG

ANTECEDENT_REACH = 3  # words from a relative clause back to the measure word it describes
BACK_REACH = 6  # sentences a cue that points back ("daarop") looks back over for the act it answers

# Tit for tat comes within weeks; an act that mirrors one from years before is told as history, not as
# an answer ("Britain expelled Russian diplomats in 2007 too").
MIRROR_WINDOW = dt.timedelta(days=60)
# a span of four weeks or more ("a month after") is told roughly: the date it gives is kept to its month
APPROXIMATE_SPAN = 28
TERRITORIAL = frozenset({RKG.Annexation, RKG.Referendum})  # acts on a territory or its people, aimed at no party
CHARGES = frozenset({RKG.Accusation, RKG.Criticism})  # what a denial answers
# looked up once: a namespace attribute is a Python call (_compatible runs for every pair of acts)
DENIAL, RETALIATES_FOR, RESPONDS_TO = RKG.Denial, RKG.retaliatesFor, RKG.respondsTo
SANCTION = RKG.Sanction
OFFICE_CLOSURE, ACCESS_RESTRICTION, COOPERATION_SUSPENSION = (RKG.OfficeClosure, RKG.AccessRestriction,
                                                              RKG.CooperationSuspension)
HEADLINE_ENDS = frozenset(".!?")  # a first line ending so is a sentence, not a title
# A headline tells the news: an undated act in it is not one the body dates to before this many days
# before publication ("U.S. orders Syria to suspend embassy operations" is not "suspended … in February 2012")
HEADLINE_NEWS = dt.timedelta(days=31)
OPENING_QUOTES = DOUBLE_QUOTES - CLOSING_QUOTES
OFFSET_CHAIN = 8  # acts dated from acts dated from others: longer than any such chain in a news report
SUMMED_SENTENCES = 3  # the sentences a dated summing-up ("Dublin had maandag al … gereageerd") dates
ALSO_REACH = 4  # words between "also"/"ook" and the trigger it tells as one more act ("is also suspending")


def resolve(ex: Extractor) -> list[Event]:
    """The article's final events: roles filled, links made, coreferent events merged, dates set."""
    _fill_roles(ex)
    _link(ex)
    _report_dates(ex)
    media = ex.lex.media  # a news agency in a dateline ("ANKARA (Reuters) -") is nobody's target
    for e in ex.events:  # an actor found from the discourse may have been taken for a target in its sentence
        e.targets = [t for t in dict.fromkeys(e.targets) if t != e.actor and t not in media]
    # (a dated act's states are known before merging: "Moscow's latest round of expulsions" and "the Soviet Foreign
    # Ministry ordered six more Britons to leave", in 1985, are one act of the Soviet Union's)
    date_states(ex.lex, [e for e in ex.events if e.date is not None])
    start = ex.article.date.start
    events = _merge(ex.events, start - HEADLINE_NEWS if start - dt.date.min > HEADLINE_NEWS else dt.date.min,
                    ex.ws.AlsoWords)
    events = [e for e in events if not e.reference and (e.actor is not None or not e.explicit_actor)]
    for e in events:
        # a headline's act that no later mention completed, and a cause nothing answered ("nadat Den Haag had
        # besloten de financiering stop te zetten"): an act is aimed at someone, so the best guess rather than none
        if e.kind == "act" and e.actor is not None and not e.targets and not e.explicit_actor:
            e.targets = [t for t in _counterpart(ex, e.actor, e) if t != e.actor and t not in media]
            e.guessed_targets = True
    for e in events:  # … and merging adds the targets of the mentions merged
        e.targets = [t for t in dict.fromkeys(e.targets) if t != e.actor and t not in media]
    _resolve_dates(ex, events)
    _resolve_pending(ex, events)
    inferred = _retaliations(ex, events)
    _mirrors(ex, events, inferred)
    # (an execution whose victims' state nothing names is no act between states)
    events = [e for e in events if e.actor is not None and e.date is not None
              and not (e.needs_target and not any(t != e.actor for t in e.targets))]
    date_states(ex.lex, events)
    kept = {id(e) for e in events}  # `c in events` compares field by field until it meets c itself: ask ids first
    for e in events:
        e.targets = [t for t in dict.fromkeys(e.targets) if t != e.actor]
        e.links = [(c, rel, s) for c, rel, s in e.links if (id(c) in kept or c in events) and c is not e]
    _break_cycles(events)
    _causes_before_effects(events)
    _release(ex.events, events)
    return events


def _release(made: list[Event], kept: list[Event]) -> None:
    """Drop the working references between events (merges, relative dates, the links of dropped events),
    so that no reference cycle is left and reference counting alone frees what the caller drops: the
    lifter runs with the cyclic garbage collector paused (kg.lift.api.lifted_articles)."""
    final = {id(e) for e in kept}
    for e in made:
        e.merged_into, e.offset_from, e.merged = None, None, []
        if id(e) not in final:
            e.links = []


def _causes_before_effects(events: list[Event]) -> None:
    """A cause the text gives no date of cannot carry the article's date when an answer to it is dated earlier
    ("Australia expelled two diplomats on Tuesday over the nerve agent attack"): it happened no later than
    that answer, so it takes the answer's month (the finest precision that does not claim a day)."""
    guessed = ("article", "inherited")
    changed = True
    while changed:  # a chain of undated causes moves back one step per round
        changed = False
        for e in events:
            for cause, _, _ in e.links:
                if (cause.date_source in guessed and e.date is not None and cause.date is not None
                        and cause.date.start > e.date.end):
                    cause.date, cause.date_source = e.date.coarsen("month"), "before-effect"
                    changed = True
    for e in events:  # an answer does not come before what it answers, whatever linked them
        e.links = [lk for lk in e.links if e.date is None or lk[0].date is None or lk[0].date.start <= e.date.end]


def _break_cycles(events: list[Event]) -> None:
    """An act cannot answer what answers it: drop a link that would close a loop (the later-made one)."""
    kept: dict[int, list[Event]] = {}

    def reaches(start: Event, goal: Event) -> bool:
        stack, seen = [start], set()
        while stack:
            node = stack.pop()
            if node is goal:
                return True
            if id(node) not in seen:
                seen.add(id(node))
                stack.extend(kept.get(id(node), ()))
        return False

    for e in events:
        links = []
        for c, rel, s in e.links:
            if not reaches(c, e):
                links.append((c, rel, s))
                kept.setdefault(id(e), []).append(c)
        e.links = links


def _counterpart(ex: Extractor, actor: URIRef | None, before: Event, guess: bool = True) -> list[URIRef]:
    """Who an actor is acting against, from what came before; else (guess) the article's most named other actor."""
    at = before.order
    previous = [e for e in ex.events if e.order < at and e.actor is not None]
    # an act is aimed where the actor's acts were aimed before, rather than whom its sayings spoke of
    # ("Lula said what was happening to Palestinians …" does not make the Palestinians whom Brazil summons)
    pools = ([e for e in previous if e.kind == "act"], previous) if before.kind == "act" else (previous,)
    for pool in pools:
        for e in reversed(pool):
            if e.actor == actor and e.targets:
                return list(e.targets)
    for pool in pools:
        for e in reversed(pool):
            if actor in e.targets and e.actor is not None:
                return [e.actor]
    if before.kind == "speech":  # a third party speaks of the news, the first act told: "… condemned the move"
        # … or of the one it names: "Timmermans noemde het verbod betreurenswaardig" (the ban, not the sanctions
        # told after it)
        named = [e for e in ex.infos[before.sentence.index].events if e.kind == "act" and e.reference]
        acts = [e for e in reversed(previous) if e.kind == "act" and e.actor != actor and not e.reference]
        act = next((e for n in named for e in acts if e.trigger == n.trigger), None) or next(
            (e for n in named for e in acts if e.cls == n.cls), None) or next(reversed(acts), None)  # the lead
        if act is not None:
            return [act.actor]
    if not guess:
        return []
    # the most named; between equals, the first named (mention_counts keeps the order of first mention)
    others = [(n, -k, a) for k, (a, n) in enumerate(ex.mention_counts.items()) if a != actor and a not in ex.lex.media]
    return [max(others)[2]] if others else []


def _fill_roles(ex: Extractor) -> None:
    last_actor: URIRef | None = None
    for info in ex.infos:
        for e in info.events:
            if e.actor is None and not e.explicit_actor and info.sentence and e.clause not in info.cue_clauses:
                if e.actor_source == "discourse-person":
                    e.actor = _previous_person_actor(ex, info) or last_actor
                elif e.actor_source == "discourse-speaker":
                    # "Foreign Minister X called Algeria's decision unjustified": not the party spoken of; but
                    # "Onderminister Reyes zei dat Mexico … niet … zal verklaren" speaks of his own state's intent
                    spoken_of = set(e.targets) - {_reported_subject(ex, info, e)}
                    e.actor = _previous_mention_actor(ex, info, spoken_of) or (
                        last_actor if last_actor not in spoken_of else None)
                elif e.kind == "act" and not any(o.actor_source == "sentence" for o in info.events if o is not e) \
                        and (speaker := _quoting(ex, info)) is not None:
                    # '“Om onze bezorgdheid te tonen, is de ambassadeur in Londen teruggeroepen.”' after '… zei premier
                    # Jack Lynch': what a speaker's own quoted words say was done, the speaker's state did
                    e.actor = speaker
                elif info.sentence.tokens[0].lower in ex.ws.SubjectPronouns and e.kind == "act" and (
                        subject := _previous_mention_actor(ex, info, set())) is not None:
                    # "The Kremlin denied the men were spies. It recalled its ambassador …": the subject before
                    e.actor = subject
                else:
                    # "De Europese strafmaatregelen, een inreisverbod en de bevriezing van tegoeden": one act of the
                    # clause names whose they all are; "Polen moet het aantal diplomaten in Minsk terugbrengen": a
                    # measure told again, by whoever took it against the same party before
                    e.actor = next((o.actor for o in info.events if o is not e and o.kind == "act"
                                    and o.clause == e.clause and o.actor_source == "sentence"), None) or _against(
                        ex, e, e.cls) or last_actor
                    if e.actor is not None and e.actor in e.targets:
                        # "Zes Spaanse beveiligers moesten zondag al vertrekken" after Spain's answer: who acts is
                        # who acted against them before, not the story's last actor
                        # (none such, and others named too: "besloot de Soedanese ambassade … in de Emiraten te
                        # sluiten", its own mission)
                        others = [t for t in e.targets if t != e.actor]
                        e.actor = _against(ex, e) or (e.actor if others else None)
                e.actor_source = e.actor_source or "discourse"
            # a cause told in a cue's clause gets its roles from its effect (_fill_cause); what is said is no
            # cause: '"This measure is a response to an unacceptable decision," a spokesperson said'
            if e.actor is not None and not e.targets and not e.explicit_actor and (
                    e.kind == "speech" or e.clause not in info.cue_clauses):
                # a headline's act is told again below, with its target: no guess before it merges
                guess = e.kind != "act" or not _headline(e)
                # "Taipei responded by cutting ties, closing its embassy in Honiara and …": the acts one actor
                # takes in one sentence are aimed at whom the sentence names for one of them
                alongside = next((o.targets for o in info.events if o is not e and o.kind == "act" == e.kind
                                  and o.actor == e.actor and o.targets and o.clause not in info.cue_clauses), None)
                alongside = alongside or _also_against(ex, e) or _the_country(ex, info, e)
                e.targets = list(alongside) if alongside else [
                    t for t in _counterpart(ex, e.actor, e, guess) if t != e.actor]
                e.guessed_targets = not alongside
            if e.kind == "speech" and e.cls == DENIAL and e.actor is not None:
                _aim_denial(ex, e)
            if e.actor is not None and e.kind == "act" and e.clause not in info.cue_clauses and not e.explicit_actor:
                last_actor = e.actor  # causes and background events do not move the story's main actor


def _also_against(ex: Extractor, e: Event) -> list[URIRef]:
    """'Ottawa was also calling its ambassador home': one more act of the kind another actor just took, aimed where
    that one was (an act of a new actor has no earlier acts of its own to say whom it is aimed at)."""
    if e.kind != "act" or not any(token_is(t, ex.ws.AlsoWords) for t in e.sentence.tokens[:e.start]):
        return []
    for o in reversed(ex.events):
        if o.order < e.order and o.kind == "act" and o.cls == e.cls and o.actor not in (None, e.actor) and o.targets:
            return [t for t in o.targets if t != e.actor]
    return []


def _reported_subject(ex: Extractor, info: SentenceInfo, e: Event) -> URIRef | None:
    """The state that opens the clause of what was said ("zei dat Mexico …", "said that Britain …")."""
    toks = info.sentence.tokens
    for m in info.mentions:
        if m.start > e.end and m.role == "np" and token_is(toks[m.start - 1], ex.ws.Subordinators):
            return m.actor
        if m.start > e.end + 1:
            break
    return None


def _aim_denial(ex: Extractor, e: Event) -> None:
    """A denial answers the charge made before it: it is aimed at who made it, whoever else its sentence names
    ("Madrid ontkent met klem …: Borreguero bracht slechts een beleefdheidsbezoek aan haar Mexicaanse collega")."""
    at = e.order
    accusers = [p.actor for p in ex.events if p.order < at and p.kind == "speech"
                and p.cls in CHARGES and p.actor is not None and p.actor != e.actor and e.actor in p.targets]
    if accusers and set(e.targets).isdisjoint(accusers):
        e.targets = [accusers[-1]]


def _against(ex: Extractor, e: Event, cls: URIRef | None = None) -> URIRef | None:
    """The actor of the latest act before e (of class cls, if given) aimed at one of e's targets by another party."""
    at = e.order
    for p in reversed([p for p in ex.events if p.order < at and p.kind == "act" and p.actor is not None]):
        if (cls is None or p.cls == cls) and p.actor not in e.targets and not set(p.targets).isdisjoint(e.targets):
            return p.actor
    return None


def _the_country(ex: Extractor, info: SentenceInfo, e: Event) -> list[URIRef]:
    """'Ook elders staat Honduras alleen. De OAS schorste het land op 4 juli': "het land", "the country" right after
    the act's trigger names again the state the sentence before was about (its first named state, not the actor)."""
    toks = info.sentence.tokens
    nouns, determiners = ex.ws.StateDescriptionNouns, ex.ws.DefiniteDeterminers
    k = e.end
    if not (k + 1 < len(toks) and toks[k].lower in determiners and toks[k + 1].lower in nouns):
        return []
    idx = info.sentence.index
    if idx == 0 or ex.infos[idx - 1].sentence.paragraph != info.sentence.paragraph:
        return []
    named = [m.actor for m in ex.infos[idx - 1].mentions if m.actor is not None and m.actor != e.actor
             and m.role in ("np", "agentive") and m.name.kind in ("name", "metonym")]
    return named[:1]


def _quoting(ex: Extractor, info: SentenceInfo) -> URIRef | None:
    """The state of the speaker whose quote this sentence goes on with: it opens with a quotation mark and the
    sentence before it gave words of that speaker's in quotes (None otherwise)."""
    toks = info.sentence.tokens
    idx = info.sentence.index
    if not toks or toks[0].text not in OPENING_QUOTES or idx == 0:
        return None
    before = ex.infos[idx - 1]
    said = [e for e in before.events if e.kind == "speech" and e.actor is not None]
    if not said or not before.sentence.tokens or before.sentence.tokens[0].text not in OPENING_QUOTES:
        return None
    return said[-1].actor


def _previous_person_actor(ex: Extractor, info: SentenceInfo) -> URIRef | None:
    """Whom the person named in the nearest sentence before acts for ("President Zelensky … Hij …"): its first named
    person, the one the sentence is about ("Mr. Carter charged the Ayatollah …", then "he said" is Carter)."""
    idx = ex.infos.index(info)
    for prev in reversed(ex.infos[max(0, idx - 2):idx]):
        people = [m for m in prev.mentions if m.name.kind == "person" and m.actor is not None]
        if people:
            return people[0].actor
    return None


def _previous_mention_actor(ex: Extractor, info: SentenceInfo, exclude: set[URIRef]) -> URIRef | None:
    """The first subject-like actor of the nearest sentence before that names one (other than `exclude`)."""
    idx = ex.infos.index(info)
    for prev in reversed(ex.infos[:idx]):
        for m in prev.mentions:
            if m.actor is not None and m.role in ("np", "agentive", "speaker") and m.actor not in exclude \
                    and m.actor not in ex.lex.media:
                return m.actor
    return None


def _anaphor_effects(ex: Extractor, info: SentenceInfo, cue_start: int, cue_end: int,
                     reported: bool = False) -> list[Event]:
    """'De maatregelen zijn een antwoord op …', 'Ankara reageert daarmee op …': the measures named in the
    sentences before (reported: the sentence reports them, "Zelensky maakte dat bekend, nadat …")."""
    toks = info.sentence.tokens
    anaphors = ex.ws.union("MeasureAnaphors", "RetaliationNouns")
    head = toks[:cue_start]
    pronouns = ex.ws.union("SubjectPronouns", "Demonstratives")
    back = ex.ws.BackReferences
    if not reported and not any(token_is(t, anaphors) for t in head) and not (head and head[0].lower in pronouns) \
            and not any(t.lower in back for t in toks[:cue_end]):
        return []
    adjective = next((m.actor for m in info.mentions if m.start < cue_start and m.actor is not None
                      and m.role in ("attributive", "np", "agentive")), None)
    idx = ex.infos.index(info)
    for prev in reversed(ex.infos[max(0, idx - 4):idx]):
        acts = [e for e in prev.events if e.kind == "act"]
        if not acts:
            continue
        actor = adjective or acts[-1].actor
        last = acts[-1]
        group = []
        for p in ex.infos[:idx]:
            if p.sentence.paragraph == prev.sentence.paragraph:
                # … and, for "Zij reageren daarmee op …", the acts of each subject joined to it
                group += [e for e in p.events if e.kind == "act" and (e.actor == actor or (
                    not adjective and e.sentence is last.sentence and e.start == last.start and e.cls == last.cls))]
        if group:
            return group
    return []


def _told_against(ex: Extractor, idx: int, effect: Event, kind: str) -> list[Event]:
    """The events of a kind told in the BACK_REACH sentences before sentence idx between effect's actor and another."""
    return [e for prev in ex.infos[max(0, idx - BACK_REACH):idx] for e in prev.events
            if e.kind == kind and e.actor is not None and e.actor != effect.actor and not e.reference
            and (effect.actor in e.targets or e.actor in effect.targets)]


def _link_back(ex: Extractor, info: SentenceInfo, idx: int) -> None:
    """'Peking ontbood de Japanse ambassadeur daarop herhaaldelijk': the acts of a sentence whose cue points back
    answer the latest act told before against their actor (or by whom they are aimed at)."""
    for effect in info.events:
        if effect.kind != "act" or effect.reference or effect.actor is None or effect.links:
            continue
        # (no act of the other side told before: what it said, "Maduro presented a map … In response, Ali said the
        # Guyana Defence Force had been put on full alert")
        earlier = _told_against(ex, idx, effect, "act") or _told_against(ex, idx, effect, "speech")
        if earlier:
            cause = earlier[-1]
            relation = RETALIATES_FOR if _reverses(effect, cause) else RESPONDS_TO
            effect.links.append((cause, relation, info.sentence))


def _link(ex: Extractor) -> None:
    for idx, info in enumerate(ex.infos):
        if any(cue.refers_back for cue, _ in info.response_cues):
            _link_back(ex, info, idx)
        for cue, m in info.response_cues:
            if cue.refers_back:
                continue
            # an act told as undone ("withdrew its decision to expel …, a day after it …") answers nothing here
            before = [e for e in info.events if e.kind == "act" and e.end <= m.start and not e.undone]
            # the cause is told in the clause the cue opens, not in a main clause after it ("… after the two fought
            # a brief war in 2008, and Russia kept an embargo …")
            opened = info.clauses[m.start] if m.start < len(info.clauses) else -1
            after = [e for e in info.events if e.kind == "act" and e.start >= m.end
                     and (e.clause == opened or e.clause in info.cue_clauses)]
            reported = False
            # "In retaliation for the expulsion of 23 Russian diplomats by Britain, Moscow expelled …", "Uit protest
            # tegen de bombardementen zegde Moskou de ontmoeting af": a cue put first answers with the main clause
            fronted = [] if before or opened != info.clauses[0] else [
                e for e in info.events if e.kind == "act" and e.start >= m.end and e.clause != opened
                and e.clause not in info.cue_clauses and not e.undone]
            if fronted:
                effects = fronted
            elif before and _decision_described(ex, info, m):
                # "ontboden om het besluit te horen, dat volgt op de uitwijzing …": what follows is the decision
                effects, reported = _anaphor_effects(ex, info, m.start, m.end, reported=True), True
            elif before:
                last_clause = before[-1].clause
                effects = [e for e in before if e.clause == last_clause]
            elif _names_answer(ex, info, m):
                effects, reported = _anaphor_effects(ex, info, m.start, m.end, reported=True), True
            elif not cue.requires_cause or any(token_is(t, ex.ws.MeasureAnaphors)
                                               for t in info.sentence.tokens[:m.start]):
                # "Kiev neemt de maatregel na het incident …": the measure named before the cue
                effects = _anaphor_effects(ex, info, m.start, m.end)
            elif _reports_back(ex, info, m.start):
                effects, reported = _anaphor_effects(ex, info, m.start, m.end, reported=True), True
            else:
                effects = []
            if not after:
                if any(token_is(t, ex.ws.SpeechNouns) for t in info.sentence.tokens[m.end:m.end + 4]):
                    # "… ontboden, na uitspraken van de Britse minister": an answer to words, not to an act
                    for effect in effects:
                        effect.answers_words = True
                    continue
                if not cue.requires_cause:
                    ex.pending.extend((effect, _cause_actor(ex, info, m.end), cue.relation or RESPONDS_TO,
                                       info.sentence) for effect in effects)
                elif effects and _names_incident(ex, info, m):
                    # "severed its ties with Tehran over the affair": the last act of another's told before
                    actors = {e.actor for e in effects}
                    cause = next((o for o in reversed(ex.events) if o.kind == "act" and o.actor is not None
                                  and o.actor not in actors and o.sentence.index < info.sentence.index), None)
                    for effect in effects if cause is not None else ():
                        effect.links.append((cause, cue.relation or RESPONDS_TO, info.sentence))
                continue
            cause = after[0]
            answering = list(dict.fromkeys(e.actor for e in effects if e.actor is not None))
            if cause.actor is not None and not cause.targets and len(answering) > 1 and cause.actor not in answering \
                    and cause.cls not in TERRITORIAL:
                cause.targets = answering  # "Duitsland, Polen en Zweden … reageren daarmee op de uitzetting …"
            # "days after Saudi Arabia, the UAE, Bahrain and Egypt cut ties with Qatar": the act of each of them
            joint = [c for c in after[1:] if c.start == cause.start and c.cls == cause.cls and c.actor is not None
                     and c.actor != cause.actor and cause.actor is not None]
            for effect in effects:
                for other in joint:
                    if other.actor != effect.actor:
                        relation = cue.relation or RESPONDS_TO
                        if relation == RETALIATES_FOR and not _reverses(effect, other):
                            relation = RESPONDS_TO
                        effect.links.append((other, relation, info.sentence))
                _fill_cause(cause, effect)
                if reported and cause.actor == effect.actor:
                    continue  # "Dat maakte Moskou bekend, nadat de Duitse ambassadeur was ontboden": a sequence
                if effect.date is None and effect.offset_from is None and cause.date is not None \
                        and cause.date_source == "clause" and cue.requires_cause and effect.sentence is info.sentence:
                    effect.date, effect.date_source = cause.date, "after-cause"
                relation = cue.relation or RESPONDS_TO
                if relation == RETALIATES_FOR and not _reverses(effect, cause):
                    relation = RESPONDS_TO
                effect.links.append((cause, relation, info.sentence))


def _reports_back(ex: Extractor, info: SentenceInfo, before: int) -> bool:
    """'Zelensky maakte dat bekend, enkele uren nadat …': a report of what was just told, before the cue."""
    toks = info.sentence.tokens[:before]
    return any(t.lower in ex.ws.Demonstratives for t in toks) and any(token_is(t, ex.ws.ReportVerbs) for t in toks)


def _names_incident(ex: Extractor, info: SentenceInfo, cue: Match) -> bool:
    """'over the affair', 'na het incident': the cue names, with a determiner, an incident told before."""
    toks = info.sentence.tokens
    return cue.end + 1 < len(toks) and toks[cue.end].lower in ex.ws.Determiners and token_is(
        toks[cue.end + 1], ex.ws.IncidentAnaphors)


def _decision_described(ex: Extractor, info: SentenceInfo, cue: Match) -> bool:
    """'het besluit, dat volgt op …', 'the decision, which follows …': a relative clause on a word for a measure
    (told before, not an act of this sentence) says what that measure answers."""
    toks = info.sentence.tokens
    k = cue.start - 1
    if k < 0 or not token_is(toks[k], ex.ws.RelativePronouns):
        return False
    k -= 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    # (the word may stand a few words back: "om het besluit te horen, dat volgt op …")
    return any(token_is(toks[j], ex.ws.MeasureAnaphors) and not any(e.start <= j < e.end for e in info.events)
               for j in range(max(0, k - ANTECEDENT_REACH), k + 1))


def _names_answer(ex: Extractor, info: SentenceInfo, cue: Match) -> bool:
    """'Szijjártó sprak van een "evenredig antwoord" op de uitzetting': someone named before a cue that calls
    something an answer speaks of what his side just did."""
    toks = info.sentence.tokens
    return any(token_is(t, ex.ws.MeasureAnaphors) for t in toks[cue.start:cue.end]) and any(
        m.end <= cue.start and m.actor is not None and m.role in ("np", "agentive", "speaker") for m in info.mentions)


def _cause_actor(ex: Extractor, info: SentenceInfo, start: int) -> URIRef | None:
    """'antwoord op maatregelen van Washington', 'in response to the U.S. sanctions': whose measures."""
    anaphors = ex.ws.MeasureAnaphors
    if not any(token_is(t, anaphors) or t.lemma in _trigger_words(ex) for t in info.sentence.tokens[start:]):
        return None
    after = [m for m in info.mentions if m.start >= start and m.actor is not None and m.role != "location"]
    return after[0].actor if after else None


def _trigger_words(ex: Extractor) -> set[str]:
    """Words that alone name a measure ('sanctions', 'uitzetting'): nouns a cause can be named by."""
    return ex.measure_words()


def _resolve_pending(ex: Extractor, events: list[Event]) -> None:
    """Link effects to the acts of the actor whose measures they answer, wherever the article tells them."""
    for effect, actor, relation, sentence in ex.pending:
        effect = _final(effect)
        if actor is None or effect not in events or effect.actor == actor:
            continue
        for c in events:
            if c.kind != "act" or c.actor != actor or c is effect:
                continue
            if effect.actor not in c.targets and c.targets:
                continue
            if c.date is not None and effect.date is not None and c.date.start > effect.date.end:
                continue
            rel = relation if relation != RETALIATES_FOR or _reverses(effect, c) else RESPONDS_TO
            if all(existing is not c for existing, _, _ in effect.links):
                effect.links.append((c, rel, sentence))


def _fill_cause(cause: Event, effect: Event) -> None:
    """Complete a cause from its effect.

    Without an actor: the same side if it already targets the other party, else the other side.
    With an actor but no target: the effect's actor, the party that answered it.
    """
    if effect.actor is None:
        return
    if cause.actor is not None:
        # "a response to the sanctions Congress approved", "hours after Russian troops invaded the country":
        # what an actor answers was aimed at it
        if not cause.targets and cause.actor != effect.actor and cause.cls not in TERRITORIAL:
            cause.targets = [effect.actor]
        return
    if cause.explicit_actor:
        return
    if cause.targets and effect.actor not in cause.targets:
        cause.actor, cause.actor_source = effect.actor, "same-side"
    elif effect.targets:
        cause.actor, cause.actor_source = effect.targets[0], "dyad"
        if not cause.targets:
            cause.targets = [effect.actor]


def _reverses(effect: Event, cause: Event) -> bool:
    return effect.actor in cause.targets and cause.actor in effect.targets


def _scene_dates(ex: Extractor) -> None:
    """'Vrijdagavond kwam de zwaarste klap. Saoedi-Arabië zette de Libanese ambassadeur het land uit, …': a short
    sentence that tells no act but a day dates the undated acts of the sentence after it."""
    summary = ex.ws.ResponseVerbs
    for idx, info in enumerate(ex.infos[:-1]):
        toks = info.sentence.tokens
        if info.events or not info.dates or len(toks) > 2 * SCENE_WORDS:
            continue
        # (longer, when it sums up a step told next: "Dublin had maandag al met een diplomatieke stap op het
        # bloedbad gereageerd. “…,” zei premier Jack Lynch. “… is de ambassadeur in Londen teruggeroepen.”")
        summing = not info.sentence.where.keys().isdisjoint(summary)
        if len(toks) > SCENE_WORDS and not summing:
            continue
        days = [d for d in info.dates if not d.future]
        if len(days) != 1 or any(token_is(t, ex.ws.ReportVerbs) for t in toks):
            continue
        for following in ex.infos[idx + 1:idx + 2 + summing * (SUMMED_SENTENCES - 1)]:
            if following.sentence.paragraph != info.sentence.paragraph or (following.dates and following is not
                                                                          ex.infos[idx + 1]):
                break
            for e in following.events:
                if e.date is None and e.offset_from is None and (e.kind == "act" or summing):
                    e.date, e.date_source = days[0].date, "scene"


def _report_dates(ex: Extractor) -> None:
    """'Dat heeft het ministerie zaterdag bekendgemaakt': the date of the measures just told."""
    _scene_dates(ex)
    report = ex.ws.ReportVerbs
    anaphora = ex.ws.union("SubjectPronouns", "Demonstratives")
    for idx, info in enumerate(ex.infos):
        toks = info.sentence.tokens
        if not toks or not info.dates:
            continue
        verb = _first_of(info.sentence, report)
        if verb is None or any(e.clause == info.clauses[verb] for e in info.events):
            continue  # (what a clause of its own tells, "op de dag dat de EU sancties instelde", is its own)
        # "Dat maakte het ministerie zaterdag bekend", "Albares maakte dat dinsdag bekend"; "Áñez maakte het
        # besluit maandag bekend" names what it reports, and may open the next paragraph
        named = any(token_is(toks[i], report) and toks[i + 1].lower in ex.ws.Determiners
                    and token_is(toks[i + 2], ex.ws.MeasureAnaphors) for i in range(len(toks) - 2))
        # ("Het kabinet besloot daartoe donderdag": a word that refers back to them)
        lead = _lead_reported(ex, idx, verb)
        if toks[0].lower not in anaphora and not named and not lead and not any(
                token_is(toks[i], report) and toks[i + 1].lower in ex.ws.Demonstratives for i in range(len(toks) - 1)) \
                and not any(t.lower in ex.ws.BackReferences for t in toks[verb:]):
            continue
        own_clauses = {e.clause for e in info.events}
        date = next((d.date for d in info.dates if not d.future and info.clauses[d.start] not in own_clauses), None)
        if date is None:
            continue
        if named:  # "het besluit": the measure of the reporter's state told last, in this paragraph or the one before
            reporters = {m.actor for m in info.mentions if m.actor is not None and m.role != "location"}
            told = [e for prev in ex.infos[:idx] if prev.sentence.paragraph >= info.sentence.paragraph - 1
                    for e in prev.events if e.kind == "act" and (not reporters or e.actor in reporters)]
            befores = [told[-1:]] if told else []
        elif lead:
            befores = [lead]
        else:
            befores = []
            for prev in reversed(ex.infos[max(0, idx - 2):idx]):
                if prev.sentence.paragraph != info.sentence.paragraph:
                    break
                befores.append(prev.events)
        for events in befores:
            for e in events:
                if e.charged:
                    continue  # the day a charge was made known is not the day of the act it charges
                # a date from another clause of its sentence ("omdat zij deze week Taiwan bezocht") yields to
                # the day the measure was made known
                if e.date is None or (e.date_source == "sentence" and not _finer(e.date, date)):
                    e.date, e.date_source = date, "report"
                    e.spans.append((info.sentence.start, info.sentence.end))


def _lead_reported(ex: Extractor, idx: int, verb: int) -> list[Event]:
    """'Jordanië heeft zijn ambassadeur in Israël teruggeroepen … Minister van Buitenlandse Zaken Ayman Safadi maakte
    woensdag bekend dat …': the lead's undated acts of the state whose spokesman, in the sentence after it, made
    something known on a day (the lead tells what that announcement was)."""
    if idx != 1 or ex.infos[0].sentence.paragraph != ex.infos[1].sentence.paragraph:
        return []
    info = ex.infos[idx]
    if any(e.kind == "act" for e in info.events):
        return []  # (it tells acts of its own: "Panama maakte donderdagavond bekend dat het zijn ambassadeur … haalt")
    reporters = {m.actor for m in info.mentions if m.actor is not None and m.start < verb
                 and m.role in ("np", "agentive", "speaker") and m.name.kind in ("person", "name", "metonym")}
    return [e for e in ex.infos[0].events if e.kind == "act" and e.date is None and e.offset_from is None
            and e.actor in reporters]


def _first_of(sentence: Sentence, words: set[str]) -> int | None:
    """The first token whose word form or lemma is one of `words` (found from the sentence's word index, which
    holds both), if any."""
    where = sentence.where
    found = [where[w][0] for w in where.keys() & words]
    return min(found) if found else None


def _compatible(a: Event, b: Event, news_since: dt.date) -> bool:
    if a.kind == "speech" and b.kind == "speech" and a.cls == b.cls and (_headline(a) or _headline(b)):
        # a headline retells the lead: "Ethiopia expels seven U.N. officials, accusing them of meddling"
        return a.actor is not None and a.actor == b.actor and (
            not a.targets or not b.targets or bool(set(a.targets) & set(b.targets))) and (
            a.date is None or b.date is None or a.date.overlaps(b.date))
    if a.kind != "act" or b.kind != "act" or (a.cls != b.cls and not {a.cls, b.cls} <= set(ATTACKS)):
        return False
    if a.actor is None and b.actor is None:
        return True
    if a.actor is not None and b.actor is not None and a.actor != b.actor:
        return False
    nameless = (a.explicit_actor and a.actor is None) or (b.explicit_actor and b.actor is None)
    if a.targets and b.targets and not set(a.targets) & set(b.targets) and not nameless:
        # (an attack no one is named for only ever counts as one that names its actor: "de ramp in juli 2014",
        # whose victims' nationality says nothing of whom it was aimed at)
        return False
    if a.cls == OFFICE_CLOSURE and a.places and b.places and a.places.isdisjoint(b.places):
        return False  # "de handelsmissie in Amsterdam", "zijn consulaat-generaal in Sint-Petersburg": two offices
    if a.cls == ACCESS_RESTRICTION and a.barred and b.barred and a.barred != b.barred:
        return False  # "halts charter flights" and "the suspension of visa-free travel": two bars
    if a.cls in (COOPERATION_SUSPENSION, SANCTION) and any(
            x.barred and y.barred and x.barred != y.barred and x.sentence is y.sentence
            for x in (a, *a.merged) for y in (b, *b.merged)):
        # "de samenwerking wordt bevroren, de onderhandelingen opgeschort", "stopte de olieleveranties en haalde zijn
        # tegoeden weg": told apart in one sentence, two suspensions or sanctions (told in two, they may be one:
        # "broke off relations" and "the break in ties", "boycott the talks" and "stay away from the conference",
        # "freezes military ties" and "suspended military agreements")
        return False
    a_date, b_date = _provisional_date(a), _provisional_date(b)
    if a_date is not None and b_date is not None and not a_date.overlaps(b_date):
        # (an act dated from another is not one told months before: "Two days later … the White House answered
        # the same day by freezing all Iranian Government assets" is not "sanctions … approved in January")
        return False
    if a.count is not None and b.count is not None and a.count != b.count and not (a.reference or b.reference):
        return False  # "25 Soviet officials were given three weeks to leave", "sent 105 Soviet officials home"
    for x, y in ((a, b), (b, a)):
        # (an undated act is the news, not a background act dated months before and told further down: "de banden
        # worden verlaagd" above, "in augustus riep Turkije zijn ambassadeur terug" below)
        # (what someone is held responsible for is often older than the news: "houden Rusland verantwoordelijk
        # voor het neerhalen van vlucht MH17", told with its day further down)
        # ("Egypte deed hetzelfde": dated from the act it follows)
        y_date = y.date or (_final(y.offset_from[0]).date if y.offset_from is not None else None)
        if x.date is None and y_date is not None and y_date.end < news_since and (
                _headline(x) or (y.sentence.paragraph > x.sentence.paragraph and not x.charged
                                 and not x.reference)):
            return False
    return True


def _provisional_date(e: Event) -> PartialDate | None:
    """An event's date, or, for one dated from another ("two days later"), the month that one gives it so far."""
    if e.date is not None or e.offset_from is None:
        return e.date
    # (to its month only: "hours after" may cross midnight, and what it is dated from may yet take a finer date)
    base, days = e.offset_from
    for _ in range(OFFSET_CHAIN):
        if base.date is not None or base.offset_from is None:
            break
        days += base.offset_from[1]
        base = base.offset_from[0]
    base = _final(base)
    if base.date is None:
        return None
    try:
        shifted = base.date.shift_days(days)
    except ValueError:
        return None
    return shifted.coarsen("month")


def _headline(e: Event) -> bool:
    """Told in the article's first line when that line is a title (it does not end a sentence)."""
    s = e.sentence
    return s.paragraph == 0 and s.index == 0 and bool(s.tokens) and s.tokens[-1].text not in HEADLINE_ENDS


def _answers(effect: Event, cause: Event) -> bool:
    """The text links effect to cause (or to an act told again in it): two acts, however alike
    ("tariffs on barley, a week after it suspended beef imports")."""
    return any(c is cause or c in cause.merged for c, _, _ in effect.links)


def _merge(events: list[Event], news_since: dt.date, also: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    """The same act told twice becomes one event with both mentions (the first keeps its identity).

    `news_since`: the earliest date of what a headline's undated act can retell; `also`: the words that tell one
    more act ("Turkey is also suspending joint exercises")."""
    out: list[Event] = []
    for e in _split_as_told(events):
        target = next((o for o in reversed(out) if _compatible(o, e, news_since) and not _one_more(o, e, also)
                       and not _answers(o, e) and not _answers(e, o) and not _days_after(e, o)), None)
        if target is None:
            out.append(e)
            continue
        if e.date is None and e.offset_from is not None and _final(e.offset_from[0]) is target and \
                target.date is not None and target.undone:
            # "withdrew its decision to expel …, a day after it ordered him out": dated from the undoing
            try:
                e.date, e.date_source = target.date.shift_days(e.offset_from[1]), "relative"
            except ValueError:
                pass
        e.merged_into = target
        target.merged.append(e)
        target.guessed_targets = (target.guessed_targets or not target.targets) and (e.guessed_targets or not e.targets)
        target.reference = target.reference and e.reference  # an act told after a mere mention of it stays
        target.spans += [s for s in e.spans if s not in target.spans]
        target.actor = target.actor or e.actor
        if (target.cls, e.cls) == ATTACKS:
            target.cls = e.cls  # ("de ramp" told again as "het neerhalen van vlucht MH17": armed force, the narrower)
        target.agent = target.agent or e.agent
        for t in e.targets:
            if t not in target.targets:
                target.targets.append(t)
        if e.date is not None and (target.date is None or _finer(e.date, target.date)
                                   or (target.undone and not e.undone)):  # its sentence dates the undoing
            target.date, target.date_source = e.date, e.date_source
        if target.date is None and target.offset_from is None and e.date is None and e.offset_from is not None \
                and _final(e.offset_from[0]) is not target:
            # "… en sloeg dezelfde dag terug met de uitzetting van de twee diplomaten": a later mention dates it
            target.offset_from = e.offset_from
        target.undone = target.undone and e.undone
        target.effective = target.effective or e.effective
        target.count = target.count or e.count
        target.cap_after = target.cap_after or e.cap_after
        target.answers_words = target.answers_words or e.answers_words
        target.links += e.links
    for e in events:
        e.links = [(_final(c), rel, s) for c, rel, s in e.links]
    for e in out:
        unique: dict[tuple[int, URIRef], tuple[Event, URIRef, Sentence]] = {}
        for lk in e.links:
            unique.setdefault((id(lk[0]), lk[1]), lk)
        e.links = list(unique.values())
    return out


def _one_more(o: Event, e: Event, also: frozenset[str] | set[str]) -> bool:
    """'Ankara froze political and military ties … Turkey is also suspending joint military exercises': an act told
    as one more, halting another thing than any mention of o, is another act."""
    if not e.barred or not any(token_is(t, also) for t in e.sentence.tokens[max(0, e.start - ALSO_REACH):e.start]):
        return False
    return all(x.barred and x.barred != e.barred for x in (o, *o.merged))


def _days_after(e: Event, o: Event) -> bool:
    """'A day later a second appointment was called off as well': told as days after o, e is another act."""
    return e.offset_from is not None and e.offset_from[1] != 0 and not o.undone and _final(e.offset_from[0]) is o


def _split_as_told(events: list[Event]) -> list[Event]:
    """An act told once against several states and again as one act against each ("de uitzetting van hun eigen
    vertegenwoordigers" and "de Australische hoge commissaris … en de Nieuw-Zeelandse … moesten vertrekken")
    is an act against each: it is split so that each part merges with the act that tells it."""
    out: list[Event] = []
    for e in events:
        if e.kind != "act" or len(e.targets) < 2:
            out.append(e)
            continue
        told: dict[tuple[int, int], set[URIRef]] = {}
        for o in events:
            if o is not e and o.kind == "act" and o.cls == e.cls and len(o.targets) == 1 and o.targets[0] in e.targets \
                    and (e.actor is None or o.actor is None or o.actor == e.actor) and o.sentence is not e.sentence:
                told.setdefault((o.sentence.index, o.start), set()).add(o.targets[0])
        if not any(len(targets) == len(e.targets) for targets in told.values()):
            out.append(e)
            continue
        targets = list(e.targets)
        parts = {t: replace(e, targets=[t], part=e.part + k, spans=list(e.spans), links=list(e.links), merged=[])
                 for k, t in enumerate(targets[1:], 1)}
        e.targets = targets[:1]
        out += [e, *parts.values()]
        for effect in events:  # what one of the states did in answer answers the act against it
            if effect.actor in parts:
                effect.links = [(parts[effect.actor] if c is e else c, rel, sent) for c, rel, sent in effect.links]
    return out


def _final(e: Event) -> Event:
    while e.merged_into is not None:
        e = e.merged_into
    return e


def _finer(a: PartialDate, b: PartialDate) -> bool:
    order = ("year", "month", "day")
    return order.index(a.precision) > order.index(b.precision)


def _resolve_dates(ex: Extractor, events: list[Event]) -> None:
    # (what was said beside an act dated from another wait for it: "Within the hour the ministry called the award
    # an obscenity, and it later summoned Norway's ambassador")
    offset = [e for e in events if e.kind == "act" and e.date is None and e.offset_from is not None]
    waiting = {id(e.sentence) for e in offset}
    # (… and so does an undated act after one of its actor's that waits: "Nog dezelfde dag beëindigde Taipei de
    # betrekkingen. Het riep het personeel van zijn ambassade terug")
    after_waiting = {id(e) for e in events if e.kind == "act" and e.date is None and e.offset_from is None and any(
        w.actor == e.actor and w.order < e.order and 0 <= e.sentence.paragraph - w.sentence.paragraph <= 1
        for w in offset)}
    _fallback_dates(ex, [e for e in events if e.offset_from is None and id(e) not in after_waiting
                         and not (e.kind == "speech" and id(e.sentence) in waiting)])
    for e in events:
        if e.date is None and e.offset_from is not None:
            base = _final(e.offset_from[0])
            if base.date is not None:
                try:
                    shifted = base.date.shift_days(e.offset_from[1])
                except ValueError:
                    continue  # off the calendar: the fallback dates it
                if abs(e.offset_from[1]) >= APPROXIMATE_SPAN or e.rough:
                    shifted = shifted.coarsen("month")  # "a month after", "vier weken later": roughly
                if shifted.start <= ex.article.date.end:  # news does not tell the future
                    e.date, e.date_source = shifted, "relative"
    _fallback_dates(ex, events)


def _fallback_dates(ex: Extractor, events: list[Event]) -> None:
    """Undated acts take the date of the act before them by the same actor in the paragraph, else the article's."""
    previous: dict[URIRef | None, tuple[int, Event]] = {}
    of_kind: dict[URIRef, tuple[int, Event]] = {}
    also = ex.ws.AlsoWords
    for e in sorted(events, key=lambda x: x.order):
        last = previous.get(e.actor)
        if e.date is None and e.kind == "act" and last is not None and e.sentence.paragraph - last[0] <= 1:
            e.date, e.date_source = last[1].date, "inherited"
        same = of_kind.get(e.cls)
        if e.date is None and e.kind == "act" and same is not None and e.sentence.paragraph - same[0] <= 2 and any(
                token_is(t, also) for m in (e, *e.merged) for t in m.sentence.tokens[:m.start]):
            # "Ook Brazilië riep zijn ambassadeur in Jakarta terug": one more act of the kind just told, with it
            e.date, e.date_source = same[1].date, "inherited"
        if e.date is None and e.kind == "speech":
            said = _day_said(ex, e, events)
            if said is not None:
                e.date, e.date_source = said, "inherited"
        if e.date is None:
            e.date, e.date_source = ex.article.date, "article"
        background = e.explicit_actor or e.clause in ex.infos[e.sentence.index].cue_clauses
        if e.kind == "speech" and e.date is not None and e.date_source in TOLD_DAY and not background:
            # "Het ministerie noemde de ontvangst vrijdag 'een ernstige daad' … Marokko riep ambassadeur Tarik terug":
            # what the speaker then did, told in the same paragraph, was done that day
            previous[e.actor] = (e.sentence.paragraph, e)
        elif e.kind == "act" and e.date is not None and not background:
            paragraph = max([e.sentence.paragraph] + [m.sentence.paragraph for m in e.merged])
            previous[e.actor] = (paragraph, e)
            if e.date_source != "article":
                of_kind[e.cls] = (paragraph, e)


TOLD_DAY = ("clause", "sentence", "report")  # date sources that the text itself gives


def _day_said(ex: Extractor, e: Event, events: list[Event]) -> PartialDate | None:
    """The day undated words were said, from the acts told around them; None if they do not tell it."""
    # "Within the hour the ministry called the award an obscenity, and it later summoned the ambassador": beside an
    # act of the speaker's dated from another
    beside = next((o for o in events if o.kind == "act" and o.sentence is e.sentence and o.actor == e.actor
                   and o.date is not None and o.date_source == "relative"), None)
    if beside is not None:
        return beside.date
    # "Saoedi-Arabië riep donderdag zijn ambassadeur terug. Volgens een functionaris wilde Riyad daarmee …": words
    # told right after a dated act or saying of the speaker's, in the same paragraph, were said that day
    at = e.order
    before = next((o for o in reversed(events) if o.order < at and o.actor == e.actor and o.date is not None
                   and o.sentence.index < e.sentence.index), None)
    if before is not None and before.date.precision == "day" and before.date_source in (*TOLD_DAY, "relative") \
            and all(m.sentence.paragraph == e.sentence.paragraph for m in (before, *before.merged)):
        # (an act told again elsewhere may have its day from there)
        return before.date
    if e.actor_source == "discourse-person" or (e.sentence.tokens and e.sentence.tokens[0].lower
                                                 in ex.ws.SubjectPronouns):
        # "Albanian Prime Minister Edi Rama said on Wednesday that his government was ending … He said an
        # investigation had shown …": the same speaker, in the sentence after, on the day that one told
        said = next((o for o in reversed(events) if o.order < at and o.actor == e.actor
                     and o.date is not None and o.date_source in TOLD_DAY), None)
        if said is not None and said.sentence.index == e.sentence.index - 1:
            return said.date
    # in a paragraph whose other sentences' acts all tell one day, said that day (not the acts its own words tell:
    # "Volgens Minsk heeft Zweden … uitgezet" is said later than that)
    # (an act told in the headline too is told in the paragraph where its mention stands)
    paragraph = e.sentence.paragraph
    days = {o.date for o in events if o.kind == "act" and o.date is not None
            and o.date_source in (*TOLD_DAY, "relative") and o.date.precision == "day"
            and any(m.sentence.paragraph == paragraph and m.sentence is not e.sentence for m in (o, *o.merged))}
    return days.pop() if len(days) == 1 else None


def _retaliations(ex: Extractor, events: list[Event]) -> set[tuple[int, int]]:
    """An article that calls R's measures retaliation: R's unlinked acts answer the acts against R.

    Returns the (effect, cause) ids of the links it inferred."""
    inferred: set[tuple[int, int]] = set()
    for r in sorted(ex.retaliators):
        mine = [e for e in events if e.kind == "act" and e.actor == r and not e.links and e.targets
                and not e.answers_words]
        for e in mine:
            causes = []
            for c in events:
                if c is e or c.kind != "act" or c.actor not in e.targets or r not in c.targets:
                    continue
                if c.date is not None and e.date is not None and c.date.start > e.date.end:
                    continue
                if any(cause is e for cause, _, _ in c.links):
                    continue  # the text already says c answers e
                if c.offset_from is not None and _final(c.offset_from[0]) is e and c.offset_from[1] >= 0:
                    continue  # "Uren later haalde Phnom Penh zijn eigen ambassadeur weg": told as coming after e
                causes.append(c)
            if not causes and e.guessed_targets and ex.has_retaliation_noun(e.sentence):
                # "Minsk kondigde meteen een eigen zwarte lijst aan als tegenmaatregel": a countermeasure whose
                # target was only guessed answers the blows against its actor, and is aimed at who struck them
                causes = [c for c in events if c is not e and c.kind == "act" and r in c.targets
                          and c.actor is not None and c.actor != r and c.order < e.order
                          and not any(cause is e for cause, _, _ in c.links)]
                if causes:
                    e.targets = list(dict.fromkeys(c.actor for c in causes))
            # what is answered is the latest blow (all of that day): a measure of the month before is background
            latest = max((c.date.start for c in causes if c.date is not None), default=None)
            for c in causes:
                if latest is None or c.date is None or c.date.end >= latest:
                    e.links.append((c, RETALIATES_FOR, e.sentence))
                    inferred.add((id(e), id(c)))
    return inferred


def _mirrors(ex: Extractor, events: list[Event], inferred: set[tuple[int, int]]) -> None:
    """Tit for tat: an act that turns an earlier act of the same kind back on its actor answers it.

    "Canada expelled six Indian diplomats … Hours later New Delhi announced that it was expelling six
    Canadian diplomats": when B does to A what A did to B, no later than A (on the same day: told
    after it) and within MIRROR_WINDOW, and the text links B's act to nothing, B's act answers A's.
    The inference only fills a silence: where the text already says that one of the two answers the
    other with an act of this kind (A's act answers something B did), nothing is inferred between them; a link
    inferred from the article calling A's measures retaliation (inferred) settles nothing."""
    acts = [e for e in events if e.kind == "act" and e.actor is not None and e.date is not None and e.targets]
    # (who answers, whom, the kind of act on either side): a link the text gives between two of their acts of
    # one kind settles that kind, not a spiral of others ("the exit bans … On Saturday Malaysia declared …")
    answered = {(e.actor, c.actor, cls) for e in acts for c, _, _ in e.links for cls in (e.cls, c.cls)
                if (id(e), id(c)) not in inferred}
    for e in acts:
        if e.links or e.answers_words or e.clause in ex.infos[e.sentence.index].cue_clauses:
            continue  # (what is told as a cause, "nadat Den Haag had besloten …", answers nothing here)
        for c in acts:
            if c is e or c.cls != e.cls or not _reverses(e, c):
                continue
            if (c.actor, e.actor, e.cls) in answered or (e.actor, c.actor, e.cls) in answered:
                continue
            if c.date is None or e.date is None:
                continue  # (acts holds dated events only; this tells the type checker so)
            if c.date.start > e.date.end or (c.date.end >= e.date.start and c.order >= e.order):
                continue  # not before e: later, or the same days and told after it
            if e.date.start - c.date.end > MIRROR_WINDOW:
                continue
            e.links.append((c, RETALIATES_FOR, e.sentence))
