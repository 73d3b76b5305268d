"""Free heap back to the operating system after a stage whose working memory is gone.

CPython hands blocks above 512 bytes (large dicts and lists, long strings) to the C library's
``malloc``, which keeps what is freed for reuse and returns to the system only the free memory
at the top of its heap. A stage that builds a lot and keeps little (the events stage: features,
vectors, candidate lists) leaves the process resident at its peak for the rest of the build, with
most of that memory free but held. ``malloc_trim(0)`` (glibc) returns every free page, wherever it
lies. Elsewhere (another C library, another system) :func:`release` does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def release() -> bool:
    """Return the C library's free memory to the system; ``True`` if it could be asked."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
