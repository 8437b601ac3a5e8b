"""Addresses of the app's pages that other pages and the map's popups link to.

Like the static files (:data:`dashboard.assets.STATIC_URL`), they assume the app is served
at the root of its address.
"""

from __future__ import annotations

from urllib.parse import quote

#: The Event page's path, and the query parameter naming the event it shows.
EVENT_PAGE = "event"
EVENT_PARAM = "event"
#: An event's page is this with its id appended.
EVENT_LINK = f"/{EVENT_PAGE}?{EVENT_PARAM}="


def event_link(event_id: str) -> str:
    """The address of an event's page, to read and correct it."""
    return EVENT_LINK + quote(event_id, safe="")
