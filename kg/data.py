"""Where the commands get their data: a built dataset file or folder, or a fresh in-memory build of seeds/."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.rdfio import parse_dataset

DEFAULT_SEEDS = Path("seeds")


def load(data: Path | None = None, seeds: Path = DEFAULT_SEEDS, store: Path | None = None,
         endpoint: str | None = None) -> Dataset:
    """The dataset at `data` (a .trig/.nq file, or a build folder holding dataset.trig), in an on-disk `store`
    or at an `endpoint` (both as rdflib views whose SPARQL runs in the store); without any, build seeds/."""
    if store is not None or endpoint is not None:
        from kg.store import open_store

        if store is not None and not Path(store).is_dir():
            raise InputError(f"{store}: no such store (run `kg build --store {store}` first)")
        return open_store(store, endpoint).dataset()
    if data is None:
        from kg.build import run

        if not Path(seeds).is_dir():
            raise InputError(f"{seeds}: no such seeds folder (give --data PATH or --seeds DIR)")
        return run(Path(seeds)).dataset
    data = Path(data)
    if data.is_dir():
        data = data / "dataset.trig"
    if not data.exists():
        raise InputError(f"{data}: no such dataset (run `kg build` first, or give a .trig file)")
    ds = parse_dataset(data)
    ds.default_union = True
    return ds
