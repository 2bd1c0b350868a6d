"""A cache of values computed from objects that are never changed once made (history rows,
snapshot dicts), keyed by the object's identity."""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

V = TypeVar("V")


class IdentityCache(Generic[V]):
    """``get(obj, make)`` returns ``make(obj)``, computed once per object. The cache holds the
    objects it keys (so an id is never reused while cached) and empties itself at ``limit``."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._items: dict[int, tuple[Any, V]] = {}

    def get(self, obj: Any, make: Callable[[Any], V]) -> V:
        """The value for ``obj`` (which must not change while it is cached)."""
        hit = self._items.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = make(obj)
        if len(self._items) >= self.limit:
            self._items.clear()
        self._items[id(obj)] = (obj, value)
        return value
