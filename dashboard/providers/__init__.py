"""Event data of other providers, in and out: ACLED's and UCDP's exports.

Each provider has a layout module (its columns and codes, which rows are long-range strikes
by Ukraine's forces); :mod:`~dashboard.providers.importer` turns kept rows into measured
events merged with the articles' ones. A provider's row is a source like an article, with
an id of the form ``acled:UKR12345`` or ``ucdp:123456``.
"""

from __future__ import annotations

from ..model import Event, Source
from .acled import AcledLayout
from .base import Layout
from .ucdp import UcdpLayout

#: The providers whose exports are read, by the name the command line gives them.
LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (AcledLayout(), UcdpLayout())}


def provider_of(source: Source) -> str | None:
    """The provider a source is a row of (``ACLED``, ``UCDP``); ``None`` for an article."""
    name, colon, _ = source.article_id.partition(":")
    layout = LAYOUTS.get(name) if colon else None
    return layout.outlet if layout is not None else None


def providers_of(event: Event) -> tuple[str, ...]:
    """The providers among an event's sources, each once, in the order of the sources."""
    return tuple(dict.fromkeys(p for s in event.sources if (p := provider_of(s)) is not None))


__all__ = ["LAYOUTS", "Layout", "provider_of", "providers_of"]
