"""The command line: ``python -m dashboard extract|load|import|export|coverage|demo|
evaluate|frontline``, and ``event``, ``migrate`` and ``copy``
(:mod:`dashboard.event_commands`).

Every error the project raises on purpose (bad input, a store that cannot be used) becomes
one line on stderr and exit status 2; nothing prints a traceback for it. ``load`` refuses a
bad file with a line of its own and goes on, and ends with status 1 when it refused any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .articles import read_article
from .errors import InputError, StrikemapError
from .event_commands import (
    STORE_HELP,
    add_analyst_option,
    add_event_commands,
    run_copy,
    run_event,
    run_migrate,
)
from .exports import write_acled_csv, write_csv, write_geojson
from .geo.deepstate import add_frontline_commands, run_frontline
from .metadata import check_metadata
from .model import TARGET_TYPES, parse_iso_date
from .providers import LAYOUTS
from .settings import get_settings

if TYPE_CHECKING:
    from .model import Event
    from .store import EventStore

EXIT_ERROR = 2
#: A load that went on past refused files: what could be stored is, and the status says so.
EXIT_REFUSED = 1
_ANY_DATE_HELP = "keep publication dates before 2014 or after tomorrow (refused as likely typos)"


def _iso_date(text: str) -> date:
    try:
        return parse_iso_date(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Strike events from news articles: extract, load, export.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="print the events found in one article as JSON, without storing them"
    )
    extract.add_argument("file", type=Path, metavar="FILE")
    extract.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD")
    extract.add_argument("--outlet", metavar="NAME")
    extract.add_argument("--url", metavar="URL")
    extract.add_argument("--allow-any-date", action="store_true", help=_ANY_DATE_HELP)

    load = commands.add_parser("load", help="store the events of articles (default: seeds/)")
    load.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    load.add_argument("--store", help=STORE_HELP)
    load.add_argument("--quiet", action="store_true", help="no progress on stderr")
    load.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of the articles whose metadata gives none",
    )
    load.add_argument("--allow-any-date", action="store_true", help=_ANY_DATE_HELP)
    load.add_argument(
        "--stop-on-error",
        action="store_true",
        help="stop at the first refused file (default: report it and go on)",
    )
    add_analyst_option(load)

    provider = commands.add_parser(
        "import",
        help="store the strikes of Ukraine's forces in an ACLED or UCDP export, merged with "
        "the articles' ones",
    )
    provider.add_argument("provider", choices=sorted(LAYOUTS), metavar="acled|ucdp")
    provider.add_argument("file", type=Path, metavar="FILE.csv")
    provider.add_argument("--store", help=STORE_HELP)
    provider.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_analyst_option(provider)

    export = commands.add_parser(
        "export", help="write the stored events as CSV, GeoJSON or in ACLED's columns"
    )
    export.add_argument("--format", choices=("csv", "geojson", "acled"), default="csv")
    coverage = commands.add_parser(
        "coverage",
        help="the strikes only the articles have, only ACLED or UCDP has, and both have",
    )
    coverage.add_argument(
        "--events",
        action="store_true",
        help="list every event too, with the address of its page in the dashboard",
    )
    for command in (export, coverage):
        command.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD")
        command.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD")
        command.add_argument(
            "--target-type", dest="target_types", nargs="+", choices=TARGET_TYPES, metavar="T"
        )
        command.add_argument("--store", help=STORE_HELP)

    demo = commands.add_parser("demo", help="fill a separate demo store with synthetic events")
    demo.add_argument("--events", type=int, default=10_000, metavar="N")
    demo.add_argument(
        "--store", help="a SQLite file or a postgresql:// address (default: data/demo/demo.sqlite)"
    )
    demo.add_argument("--seed", type=int, default=0)

    add_frontline_commands(commands)
    add_event_commands(commands)

    evaluate = commands.add_parser(
        "evaluate", help="score extraction against a corpus of articles with answer files"
    )
    evaluate.add_argument("corpus", nargs="?", type=Path, metavar="CORPUS")
    evaluate.add_argument(
        "--errors",
        action="store_true",
        help="list every error too (of the study split only, where the corpus has splits)",
    )
    evaluate.add_argument(
        "--error-kinds",
        action="store_true",
        help="sum each split's errors by kind (figures only, so the check split may show them)",
    )
    evaluate.add_argument(
        "--second",
        type=Path,
        metavar="DIR",
        help="score a second analyst's answers (DIR/NAME.json) instead of extraction, on the "
        "reports DIR holds: how far two analysts agree",
    )
    return parser


def _extract(args: argparse.Namespace) -> int:
    from .loader import extract_measured

    article = read_article(
        args.file,
        published=args.published,
        outlet=args.outlet,
        url=args.url,
        allow_any_date=args.allow_any_date,
    )
    if article.published is None:
        raise InputError(
            f"{args.file}: no publication date; give --published YYYY-MM-DD "
            "(relative dates like 'Wednesday' resolve against it)"
        )
    events = extract_measured(article)
    json.dump([e.to_dict() for e in events], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _warn_unreadable(store: EventStore) -> None:
    for event_id, reason in store.unreadable.items():
        print(
            f"warning: stored event {event_id} cannot be read and is left out: {reason}",
            file=sys.stderr,
        )


def _load(args: argparse.Namespace) -> int:
    from .loader import load_paths
    from .store import open_store

    paths = args.paths or [get_settings().seeds_dir]
    check_metadata({"published": args.published}, "--published", allow_any_date=args.allow_any_date)

    def progress(done: int, total: int, file: Path) -> None:
        if not args.quiet and total >= 20 and (done % 50 == 0 or done == total):
            print(f"  {done}/{total} articles read", file=sys.stderr)

    def refused(file: Path, error: InputError) -> None:
        print(f"refused: {error}", file=sys.stderr)

    with open_store(args.store, analyst=args.analyst) as store:
        result = load_paths(
            paths,
            store,
            progress,
            published=args.published,
            allow_any_date=args.allow_any_date,
            stop_on_error=args.stop_on_error,
            refused=refused,
        )
        reports = result.reports
        # A line per article while it is readable; long runs give the progress and the sums.
        for report in reports if len(reports) <= 20 else ():
            name = Path(report.path).name if report.path else report.article_id
            if report.already_loaded:
                print(f"{name}: already loaded, nothing changed")
            else:
                print(f"{name}: {len(report.added)} added, {len(report.merged)} merged")
        skipped = sum(r.already_loaded for r in reports)
        if skipped and len(reports) > 20:
            print(f"{skipped} articles were already loaded and changed nothing")
        added = sum(len(r.added) for r in reports)
        merged = sum(len(r.merged) for r in reports)
        stopped = " (stopped at the first)" if args.stop_on_error and result.refused else ""
        loaded = f"{len(reports)} article{'s' * (len(reports) != 1)} loaded"
        print(
            f"{loaded}, {len(result.refused)} refused{stopped}: "
            f"{added} events added, {merged} merged into stored events; "
            f"the store now holds {len(store.events())} events ({store.shown})"
        )
        _warn_unreadable(store)
    return EXIT_REFUSED if result.refused else 0


def _stored_events(args: argparse.Namespace) -> list[Event]:
    from .store import open_store

    with open_store(args.store, create=False) as store:
        events = store.events(since=args.since, until=args.until, target_types=args.target_types)
        _warn_unreadable(store)
    return events


def _export(args: argparse.Namespace) -> int:
    from .store import open_store

    with open_store(args.store, create=False) as store:
        # Streamed: a million events go out in the memory of a few thousand.
        events = store.exported(since=args.since, until=args.until, target_types=args.target_types)
        if args.format == "csv":
            write_csv(events, sys.stdout)
        elif args.format == "acled":
            write_acled_csv(events, sys.stdout)
        else:
            write_geojson(events, sys.stdout)
            sys.stdout.write("\n")
        _warn_unreadable(store)
    return 0


#: What each stage of an import has counted, for its progress lines.
_IMPORT_STAGES = {
    "read": "rows read",
    "measured": "strikes measured against the front line of their dates",
    "saved": "events saved",
}


def _import(args: argparse.Namespace) -> int:
    from .providers.importer import import_export
    from .store import open_store

    layout = LAYOUTS[args.provider]

    def progress(stage: str, done: int, total: int) -> None:
        if not args.quiet:
            print(f"  {done:,} {_IMPORT_STAGES[stage]}", file=sys.stderr)

    with open_store(args.store, analyst=args.analyst) as store:
        report = import_export(args.file, layout, store, progress=progress)
        for bad in report.bad:
            print(f"refused: {args.file}: {bad}", file=sys.stderr)
        print(
            f"{layout.outlet} {args.file}: {report.rows:,} rows read: {report.strikes:,} "
            f"strikes, {sum(report.skipped.values()):,} left out, {len(report.bad):,} refused"
        )
        for reason, count in report.skipped.most_common():
            print(f"  left out: {count:,} {reason}")
        print(
            f"{report.measured:,} strikes measured against the front line of their dates: "
            f"{report.added:,} events added, {report.merged:,} merged into stored events, "
            f"{report.updated:,} updated; {report.unchanged:,} unchanged, "
            f"{report.withdrawn:,} withdrawn (store {store.shown})"
        )
        _warn_unreadable(store)
    return EXIT_REFUSED if report.bad else 0


def _coverage(args: argparse.Namespace) -> int:
    from .app.links import event_link
    from .coverage import coverage_frame, format_coverage

    frame = coverage_frame(_stored_events(args))
    print(format_coverage(frame, link=event_link if args.events else None))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .demo import demo_event_stream
    from .store import open_store

    if args.events < 1:
        raise InputError("--events must be at least 1")
    # Never the team's store: the demo empties the store it fills.
    location = args.store or get_settings().data_dir / "demo" / "demo.sqlite"
    with open_store(location) as store:
        store.clear()
        count = store.bulk_fill(demo_event_stream(args.events, seed=args.seed))
        print(f"{count} synthetic events written to {store.shown}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import (
        ALL,
        STUDY,
        evaluate_groups,
        extraction_losses,
        format_error_kinds,
        format_errors,
        format_evaluation,
        second_opinion,
    )
    from .loader import extract_measured

    corpus = args.corpus or get_settings().seeds_dir.parent / "tests" / "corpus"
    if args.second is not None:
        evaluation = second_opinion(corpus, args.second)
    else:
        evaluation = evaluate_groups(
            corpus, extract_measured, lost_at=extraction_losses if args.error_kinds else None
        )
    print(format_evaluation(evaluation))
    if args.error_kinds:
        splits = [g for g in evaluation.groups if g.startswith("split ")] or [ALL]
        for group in sorted(splits):
            print(
                f"\n== kinds of error, {group} ==\n{format_error_kinds(evaluation.groups[group])}"
            )
    if args.errors:
        # The check split is for measuring only: its errors are never read.
        group = STUDY if STUDY in evaluation.groups else ALL
        print(f"\nerrors of {group}:")
        print("\n".join(format_errors(evaluation.groups[group], limit=1000)))
    return 0


_COMMANDS = {
    "extract": _extract,
    "load": _load,
    "import": _import,
    "export": _export,
    "coverage": _coverage,
    "demo": _demo,
    "evaluate": _evaluate,
    "frontline": run_frontline,
    "event": run_event,
    "migrate": run_migrate,
    "copy": run_copy,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except StrikemapError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return 0
