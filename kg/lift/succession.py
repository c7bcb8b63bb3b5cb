"""Which state an act dated on a given day belongs to, where states ended and others carried on their names.

The news names states by today's names and capitals ("Moskou", "het Kremlin", "Russian diplomats") even for
acts of the Soviet Union, and by old names for acts after a state ended ("Yugoslavia" in 1999 is the Federal
Republic of Yugoslavia). The successions are data (rkg:continuedBy, rkg:endedOn in actors-historical.ttl).
"""

from __future__ import annotations

import datetime as dt

from rdflib import URIRef

from kg.lift.lexicon import Lexicon

MAX_STEPS = 8  # longer than any chain of successions; a cycle in the data cannot loop for ever


def state_on(lex: Lexicon, actor: URIRef, day: dt.date) -> URIRef:
    """The state that `actor` stood for on `day`: forward through rkg:continuedBy once it had ended, back to
    the one state it continued while that one still existed."""
    predecessors = lex.memo("predecessors", _predecessors, lex)
    for _ in range(MAX_STEPS):
        heir = lex.continued_by.get(actor)
        if heir is not None and day >= lex.ended[actor]:
            actor = heir
            continue
        earlier = [p for p in predecessors.get(actor, ()) if day < lex.ended[p]]
        if len(earlier) != 1:
            return actor
        actor = earlier[0]
    return actor


def _predecessors(lex: Lexicon) -> dict[URIRef, list[URIRef]]:
    found: dict[URIRef, list[URIRef]] = {}
    for state, heir in sorted(lex.continued_by.items()):
        found.setdefault(heir, []).append(state)
    return found


def _changing(lex: Lexicon) -> frozenset[URIRef]:
    """The states an act's day can turn into others: those that ended, and those that carried on another."""
    return frozenset({*lex.continued_by, *_predecessors(lex)})


def date_states(lex: Lexicon, events: list) -> None:
    """Give each event's actor and targets as the states they were on the event's day."""
    if not lex.continued_by and not lex.ended:
        return
    # (only states in a succession change: most events name none)
    changing = lex.memo("succession-states", _changing, lex)
    for e in events:
        day = e.date.start
        if e.actor in changing:
            e.actor = state_on(lex, e.actor, day)
        if e.targets and not changing.isdisjoint(e.targets):
            e.targets = list(dict.fromkeys(state_on(lex, t, day) for t in e.targets))
