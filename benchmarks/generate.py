"""Write a synthetic corpus shaped like seeds/, to measure the pipeline at corpus scale.

    python benchmarks/generate.py --events N --out DIR [--seed S] [--articles K]

DIR/curated/synthetic-YYYY.ttl holds N acts (one file per year of the act) among about 60 states and
organisations taken from ontology/actors-*.ttl, dated over ten years (2015-2024), each with a curated
source, as the shapes demand. Acts come in chains of tit-for-tat: about 70% of them answer an earlier act
of their chain (rkg:retaliatesFor with the dyad reversed, rkg:tightens by the same actor, or plain
rkg:respondsTo), each link with an rkg:LinkEvidence record and a source; most chains are short, a few run
to depth 50, and some start with an annexation so that `kg chain` has somewhere to go. With --articles K,
DIR/articles/ gets K short English articles retelling expulsions from the corpus, and a catalog.ttl.
The same arguments give byte-identical output.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2024, 12, 31)
MAX_DEPTH = 50
N_ACTORS = 60
PUBLISHERS = 12
PREFIXES = """@prefix rkg: <https://w3id.org/rkg/ontology#> .
@prefix actor: <https://w3id.org/rkg/actor/> .
@prefix event: <https://w3id.org/rkg/event/> .
@prefix source: <https://w3id.org/rkg/source/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def vocabulary():
    """Actors (IRI, English name) and act classes (IRI, English label) from the real ontology."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, RDFS, SKOS

    from kg.namespaces import RKG
    from kg.paths import ontology_dir

    g = Graph()
    for path in sorted(ontology_dir().glob("*.ttl")):
        g.parse(path, format="turtle")

    def english(node, prop):
        labels = sorted(str(v) for v in g.objects(node, prop) if isinstance(v, Literal) and v.language == "en")
        return labels[0] if labels else None

    # (not a former state: the synthetic acts fall in recent years, when the lifter names its successor instead,
    # and a planted act against Yugoslavia in 2018 would never meet the act lifted against Serbia)
    states = sorted((s for s in g.subjects(RDF.type, RKG.State) if (s, RKG.endedOn, None) not in g), key=str)
    orgs = sorted({s for c in (RKG.Alliance, RKG.InternationalOrganisation) for s in g.subjects(RDF.type, c)}, key=str)
    pick = random.Random(1).sample([s for s in states if english(s, SKOS.prefLabel)], N_ACTORS - len(orgs))
    actors = [(str(a), english(a, SKOS.prefLabel)) for a in sorted(orgs + pick, key=str)]
    classes = sorted((str(c), english(c, RDFS.label)) for c in g.subjects(RDFS.subClassOf, RKG.Act)
                     if (c, RKG.cameoCode, None) in g and c not in (RKG.Annexation, RKG.Referendum))
    return actors, classes, str(RKG.Annexation)


def chain_lengths(rng: random.Random, n: int) -> list[int]:
    """Chain sizes summing to n: mostly short, 3% long (up to depth 50); about 70% of acts answer another."""
    sizes = [MAX_DEPTH + 1] if n > MAX_DEPTH else []
    total = sum(sizes)
    while total < n:
        size = rng.randint(10, MAX_DEPTH + 1) if rng.random() < 0.03 else min(1 + int(rng.expovariate(0.5)), 9)
        size = min(size, n - total)
        sizes.append(size)
        total += size
    rng.shuffle(sizes)
    return sizes


def generate(n: int, seed: int = 0):
    """The acts, each a dict, in order of creation; causes always come before their responses."""
    rng = random.Random(seed)
    actors, classes, annexation = vocabulary()
    span = (LAST_DAY - FIRST_DAY).days
    acts: list[dict] = []
    for size in chain_lengths(rng, n):
        chain: list[dict] = []
        for k in range(size):
            i = len(acts)
            if k == 0:
                a, b = rng.sample(actors, 2)
                cls = (annexation, "annexation") if rng.random() < 0.05 else rng.choice(classes)
                day = FIRST_DAY + timedelta(days=rng.randrange(span - 400))
                act = {"actor": a, "target": b, "cls": cls, "day": day, "cause": None, "relation": None, "depth": 0}
            else:
                cause = chain[-1] if rng.random() < 0.8 or size > MAX_DEPTH else rng.choice(chain)
                roll = rng.random()
                if roll < 0.6:
                    relation, a, b, cls = "retaliatesFor", cause["target"], cause["actor"], rng.choice(classes)
                elif roll < 0.8 or cause["cls"][0] == annexation:
                    relation, a, b, cls = "respondsTo", cause["target"], cause["actor"], rng.choice(classes)
                else:
                    relation, a, b, cls = "tightens", cause["actor"], cause["target"], cause["cls"]
                day = min(cause["day"] + timedelta(days=rng.randint(1, 30)), LAST_DAY)
                act = {"actor": a, "target": b, "cls": cls, "day": max(day, cause["day"]), "cause": cause,
                       "relation": relation, "depth": cause["depth"] + 1}
            precision = rng.random()
            act["precision"] = "day" if precision < 0.9 or act["cause"] else ("month" if precision < 0.98 else "year")
            act["id"] = f"syn-{seed}-{i:06d}"
            act["publisher"] = rng.randrange(PUBLISHERS)
            chain.append(act)
            acts.append(act)
    return acts


def _span(act) -> tuple[str, str, str, str]:
    day: date = act["day"]
    if act["precision"] == "day":
        return day.isoformat(), "rkg:DayPrecision", day.isoformat(), day.isoformat()
    if act["precision"] == "month":
        last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return day.isoformat()[:7], "rkg:MonthPrecision", day.replace(day=1).isoformat(), last.isoformat()
    return str(day.year), "rkg:YearPrecision", f"{day.year}-01-01", f"{day.year}-12-31"


def _source(act) -> str:
    return f"source:synthetic-wire-{act['publisher']}-{act['day'].isoformat()}"


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def act_turtle(act) -> str:
    text, precision, start, end = _span(act)
    cls, cls_label = act["cls"]
    label = f"{act['actor'][1]}: {cls_label} against {act['target'][1]}"
    lines = [f"event:{act['id']} a <{cls}> ;",
             f'    rdfs:label "{_text(label)}"@en ;',
             f"    rkg:actor <{act['actor'][0]}> ; rkg:target <{act['target'][0]}> ;",
             f'    rkg:date "{text}" ; rkg:datePrecision {precision} ;',
             f'    rkg:dateStart "{start}"^^xsd:date ; rkg:dateEnd "{end}"^^xsd:date ;',
             f"    prov:wasDerivedFrom {_source(act)} ."]
    cause = act["cause"]
    if cause is not None:
        rel = act["relation"]
        lines.append(f"event:{act['id']} rkg:{rel} event:{cause['id']} .")
        lines.append(f"event:link-{act['id']} a rkg:LinkEvidence ; rkg:effect event:{act['id']} ; "
                     f"rkg:cause event:{cause['id']} ; rkg:relation rkg:{rel} ; prov:wasDerivedFrom {_source(act)} .")
    return "\n".join(lines) + "\n"


def source_turtle(act) -> str:
    return (f'{_source(act)} a prov:Entity ; dcterms:publisher "Synthetic Wire {act["publisher"]}" ; '
            f'dcterms:date "{act["day"].isoformat()}" .\n')


def write_corpus(acts: list[dict], out: Path, articles: int = 0, seed: int = 0) -> None:
    curated = out / "curated"
    curated.mkdir(parents=True, exist_ok=True)
    for old in [*curated.glob("synthetic-*.ttl"), *(out / "articles").glob("syn-*.txt")]:
        old.unlink()  # a smaller corpus written over a larger one must not keep its files
    by_year: dict[int, list[dict]] = {}
    for act in acts:
        by_year.setdefault(act["day"].year, []).append(act)
    for year, group in sorted(by_year.items()):
        sources = sorted({source_turtle(a) for a in group})
        body = "".join(act_turtle(a) + "\n" for a in group)
        header = f"# Synthetic acts of {year} (benchmarks/generate.py); not real events.\n"
        (curated / f"synthetic-{year}.ttl").write_text(header + PREFIXES + "\n" + "".join(sources) + "\n" + body,
                                                       encoding="utf-8")
    if articles:
        write_articles(acts, out / "articles", articles, seed)


def write_articles(acts: list[dict], folder: Path, k: int, seed: int) -> None:
    """K one-paragraph English reports of expulsions (and what they answered), with a catalog."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    candidates = [a for a in acts if a["cls"][0].endswith("#Expulsion") and a["precision"] == "day"]
    chosen = sorted(rng.sample(candidates, min(k, len(candidates))), key=lambda a: a["id"])
    catalog = ["@prefix rkg: <https://w3id.org/rkg/ontology#> .",
               "@prefix article: <https://w3id.org/rkg/article/> .",
               "@prefix dcterms: <http://purl.org/dc/terms/> .", ""]
    for act in chosen:
        ident = f"syn-{act['id']}"
        day = act["day"].isoformat()
        text = (f"date {day}\n{act['actor'][1]} expelled {rng.randint(2, 40)} diplomats of "
                f"{act['target'][1]} on {act['day'].strftime('%d %B %Y').lstrip('0')}, the foreign ministry said.\n")
        (folder / f"{ident}.txt").write_text(text, encoding="utf-8")
        catalog += [f"article:{ident} a rkg:NewsArticle ;", f'    dcterms:identifier "{ident}" ;',
                    '    dcterms:language "en" ;', f'    dcterms:date "{day}" ;',
                    "    rkg:datePrecision rkg:DayPrecision ;", f'    rkg:fileName "{ident}.txt" .', ""]
    (folder / "catalog.ttl").write_text("\n".join(catalog), encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, required=True, help="number of acts")
    ap.add_argument("--out", type=Path, required=True, help="folder to write (curated/, articles/)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--articles", type=int, default=0, help="number of synthetic articles (default none)")
    args = ap.parse_args(argv)
    if args.events < 1:
        ap.error("--events must be at least 1")
    acts = generate(args.events, args.seed)
    write_corpus(acts, args.out, args.articles, args.seed)
    answering = sum(1 for a in acts if a["cause"] is not None)
    print(f"{len(acts)} acts ({answering / len(acts):.0%} answering an earlier act, deepest chain "
          f"{max(a['depth'] for a in acts)}) written to {args.out}")


if __name__ == "__main__":
    main()
