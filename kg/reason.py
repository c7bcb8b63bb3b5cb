"""Targeted entailments: only what the queries and shapes need, with the schema read from the data.

`infer(ds)` works over the union of the dataset's named graphs (the ontology graph included, an existing
graph:inferred excluded) and returns a new graph holding only the triples that are not already there:

- rdfs:subPropertyOf closure: every (s, p, o) also holds for every super-property of p
  (retaliatesFor/tightens → respondsTo → hasCausalAncestor; actor → sem:hasActor); owl:equivalentProperty
  counts as sub-property both ways;
- owl:inverseOf, both directions (respondsTo ↔ hasResponse, hasCausalAncestor ↔ hasCausalDescendant);
- the closure of every owl:TransitiveProperty (hasCausalAncestor, hasCausalDescendant);
- defined classes: a class C with `C owl:equivalentClass [ owl:intersectionOf ( A … [ owl:onProperty P ;
  owl:someValuesFrom D ] … ) ]` (or a bare restriction) gets every individual that is in all the named
  classes and has a P-value in D (rkg:RetaliatoryAct ≡ rkg:Act ⊓ ∃retaliatesFor.rkg:Event);
- rdf:type closure over rdfs:subClassOf and owl:equivalentClass between named classes.

Deliberately not materialised (the queries do not need them, and they would hide shape violations or
blow up the graph): rdfs:domain/range typing, owl:sameAs (the queries keep to the project's own IRIs,
so identity links to Wikidata never change a row), reflexive and owl:Thing triples, literal typing.

`infer_owlrl(ds)` runs owlrl's full OWL RL closure over a copy of the same union, for comparison.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import INFERRED_GRAPH, bind_prefixes

Node = URIRef | BNode
_THING = (OWL.Thing, str(OWL.Thing))


def _literal(term) -> bool:
    """An rdflib Literal, or a literal in kg.store_reason's plain-string form (N-Triples, so it opens with a quote)."""
    if type(term) is str:
        return term[:1] == '"'
    return isinstance(term, Literal)


def _sources(data: Graph) -> list[Graph]:
    """The graphs whose union is reasoned over: a Dataset's named graphs (not graph:inferred), or the graph."""
    if isinstance(data, Dataset):
        return [g for g in data.graphs()
                if g.identifier not in (INFERRED_GRAPH, DATASET_DEFAULT_GRAPH_ID) and len(g)]
    return [data]


def _triples(graphs: list[Graph], pattern) -> Iterator:
    for g in graphs:
        yield from g.triples(pattern)


def _ancestors(edges: dict) -> dict:
    """For each node of a parent map, every node reachable from it (itself excluded unless on a cycle)."""
    graph = nx.DiGraph()
    for child, parents in edges.items():
        for parent in parents:
            graph.add_edge(child, parent)
    return {node: nx.descendants(graph, node) for node in graph}


class Schema:
    """The axioms the targeted reasoner uses, read from the data (normally graph:ontology)."""

    def __init__(self, graphs: list[Graph]):
        sub_class: dict = defaultdict(set)
        for c, d in _triples_so(graphs, RDFS.subClassOf):
            if isinstance(c, URIRef) and isinstance(d, URIRef) and c != d:
                sub_class[c].add(d)
        self.defined: list[tuple[URIRef, list, list]] = []  # (class, named classes, [(property, filler)])
        for c, d in _triples_so(graphs, OWL.equivalentClass):
            if isinstance(c, URIRef) and isinstance(d, URIRef):
                if c != d:
                    sub_class[c].add(d)
                    sub_class[d].add(c)
            elif isinstance(c, URIRef) or isinstance(d, URIRef):
                named, expr = (c, d) if isinstance(c, URIRef) else (d, c)
                definition = _definition(graphs, expr)
                if definition is not None:
                    self.defined.append((named, *definition))
        self.super_classes = _ancestors(sub_class)

        sub_prop: dict = defaultdict(set)
        for p, q in _triples_so(graphs, RDFS.subPropertyOf):
            if isinstance(p, URIRef) and isinstance(q, URIRef) and p != q:
                sub_prop[p].add(q)
        for p, q in _triples_so(graphs, OWL.equivalentProperty):
            if isinstance(p, URIRef) and isinstance(q, URIRef) and p != q:
                sub_prop[p].add(q)
                sub_prop[q].add(p)
        self.super_props = _ancestors(sub_prop)
        self.inverse: dict = defaultdict(set)
        for p, q in _triples_so(graphs, OWL.inverseOf):
            if isinstance(p, URIRef) and isinstance(q, URIRef):
                self.inverse[p].add(q)
                self.inverse[q].add(p)
        self.transitive = {p for p, _, _ in _triples(graphs, (None, RDF.type, OWL.TransitiveProperty))
                           if isinstance(p, URIRef)}

    def properties(self) -> set:
        """Every property whose triples can entail others (or be entailed)."""
        props = set(self.super_props) | set(self.inverse) | self.transitive
        for supers in self.super_props.values():
            props |= supers
        for inverses in list(self.inverse.values()):
            props |= inverses
        for _, _, restrictions in self.defined:
            props |= {p for p, _ in restrictions}
        return props


def _triples_so(graphs: list[Graph], predicate) -> Iterator[tuple]:
    for s, _, o in _triples(graphs, (None, predicate, None)):
        yield s, o


def _value(graphs: list[Graph], s, p):
    for _, _, o in _triples(graphs, (s, p, None)):
        return o
    return None


def _definition(graphs: list[Graph], expr) -> tuple[list, list] | None:
    """An intersection of named classes and someValuesFrom restrictions (or one restriction), or None."""
    restriction = _restriction(graphs, expr)
    if restriction is not None:
        return [], [restriction]
    members = _value(graphs, expr, OWL.intersectionOf)
    if members is None:
        return None
    union = Graph()
    for g in graphs:  # the list cells may sit in any graph; copy just the list
        node = members
        while node is not None and node != RDF.nil:
            first, rest = _value([g], node, RDF.first), _value([g], node, RDF.rest)
            if first is None:
                break
            union.add((node, RDF.first, first))
            union.add((node, RDF.rest, rest))
            node = rest
    named, restrictions = [], []
    for item in Collection(union, members):
        if isinstance(item, URIRef):
            named.append(item)
        else:
            r = _restriction(graphs, item)
            if r is None:
                return None  # something the targeted reasoner does not handle: leave it to owlrl
            restrictions.append(r)
    return named, restrictions


def _restriction(graphs: list[Graph], node) -> tuple | None:
    prop, filler = _value(graphs, node, OWL.onProperty), _value(graphs, node, OWL.someValuesFrom)
    if isinstance(prop, URIRef) and isinstance(filler, URIRef):
        return prop, filler
    return None


def _close_properties(schema: Schema, edges: dict) -> None:
    """Sub-property, inverse and transitive closure of `edges` (property → {(s, o)}), to a fixpoint.

    Semi-naive: each round passes on only the pairs a property gained since it last passed its pairs on."""
    closed: dict = {}  # transitive property → size of its pairs when last closed
    sent: dict = defaultdict(set)  # property → the pairs already passed to its super-properties and inverses
    changed = True
    while changed:
        changed = False
        for p in list(edges):
            pairs = edges[p]
            if len(pairs) == len(sent[p]):
                continue
            delta = pairs - sent[p]
            sent[p] |= delta
            for q in schema.super_props.get(p, ()):
                target = edges[q]
                before = len(target)
                target |= delta
                changed |= len(target) != before
            inverses = schema.inverse.get(p, ())
            if inverses:
                reverse = {(o, s) for s, o in delta}
                for q in inverses:
                    target = edges[q]
                    before = len(target)
                    target |= reverse
                    changed |= len(target) != before
        for p in schema.transitive:
            pairs = edges[p]
            if not pairs or closed.get(p) == len(pairs):
                continue
            closure = _transitive_pairs(pairs)
            closed[p] = len(closure)
            if len(closure) != len(pairs):
                edges[p] = closure
                changed = True


def _transitive_pairs(pairs: set) -> set:
    """The transitive closure of a relation: on a DAG by one depth-first pass (each node's reach is its
    successors' reach), else by networkx."""
    succ: dict = defaultdict(list)
    for s, o in pairs:
        succ[s].append(o)
    reach: dict = {}
    active: set = set()  # on the current depth-first path: meeting one again is a cycle
    for root in succ:
        if root in reach:
            continue
        stack = [(root, iter(succ[root]))]
        active.add(root)
        while stack:
            node, children = stack[-1]
            for child in children:
                if child in reach or child not in succ:
                    continue
                if child in active:
                    graph = nx.DiGraph()
                    graph.add_edges_from(pairs)
                    return set(nx.transitive_closure(graph, reflexive=None).edges())
                active.add(child)
                stack.append((child, iter(succ[child])))
                break
            else:
                stack.pop()
                active.discard(node)
                direct = succ[node]
                found = set(direct)
                for o in direct:
                    below = reach.get(o)
                    if below:
                        found |= below
                reach[node] = found
    return {(s, o) for s, found in reach.items() for o in found}


def infer(data: Graph) -> Graph:
    """The new triples the targeted rules entail from the union of `data` (a Dataset, or one Graph)."""
    graphs = _sources(data)
    schema = Schema(graphs)
    asserted = {p: {(s, o) for s, _, o in _triples(graphs, (None, p, None))} for p in schema.properties()}
    types: dict = defaultdict(set)
    for s, _, c in _triples(graphs, (None, RDF.type, None)):
        if isinstance(c, URIRef):
            types[s].add(c)
    new = Graph()
    bind_prefixes(new)
    add = new.add
    for triple in entailments(schema, asserted, types):
        add(triple)
    return new


def entailments(schema: Schema, asserted: dict, types: dict) -> Iterator[tuple]:
    """The triples the targeted rules add to `asserted` (property → {(s, o)}) and `types` (node → {class}).

    Shared by `infer` (rdflib graphs) and kg.store_reason (any store): the rules live here once.
    """
    edges: dict[URIRef, set] = defaultdict(set, {p: set(pairs) for p, pairs in asserted.items()})
    _close_properties(schema, edges)

    asserted_types = types  # read only from here on; the closure works on a copy
    types = defaultdict(set, {s: set(cs) for s, cs in types.items()})
    _close_types(schema, types, types.keys())

    # defined classes, then the class closure of what they add (repeat while something new appears)
    pending = True
    while pending:
        pending = False
        for cls, named, restrictions in schema.defined:
            for s in _members(types, edges, named, restrictions):
                if cls not in types[s]:
                    types[s].add(cls)
                    _close_types(schema, types, [s])
                    pending = True

    # in a canonical order (sorted, not set order, which changes with each process's hash seed): a store
    # that keeps insertion order then dumps the same bytes on every build
    for p in sorted(edges, key=str):
        for s, o in sorted(edges[p].difference(asserted.get(p, ()))):
            if not _literal(s):  # literal subjects cannot be stored
                yield s, p, o
    rdf_type = RDF.type  # a ClosedNamespace attribute costs a lookup per use
    for s in sorted(types):
        new = types[s].difference(asserted_types.get(s, ()))
        for c in sorted(new) if len(new) > 1 else new:
            yield s, rdf_type, c


def _close_types(schema: Schema, types: dict, subjects: Iterable) -> None:
    supers = schema.super_classes
    for s in list(subjects):
        cs = types[s]
        extra = set()
        for c in cs:
            extra |= supers.get(c, set())
        cs |= extra


def _members(types: dict, edges: dict, named: list, restrictions: list) -> set:
    """Individuals in every named class and with a value in each restriction's filler class."""
    candidates: set | None = None
    for prop, filler in restrictions:
        found = {s for s, o in edges.get(prop, ())
                 if filler in _THING or filler in types.get(o, ())}
        candidates = found if candidates is None else candidates & found
    if candidates is None:
        candidates = {s for s, cs in types.items() if all(c in cs for c in named)}
    return {s for s in candidates if all(c in types.get(s, ()) for c in named)}


def infer_owlrl(data: Graph) -> Graph:
    """owlrl's full OWL RL closure over a copy of the union of `data`; returns only the new triples."""
    import owlrl

    graphs = _sources(data)
    work = Graph()
    for g in graphs:
        for t in g:
            work.add(t)
    before = set(work)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    new = Graph()
    bind_prefixes(new)
    for t in work:
        if t not in before:
            new.add(t)
    return new
