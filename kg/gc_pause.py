"""Pausing Python's cyclic garbage collector around bulk work that makes few reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector for the duration; nested pauses leave it to the outermost one.

    Building the graph or lifting an article allocates millions of small objects. Every few hundred
    allocations the collector scans the young ones, and every so often everything alive, which
    includes what earlier articles produced: at 100k acts this doubled the entailment time, and in a
    400-article lift that kept its results it took about a third of the run (benchmarks/README.md).
    Memory is still freed by reference counting while paused; once resumed, the next allocation starts
    a collection that frees whatever cycles the work left, in one pass over its objects.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_young() -> None:
    """Free the reference cycles made since the last call, while paused: a young-generation pass scans only
    what was allocated since, so calling it every so often in a long paused loop keeps memory bounded at
    the cost of one look at each object."""
    gc.collect(0)
