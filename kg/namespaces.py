"""The namespaces of docs/model.md, in one place."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

_TERMS: dict[tuple[str, str], object] = {}


class _Namespace(Namespace):
    """A namespace that mints each term once: the lifter names lexicon terms in every sentence."""

    def term(self, name: str):
        key = (str(self), name)
        found = _TERMS.get(key)
        if found is None:
            found = _TERMS[key] = super().term(name)
        return found


BASE = "https://w3id.org/rkg/"
RKG = _Namespace(BASE + "ontology#")
ACTOR = Namespace(BASE + "actor/")
PERSON = Namespace(BASE + "person/")
PLACE = Namespace(BASE + "place/")
MISSION = Namespace(BASE + "mission/")
OFFICE = Namespace(BASE + "office/")
EVENT = Namespace(BASE + "event/")
ARTICLE = Namespace(BASE + "article/")
SOURCE = Namespace(BASE + "source/")
GRAPH = Namespace(BASE + "graph/")
LEX = _Namespace(BASE + "lexicon/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = _Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = _Namespace("http://groundedannotationframework.org/gaf#")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]


def article_graph(article_id: str):
    return GRAPH["article/" + article_id]


def curated_graph(stem: str):
    return GRAPH["curated/" + stem]


PREFIXES = {
    "rkg": RKG, "actor": ACTOR, "person": PERSON, "place": PLACE, "mission": MISSION, "office": OFFICE, "event": EVENT,
    "article": ARTICLE, "source": SOURCE, "graph": GRAPH, "lex": LEX, "sem": SEM, "nif": NIF, "gaf": GAF,
    "wd": WD, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on a Graph or Dataset (for readable Turtle/TriG)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)


def local_name(iri) -> str:
    """The last segment of an IRI (after the last / or #): a readable id for tables and labels."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
