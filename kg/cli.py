"""The `kg` command line: thin click commands that parse options, call one function and print."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError


def _fail(exc: KgError) -> None:
    click.echo(f"kg: error: {exc}", err=True)
    sys.exit(exc.exit_code)


class KgGroup(click.Group):
    """Turns KgError into a one-line message and its exit code; --debug shows the traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            if ctx.params.get("debug"):
                raise
            _fail(exc)


@click.group(cls=KgGroup)
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
def main(debug: bool) -> None:
    """A knowledge graph of international actors and retaliation chains."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["trig", "events-csv"]), default="trig", show_default=True)
def lift(paths: tuple[Path, ...], fmt: str) -> None:
    """Lift news articles to RDF (TriG, one named graph per article) or to the events table.

    Example: kg lift seeds/articles/000_61d6be699d2cb5c4.txt --format events-csv
    """
    from kg.events_table import rows, to_csv
    from kg.lift.api import lift_paths
    from kg.lift.lexicon import load_lexicon
    from kg.rdfio import trig_text, union_graph

    lex = load_lexicon()
    ds = lift_paths(paths, lex)
    if fmt == "trig":
        click.echo(trig_text(ds), nl=False)
    else:
        g = union_graph(ds)
        g += lex.graph
        click.echo(to_csv(rows(g)), nl=False)


if __name__ == "__main__":
    main()
