"""The pipeline, in order: lift → merge → reason → validate → write. Each stage takes the dataset on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import InputError
from kg.lift.api import lift_paths
from kg.lift.lexicon import load_lexicon, load_ontology_graph
from kg.merge import merge
from kg.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, RKG, curated_graph
from kg.rdfio import (
    add_graph,
    named_graphs,
    new_dataset,
    parse_graph,
    rdf_files,
    trig_text,
    union_graph,
    write_files_atomic,
)

REASONERS = ("targeted", "owlrl")


@dataclass
class BuildResult:
    dataset: Dataset
    conforms: bool
    report: str
    files: list[Path] = field(default_factory=list)
    failing_files: list[Path] = field(default_factory=list)  # seed files behind the violations, if any
    articles: int = 0
    curated: int = 0


def article_languages(articles_dir: Path) -> dict[str, str]:
    """Languages recorded in seeds/articles/catalog.ttl (file name → language), if there is one."""
    from rdflib.namespace import DCTERMS

    catalog = articles_dir / "catalog.ttl"
    if not catalog.exists():
        return {}
    g = parse_graph(catalog)
    return {str(g.value(a, RKG.fileName)): str(g.value(a, DCTERMS.language))
            for a in g.subjects(RDF.type, RKG.NewsArticle)
            if g.value(a, RKG.fileName) is not None and g.value(a, DCTERMS.language) is not None}


def assemble(seeds: Path) -> tuple[Dataset, int, int]:
    """Ontology, curated files and lifted articles, one named graph each."""
    seeds = Path(seeds)
    if not seeds.is_dir():
        raise InputError(f"{seeds}: no such seeds folder")
    ds = new_dataset()
    add_graph(ds, ONTOLOGY_GRAPH, load_ontology_graph())
    curated_files = rdf_files(seeds / "curated") if (seeds / "curated").is_dir() else []
    for path in curated_files:
        add_graph(ds, curated_graph(path.stem), parse_graph(path))
    articles_dir = seeds / "articles"
    article_files = sorted(articles_dir.glob("*.txt"))
    if articles_dir.exists():
        catalog = articles_dir / "catalog.ttl"
        if catalog.exists():
            add_graph(ds, curated_graph("article-catalog"), parse_graph(catalog))
    lift_paths(article_files, load_lexicon(), into=ds, languages=article_languages(articles_dir))
    return ds, len(article_files), len(curated_files)


def reason(ds: Dataset, reasoner: str = "targeted") -> Graph:
    from kg import reason as reasoning

    if reasoner not in REASONERS:
        raise InputError(f"unknown reasoner {reasoner!r} (choose from {', '.join(REASONERS)})")
    ds.remove_graph(ds.graph(INFERRED_GRAPH))
    inferred = reasoning.infer(ds) if reasoner == "targeted" else reasoning.infer_owlrl(ds)
    add_graph(ds, INFERRED_GRAPH, inferred)
    return inferred


def validation_graph(ds: Dataset, reasoner: str = "targeted") -> Graph:
    """What the shapes check: the asserted data and ontology with the targeted entailments.

    owlrl's full closure is not validated as is: its owl:sameAs rules copy facts from actor:RUS onto
    wd:Q159 and make every term sameAs itself, which the shapes rightly reject.
    """
    from kg import reason as reasoning

    graph = union_graph(ds)
    if reasoner == "targeted":
        return graph
    asserted = Graph()
    for g in named_graphs(ds):
        if g.identifier != INFERRED_GRAPH:
            asserted += g
    return asserted + reasoning.infer(asserted)


def run(seeds: Path, reasoner: str = "targeted") -> BuildResult:
    """Everything but writing: assemble, merge, reason, validate."""
    from kg.validate import report_text, validate

    ds, n_articles, n_curated = assemble(seeds)
    merge(ds)
    reason(ds, reasoner)
    report = validate(validation_graph(ds, reasoner))
    result = BuildResult(ds, report.conforms, report_text(report), articles=n_articles, curated=n_curated)
    if not report.conforms:
        result.failing_files = failing_files(ds, report, Path(seeds))
    return result


def failing_files(ds: Dataset, report, seeds: Path) -> list[Path]:
    """The seed files whose named graphs hold the focus nodes of the violations: what a curator must fix."""
    from kg.lift.article import article_id
    from kg.namespaces import PREFIXES, article_graph

    origin = {curated_graph(p.stem): p for p in rdf_files(seeds / "curated")} if (seeds / "curated").is_dir() else {}
    origin[curated_graph("article-catalog")] = seeds / "articles" / "catalog.ttl"
    origin.update({article_graph(article_id(p)): p for p in sorted((seeds / "articles").glob("*.txt"))})
    found = set()
    for r in report.violations:
        prefix, _, local = r.focus.partition(":")
        node = URIRef(str(PREFIXES[prefix]) + local) if prefix in PREFIXES else URIRef(r.focus)
        for g in named_graphs(ds):
            if g.identifier in origin and ((node, None, None) in g or (None, None, node) in g):
                found.add(origin[g.identifier])
    return sorted(found)


def write(result: BuildResult, out: Path) -> list[Path]:
    """The dataset, the validation report, the events table and the exports, all or none (see SECURITY.md).

    Data that fails validation replaces only validation.txt: the last good dataset and exports stay.
    """
    from kg.export import EXPORTERS

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    payloads: dict[str, str | bytes] = {"validation.txt": result.report}
    if result.conforms:
        payloads["dataset.trig"] = trig_text(result.dataset)
        for name, filename in (("events-csv", "events.csv"), ("gexf", "graph.gexf"), ("gexf-actors", "actors.gexf"),
                               ("graphml", "graph.graphml"), ("jsonld", "dataset.jsonld")):
            payloads[filename] = EXPORTERS[name](result.dataset)
    try:
        written = write_files_atomic(out, payloads)
    except OSError as exc:
        raise InputError(f"{out}: cannot write output ({exc.strerror or exc})") from None
    return written


def build(seeds: Path, out: Path, reasoner: str = "targeted") -> BuildResult:
    result = run(seeds, reasoner)
    result.files = write(result, out)
    return result
