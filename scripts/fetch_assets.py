"""Install the map's scripts, styles, fonts and images from the npm registry.

folium loads Leaflet and its friends from CDNs, so a folium map is blank on a network with
no internet. The app serves them itself instead, from ``dashboard/app/static/vendor/``
(Streamlit's static file serving). This script fills that folder: for each package at the
version folium 0.20 pins, it runs ``npm pack`` in a temporary folder, unpacks the tarball,
and copies the distribution files the map uses, the fonts and images their stylesheets
point at, and the package's licence. It then writes ``vendor/manifest.json`` (package,
version, npm integrity, sha256 of every file) and touches ``vendor/.installed``.

It is idempotent: when the manifest matches this script's list and every file's checksum
agrees, it does nothing. npm keeps the tarballs in its cache, so later runs (after
``make clean``, say) work offline with ``--prefer-offline``.

The map itself uses Leaflet and Font Awesome (it groups its events itself, in
``dashboard/app/static/strikemap/``); Leaflet.markercluster is installed for the plain
folium page ``make bench`` times beside it. Two of folium's stylesheets are not installed:
Bootstrap 3's glyphicons (the map's icons are Font Awesome's) and folium's icon-rotation
stylesheet (no marker is rotated). ``dashboard.assets`` drops them from the map.

Run::

    .venv/bin/python scripts/fetch_assets.py [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
VENDOR_DIR = REPO_DIR / "dashboard" / "app" / "static" / "vendor"
MANIFEST = "manifest.json"
STAMP = ".installed"


@dataclass(frozen=True)
class Package:
    """One npm package and what of it the map needs.

    ``files`` maps a path inside the package (a folder ends with ``/``) to a path under
    ``vendor/<folder>/``; stylesheets keep their relative layout so their ``url(...)``
    references resolve.
    """

    npm: str
    version: str
    folder: str
    files: dict[str, str]
    licence: str
    #: Where folium's own URL for it points, for the record.
    folium_pin: str


PACKAGES: tuple[Package, ...] = (
    Package(
        "leaflet",
        "1.9.3",
        "leaflet",
        {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            "dist/images/": "images/",
        },
        "LICENSE",
        "leaflet@1.9.3 (jsdelivr)",
    ),
    Package(
        "jquery",
        "3.7.1",
        "jquery",
        {"dist/jquery.min.js": "jquery.min.js"},
        "LICENSE.txt",
        "jquery-3.7.1 (code.jquery.com)",
    ),
    Package(
        "bootstrap",
        "5.2.2",
        "bootstrap",
        {
            "dist/js/bootstrap.bundle.min.js": "js/bootstrap.bundle.min.js",
            "dist/css/bootstrap.min.css": "css/bootstrap.min.css",
        },
        "LICENSE",
        "bootstrap@5.2.2 (jsdelivr)",
    ),
    Package(
        # cdnjs has 2.0.2, npm does not; npm's 2.0.0, 2.0.4 and 2.0.5 ship byte-identical
        # dist files (the code calls itself 2.0.1), so the newest stands in for it.
        "leaflet.awesome-markers",
        "2.0.5",
        "leaflet.awesome-markers",
        {
            "dist/leaflet.awesome-markers.js": "leaflet.awesome-markers.js",
            "dist/leaflet.awesome-markers.css": "leaflet.awesome-markers.css",
            "dist/images/": "images/",
        },
        "LICENSE",
        "Leaflet.awesome-markers/2.0.2 (cdnjs)",
    ),
    Package(
        "@fortawesome/fontawesome-free",
        "6.2.0",
        "fontawesome-free",
        {"css/all.min.css": "css/all.min.css", "webfonts/": "webfonts/"},
        "LICENSE.txt",
        "@fortawesome/fontawesome-free@6.2.0 (jsdelivr)",
    ),
    Package(
        "leaflet.markercluster",
        "1.1.0",
        "leaflet.markercluster",
        {
            "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
            "dist/MarkerCluster.css": "MarkerCluster.css",
            "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
        },
        "MIT-LICENCE.txt",
        "leaflet.markercluster/1.1.0 (cdnjs)",
    ),
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wanted_manifest_header() -> list[dict[str, Any]]:
    return [{"npm": p.npm, "version": p.version, "folder": p.folder} for p in PACKAGES]


def is_up_to_date(vendor: Path) -> bool:
    """Whether the stamp, the manifest and every listed file agree with this script."""
    manifest_path = vendor / MANIFEST
    if not (vendor / STAMP).is_file() or not manifest_path.is_file():
        return False
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        header = [
            {"npm": p["npm"], "version": p["version"], "folder": p["folder"]}
            for p in manifest["packages"]
        ]
        if header != wanted_manifest_header():
            return False
        for package in manifest["packages"]:
            for relative, digest in package["files"].items():
                path = vendor / package["folder"] / relative
                if not path.is_file() or sha256(path) != digest:
                    return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def npm_pack(package: Package, into: Path) -> dict[str, Any]:
    """``npm pack`` one package into a folder; npm's JSON report of the tarball."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed: apt-get install npm (or nodejs)")
    spec = f"{package.npm}@{package.version}"
    result = subprocess.run(
        [npm, "pack", spec, "--json", "--prefer-offline", "--pack-destination", str(into)],
        cwd=into,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"npm pack {spec} failed:\n{result.stderr.strip()}")
    reports = json.loads(result.stdout)
    report: dict[str, Any] = reports[0]
    if report.get("name") != package.npm or report.get("version") != package.version:
        raise SystemExit(f"npm pack {spec} returned {report.get('id')}")
    return report


def unpack(tarball: Path, into: Path) -> Path:
    """Unpack an npm tarball safely; the package's root folder."""
    with tarfile.open(tarball) as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(into, filter="data")
    root = into / "package"
    if not root.is_dir():
        raise SystemExit(f"{tarball.name}: no package/ folder inside")
    return root


def copy_files(package: Package, root: Path, target: Path) -> dict[str, str]:
    """Copy the package's listed files and licence; their sha256 by path under target."""
    copied: dict[str, str] = {}
    pairs = [*package.files.items(), (package.licence, package.licence)]
    for source_name, target_name in pairs:
        source = root / source_name
        if source_name.endswith("/"):
            if not source.is_dir():
                raise SystemExit(f"{package.npm}: {source_name} is missing")
            sources = sorted(p for p in source.rglob("*") if p.is_file())
            destinations = [target / target_name / p.relative_to(source) for p in sources]
        else:
            if not source.is_file():
                raise SystemExit(f"{package.npm}: {source_name} is missing")
            sources, destinations = [source], [target / target_name]
        for src, dst in zip(sources, destinations, strict=True):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            copied[dst.relative_to(target).as_posix()] = sha256(dst)
    return copied


def install(vendor: Path) -> dict[str, Any]:
    """Fetch every package into a fresh copy of ``vendor`` and swap it in."""
    vendor.parent.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "about": "Third-party files of the map, installed by scripts/fetch_assets.py.",
        "packages": [],
    }
    with tempfile.TemporaryDirectory(prefix="strikemap-assets-") as tmp:
        work = Path(tmp)
        staged = work / "vendor"
        staged.mkdir()
        for package in PACKAGES:
            unpack_dir = work / package.folder
            unpack_dir.mkdir()
            report = npm_pack(package, work)
            root = unpack(work / report["filename"], unpack_dir)
            files = copy_files(package, root, staged / package.folder)
            manifest["packages"].append(
                {
                    "npm": package.npm,
                    "version": package.version,
                    "folder": package.folder,
                    "folium_pins": package.folium_pin,
                    "integrity": report.get("integrity"),
                    "licence": package.licence,
                    "files": files,
                }
            )
            print(f"  {package.npm}@{package.version}: {len(files)} files")
        (staged / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        (staged / STAMP).touch()
        # Replace the whole folder at once, so a failed run never leaves a half-updated one.
        if vendor.exists():
            shutil.rmtree(vendor)
        shutil.copytree(staged, vendor)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendor", type=Path, default=VENDOR_DIR, help="target folder")
    parser.add_argument("--force", action="store_true", help="reinstall even if up to date")
    args = parser.parse_args(argv)
    if not args.force and is_up_to_date(args.vendor):
        print(f"{args.vendor}: up to date")
    else:
        print(f"installing the map's assets into {args.vendor}")
        install(args.vendor)
    # A fresh stamp tells make the assets are newer than this script.
    (args.vendor / STAMP).touch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
