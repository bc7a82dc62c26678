"""Word lists shipped with the package (``data/*.txt``): eponyms, drugs, genes, regions."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("mslint.identifiers").joinpath("data").joinpath(name).read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def eponyms() -> frozenset[str]:
    """Eponymous surnames, lower-cased; hyphenated ones also split into their parts."""
    out: set[str] = set()
    for name in _lines("eponyms.txt"):
        low = name.lower()
        out.add(low)
        out.update(part for part in low.split("-") if len(part) > 2)
    return frozenset(out)


@cache
def eponym_heads() -> frozenset[str]:
    return frozenset(_lines("eponym_heads.txt"))


@cache
def given_names() -> frozenset[str]:
    return frozenset(w for line in _lines("given_names.txt") for w in line.split())


@cache
def drugs() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("drugs.txt"))


@cache
def genes() -> frozenset[str]:
    return frozenset(_lines("genes.txt"))


@cache
def large_regions() -> frozenset[str]:
    """Countries, states, provinces and continents, lower-cased."""
    return frozenset(w.lower() for w in _lines("regions.txt"))
