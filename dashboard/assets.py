"""The map's scripts and styles, served by the app itself so the map works offline.

folium points every map and plugin at CDNs through their ``default_js`` and
``default_css`` lists of ``(name, url)``. :func:`localize` gives each element of a map (or
of a layer) its own copy of those lists with the CDN URLs replaced by absolute
``/app/static/vendor/...`` URLs. Streamlit serves ``dashboard/app/static/`` at
``/app/static/`` because the entry script is ``dashboard/app/streamlit_app.py`` and
``.streamlit/config.toml`` sets ``enableStaticServing``; ``scripts/fetch_assets.py`` fills
the folder from the npm registry (``make assets``).

A resource with no local copy is an error, never a silent CDN fallback: a map that loads
one script from the internet is blank on an offline network all the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from branca.element import Element
from folium.elements import JSCSSMixin

from .errors import DataError

E = TypeVar("E", bound=Element)

STATIC_DIR = Path(__file__).resolve().parent / "app" / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
STATIC_URL = "/app/static"
VENDOR_URL = f"{STATIC_URL}/vendor"
#: Written by ``scripts/fetch_assets.py`` once every file is in place.
INSTALLED_STAMP = VENDOR_DIR / ".installed"

#: folium's resource names (of ``folium.Map`` and the plugins the map uses) -> local URL.
LOCAL_JS: dict[str, str] = {
    "leaflet": f"{VENDOR_URL}/leaflet/leaflet.js",
    "jquery": f"{VENDOR_URL}/jquery/jquery.min.js",
    "bootstrap": f"{VENDOR_URL}/bootstrap/js/bootstrap.bundle.min.js",
    "awesome_markers": f"{VENDOR_URL}/leaflet.awesome-markers/leaflet.awesome-markers.js",
    "markerclusterjs": f"{VENDOR_URL}/leaflet.markercluster/leaflet.markercluster.js",
}
LOCAL_CSS: dict[str, str] = {
    "leaflet_css": f"{VENDOR_URL}/leaflet/leaflet.css",
    "bootstrap_css": f"{VENDOR_URL}/bootstrap/css/bootstrap.min.css",
    "awesome_markers_font_css": f"{VENDOR_URL}/fontawesome-free/css/all.min.css",
    "awesome_markers_css": f"{VENDOR_URL}/leaflet.awesome-markers/leaflet.awesome-markers.css",
    "markerclustercss": f"{VENDOR_URL}/leaflet.markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": f"{VENDOR_URL}/leaflet.markercluster/MarkerCluster.Default.css",
}
#: folium resources the map does without: Bootstrap 3's glyphicons (the icons are Font
#: Awesome's) and folium's stylesheet for rotated markers (none is rotated).
DROPPED: frozenset[str] = frozenset({"glyphicons_css", "awesome_rotate_css"})


def assets_installed() -> bool:
    """Whether ``scripts/fetch_assets.py`` has installed the vendored files."""
    return INSTALLED_STAMP.is_file()


def require_assets() -> None:
    """Raise unless the vendored files are installed.

    Raises
    ------
    DataError
        If ``make assets`` (``scripts/fetch_assets.py``) has not run: the map would be blank.
    """
    if not assets_installed():
        raise DataError(
            f"The map's scripts and styles are not installed in {VENDOR_DIR}: "
            "run `make assets` (scripts/fetch_assets.py) once, with access to the npm registry."
        )


def local_path(url: str) -> Path:
    """The file behind an ``/app/static/...`` URL.

    Raises
    ------
    DataError
        If the URL is not under ``/app/static/`` or leaves the static folder.
    """
    prefix = f"{STATIC_URL}/"
    if not url.startswith(prefix):
        raise DataError(f"{url} is not served by the app")
    path = (STATIC_DIR / url.removeprefix(prefix)).resolve()
    if not path.is_relative_to(STATIC_DIR):
        raise DataError(f"{url} leaves the static folder")
    return path


def _localized(links: list[tuple[str, str]], local: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for name, url in links:
        if name in DROPPED:
            continue
        if name in local:
            out.append((name, local[name]))
        elif url.startswith(f"{STATIC_URL}/"):
            out.append((name, url))
        else:
            raise DataError(f"no local copy of {name!r} ({url}): add it to dashboard/assets.py")
    return out


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def localize(element: E) -> E:
    """Point an element and all its children at the app's own copies of their assets.

    Each element gets its own lists (folium's are class attributes shared by every map).

    Parameters
    ----------
    element
        A ``folium.Map``, a ``FeatureGroup`` or any folium element; changed in place.

    Returns
    -------
    The same element, for chaining.

    Raises
    ------
    DataError
        If an element needs a script or stylesheet that has no local copy.
    """
    for item in _walk(element):
        if isinstance(item, JSCSSMixin):
            item.default_js = _localized(list(item.default_js), LOCAL_JS)
            item.default_css = _localized(list(item.default_css), LOCAL_CSS)
    return element
