"""The `kg` command line: thin click commands that parse options, call one function and print.

Exit codes (design.md): 0 success, 1 the data fails a check, 2 usage or input error.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import InputError, KgError

SEEDS = click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True,
                     help="Seeds folder (articles/ and curated/) to build from when --data is not given.")
PROGRESS_MIN = 5  # articles; fewer lift in a blink
DATA = click.option("--data", type=click.Path(path_type=Path), default=None,
                    help="A built dataset (.trig file or a build folder); default: build seeds/ in memory.")
STORE = click.option("--store", "store_path", type=click.Path(path_type=Path), default=None,
                     help="An on-disk Oxigraph store (kept between runs; `kg build --store` fills it).")
ENDPOINT = click.option("--endpoint", default=None, metavar="URL",
                        help="A SPARQL 1.1 endpoint holding the dataset (docs/stores.md).")


class KgGroup(click.Group):
    """Turns KgError into a one-line message and its exit code; --debug shows the traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"kg: error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # a bug or an unforeseen input: still one line, the traceback on request
            if ctx.params.get("debug"):
                raise
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            click.echo(f"kg: error: {type(exc).__name__}: {first} (run `kg --debug ...` for the traceback)", err=True)
            sys.exit(2)


def _progress(items: list, what: str):
    """Yield `items`, drawing a progress bar on stderr when it is a terminal and there are many of them."""
    if len(items) < PROGRESS_MIN or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(items, description=what, console=Console(stderr=True), transient=True)


def _rich_table(columns: list[str], rows: list[list[str]]) -> None:
    """Query rows as a rich table, for a person at a terminal (pipes get the plain formats)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}", header_style="bold")
    for row in rows:
        table.add_row(*(" ".join(str(c).split()) for c in row))
    Console().print(table)


@click.group(cls=KgGroup)
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
def main(debug: bool) -> None:
    """A knowledge graph of international actors and retaliation chains.

    \b
    Example:
      kg build                 # lift seeds/, merge, reason, validate, write build/, print the chain
      kg chain                 # the chain from Russia's 2021 suspension back to Crimea
      kg query retaliations    # a saved query from queries/
      kg serve --data build    # the graph over the SPARQL 1.1 Protocol on 127.0.0.1
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["trig", "events-csv"]), default="trig", show_default=True)
def lift(paths: tuple[Path, ...], fmt: str) -> None:
    """Lift news articles to RDF (TriG, one named graph per article) or to the events table.

    \b
    Example:
      kg lift seeds/articles/000_61d6be699d2cb5c4.txt --format events-csv
    """
    from kg.events_table import rows, to_csv
    from kg.lift.api import lift_paths
    from kg.lift.lexicon import load_lexicon
    from kg.rdfio import trig_text, union_graph

    lex = load_lexicon()
    ds = lift_paths(_progress(list(paths), "lifting articles"), lex)
    if fmt == "trig":
        click.echo(trig_text(ds), nl=False)
    else:
        g = union_graph(ds)
        g += lex.graph
        click.echo(to_csv(rows(g)), nl=False)


@main.command()
@SEEDS
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Output folder: dataset.trig, validation.txt, events.csv, graph.gexf, ...")
@click.option("--reasoner", type=click.Choice(["targeted", "owlrl"]), default="targeted", show_default=True,
              help="targeted: only the entailments queries and shapes need; owlrl: the full OWL RL closure.")
@click.option("--quiet", is_flag=True, help="Print only the summary, not the chain.")
@STORE
@ENDPOINT
def build(seeds: Path, out: Path, reasoner: str, quiet: bool, store_path: Path | None, endpoint: str | None) -> None:
    """Build the graph from SEEDS: lift, merge, reason, validate, write OUT; print the chain to Crimea.

    Exits 1 when the data fails validation: OUT keeps the last good output, the report goes to
    OUT/validation.txt.

    \b
    Example:
      kg build --seeds seeds --out build
    """
    from kg.build import build as run_build
    from kg.store_build import build_into_store, wants_store

    if store_path or endpoint or (reasoner == "targeted" and wants_store(seeds)):
        result = build_into_store(seeds, out, store_path, endpoint)  # Oxigraph or an endpoint: docs/stores.md
    else:
        result = run_build(seeds, out, reasoner)
    status = "conforms" if result.conforms else "FAILS validation"
    quads = result.quads if hasattr(result, "quads") else len(result.dataset)
    click.echo(f"built {result.articles} article(s) and {result.curated} curated file(s) into {out}/ "
               f"({quads} quads); the data {status}")
    if not result.conforms:
        click.echo(result.report, err=True)
        files = ", ".join(str(f) for f in result.failing_files) or str(seeds)
        first = result.report.split("message:", 1)[-1].strip().splitlines()[0] if "message:" in result.report else ""
        click.echo(f"kg: error: {files}: the data fails validation: {first} (report: {Path(out) / 'validation.txt'}; "
                   f"the last good output in {out}/ is kept)", err=True)
        sys.exit(1)
    if not quiet:
        from kg.chain import find_chain, render_text
        from kg.gc_pause import paused_gc

        try:
            click.echo()
            with paused_gc():
                chain = find_chain(result.dataset)
            click.echo(render_text(chain))
        except KgError as exc:
            click.echo(f"(no chain: {exc})")


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@SEEDS
def validate(path: Path | None, seeds: Path) -> None:
    """Validate a built dataset (or a fresh build of seeds/) against the SHACL shapes in shapes/.

    Exits 0 when the data conforms, 1 when it does not.

    \b
    Example:
      kg validate build/dataset.trig
    """
    from kg.build import reason, validation_graph
    from kg.data import load
    from kg.validate import report_text
    from kg.validate import validate as run_validate

    ds = load(path, seeds)
    reason(ds)
    report = run_validate(validation_graph(ds))
    click.echo(report_text(report))
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("name")
@DATA
@SEEDS
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (an IRI, a prefixed name like actor:RUS, or a literal).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@STORE
@ENDPOINT
def query(name: str, data: Path | None, seeds: Path, params: tuple[str, ...], fmt: str, store_path: Path | None,
          endpoint: str | None) -> None:
    """Run a saved query (a name from queries/) or a .rq file; read-only. `kg query list` lists them.

    At a terminal the table is drawn with rich; piped, it is plain text (or CSV or JSON with --format).

    \b
    Example:
      kg query retaliations
      kg query dyad_timeline --param a=actor:RUS --param b=actor:NATO --format csv
    """
    from kg.data import load
    from kg.queries import format_rows, list_queries, load_query, run_query

    if name == "list":
        for info in list_queries():
            click.echo(f"{info.name:24} {info.description}")
        return
    bound = {}
    for item in params:
        if "=" not in item:
            raise InputError(f"--param {item!r}: expected NAME=VALUE")
        key, value = item.split("=", 1)
        bound[key.strip().lstrip("?")] = value
    info = load_query(name)
    ds = load(data, seeds, store=store_path, endpoint=endpoint)
    columns, rows = run_query(ds, info.text, bound)
    if fmt == "table" and sys.stdout.isatty():
        _rich_table(columns, rows)
    else:
        click.echo(format_rows(columns, rows, fmt))


@main.command()
@click.argument("act", required=False)
@DATA
@SEEDS
@click.option("--svg", type=click.Path(path_type=Path), default=None,
              help="Also draw the chain as SVG with Graphviz (`dot`); without Graphviz, a simpler built-in drawing.")
@click.option("--dot", "dot_file", type=click.Path(path_type=Path), default=None,
              help="Also write the chain as Graphviz DOT.")
@STORE
@ENDPOINT
def chain(act: str | None, data: Path | None, seeds: Path, svg: Path | None, dot_file: Path | None,
          store_path: Path | None, endpoint: str | None) -> None:
    """Print the chain from ACT (default: Russia's suspension of its NATO mission) back to the annexation.

    \b
    Example:
      kg chain
      kg chain event:curated-2021-10-18-ru-closes-nato-offices
      kg chain --data build --svg docs/chain.svg
    """
    from kg.chain import find_chain, render_text
    from kg.data import load

    ds = load(data, seeds, store=store_path, endpoint=endpoint)
    steps = find_chain(ds, act)
    click.echo(render_text(steps))
    from kg.rdfio import write_atomic

    if dot_file is not None:
        from kg.chain import render_dot

        write_atomic(dot_file, render_dot(steps))
        click.echo(f"wrote {dot_file}")
    if svg is not None:
        import shutil

        from kg.chain import render_graphviz, render_svg

        if shutil.which("dot"):
            write_atomic(svg, render_graphviz(steps))
        else:
            click.echo("kg: note: Graphviz (`dot`) is not installed; drawing the chain without it", err=True)
            write_atomic(svg, render_svg(steps))
        click.echo(f"wrote {svg}")


@main.command(name="export")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gexf", "gexf-actors", "graphml", "jsonld", "ttl", "trig", "events-csv"]))
@DATA
@SEEDS
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write to this file (default: stdout).")
def export_cmd(fmt: str, data: Path | None, seeds: Path, out: Path | None) -> None:
    """Export the graph: GEXF (Gephi), GraphML, JSON-LD, Turtle, TriG or the events table.

    \b
    Example:
      kg export --format gexf --out graph.gexf
    """
    from kg.data import load
    from kg.export import EXPORTERS
    from kg.rdfio import write_atomic

    ds = load(data, seeds)
    payload = EXPORTERS[fmt](ds)
    if out is None:
        sys.stdout.buffer.write(payload if isinstance(payload, bytes) else payload.encode("utf-8"))
    else:
        write_atomic(out, payload)
        click.echo(f"wrote {out}")


@main.command()
@DATA
@SEEDS
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the graph to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=7070, show_default=True,
              help="Port to listen on; 0 picks a free one (the URL is printed).")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a query may run before its worker is stopped (the client gets 503).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Queries answered at the same time (one process each).")
@click.option("--quiet", is_flag=True, help="Do not log requests to stderr.")
def serve(data: Path | None, seeds: Path, host: str, port: int, time_limit: float, workers: int, quiet: bool) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol (GET and POST) at http://HOST:PORT/sparql.

    Results come as JSON, XML, CSV or TSV (CONSTRUCT: Turtle, N-Triples, RDF/XML, JSON-LD) by the Accept
    header; updates, SERVICE and FROM are refused as in `kg query`. Stop with Ctrl-C.

    \b
    Example:
      kg serve --data build --port 0
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' URL
    """
    from kg.data import load
    from kg.serve import is_loopback, make_server, url_of

    ds = load(data, seeds)
    server, pool = make_server(ds, host, port, time_limit=time_limit, workers=workers, quiet=quiet)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a plain kill still cleans up the workers
    try:
        if not is_loopback(host):
            click.echo(f"kg serve: warning: listening on {host}, not loopback: others can query the graph", err=True)
        click.echo(f"serving {pool.size} quads read-only at {url_of(server)} (Ctrl-C stops)")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()


if __name__ == "__main__":
    main()
