"""A mapping built on first use, for tables derived from the skill registry.

The store and the catalogs sit below the skills in the import graph (skills
read the store), yet their slot and normaliser tables come from what the
skills declare. Building those tables on first access, not at import, keeps
the graph acyclic without a second copy of the data.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Callable, Generic, TypeVar

V = TypeVar("V")


class LazyTable(Mapping[str, V], Generic[V]):
    def __init__(self, build: Callable[[], dict[str, V]]) -> None:
        self._build = build
        self._data: dict[str, V] | None = None

    @property
    def data(self) -> dict[str, V]:
        if self._data is None:
            self._data = self._build()
        return self._data

    def __getitem__(self, key: str) -> V:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
