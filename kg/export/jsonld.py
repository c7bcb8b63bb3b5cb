"""JSON-LD with a context that makes the graph read as plain JSON, deterministic and lossless.

The context maps the project prefixes (``actor:RUS``, ``event:…``) and gives short names to the main
properties (``target``, ``date``, ``respondsTo`` …). ``rkg:actor`` is called ``actedBy`` because
``actor`` is already the prefix of actor IRIs; likewise ``sem:hasPlace`` is ``hasPlace``.

Output is byte-identical for the same triples: blank nodes get canonical labels
(`rdflib.compare.to_canonical_graph`), nodes are sorted by ``@id``, values of a property are sorted,
and keys are sorted. A Graph gives one ``@graph``; a Dataset gives one named graph per graph, sorted by
name. Parsing the output back gives an isomorphic graph (a test checks it).
"""

from __future__ import annotations

import json

from rdflib import Dataset, Graph
from rdflib.compare import to_canonical_graph

from kg.namespaces import PREFIXES
from kg.rdfio import named_graphs

_IRI = "@id"
_LANG = "@language"  # a language map: {"label": {"en": "…", "nl": "…"}}
# short name → (property as a compact IRI, coercion); None: values stay as rdflib writes them.
TERMS = {
    "actedBy": ("rkg:actor", _IRI),
    "agent": ("rkg:agent", _IRI),
    "target": ("rkg:target", _IRI),
    "object": ("rkg:object", _IRI),
    "about": ("rkg:about", _IRI),
    "attributedTo": ("rkg:attributedTo", _IRI),
    "respondsTo": ("rkg:respondsTo", _IRI),
    "retaliatesFor": ("rkg:retaliatesFor", _IRI),
    "tightens": ("rkg:tightens", _IRI),
    "hasCausalAncestor": ("rkg:hasCausalAncestor", _IRI),
    "effect": ("rkg:effect", _IRI),
    "cause": ("rkg:cause", _IRI),
    "relation": ("rkg:relation", _IRI),
    "newStatus": ("rkg:newStatus", _IRI),
    "datePrecision": ("rkg:datePrecision", _IRI),
    "memberOf": ("rkg:memberOf", _IRI),
    "actsFor": ("rkg:actsFor", _IRI),
    "holdsOffice": ("rkg:holdsOffice", _IRI),
    "hasPlace": ("sem:hasPlace", _IRI),
    "sameAs": ("owl:sameAs", _IRI),
    "derivedFrom": ("prov:wasDerivedFrom", _IRI),
    "denotedBy": ("gaf:denotedBy", _IRI),
    "date": ("rkg:date", None),
    "dateStart": ("rkg:dateStart", "xsd:date"),
    "dateEnd": ("rkg:dateEnd", "xsd:date"),
    "effectiveDate": ("rkg:effectiveDate", "xsd:date"),
    "count": ("rkg:count", "xsd:integer"),
    "capBefore": ("rkg:capBefore", "xsd:integer"),
    "capAfter": ("rkg:capAfter", "xsd:integer"),
    "cameoCode": ("rkg:cameoCode", None),
    "goldsteinScore": ("rkg:goldsteinScore", "xsd:decimal"),
    "quote": ("rkg:quote", None),
    "label": ("rdfs:label", _LANG),
    "comment": ("rdfs:comment", _LANG),
    "prefLabel": ("skos:prefLabel", _LANG),
    "altLabel": ("skos:altLabel", _LANG),
    "adjective": ("rkg:adjective", _LANG),
    "demonym": ("rkg:demonym", _LANG),
    "publisher": ("dcterms:publisher", None),
}


def context() -> dict:
    """The JSON-LD @context: the project prefixes, then the short names."""
    ctx: dict = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    for term, (iri, coercion) in TERMS.items():
        if term in ctx:
            raise ValueError(f"JSON-LD term {term!r} clashes with a prefix")
        if coercion == _LANG:
            ctx[term] = {"@id": iri, "@container": _LANG}
        else:
            ctx[term] = {"@id": iri, "@type": coercion} if coercion else iri
    return ctx


def _key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted(node):
    """Sort the values of every property (JSON-LD values are unordered), except @list contents."""
    if isinstance(node, list):
        return sorted((_sorted(v) for v in node), key=_key)
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _sorted(v)) for k, v in node.items()}
    return node


def _nodes(graph: Graph, ctx: dict) -> list:
    """The graph's node objects, compacted with `ctx`, blank nodes canonically labelled, sorted."""
    canonical = to_canonical_graph(graph) if graph else Graph()
    doc = json.loads(canonical.serialize(format="json-ld", context=ctx, auto_compact=False))
    if isinstance(doc, list):
        nodes = doc
    elif "@graph" in doc:
        nodes = doc["@graph"]
    else:  # a single node is written without @graph
        node = {k: v for k, v in doc.items() if k != "@context"}
        nodes = [node] if node else []
    return sorted((_sorted(n) for n in nodes), key=lambda n: (str(n.get("@id", "")), _key(n)))


def to_jsonld(data: Graph | Dataset) -> str:
    """JSON-LD text of a Graph (one @graph) or a Dataset (one named graph per non-empty graph)."""
    ctx = context()
    if isinstance(data, Dataset):
        body = [{"@id": _compact_name(str(g.identifier)), "@graph": _nodes(g, ctx)} for g in named_graphs(data)]
    else:
        body = _nodes(data, ctx)
    return json.dumps({"@context": ctx, "@graph": body}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _compact_name(iri: str) -> str:
    from kg.export.graph_model import compact

    return compact(iri)
