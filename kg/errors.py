"""Errors the command line turns into one-line messages and exit codes (design.md: 0/1/2)."""


class KgError(Exception):
    """Base class; `exit_code` is what `kg` exits with."""

    exit_code = 2


class InputError(KgError):
    """Bad input or usage: a missing file, malformed RDF, an unknown id. Exit 2."""

    exit_code = 2


class CheckFailed(KgError):
    """The data was read but fails a check (SHACL validation, a threshold). Exit 1."""

    exit_code = 1
