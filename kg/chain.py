"""Walk a retaliation chain back from an act to an annexation, and render it as a timeline.

The walk follows rkg:respondsTo and its sub-properties (rkg:retaliatesFor, rkg:tightens, read from the
ontology in the data), asserted or inferred. A link from an act to an older act is usable only if it goes
back in time: the older act does not start after the newer one ends (rkg:dateStart ≤ rkg:dateEnd, so
acts known only to the month or year can still link to acts on a day inside that period; a link with a
missing date is allowed). Among the paths that reach an rkg:Annexation this way, `find_chain` takes the
one with, in order: the most links that are retaliatesFor or tightens (the specific relations), the most
links with recorded evidence (rkg:LinkEvidence), the most links; remaining ties go to the older act whose
IRI sorts first. The choice is therefore deterministic. The walk stops at the first annexation reached.

`ChainIndex` reads the graph once; each `find` afterwards is a walk over dicts (well under a millisecond
per act). `chain_acts` gives every act on any usable path, which is what queries/chain_to_crimea.rq lists.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.errors import CheckFailed, InputError
from kg.namespaces import ACTOR, ARTICLE, GAF, GRAPH, NIF, RKG

SPECIFIC = (RKG.retaliatesFor, RKG.tightens)
RELATION_WORDS = {"retaliatesFor": "retaliates for", "tightens": "tightens", "respondsTo": "responds to"}


@dataclass(frozen=True)
class Evidence:
    about: str  # "act" or "link"
    kind: str  # "quote" (a mention in an article) or "source" (a curated source)
    text: str  # the anchor text, or the publisher
    ref: str  # the mention IRI, or the source's address
    article: str = ""  # article id, for quotes
    begin: int | None = None
    end: int | None = None
    date: str = ""  # the source's date, for sources

    def line(self) -> str:
        if self.kind == "quote":
            text = " ".join(self.text.split())
            return f"quote: “{text}” (article {self.article}, characters {self.begin}–{self.end})"
        when = f", {self.date}" if self.date else ""
        return f"source: {self.text}{when} <{self.ref}>"


@dataclass(frozen=True)
class Step:
    act: str
    label: str
    class_label: str
    date: str
    date_start: date | None
    actor: str
    actor_label: str
    targets: tuple[str, ...]
    target_labels: tuple[str, ...]
    relation: str | None = None  # how this act relates to the previous (older) step: retaliatesFor, …
    responds_to: str | None = None  # the older act
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


def _view(data: Graph) -> Graph:
    if isinstance(data, Dataset) and not data.default_union:
        return Dataset(store=data.store, default_union=True)
    return data


def _local(iri) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1] or text
    return text


def _as_date(value) -> date | None:
    if isinstance(value, Literal):
        value = value.toPython()
    return value if isinstance(value, date) else None


class ChainIndex:
    """The response links, dates and types of a graph, read once."""

    def __init__(self, data: Graph):
        self.graph = _view(data)
        g = self.graph
        sub_props = nx.DiGraph()
        for p, q in g.subject_objects(RDFS.subPropertyOf):
            sub_props.add_edge(q, p)  # super → sub
        props = {RKG.respondsTo}
        if RKG.respondsTo in sub_props:
            props |= nx.descendants(sub_props, RKG.respondsTo)
        self.depth = {p: (len(nx.ancestors(sub_props, p)) if p in sub_props else 0) for p in props}
        self.links: dict = defaultdict(lambda: defaultdict(set))  # effect → cause → {properties}
        for p in props:
            for s, o in g.subject_objects(p):
                if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o:
                    self.links[s][o].add(p)
        self.start = {s: _as_date(o) for s, o in g.subject_objects(RKG.dateStart)}
        self.end = {s: _as_date(o) for s, o in g.subject_objects(RKG.dateEnd)}
        sub_classes = nx.DiGraph()
        for c, d in g.subject_objects(RDFS.subClassOf):
            sub_classes.add_edge(d, c)
        annex_classes = {RKG.Annexation}
        if RKG.Annexation in sub_classes:
            annex_classes |= nx.descendants(sub_classes, RKG.Annexation)
        self.annexations = {s for c in annex_classes for s in g.subjects(RDF.type, c)}
        self.class_depth = {c: len(nx.ancestors(sub_classes, c)) for c in sub_classes}
        self.link_evidence: dict = defaultdict(list)
        # two passes over rkg:effect and rkg:cause, not two lookups per record: 70k records at corpus scale
        effects = dict(g.subject_objects(RKG.effect))
        causes = dict(g.subject_objects(RKG.cause))
        for node in set(g.subjects(RDF.type, RKG.LinkEvidence)):
            effect, cause = effects.get(node), causes.get(node)
            if effect is not None and cause is not None:
                self.link_evidence[(effect, cause)].append(node)
        self._reaches: set | None = None

    # -- links ---------------------------------------------------------------------------------------

    def usable(self, effect, cause) -> bool:
        """The link goes back in time (or a date is missing)."""
        older, newer = self.start.get(cause), self.end.get(effect)
        return older is None or newer is None or older <= newer

    def causes(self, act) -> list:
        return sorted((c for c in self.links.get(act, ()) if self.usable(act, c)), key=str)

    def relation(self, effect, cause) -> URIRef:
        """The most specific property linking effect to cause (deepest; retaliatesFor before tightens)."""
        props = self.links[effect][cause]
        return sorted(props, key=lambda p: (-self.depth.get(p, 0), str(p)))[0]

    def reaches(self) -> set:
        """Every act with a usable path to an annexation (annexations included)."""
        if self._reaches is None:
            back: dict = defaultdict(list)
            for effect, causes in self.links.items():
                for cause in causes:
                    if self.usable(effect, cause):
                        back[cause].append(effect)
            seen = set(self.annexations)
            stack = list(seen)
            while stack:
                for effect in back.get(stack.pop(), ()):
                    if effect not in seen:
                        seen.add(effect)
                        stack.append(effect)
            self._reaches = seen
        return self._reaches

    # -- starting point ------------------------------------------------------------------------------

    def resolve(self, start) -> URIRef:
        from kg.queries import param_term

        if isinstance(start, URIRef):
            term = start
        else:
            term = param_term(str(start), "iri", "act")
        g = self.graph
        if (term, RKG.actor, None) not in g and (term, RDF.type, None) not in g:
            raise InputError(f"unknown act {start} (not in the graph)")
        return term

    def default_start(self) -> URIRef:
        g = self.graph
        suspensions = [s for s in g.subjects(RDF.type, RKG.MissionSuspension) if (s, RKG.actor, ACTOR.RUS) in g]
        if suspensions:
            return self._most_recent(suspensions)
        candidates = [a for a in self.reaches() if a not in self.annexations]
        if not candidates:
            raise CheckFailed("no act with a chain back to an annexation in the graph")
        return self._most_recent(candidates)

    def _most_recent(self, acts) -> URIRef:
        return sorted(acts, key=lambda a: (self.start.get(a) or date.min, str(a)), reverse=True)[0]

    # -- the walk ------------------------------------------------------------------------------------

    def path(self, start: URIRef) -> list[URIRef]:
        """The chosen path, newest first, from `start` to an annexation."""
        reach = self.reaches()
        if start not in reach:
            raise CheckFailed(f"no chain from {start} back to an annexation")
        best: dict = {}  # act → (score, next act or None)
        on_stack: set = set()
        stack = [(start, False)]
        while stack:
            node, expanded = stack.pop()
            if node in best:
                continue
            if node in self.annexations:
                best[node] = ((0, 0, 0), None)
                continue
            nexts = [c for c in self.causes(node) if c in reach]
            if not expanded:
                on_stack.add(node)
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(nexts) if c not in best and c not in on_stack)
                continue
            on_stack.discard(node)
            choice = None
            for cause in nexts:  # sorted by IRI: on equal scores the first one stays
                if cause not in best:
                    continue  # only on a cycle through `node`
                sub, _ = best[cause]
                specific = int(self.relation(node, cause) in SPECIFIC)
                evidenced = int(bool(self.link_evidence.get((node, cause))))
                score = (sub[0] + specific, sub[1] + evidenced, sub[2] + 1)
                if choice is None or score > choice[0]:
                    choice = (score, cause)
            if choice is None:
                best[node] = ((-1, -1, -1), None)  # a dead end (cycle): not a path
            else:
                best[node] = choice
        if best[start][1] is None and start not in self.annexations:
            raise CheckFailed(f"no chain from {start} back to an annexation")
        out = [start]
        while out[-1] not in self.annexations:
            nxt = best[out[-1]][1]
            if nxt is None or nxt in out:
                raise CheckFailed(f"no chain from {start} back to an annexation")
            out.append(nxt)
        return out

    def chain_acts(self, start: URIRef) -> set:
        """Every act on a usable path from `start` to an annexation."""
        reach = self.reaches()
        if start not in reach:
            return set()
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node in self.annexations:
                continue
            for cause in self.causes(node):
                if cause in reach and cause not in seen:
                    seen.add(cause)
                    stack.append(cause)
        return seen

    def find(self, start=None) -> list[Step]:
        act = self.default_start() if start is None else self.resolve(start)
        path = self.path(act)
        steps = []
        oldest_first = list(reversed(path))
        for i, node in enumerate(oldest_first):
            older = oldest_first[i - 1] if i else None
            relation = _local(self.relation(node, older)) if older is not None else None
            steps.append(self.step(node, older, relation))
        return steps

    # -- describing an act ---------------------------------------------------------------------------

    def step(self, act: URIRef, older: URIRef | None, relation: str | None) -> Step:
        g = self.graph
        actor = g.value(act, RKG.actor)
        targets = sorted(set(g.objects(act, RKG.target)), key=str)
        evidence = self.evidence(act, "act")
        if older is not None:
            for node in sorted(self.link_evidence.get((act, older), ()), key=str):
                evidence += self.evidence(node, "link")
        date_text = g.value(act, RKG.date)
        return Step(
            act=str(act), label=self.label(act), class_label=self.class_label(act),
            date=str(date_text) if date_text is not None else "", date_start=self.start.get(act),
            actor=str(actor) if actor is not None else "", actor_label=self.label(actor) if actor is not None else "",
            targets=tuple(str(t) for t in targets), target_labels=tuple(self.label(t) for t in targets),
            relation=relation, responds_to=str(older) if older is not None else None, evidence=tuple(evidence))

    def label(self, node) -> str:
        """English skos:prefLabel or rdfs:label; curated and ontology labels before lifted ones."""
        g = self.graph
        for prop in (SKOS.prefLabel, RDFS.label):
            found = []
            quads = g.quads((node, prop, None, None)) if isinstance(g, Dataset) else (
                (node, prop, o, None) for o in g.objects(node, prop))
            for _, _, value, ctx in quads:
                if isinstance(value, Literal) and (value.language or "").lower().startswith("en"):
                    name = str(getattr(ctx, "identifier", ctx) or "")
                    found.append((name.startswith(str(GRAPH["article/"])), str(value)))
            if found:
                return sorted(found)[0][1]
        return _local(node)

    def class_label(self, act) -> str:
        g = self.graph
        coded = [c for c in g.objects(act, RDF.type) if (c, RKG.cameoCode, None) in g]
        if not coded:
            return ""
        cls = sorted(coded, key=lambda c: (-self.class_depth.get(c, 0), str(c)))[0]
        return self.label(cls)

    def evidence(self, node, about: str) -> list[Evidence]:
        g = self.graph
        out = []
        for mention in sorted(set(g.objects(node, GAF.denotedBy)), key=str):
            anchor = g.value(mention, NIF.anchorOf)
            if anchor is None:
                continue
            begin, end = g.value(mention, NIF.beginIndex), g.value(mention, NIF.endIndex)
            context = g.value(mention, NIF.referenceContext)
            article = g.value(context, NIF.sourceUrl) if context is not None else None
            article_iri = str(article) if article is not None else str(mention).split("#", 1)[0]
            ident = g.value(URIRef(article_iri), DCTERMS.identifier)
            article_id = str(ident) if ident is not None else article_iri.removeprefix(str(ARTICLE))
            out.append(Evidence(about, "quote", str(anchor), str(mention), article_id,
                                int(begin) if begin is not None else None, int(end) if end is not None else None))
        for source in sorted(set(g.objects(node, PROV.wasDerivedFrom)), key=str):
            publisher = g.value(source, DCTERMS.publisher)
            if publisher is None:
                continue  # an article: its quotes are listed above
            when = g.value(source, DCTERMS.date)
            out.append(Evidence(about, "source", str(publisher), str(source), date=str(when) if when else ""))
        return out


def find_chain(ds: Graph, start=None) -> list[Step]:
    """The chain from `start` (an IRI or CURIE; default: Russia's latest mission suspension) back to an
    annexation, oldest first. Unknown act: InputError; no path: CheckFailed."""
    return ChainIndex(ds).find(start)


def chain_acts(ds: Graph, start) -> set[str]:
    """Every act on any usable path from `start` back to an annexation (what chain_to_crimea.rq lists)."""
    index = ChainIndex(ds)
    return {str(a) for a in index.chain_acts(index.resolve(start))}


def render_text(chain: list[Step]) -> str:
    """A readable timeline, oldest first: one block per step."""
    if not chain:
        return "(empty chain)\n"
    by_iri = {s.act: s for s in chain}
    links = len(chain) - 1
    lines = [f"Chain from {chain[-1].label} ({chain[-1].date}) back to {chain[0].label} ({chain[0].date}): "
             f"{len(chain)} acts, {links} link{'s' if links != 1 else ''}, oldest first.", ""]
    for i, step in enumerate(chain, 1):
        targets = ", ".join(step.target_labels) or "—"
        lines.append(f"{i}. {step.date or 'undated'}  {step.actor_label or '?'} → {targets}")
        lines.append(f"   {step.class_label or 'act'}: {step.label}")
        lines.append(f"   <{step.act}>")
        if step.relation and step.responds_to:
            older = by_iri.get(step.responds_to)
            what = f"{older.class_label or 'act'} of {older.date} (step {chain.index(older) + 1})" if older else \
                step.responds_to
            lines.append(f"   {RELATION_WORDS.get(step.relation, step.relation)} the {what}")
        for ev in step.evidence:
            prefix = "link " if ev.about == "link" else ""
            lines.append(f"   {prefix}{ev.line()}")
        if not step.evidence:
            lines.append("   (no evidence recorded)")
        lines.append("")
    return "\n".join(lines)


def render_dot(chain: list[Step]) -> str:
    """The chain as a Graphviz DOT digraph: oldest act at the top, each newer act below it, an edge from
    the newer act to the one it answers, labelled with the relation; the start act and the origin shaded."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    lines = ["digraph chain {", "  rankdir=BT;",
             '  node [shape=box, style="rounded,filled", fillcolor="#e8eef9", color="#333333", '
             'fontname="Helvetica", fontsize=11];',
             '  edge [fontname="Helvetica", fontsize=10, color="#555555", fontcolor="#555555"];']
    for i, step in enumerate(chain):
        label = "\n".join([step.date, f"{step.actor_label} → {', '.join(step.target_labels) or '—'}", step.class_label])
        fill = ', fillcolor="#fde2e2"' if i == len(chain) - 1 else ', fillcolor="#f3e3c3"' if i == 0 else ""
        lines.append(f"  {q(step.act)} [label={q(label)}, tooltip={q(step.label)}{fill}];")
    for step in chain:
        if step.responds_to:
            words = RELATION_WORDS.get(step.relation or "", "")
            lines.append(f"  {q(step.act)} -> {q(step.responds_to)} [label={q(' ' + words)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_graphviz(chain: list[Step], timeout: float = 120) -> str:
    """The chain's DOT laid out and drawn as SVG by Graphviz (`dot -Tsvg`), what `kg chain --svg` writes."""
    import shutil
    import subprocess

    exe = shutil.which("dot")
    if exe is None:
        raise InputError("Graphviz is not installed (no `dot` on PATH)")
    try:
        done = subprocess.run([exe, "-Tsvg"], input=render_dot(chain).encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"Graphviz did not finish within {timeout:g} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"Graphviz failed: {message[0] if message else f'exit code {done.returncode}'}")
    return done.stdout.decode("utf-8")


def render_svg(chain: list[Step]) -> str:
    """The chain as a standalone SVG timeline (oldest at the top), drawn without external tools."""
    from xml.sax.saxutils import escape

    width, box_h, gap, margin = 760, 58, 34, 20
    height = margin * 2 + len(chain) * box_h + max(len(chain) - 1, 0) * gap
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="13">',
           '<defs><marker id="arrow" markerWidth="10" markerHeight="10" refX="5" refY="5" orient="auto">'
           '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>']
    for i, step in enumerate(chain):
        y = margin + i * (box_h + gap)
        fill = "#fde2e2" if i == 0 else "#e8eef9"
        out.append(f'<g><title>{escape(step.act)}</title>'
                   f'<rect x="{margin}" y="{y}" width="{width - 2 * margin}" height="{box_h}" rx="6" '
                   f'fill="{fill}" stroke="#333"/>')
        head = f"{step.date}  {step.actor_label} → {', '.join(step.target_labels) or '—'}  ({step.class_label})"
        out.append(f'<text x="{margin + 10}" y="{y + 22}" font-weight="bold">{escape(head)}</text>')
        label = step.label if len(step.label) <= 100 else step.label[:99] + "…"
        out.append(f'<text x="{margin + 10}" y="{y + 42}">{escape(label)}</text></g>')
        if i:
            y0 = y - gap
            out.append(f'<line x1="{width // 2}" y1="{y}" x2="{width // 2}" y2="{y0 + 2}" stroke="#555" '
                       'marker-end="url(#arrow)"/>')
            words = RELATION_WORDS.get(step.relation or "", step.relation or "")
            out.append(f'<text x="{width // 2 + 10}" y="{y - gap // 2 + 4}" fill="#555">{escape(words)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
