"""Corpus-scale benchmark: our store build against the naive stack and Apache Jena, side by side in one run.

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--naive-max 10000] [--pyshacl-max 1000]

For each size N it writes a synthetic corpus (benchmarks/generate.py, seed 0) and measures, each in its own
process under /usr/bin/time (seconds and peak memory):

- build:    the whole `kg build --seeds DIR --out OUT` (Oxigraph in memory: load, reason, validate, write);
- reason:   our targeted reasoner on the loaded store, and owlrl's full OWL RL closure over rdflib (N <= --naive-max);
- validate: our SHACL-as-SPARQL on the store, pySHACL over rdflib's memory store (N <= --pyshacl-max), and
            Jena SHACL (`jena.sh shacl.shacl validate`, Debian's libapache-jena-java 4.5) on the same data
            (the asserted graphs plus graph:inferred, as N-Triples) and the same shapes, load included;
- rows:     every saved query under owlrl's closure (rdflib) and under ours (Oxigraph) must give the same rows;
- chain:    median time of one `kg chain` walk (ChainIndex.path) per act after load, over up to 2000 acts.

Then it prints the table and the ratios. Numbers from a shared 2-core machine are noisy: compare ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JENA = Path(os.environ.get("JENA_SH", ROOT.parent / "shared" / "tools" / "jena" / "jena.sh"))
if not JENA.exists():
    JENA = Path("/work/shared/tools/jena/jena.sh")


def measured(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command under /usr/bin/time: (wall seconds, peak MiB, its stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name, *cmd], capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr[-2000:]}")
        peak = int(tf.read().strip().splitlines()[-1]) / 1024
    return wall, peak, proc.stdout


def stage(name: str, corpus: Path, work: Path) -> dict:
    """One measurement inside this process (run as a child by `measured`); prints a JSON line."""
    sys.path.insert(0, str(ROOT))
    from kg.store import OxigraphStore

    out: dict = {}
    if name == "build":  # what `kg build` runs for a big corpus, at every size (small ones would go to rdflib)
        from kg.store_build import build_into_store

        out["conforms"] = build_into_store(corpus, work / "out").conforms
    elif name == "update":
        from kg.store_build import build_store, lexicon, update_article

        store = OxigraphStore()
        build_store(corpus, store)
        lexicon()
        article = sorted((corpus / "articles").glob("syn-*.txt"))[0]
        new = work / "syn-bench-new.txt"
        new.write_text(article.read_text(encoding="utf-8").replace(" expelled ", " expelled 3 more "), "utf-8")
        start = time.perf_counter()
        out["conforms"] = update_article(store, new, corpus).conforms
        out["update"] = time.perf_counter() - start
    elif name in ("ours", "jena-data"):
        from kg.gc_pause import paused_gc
        from kg.store_build import build_store
        from kg.store_reason import infer_store
        from kg.store_validate import validate_store

        store = OxigraphStore()
        with paused_gc():  # as `kg build` runs them
            result = build_store(corpus, store)
            out["timings"] = result.timings
            start = time.perf_counter()
            infer_store(store)
            out["reason"] = time.perf_counter() - start
            start = time.perf_counter()
            report = validate_store(store, types_closed=True)
            out["validate"], out["conforms"] = time.perf_counter() - start, report.conforms
        if name == "jena-data":
            import pyoxigraph as ox

            with open(work / "data.nt", "wb") as fh:
                store.store.dump(fh, format=ox.RdfFormat.N_QUADS)
            text = (work / "data.nt").read_bytes()
            (work / "data.nt").write_bytes(re.sub(rb" <[^>]*> \.\n", b" .\n", text))  # quads to triples
            shapes = b"".join(p.read_bytes() for p in sorted((ROOT / "shapes").glob("*.ttl")))
            (work / "shapes.ttl").write_bytes(shapes)
        if name == "ours":
            out["rows"] = _rows(store.dataset()) if os.environ.get("KG_BENCH_ROWS") else {}
            out["chain_ms"] = _chain(store)
    elif name in ("owlrl", "pyshacl"):
        from kg.build import assemble, validation_graph
        from kg.build import reason as reason_ds
        from kg.merge import merge
        from kg.validate import validate

        ds, _, _ = assemble(corpus)
        merge(ds)
        start = time.perf_counter()
        reason_ds(ds, "owlrl" if name == "owlrl" else "targeted")
        out["reason"] = time.perf_counter() - start
        out["rows"] = _rows(ds)
        if name == "pyshacl" and os.environ.get("KG_BENCH_PYSHACL"):
            graph = validation_graph(ds)
            start = time.perf_counter()
            out["conforms"] = validate(graph).conforms
            out["validate"] = time.perf_counter() - start
    print(json.dumps(out))
    return out


def _rows(ds) -> dict:
    from kg.queries import list_queries, run_query

    return {info.name: run_query(ds, info.text)[1] for info in list_queries()}


def _chain(store) -> float:
    """Median ms of one chain walk per act, after the index is read (ChainIndex over the store's view)."""
    from kg.chain import ChainIndex

    index = ChainIndex(store.dataset())
    acts = sorted(a for a in index.reaches() if a not in index.annexations)[:2000]
    times = []
    for act in acts:
        start = time.perf_counter()
        index.path(act)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times) if times else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--naive-max", type=int, default=10000, help="largest N for owlrl")
    ap.add_argument("--pyshacl-max", type=int, default=1000, help="largest N for pySHACL")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        stage(args.stage, args.corpus, args.work)
        return
    me = [sys.executable, str(Path(__file__).resolve())]
    table = []
    for n in [int(x) for x in args.sizes.split(",")]:
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{n}-"))
        corpus = work / "corpus"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--events", str(n),
                        "--out", str(corpus), "--articles", "10"], check=True, capture_output=True)
        wall, peak, _ = measured([*me, "--stage", "build", "--corpus", str(corpus), "--work", str(work)])
        table.append((n, "build (whole, process)", "kg build (Oxigraph)", wall, peak))
        wall, peak, text = measured([*me, "--stage", "update", "--corpus", str(corpus), "--work", str(work)])
        table.append((n, "update one article", "ours: update_article",
                      json.loads(text.strip().splitlines()[-1])["update"], None))
        wall, peak, text = measured([*me, "--stage", "jena-data", "--corpus", str(corpus), "--work", str(work)])
        ours = json.loads(text.strip().splitlines()[-1])
        for key, value in ours["timings"].items():
            table.append((n, f"  {key}", "kg build (Oxigraph)", value, None))
        table.append((n, "reason", "ours: targeted on Oxigraph", ours["reason"], None))
        table.append((n, "validate", "ours: SHACL as SPARQL on Oxigraph", ours["validate"], None))
        os.environ["KG_BENCH_ROWS"] = "1" if n <= args.naive_max else ""
        wall, peak, text = measured([*me, "--stage", "ours", "--corpus", str(corpus), "--work", str(work)])
        ours_rows = json.loads(text.strip().splitlines()[-1])
        table.append((n, "chain walk (median per act)", "ours: ChainIndex.path", ours_rows["chain_ms"] / 1000, None))
        if JENA.exists():
            wall, peak, _ = measured([str(JENA), "shacl.shacl", "validate", "--shapes", str(work / "shapes.ttl"),
                                      "--data", str(work / "data.nt")])
            table.append((n, "validate", "Jena SHACL 4.5 (load included)", wall, peak))
        if n <= args.naive_max:
            wall, peak, text = measured([*me, "--stage", "owlrl", "--corpus", str(corpus), "--work", str(work)])
            owl = json.loads(text.strip().splitlines()[-1])
            table.append((n, "reason", "owlrl full closure (rdflib)", owl["reason"], peak))
            os.environ["KG_BENCH_PYSHACL"] = "1" if n <= args.pyshacl_max else ""
            wall, peak, text = measured([*me, "--stage", "pyshacl", "--corpus", str(corpus), "--work", str(work)])
            targeted = json.loads(text.strip().splitlines()[-1])
            table.append((n, "reason", "targeted on rdflib", targeted["reason"], None))
            if n <= args.pyshacl_max:
                table.append((n, "validate", "pySHACL on rdflib memory", targeted["validate"], peak))
            owl_rows, rdf_rows, ox_rows = (_normalised(r) for r in (owl["rows"], targeted["rows"], ours_rows["rows"]))
            table.append((n, "rows: owlrl == targeted (rdflib)", "yes" if owl_rows == rdf_rows else "NO",
                          float("nan"), None))
            differ = sorted(k for k in rdf_rows if rdf_rows[k] != ox_rows.get(k))
            table.append((n, "rows: rdflib == Oxigraph", f"all but {', '.join(differ)}" if differ else "all",
                          float("nan"), None))
        _print(table)
    _print(table, final=True)


def _normalised(rows: dict) -> dict:
    def norm(cell):
        return str(float(cell)) if re.fullmatch(r"-?\d+(\.\d+)?", cell or "") else cell
    return {k: [[norm(c) for c in r] for r in v] for k, v in rows.items()}


def _print(table, final: bool = False) -> None:
    if not final:
        return
    print(f"{'N':>7}  {'stage':32} {'tool':36} {'seconds':>9} {'peak MiB':>9}")
    for n, st, tool, sec, peak in table:
        secs = "" if sec != sec else f"{sec:9.4f}"
        print(f"{n:>7}  {st:32} {tool:36} {secs:>9} {'' if peak is None else f'{peak:9.0f}':>9}")
    print()
    by = {(n, st.strip(), tool): sec for n, st, tool, sec, _ in table}
    for n in sorted({row[0] for row in table}):
        ours_r = by.get((n, "reason", "ours: targeted on Oxigraph"))
        owl = by.get((n, "reason", "owlrl full closure (rdflib)"))
        if ours_r and owl:
            print(f"N={n}: owlrl / ours (reasoning) = {owl / ours_r:.0f}x")
        ours_v = by.get((n, "validate", "ours: SHACL as SPARQL on Oxigraph"))
        jena = by.get((n, "validate", "Jena SHACL 4.5 (load included)"))
        pysh = by.get((n, "validate", "pySHACL on rdflib memory"))
        if ours_v and jena:
            print(f"N={n}: ours / Jena (validation) = {ours_v / jena:.2f}x")
        if ours_v and pysh:
            print(f"N={n}: pySHACL / ours (validation) = {pysh / ours_v:.0f}x")


if __name__ == "__main__":
    main()
