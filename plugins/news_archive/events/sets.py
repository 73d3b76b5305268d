"""Disjoint sets (union-find) over sortable keys; the smaller root stays the root, so results never depend on order."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSets:
    def __init__(self, keys: Iterable[Hashable]):
        self.parent = {key: key for key in keys}

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def link(self, a, b) -> bool:
        """Join the sets of ``a`` and ``b`` (roots kept: the smaller); False when they were one set already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        keep, gone = sorted((ra, rb))
        self.parent[gone] = keep
        self.joined(keep, gone)
        return True

    def joined(self, keep, gone) -> None:
        """Called after ``gone``'s set joined ``keep``'s: subclasses merge what they keep per set."""

    def sets(self) -> list[list]:
        """Every set, its keys sorted, the sets sorted."""
        found: dict = {}
        for key in sorted(self.parent):
            found.setdefault(self.find(key), []).append(key)
        return sorted(found.values())
