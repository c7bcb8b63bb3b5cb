"""Find, check, parameterise and run the saved SPARQL queries (queries/*.rq), read-only and offline.

A saved query starts with a comment header: what it answers, then one line per parameter and the columns:

    # Retaliations: who retaliated against whom ...
    #
    # param: ?by — only retaliations by this actor (IRI); default: every actor
    # columns: date, retaliator, ...

Parameters are bound by adding a `VALUES ?name { term }` block as the first element of the query's WHERE
group; the term is built by rdflib from a validated value (an IRI, a CURIE with a project prefix, or a
plain literal) and written with `.n3()`. The value is never pasted into the query text. Queries that
update (LOAD, INSERT, DELETE, CLEAR, DROP, …), call SERVICE or load graphs with FROM are refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.paths import queries_dir
from kg.rdfio import read_text

FORMATS = ("table", "csv", "json")
READ_ONLY = "kg query is read-only"


@dataclass(frozen=True)
class QueryParam:
    name: str  # without the leading "?"
    description: str
    kind: str = "any"  # "iri", "literal" or "any"
    default: str = ""


@dataclass(frozen=True)
class QueryInfo:
    name: str
    path: Path | None
    description: str
    params: list[QueryParam] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    text: str = ""


# ---------------------------------------------------------------------------------------------- header

_PARAM = re.compile(r"^param:\s*[?$]([A-Za-z_][A-Za-z0-9_]*)\s*(?:[—–-]+|:)?\s*(.*)$")


def parse_header(text: str) -> tuple[str, list[QueryParam], list[str]]:
    """The description, the parameters and the columns declared in the leading comment block."""
    description: list[str] = []
    params: list[QueryParam] = []
    columns: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        match = _PARAM.match(body)
        if match:
            params.append(_param(match.group(1), match.group(2)))
        elif body.lower().startswith("columns:"):
            columns = [c.strip() for c in body.split(":", 1)[1].split(",") if c.strip()]
        elif body:
            description.append(body)
    return " ".join(description), params, columns


def _param(name: str, rest: str) -> QueryParam:
    description, _, default = rest.partition("; default")
    default = default.lstrip(":").strip()
    kinds = re.findall(r"\((IRI|literal|text|IRI or literal)\)", description, flags=re.IGNORECASE)
    kind = "any"
    if kinds:
        k = kinds[-1].lower()
        kind = "iri" if k == "iri" else "literal" if k in ("literal", "text") else "any"
    return QueryParam(name, description.strip(), kind, default)


# ---------------------------------------------------------------------------------------------- finding


def _query_files() -> dict[str, Path]:
    try:
        folder = queries_dir()
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
    return {p.stem: p for p in sorted(folder.glob("*.rq"))}


def list_queries() -> list[QueryInfo]:
    """Every saved query, sorted by name."""
    return [_info(name, path) for name, path in _query_files().items()]


def _info(name: str, path: Path) -> QueryInfo:
    text = read_text(path)
    description, params, columns = parse_header(text)
    return QueryInfo(name, path, description, params, columns, text)


def load_query(name_or_path: str | Path) -> QueryInfo:
    """A saved query by name ("retaliations") or a .rq file by path; it must parse as a read-only query."""
    path = Path(name_or_path)
    files = _query_files()
    name = str(name_or_path)
    if name in files:
        info = _info(name, files[name])
    elif name.endswith(".rq") and name[:-3] in files and not path.exists():
        info = _info(name[:-3], files[name[:-3]])
    elif path.suffix == ".rq" or path.exists() or "/" in name:
        info = _info(path.stem, path)
    else:
        raise InputError(f"unknown query {name!r} (known: {', '.join(files) or 'none'})")
    check_query(info.text, origin=str(info.path or info.name))
    return info


# ---------------------------------------------------------------------------------------------- checking


def check_query(text: str, origin: str = "query"):
    """Parse `text` as a SPARQL query; refuse updates, SERVICE and FROM. Returns rdflib's prepared query."""
    if not _code_only(text).strip():  # an empty text is a valid (empty) update to rdflib: say what it is
        raise InputError(f"{origin}: empty query (nothing but comments and white space)")
    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:
        if _is_update(text):
            raise InputError(f"{origin}: {READ_ONLY} (updates such as LOAD, INSERT, DELETE, CLEAR, DROP "
                             "are not allowed)") from None
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{origin}: does not parse as a SPARQL query: {first}") from None
    name = prepared.algebra.name
    if name not in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        raise InputError(f"{origin}: {READ_ONLY} (a {name} is not allowed)")
    if prepared.algebra.get("datasetClause"):
        raise InputError(f"{origin}: FROM / FROM NAMED are not allowed (queries run over the loaded graph only)")
    if _has_service(prepared.algebra):
        raise InputError(f"{origin}: SERVICE is not allowed (kg query never reaches the network)")
    return prepared


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return bool(re.search(r"(?i)\b(LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD)\b", _code_only(text))
                    and not re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", _code_only(text)))
    return True


def _nodes(node):
    """Every part of a parsed query (algebra nodes, dicts, lists), each once."""
    seen = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        if isinstance(item, dict):  # CompValue is a dict too
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set):
            stack.extend(item)


def _has_service(node) -> bool:
    return any(isinstance(item, CompValue) and item.name in ("ServiceGraphPattern", "Service")
               for item in _nodes(node))


# ---------------------------------------------------------------------------------------------- parameters

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_\-]*):([^\s]*)$")
_NAME = re.compile(r"^[?$]?([A-Za-z_][A-Za-z0-9_]*)$")


def param_term(value: str, kind: str = "any", name: str = "param") -> URIRef | Literal:
    """The RDF term for a parameter value: <IRI>, an absolute IRI, a CURIE with a project prefix, or text."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"parameter {name}: empty value")
    v = value.strip()
    if v.startswith("<") or v.endswith(">"):
        if not (v.startswith("<") and v.endswith(">")):
            raise InputError(f"parameter {name}: {value!r} is not a valid IRI")
        return _iri(v[1:-1], value, name)
    curie = _CURIE.match(v)
    if curie and curie.group(1) in PREFIXES:
        local = curie.group(2)
        if _IRI_BAD.search(local):
            raise InputError(f"parameter {name}: {value!r} is not a valid CURIE")
        return _iri(str(PREFIXES[curie.group(1)]) + local, value, name)
    if _SCHEME.match(v) and not v.startswith(("?", "$")):
        return _iri(v, value, name)
    if kind == "iri":
        known = ", ".join(sorted(PREFIXES))
        raise InputError(f"parameter {name}: {value!r} is not an IRI (give <https://…>, https://… or a CURIE "
                         f"with a known prefix: {known})")
    if v[0] in "?$" or "#" in v or _IRI_BAD.search(v.replace(" ", "")):
        raise InputError(f"parameter {name}: {value!r} is not allowed as a plain literal "
                         "(no variables, quotes, <>{}|^`\\ or #)")
    return Literal(v)


def _iri(iri: str, original: str, name: str) -> URIRef:
    if not iri or _IRI_BAD.search(iri) or not _SCHEME.match(iri):
        raise InputError(f"parameter {name}: {original!r} is not a valid absolute IRI")
    term = URIRef(iri)
    try:
        term.n3()
    except Exception:
        raise InputError(f"parameter {name}: {original!r} is not a valid absolute IRI") from None
    return term


def bind_params(text: str, params: dict[str, str] | None, origin: str = "query") -> str:
    """The query text with a VALUES block per parameter at the start of the WHERE group."""
    if not params:
        return text
    _, declared, _ = parse_header(text)
    kinds = {p.name: p.kind for p in declared}
    if declared:
        known = [p.name for p in declared]
    else:
        prepared = check_query(text, origin)
        known = sorted({str(v) for v in _variables(prepared.algebra)})
    blocks = []
    for raw_name, value in sorted(params.items()):
        match = _NAME.match(raw_name or "")
        if not match or match.group(1) not in known:
            raise InputError(f"{origin}: unknown parameter {raw_name!r} (known: {', '.join(known) or 'none'})")
        name = match.group(1)
        term = param_term(value, kinds.get(name, "any"), name)
        blocks.append(f"VALUES {Variable(name).n3()} {{ {term.n3()} }}")
    position = _where_brace(text)
    if position is None:
        raise InputError(f"{origin}: cannot bind parameters: the query has no WHERE group")
    return text[: position + 1] + "\n  " + "\n  ".join(blocks) + "\n" + text[position + 1:]


def _variables(node) -> set:
    return {item for item in _nodes(node) if isinstance(item, Variable)}


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _tokens(text: str):
    """(position, char) of the query's code characters outside comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "'\"":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                continue
        yield i, c
        i += 1


def _code_only(text: str) -> str:
    chars = [" "] * len(text)
    for i, c in _tokens(text):
        chars[i] = c
    return "".join(chars)


def _where_brace(text: str) -> int | None:
    """Index of the `{` that opens the WHERE group (the first `{` outside parentheses if WHERE is left out)."""
    code = _code_only(text)
    depth = 0
    first_brace = None
    for m in re.finditer(r"(?i)\bWHERE\b|[(){]", code):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "{":
            if depth == 0 and first_brace is None:
                first_brace = m.start()
        elif depth == 0:
            brace = code.find("{", m.end())
            return brace if brace >= 0 else None
    if first_brace is not None and re.search(r"(?i)\b(SELECT|ASK)\b", code[:first_brace]):
        return first_brace
    return None


# ---------------------------------------------------------------------------------------------- running


def _target(ds_or_graph: Graph) -> Graph:
    """A Dataset is queried with its default graph = the union of its named graphs."""
    if isinstance(ds_or_graph, Dataset) and not ds_or_graph.default_union:
        return Dataset(store=ds_or_graph.store, default_union=True)
    return ds_or_graph


def _in_python(graph: Graph) -> bool:
    """Is the graph in rdflib's own memory (rather than an Oxigraph store or a SPARQL endpoint)?"""
    return type(graph.store).__module__.startswith("rdflib.plugins.stores.memory")


def _text(term) -> str:
    if term is None:
        return ""
    return str(term)


def run_query(ds_or_graph: Graph, text: str, params: dict[str, str] | None = None,
              origin: str = "query") -> tuple[list[str], list[list[str]]]:
    """Run a read-only query; (columns, rows of plain strings) in a deterministic order."""
    bound = bind_params(text, params, origin)
    prepared = check_query(bound, origin)
    try:
        target = _target(ds_or_graph)  # a store's own engine takes the text (checked above), rdflib the parse
        result = target.query(prepared if _in_python(target) else bound)
    except InputError:
        raise
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{origin}: the query failed: {first}") from None
    form = prepared.algebra.name
    if form == "AskQuery":
        return ["ask"], [["true" if result.askAnswer else "false"]]
    if form in ("ConstructQuery", "DescribeQuery"):
        rows = sorted([_text(s), _text(p), _text(o)] for s, p, o in result.graph)
        return ["subject", "predicate", "object"], rows
    columns = [str(v) for v in result.vars]
    rows = [[_text(value) for value in row] for row in result]
    if not _has_order(prepared.algebra):
        rows.sort()
    return columns, rows


def _has_order(algebra) -> bool:
    node = algebra.get("p")
    while isinstance(node, CompValue):
        if node.name == "OrderBy":
            return True
        if node.name not in ("Project", "Distinct", "Reduced", "Slice", "ToMultiSet"):
            return False
        node = node.get("p")
    return False


def run_saved(ds_or_graph: Graph, name_or_path: str | Path, params: dict[str, str] | None = None):
    """Load a saved query (or a .rq file) and run it."""
    info = load_query(name_or_path)
    return run_query(ds_or_graph, info.text, params, origin=str(info.path or info.name))


# ---------------------------------------------------------------------------------------------- output


def format_rows(columns: list[str], rows: list[list[str]], fmt: str = "table") -> str:
    """Rows as an aligned plain-text table, CSV (with a header) or JSON ({"columns", "rows": [{…}]})."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return out.getvalue()
    if fmt == "json":
        data = {"columns": list(columns), "rows": [dict(zip(columns, row, strict=False)) for row in rows]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        cells = [[" ".join(str(c).split()) for c in row] for row in rows]
        widths = [len(c) for c in columns]
        for row in cells:
            for i, c in enumerate(row):
                widths[i] = max(widths[i], len(c))
        lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip(),
                 "  ".join("-" * w for w in widths)]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in cells]
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(lines) + "\n"
    raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
