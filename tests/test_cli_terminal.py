"""The command line at a terminal and in a pipe: rich tables and progress bars only for a person at a
terminal (a real pseudo-terminal here), plain and stable output for pipes; help with examples; one-line
errors."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from tests.conftest import ROOT, SEEDS, TEST_ARTICLES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

KG = [shutil.which("kg")] if shutil.which("kg") else [sys.executable, "-m", "kg.cli"]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("terminal-build")
    assert build(SEEDS, out).conforms
    return out


def run(args: list[str], tty: str | None = None) -> tuple[int, str, str]:
    """Run `kg ARGS`; `tty` ("stdout" or "stderr") puts that stream on a pseudo-terminal. Returns
    (exit code, stdout, stderr) with the terminal's output in its place."""
    env = {**os.environ, "COLUMNS": "160", "LINES": "50", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    if tty is None:
        done = subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, tty: follower}
    proc = subprocess.Popen([*KG, *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, **streams)
    os.close(follower)
    # the piped stream is read alongside the terminal: a child that fills the pipe (64 KiB) while nobody
    # reads it would block, and the terminal would never close
    other = proc.stderr if tty == "stdout" else proc.stdout
    piped_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: piped_chunks.append(other.read()))
    reader.start()
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done with it
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    reader.join(timeout=600)
    piped = b"".join(piped_chunks).decode("utf-8")
    code = proc.wait(timeout=600)
    shown = b"".join(chunks).decode("utf-8", "replace")
    return (code, shown, piped) if tty == "stdout" else (code, piped, shown)


def test_query_table_is_rich_at_a_terminal_and_plain_in_a_pipe(build_dir):
    code, plain, _ = run(["query", "escalation", "--data", str(build_dir)])
    assert code == 0
    assert plain.splitlines()[0].split() == ["year", "actor", "target", "events", "goldstein_sum", "goldstein_avg"]
    assert plain.rstrip().endswith("rows)")
    code, shown, _ = run(["query", "escalation", "--data", str(build_dir)], tty="stdout")
    assert code == 0
    assert "━" in shown or "─" in shown, shown  # a drawn table, not the plain one
    assert "goldstein_sum" in shown and "NATO" in shown and "Russia" in shown
    assert "year  actor" not in shown


def test_csv_and_json_stay_plain_at_a_terminal(build_dir):
    _, piped, _ = run(["query", "retaliations", "--data", str(build_dir), "--format", "csv"])
    _, shown, _ = run(["query", "retaliations", "--data", str(build_dir), "--format", "csv"], tty="stdout")
    assert shown.replace("\r\n", "\n") == piped


def test_progress_bar_on_a_terminal_only_and_never_in_the_output():
    articles = sorted(str(p) for p in TEST_ARTICLES.glob("*.txt"))
    assert len(articles) >= 5
    code, csv_piped, err_piped = run(["lift", *articles, "--format", "events-csv"])
    assert code == 0 and "lifting" not in err_piped
    code, csv_tty, err_tty = run(["lift", *articles, "--format", "events-csv"], tty="stderr")
    assert code == 0
    assert "lifting articles" in err_tty
    assert csv_tty == csv_piped


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    commands = sorted(main.commands)
    assert {"build", "lift", "validate", "query", "chain", "export", "serve"} <= set(commands)
    for name in [None, *commands]:
        result = runner.invoke(main, [name, "--help"] if name else ["--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output and "kg " in result.output.split("Example:", 1)[1], name


def test_version():
    code, out, _ = run(["--version"])
    assert code == 0 and out.startswith("kg, version ")


def test_unexpected_error_is_one_line_and_debug_shows_the_traceback(build_dir, monkeypatch):
    import kg.queries

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke\nsecond line")

    monkeypatch.setattr(kg.queries, "run_query", broken)
    runner = CliRunner()
    result = runner.invoke(main, ["query", "retaliations", "--data", str(build_dir)])
    assert result.exit_code == 2
    assert result.output.strip() == ("kg: error: RuntimeError: something inside broke "
                                     "(run `kg --debug ...` for the traceback)")
    result = runner.invoke(main, ["--debug", "query", "retaliations", "--data", str(build_dir)])
    assert isinstance(result.exception, RuntimeError)


def test_usage_errors_exit_2_through_click():
    result = CliRunner().invoke(main, ["query"])
    assert result.exit_code == 2 and "Missing argument" in result.output
    assert isinstance(click.UsageError("x"), click.ClickException)
