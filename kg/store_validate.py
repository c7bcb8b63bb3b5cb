"""SHACL validation inside the store: each shape becomes a few SPARQL queries that return only violations.

pySHACL walks every focus node from Python (minutes at 100k events); here the store does the work: per
property shape one query finds the values that break any of its value constraints (sh:class, sh:datatype,
sh:in, sh:pattern, sh:minLength, sh:minInclusive, sh:nodeKind, sh:node, sh:not, sh:or) and one the focus
nodes with too few or too many values; sh:lessThanOrEquals, sh:disjoint, sh:uniqueLang and
sh:qualifiedValueShape get a query each; a SPARQL constraint runs once over all its focus nodes, with
$this joined to the shape's targets instead of pre-bound. Nested shapes (sh:node, sh:not, sh:or, the
qualified value shape) compile to SPARQL expressions. Targets and sh:class follow rdf:type/rdfs:subClassOf*
in the data, as SHACL says. A shape that uses anything else raises ShapeNotCompiled, so nothing is silently
skipped. The results become kg.validate.Result objects, so the report reads as pySHACL's does
(tests/test_stores.py compares the two on the project's shapes and on broken data).

`focus` limits validation to some focus nodes (what an incremental update touched).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import count

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD

from kg.store import WORKERS, Store
from kg.store_reason import to_rdflib
from kg.validate import SH, Result, ValidationReport, _bnode_id, _dedupe, _label, _node_id, _path_text, _term_text
from kg.validate import evidence as node_evidence

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_CASTABLE = {XSD.date, XSD.dateTime, XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean,
             XSD.nonNegativeInteger}
_VALUE_COMPONENTS = (SH["class"], SH.datatype, SH["in"], SH.pattern, SH.minLength, SH.maxLength, SH.minInclusive,
                     SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.nodeKind, SH.node, SH["not"], SH["or"],
                     SH.hasValue)
_HANDLED = set(_VALUE_COMPONENTS) | {SH.minCount, SH.maxCount, SH.lessThanOrEquals, SH.lessThan, SH.disjoint,
                                     SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMaxCount, SH.qualifiedMinCount,
                                     SH.qualifiedValueShapesDisjoint, SH.path, SH.sparql, SH.property, SH.flags,
                                     SH.severity, SH.message, SH.name, SH.description, SH.targetClass, SH.targetNode,
                                     SH.targetSubjectsOf, SH.targetObjectsOf, SH.deactivated, SH.order, SH.group}


class ShapeNotCompiled(Exception):
    """A shape uses a SHACL feature this compiler does not translate."""


@dataclass
class Check:
    """One query and how to read its rows into results."""

    query: str
    shape: object  # the shape node reported as sh:sourceShape
    severity: str
    messages: list  # the shape's sh:message literals
    path: object = None  # the SHACL path node (property shapes)
    value_is_focus: bool = False  # node-level constraints report the focus node as the value
    has_value: bool = True
    sparql: object = None  # the SPARQL constraint node, for its messages
    focus: str = ""  # the focus sub-select
    violates: str | None = None  # a SPARQL expression over ?this, true when this check reports ?this


def _iri(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise ShapeNotCompiled(f"blank node where an IRI or literal is expected: {term}")


def sparql_path(g: Graph, path) -> str:
    if isinstance(path, URIRef):
        return f"<{path}>"
    if (path, RDF.first, None) in g:
        return "(" + "/".join(sparql_path(g, p) for p in Collection(g, path)) + ")"
    for prop, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                      (SH.zeroOrOnePath, "{}?")):
        inner = g.value(path, prop)
        if inner is not None:
            return "(" + fmt.format(sparql_path(g, inner)) + ")"
    alt = g.value(path, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(sparql_path(g, p) for p in Collection(g, alt)) + ")"
    raise ShapeNotCompiled(f"unknown path {path}")


class Compiler:
    """`types_closed`: the data carries the rdf:type closure over rdfs:subClassOf (the targeted reasoner's
    graph:inferred does), so class membership is one index lookup instead of a path."""

    def __init__(self, shapes: Graph, types_closed: bool = False):
        self.g = shapes
        self.fresh = count()
        self.isa = f"<{RDF.type}>" if types_closed else f"<{RDF.type}>/<{RDFS.subClassOf}>*"

    def var(self) -> str:
        return f"?v{next(self.fresh)}"

    # -- expressions: does `var` conform to the value constraints of `shape`? --------------------------

    def value_ok(self, shape, var: str, components=None) -> list[tuple[object, str]]:
        """(component, SPARQL expression true when `var` satisfies it) for each value constraint of `shape`."""
        g = self.g
        out = []
        for comp in components or _VALUE_COMPONENTS:
            for arg in g.objects(shape, comp):
                out.append((comp, self._component(comp, arg, var, shape)))
        return out

    def _component(self, comp, arg, var, shape) -> str:
        g = self.g
        if comp == SH["class"]:
            return f"EXISTS {{ {var} {self.isa} {_iri(arg)} }}"
        if comp == SH.datatype:
            if arg == RDF.langString:
                return f"(isLiteral({var}) && LANG({var}) != \"\")"
            test = f"(isLiteral({var}) && DATATYPE({var}) = {_iri(arg)} && LANG({var}) = \"\")"
            if arg == XSD.nonNegativeInteger:  # a well-formed lexical form, as pySHACL checks
                test = f"({test} && COALESCE(<{XSD.integer}>(STR({var})) >= 0, false))"
            elif arg in _CASTABLE:
                test = f"({test} && COALESCE(STR({_iri(arg)}(STR({var}))) != \"\", false))"
            return test
        if comp == SH["in"]:
            members = list(Collection(g, arg))
            return "(" + " || ".join(f"sameTerm({var}, {_iri(m)})" for m in members) + ")" if members else "false"
        if comp == SH.hasValue:
            return f"sameTerm({var}, {_iri(arg)})"
        if comp == SH.pattern:
            flags = g.value(shape, SH.flags)
            flag_arg = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            return f"(!isBlank({var}) && REGEX(STR({var}), {Literal(str(arg)).n3()}{flag_arg}))"
        if comp in (SH.minLength, SH.maxLength):
            op = ">=" if comp == SH.minLength else "<="
            return f"(!isBlank({var}) && STRLEN(STR({var})) {op} {int(arg)})"
        if comp in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            op = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}[comp]
            return f"COALESCE({var} {op} {_iri(arg)}, false)"
        if comp == SH.nodeKind:
            kinds = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
                     SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
                     SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
                     SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
            return kinds[arg].format(v=var)
        if comp == SH.node:
            return self.conforms(arg, var)
        if comp == SH["not"]:
            return f"!({self.conforms(arg, var)})"
        if comp == SH["or"]:
            return "(" + " || ".join(self.conforms(s, var) for s in Collection(g, arg)) + ")"
        raise ShapeNotCompiled(f"component {comp}")

    def conforms(self, shape, var: str) -> str:
        """A SPARQL expression: `var` conforms to the whole of `shape` (nested shapes)."""
        g = self.g
        self._check_known(shape)
        path = g.value(shape, SH.path)
        if path is None:
            parts = [expr for _, expr in self.value_ok(shape, var)]
        else:  # a property shape applied to `var`
            p = sparql_path(g, path)
            x = self.var()
            inner = [expr for _, expr in self.value_ok(shape, x)]
            parts = []
            if inner:
                parts.append(f"NOT EXISTS {{ {var} {p} {x} . FILTER (!({' && '.join(inner)})) }}")
            low, high = g.value(shape, SH.minCount), g.value(shape, SH.maxCount)
            if low is not None and int(low) > 0:
                if int(low) != 1:
                    raise ShapeNotCompiled("nested sh:minCount above 1")
                parts.append(f"EXISTS {{ {var} {p} {self.var()} }}")
            if high is not None:
                if int(high) != 0:
                    raise ShapeNotCompiled("nested sh:maxCount above 0")
                parts.append(f"NOT EXISTS {{ {var} {p} {self.var()} }}")
        for prop in g.objects(shape, SH.property):
            parts.append(self.conforms(prop, var))
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def _check_known(self, shape) -> None:
        for p in self.g.predicates(shape, None):
            if str(p).startswith(str(SH)) and p not in _HANDLED:
                raise ShapeNotCompiled(f"{_node_id(shape, self.g)} uses {p}")

    # -- targets -----------------------------------------------------------------------------------------

    def targets(self, shape) -> list[str]:
        g = self.g
        parts = [f"{{ ?this {self.isa} {_iri(c)} }}" for c in g.objects(shape, SH.targetClass)]
        parts += [f"{{ ?this {_iri(p)} ?target_o }}" for p in g.objects(shape, SH.targetSubjectsOf)]
        parts += [f"{{ ?target_s {_iri(p)} ?this }}" for p in g.objects(shape, SH.targetObjectsOf)]
        parts += [f"{{ VALUES ?this {{ {_iri(n)} }} }}" for n in g.objects(shape, SH.targetNode)]
        if (shape, RDF.type, RDFS.Class) in g:
            parts.append(f"{{ ?this {self.isa} {_iri(shape)} }}")
        return parts

    # -- top-level checks --------------------------------------------------------------------------------

    def checks(self) -> list[Check]:
        g = self.g
        out: list[Check] = []
        shapes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type, SH.PropertyShape))
        shapes |= {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                   for s in g.subjects(p, None)}
        for shape in sorted(shapes, key=str):
            if g.value(shape, SH.deactivated) == Literal(True):
                continue
            parts = self.targets(shape)
            if not parts:
                continue
            focus = "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"
            out += self.shape_checks(shape, focus)
            for prop in g.objects(shape, SH.property):
                if g.value(prop, SH.deactivated) != Literal(True):
                    out += self.shape_checks(prop, focus)
        return out

    def _base(self, shape, **kw) -> dict:
        sev = _SEVERITY.get(self.g.value(shape, SH.severity), "Violation")
        return dict(shape=shape, severity=sev, messages=list(self.g.objects(shape, SH.message)), **kw)

    def shape_checks(self, shape, focus: str) -> list[Check]:
        g = self.g
        self._check_known(shape)
        path = g.value(shape, SH.path)
        out = []
        if path is None:  # node-level constraints: the focus node is the value
            for _comp, expr in self.value_ok(shape, "?this"):
                out.append(Check(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER (!({expr})) }}",
                                 value_is_focus=True, violates=f"!({expr})", **self._base(shape)))
        else:
            p = sparql_path(g, path)
            oks = self.value_ok(shape, "?value")
            if oks:
                test = " || ".join(f"!({e})" for _, e in oks)
                out.append(Check(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value . FILTER ({test}) }}",
                                 path=path, violates=f"EXISTS {{ ?this {p} ?value . FILTER ({test}) }}",
                                 **self._base(shape)))
            low, high = g.value(shape, SH.minCount), g.value(shape, SH.maxCount)
            if low is not None and int(low) == 1:
                out.append(Check(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} ?x }} }}",
                                 path=path, has_value=False, violates=f"NOT EXISTS {{ ?this {p} ?x }}",
                                 **self._base(shape)))
            elif low is not None and int(low) > 1:
                out.append(Check(f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?x }} }} GROUP BY ?this "
                                 f"HAVING (COUNT(DISTINCT ?x) < {int(low)})", path=path, has_value=False,
                                 **self._base(shape)))
            if high is not None:
                cheap = {0: f"EXISTS {{ ?this {p} ?x }}",
                         1: f"EXISTS {{ ?this {p} ?x, ?y . FILTER (!sameTerm(?x, ?y)) }}"}.get(int(high))
                out.append(Check(f"SELECT ?this WHERE {{ {focus} ?this {p} ?x }} GROUP BY ?this "
                                 f"HAVING (COUNT(DISTINCT ?x) > {int(high)})", path=path, has_value=False,
                                 violates=cheap, **self._base(shape)))
            for comp, op in ((SH.lessThanOrEquals, "<="), (SH.lessThan, "<")):
                for other in g.objects(shape, comp):
                    pattern = (f"?this {p} ?value . ?this {_iri(other)} ?other . "
                               f"FILTER (!COALESCE(?value {op} ?other, false))")
                    out.append(Check(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {pattern} }}",
                                     path=path, violates=f"EXISTS {{ {pattern} }}", **self._base(shape)))
            for other in g.objects(shape, SH.disjoint):
                pattern = f"?this {p} ?value . ?this {_iri(other)} ?value"
                out.append(Check(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {pattern} }}", path=path,
                                 violates=f"EXISTS {{ {pattern} }}", **self._base(shape)))
            if g.value(shape, SH.uniqueLang) == Literal(True):
                out.append(Check(f"SELECT DISTINCT ?this ?lang WHERE {{ {focus} ?this {p} ?a, ?b . "
                                 "FILTER (!sameTerm(?a, ?b) && LANG(?a) != \"\" && LANG(?a) = LANG(?b)) "
                                 "BIND (LANG(?a) AS ?lang) }", path=path, has_value=False, **self._base(shape)))
            q = g.value(shape, SH.qualifiedValueShape)
            if q is not None:
                expr = self.conforms(q, "?x")
                qmax, qmin = g.value(shape, SH.qualifiedMaxCount), g.value(shape, SH.qualifiedMinCount)
                if qmax is not None:
                    out.append(Check(f"SELECT ?this WHERE {{ {focus} ?this {p} ?x . FILTER ({expr}) }} GROUP BY ?this "
                                     f"HAVING (COUNT(DISTINCT ?x) > {int(qmax)})", path=path, has_value=False,
                                     **self._base(shape)))
                if qmin is not None:
                    raise ShapeNotCompiled("sh:qualifiedMinCount")
        for constraint in g.objects(shape, SH.sparql):
            out.append(self.sparql_check(shape, constraint, focus, path))
        for check in out:
            check.focus = focus
        return out

    def sparql_check(self, shape, constraint, focus: str, path) -> Check:
        g = self.g
        text = g.value(constraint, SH.select)
        if text is None:
            raise ShapeNotCompiled(f"{constraint}: only sh:select SPARQL constraints")
        prefixes = {}
        for holder in g.objects(constraint, SH.prefixes):
            for decl in g.objects(holder, SH.declare):
                prefixes[str(g.value(decl, SH.prefix))] = str(g.value(decl, SH.namespace))
        body = str(text).replace("$this", "?this")
        if path is not None:
            body = body.replace("$PATH", sparql_path(g, path))
        where = re.search(r"(?i)\bWHERE\s*\{", body)
        if where is None:
            raise ShapeNotCompiled(f"{constraint}: no WHERE group")
        body = body[: where.end()] + f" {focus} " + body[where.end():]
        header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
        sev = g.value(constraint, SH.severity) or g.value(shape, SH.severity)
        return Check(header + body, shape=shape, severity=_SEVERITY.get(sev, "Violation"),
                     messages=list(g.objects(shape, SH.message)), path=path, sparql=constraint)


def compile_shapes(shapes: Graph, types_closed: bool = False) -> list[Check]:
    return Compiler(shapes, types_closed).checks()


def _restrict(query: str, focus_nodes: list | None) -> str:
    """Limit the focus nodes by a VALUES block inside the target sub-select (so the targets are only checked
    for those nodes, not all enumerated and then joined)."""
    if focus_nodes is None:
        return query
    values = "VALUES ?this { " + " ".join(str(n) for n in focus_nodes) + " } "
    marker = "{ SELECT DISTINCT ?this WHERE { "
    i = query.find(marker) + len(marker)
    return query[:i] + values + query[i:]


@dataclass
class Raw:
    focus: object
    path: object  # rdflib term (a path node from the shapes graph or an IRI) or None
    value: object
    message: str
    severity: str
    shape: object


def run_checks(store: Store, checks: list[Check], shapes: Graph, focus_nodes: list | None = None) -> list[Raw]:
    """Run the checks; those with a `violates` test first run together, one query per focus set, and only
    the focus nodes that query flags are checked one constraint at a time (none, when the data conforms).

    The queries are independent reads, so they run on a few threads (the store releases the GIL while it
    evaluates); results keep the order of the checks."""
    plain: list[Check] = []
    groups: dict[str, list[Check]] = {}
    for check in checks:
        if check.violates is None:
            plain.append(check)
        else:
            groups.setdefault(check.focus, []).append(check)

    def run_group(item) -> list[Raw]:
        focus, group = item
        test = " || ".join(f"({c.violates})" for c in group)
        _, rows = store.select(_restrict(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER ({test}) }}", focus_nodes))
        flagged = [r[0] for r in rows if isinstance(r[0], ox.NamedNode)]
        if len(flagged) != len(rows):  # blank or literal focus nodes cannot be named: check the whole set
            flagged = focus_nodes
        elif not flagged:
            return []
        return [raw for check in group for raw in _run(store, check, shapes, flagged)]

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(_run, store, c, shapes, focus_nodes) for c in plain]
        futures += [pool.submit(run_group, item) for item in groups.items()]
        return [raw for future in futures for raw in future.result()]


def _run(store: Store, check: Check, shapes: Graph, focus_nodes: list | None) -> list[Raw]:
    out = []
    names, rows = store.select(_restrict(check.query, focus_nodes))
    for row in rows:
        bound = {n: to_rdflib(v) for n, v in zip(names, row, strict=False) if v is not None}
        focus = bound.get("this")
        if check.sparql is not None:
            value = bound.get("value", focus)
            path = bound.get("path", check.path)
            message = _fill(_english(list(shapes.objects(check.sparql, SH.message)) or check.messages), bound)
            shape = check.sparql if not isinstance(check.sparql, BNode) else check.shape
        else:
            value = focus if check.value_is_focus else (bound.get("value") if check.has_value else None)
            path = check.path
            message = _english(check.messages)
            shape = check.shape
        out.append(Raw(focus, path, value, message, check.severity, shape))
    return out


def _english(messages: list) -> str:
    english = sorted(str(m) for m in messages if getattr(m, "language", None) in ("en", None))
    return english[0] if english else (sorted(str(m) for m in messages)[0] if messages else "")


def _fill(message: str, bound: dict) -> str:
    for name, value in bound.items():
        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _m, v=value: str(v), message)
    return message


def _describe(store: Store, nodes: list) -> Graph:
    """The triples a report needs about its focus nodes: labels, mentions, sources and their articles."""
    g = Graph()
    iris = [n for n in nodes if isinstance(n, URIRef)]
    for i in range(0, len(iris), 200):
        values = "VALUES ?n { " + " ".join(f"<{n}>" for n in iris[i:i + 200]) + " }"
        query = (f"CONSTRUCT {{ ?n ?p ?o . ?o ?p2 ?o2 . ?o2 ?p3 ?o3 }} WHERE {{ {values} ?n ?p ?o . "
                 f"OPTIONAL {{ FILTER (?p IN (<{SH}x>, <http://groundedannotationframework.org/gaf#denotedBy>, "
                 "<http://www.w3.org/ns/prov#wasDerivedFrom>)) ?o ?p2 ?o2 . "
                 "OPTIONAL { FILTER (?p2 IN (<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
                 "referenceContext>, <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)) ?o2 ?p3 ?o3 "
                 "FILTER (?p3 != <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString>) } } }")
        for t in store.construct(query):
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return g


def validate_store(store: Store, shapes: Graph | None = None, focus_nodes: list | None = None,
                   checks: list[Check] | None = None, types_closed: bool = False) -> ValidationReport:
    """Validate the store's union graph (or just `focus_nodes`, pyoxigraph terms) against the shapes.

    Pass types_closed=True only when graph:inferred holds the targeted reasoner's type closure."""
    from kg.validate import load_shapes

    shapes = load_shapes() if shapes is None else shapes
    checks = compile_shapes(shapes, types_closed) if checks is None else checks
    raw = run_checks(store, checks, shapes, focus_nodes)
    data = _describe(store, sorted({r.focus for r in raw if r.focus is not None}, key=str))
    results = []
    for r in raw:
        results.append(Result(
            focus=_node_id(r.focus, data) if not isinstance(r.focus, BNode) else _bnode_id(data, r.focus),
            label=_label(r.focus, data),
            path=_path_text(shapes, r.path) if r.path is not None else None,
            message=r.message,
            severity=r.severity,
            shape=_node_id(r.shape, shapes),
            value=_term_text(r.value) if r.value is not None else None,
            evidence=tuple(sorted(set(node_evidence(data, r.focus)))) if r.focus is not None else (),
        ))
    results = _dedupe(sorted(results, key=Result.sort_key))
    return ValidationReport(conforms=not any(r.severity == "Violation" for r in results), results=results)


def as_terms(nodes) -> list:
    """pyoxigraph NamedNodes for focus restriction (blank nodes cannot be named in a query)."""
    return [n if isinstance(n, ox.NamedNode) else ox.NamedNode(str(n)) for n in nodes
            if isinstance(n, ox.NamedNode | URIRef)]
