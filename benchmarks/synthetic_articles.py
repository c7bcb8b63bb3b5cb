"""Write a synthetic corpus of Dutch and English news articles for the lifter's throughput benchmark.

    python benchmarks/synthetic_articles.py --articles 500 --out /tmp/articles [--seed 7]

Each article has a date header and 10 to 25 sentences in paragraphs, drawn from
benchmarks/article_templates.txt: about a fifth acts, a tenth responses, some statements, the rest
filler without diplomatic content. Actors come from the project's gazetteer (ontology/), so the
articles name real states by their Dutch and English names and adjectives. The same seed gives the
same corpus. Besides the articles it writes planted.json: how many acts of each class were written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

from rdflib.namespace import RDF, SKOS

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "article_templates.txt"
SECTION_RE = re.compile(r"\[(\w+) (\w+)(?: (\w+))?\]")
WEEKDAYS = {"nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
            "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}
MIX = (("act", 0.20), ("response", 0.10), ("statement", 0.15), ("filler", 0.55))


def read_templates(path: Path = TEMPLATES) -> dict[tuple[str, str], list[tuple[str | None, str]]]:
    """(language, kind) -> [(act class or None, template)], from the templates file."""
    out: dict[tuple[str, str], list[tuple[str | None, str]]] = {}
    key, cls = None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = SECTION_RE.fullmatch(line)
        if m:
            key, cls = (m.group(1), m.group(2)), m.group(3)
            continue
        if key is None:
            raise ValueError(f"{path}: template before any [section]: {line!r}")
        out.setdefault(key, []).append((cls, line))
    return out


def gazetteer_actors(limit: int = 60) -> dict[str, list[dict[str, str]]]:
    """Per language, states with a name and an adjective in that language (at most `limit`)."""
    from kg.lift.lexicon import load_ontology_graph
    from kg.namespaces import RKG

    g = load_ontology_graph()
    out: dict[str, list[dict[str, str]]] = {}
    for lang in ("nl", "en"):
        actors = []
        for state in sorted(g.subjects(RDF.type, RKG.State)):
            names = sorted(str(x) for x in g.objects(state, SKOS.prefLabel) if x.language == lang)
            adjectives = sorted(str(x) for x in g.objects(state, RKG.adjective) if x.language == lang)
            if lang == "nl":  # before a plural noun Dutch inflects the adjective: "Russische diplomaten"
                adjectives = [a for a in adjectives if a.endswith("e")]
            if names and adjectives:
                actors.append({"name": names[0], "adj": adjectives[0]})
        random.Random(0).shuffle(actors)
        out[lang] = actors[:limit]
    return out


def months(lang: str) -> list[str]:
    """Month names from the lexicon's date words."""
    from kg.lift.lexicon import load_lexicon

    found: dict[int, str] = {}
    for (language, word), month in sorted(load_lexicon().months.items()):
        if language == lang and len(word) > 3:
            found.setdefault(month, word.capitalize() if lang == "en" else word)
    return [found[m] for m in sorted(found)]


def article(rng: random.Random, lang: str, templates, actors, month_names) -> tuple[str, Counter]:
    """One article's text and the classes of the acts planted in it."""
    a, b = rng.sample(actors[lang], 2)
    date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
    planted: Counter = Counter()
    sentences = []
    for _ in range(rng.randint(10, 25)):
        kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
        choices = [t for (lg, k), ts in templates.items() if lg == lang and k == kind for t in ts]
        cls, template = rng.choice(choices)
        first, second = (a, b) if rng.random() < 0.6 else (b, a)
        sentences.append(template.format(
            a=first["name"], b=second["name"], a_adj=first["adj"], b_adj=second["adj"],
            n=rng.randint(2, 40), day=rng.choice(WEEKDAYS[lang]), month=rng.choice(month_names[lang])))
        if cls:
            planted[cls] += 1
        elif kind == "response":
            planted["Expulsion"] += 1
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    return f"date {date.isoformat()}\n\n" + "\n\n".join(paragraphs) + "\n", planted


def generate(n: int, out: Path, seed: int = 7) -> dict:
    """Write n articles (half Dutch, half English) to out/; return what was planted."""
    rng = random.Random(seed)
    templates = read_templates()
    actors = gazetteer_actors()
    month_names = {lang: months(lang) for lang in ("nl", "en")}
    out.mkdir(parents=True, exist_ok=True)
    planted: Counter = Counter()
    size = 0
    for k in range(n):
        lang = "nl" if k % 2 == 0 else "en"
        text, acts = article(rng, lang, templates, actors, month_names)
        (out / f"synthetic-{k:05d}-{lang}.txt").write_text(text, encoding="utf-8")
        planted.update(acts)
        size += len(text.encode("utf-8"))
    summary = {"articles": n, "bytes": size, "seed": seed, "planted_acts": dict(sorted(planted.items()))}
    (out / "planted.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(json.dumps(generate(args.articles, args.out, args.seed), indent=2))


if __name__ == "__main__":
    main()
