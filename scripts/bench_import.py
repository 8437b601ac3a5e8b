"""Time `import acled` of a generated export of 200,000 rows (median of three runs).

The rows are generated in ACLED's layout over March 2022 to June 2025, as a Russia and
Ukraine export holds them: Ukraine's strikes on Russia and on occupied Ukraine (the rows
kept), Russia's strikes on Ukraine, battles, protests and interceptions (the rows left
out), and a few malformed rows. Each row has its own notes. Every kept strike is measured
against the front line of its date. Each run imports into a new, empty store; then the
same export is imported again into the last one, which must change nothing.

The baseline is reading the same file's rows with Python's csv module alone.

    python scripts/bench_import.py [--rows 200000] [--runs 3] [--strikes 0.5] [--keep FILE]
                                   [--workers N]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dashboard.geo.gazetteer import default_gazetteer
from dashboard.providers import LAYOUTS
from dashboard.providers.acled import AIR_DRONE, COLUMNS, EXPLOSIONS, REMOTE_EXPLOSIVE, SHELLING
from dashboard.providers.importer import import_export
from dashboard.store import Store

UKRAINE = "Military Forces of Ukraine (2019-)"
RUSSIA = "Military Forces of Russia (2000-)"
#: Towns the generated rows happen in, by where they lie: looked up in the gazetteer.
IN_RUSSIA = (
    "Belgorod",
    "Shebekino",
    "Kursk",
    "Bryansk",
    "Klintsy",
    "Voronezh",
    "Rostov-on-Don",
    "Novoshakhtinsk",
    "Taganrog",
    "Millerovo",
    "Krasnodar",
    "Novorossiysk",
    "Tuapse",
    "Yeysk",
    "Primorsko-Akhtarsk",
    "Volgograd",
    "Engels",
    "Saratov",
    "Ryazan",
    "Tambov",
    "Lipetsk",
    "Oryol",
    "Tula",
    "Kaluga",
    "Smolensk",
    "Toropets",
    "Moscow",
    "Kstovo",
    "Kazan",
    "Yelabuga",
    "Ust-Luga",
    "Kirishi",
    "Morozovsk",
    "Kaspiysk",
    "Astrakhan",
)
IN_OCCUPIED = (
    "Sevastopol",
    "Simferopol",
    "Saki",
    "Dzhankoi",
    "Feodosiya",
    "Kerch",
    "Yevpatoriya",
    "Melitopol",
    "Berdyansk",
    "Tokmak",
    "Donetsk",
    "Horlivka",
    "Luhansk",
    "Alchevsk",
    "Mariupol",
    "Skadovsk",
    "Henichesk",
)
IN_HELD = (
    "Kharkiv",
    "Kyiv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Sumy",
    "Mykolaiv",
    "Kherson",
    "Kramatorsk",
    "Chernihiv",
    "Poltava",
    "Lviv",
    "Vinnytsya",
)
TARGETS = (
    "the oil refinery",
    "an oil depot",
    "the air base",
    "an ammunition depot",
    "a power substation",
    "the port",
    "a military unit",
    "a fuel terminal",
    "a drone factory",
    "a railway station",
)
FIRST, LAST = date(2022, 3, 1), date(2025, 6, 30)
#: A town as rows give it: name, region, country, latitude, longitude.
Town = tuple[str, str, str, float, float]
#: A generated event: its town, event type, sub-event type, actor and notes.
Made = tuple[Town, str, str, str, str]


def _towns(names: tuple[str, ...]) -> list[Town]:
    gazetteer = default_gazetteer()
    found = []
    for name in names:
        place = gazetteer.best(name)
        if place is None:
            raise SystemExit(f"{name} is not in the gazetteer")
        country = "Russia" if place.country == "RU" else "Ukraine"
        found.append((place.name, place.admin1 or "", country, place.lat, place.lon))
    return found


def _row(**fields: object) -> list[str]:
    return [str(fields.get(column, "")) for column in COLUMNS]


AFTERMATH = ("a fire broke out", "damage was reported", "no damage was reported")
WEAPON_WORDS = {AIR_DRONE: "drones", SHELLING: "missiles", REMOTE_EXPLOSIVE: "explosives"}
OTHER_EVENTS = (
    ("Battles", "Armed clash", UKRAINE),
    ("Protests", "Peaceful protest", "Protesters (Russia)"),
    ("Strategic developments", "Disrupted weapons use", RUSSIA),
)


def _ukraines_strike(rng: random.Random, day: date, towns: list[Town]) -> Made:
    town = rng.choice(towns)
    sub_type = rng.choices((AIR_DRONE, SHELLING, REMOTE_EXPLOSIVE), (6, 3, 1))[0]
    notes = (
        f"On {day:%d %B %Y}, Ukrainian {WEAPON_WORDS[sub_type]} struck "
        f"{rng.choice(TARGETS)} in {town[0]} ({town[1]}); {rng.choice(AFTERMATH)}. "
        f"Authorities said {rng.randrange(1, 60)} drones were shot down over the region."
    )
    return town, EXPLOSIONS, sub_type, UKRAINE, notes


def _russias_strike(rng: random.Random, day: date, towns: list[Town]) -> Made:
    town = rng.choice(towns)
    wounded = rng.randrange(0, 9)
    notes = f"On {day:%d %B %Y}, Russian forces shelled {town[0]}; {wounded} civilians wounded."
    return town, EXPLOSIONS, SHELLING, RUSSIA, notes


def _other_event(rng: random.Random, day: date, towns: list[Town]) -> Made:
    town = rng.choice(towns)
    event_type, sub_type, actor1 = rng.choice(OTHER_EVENTS)
    notes = f"On {day:%d %B %Y}, {event_type.lower()} near {town[0]} ({rng.random():.6f})."
    return town, event_type, sub_type, actor1, notes


def generate(path: Path, rows: int, strikes: float, seed: int = 14) -> None:
    """An export of ``rows`` rows, about ``strikes`` of them Ukraine's strikes (seven in ten
    of those in Russia), three in ten Russia's strikes on Ukraine, the rest other events."""
    rng = random.Random(seed)
    russia, occupied, held = _towns(IN_RUSSIA), _towns(IN_OCCUPIED), _towns(IN_HELD)
    days = (LAST - FIRST).days
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for number in range(rows):
            day = FIRST + timedelta(days=rng.randrange(days))
            draw = rng.random()
            if draw < strikes:
                made = _ukraines_strike(rng, day, russia if rng.random() < 0.7 else occupied)
            elif draw < strikes + 0.3:
                made = _russias_strike(rng, day, held)
            else:
                made = _other_event(rng, day, held + russia)
            (town, admin1, country, lat, lon), event_type, sub_type, actor1, notes = made
            writer.writerow(
                _row(
                    event_id_cnty=f"{'RUS' if country == 'Russia' else 'UKR'}{number + 100000}",
                    # One row in 2,000 with a date that does not exist.
                    event_date="2024-02-30" if rng.random() < 0.0005 else day.isoformat(),
                    year=day.year,
                    time_precision=rng.choices((1, 2, 3), (90, 8, 2))[0],
                    disorder_type="Political violence",
                    event_type=event_type,
                    sub_event_type=sub_type,
                    actor1=actor1,
                    inter1=1,
                    country=country,
                    admin1=admin1,
                    location=town,
                    latitude=round(lat + rng.uniform(-0.05, 0.05), 4),
                    longitude=round(lon + rng.uniform(-0.05, 0.05), 4),
                    geo_precision=rng.choices((1, 2, 3), (80, 15, 5))[0],
                    source="Generated",
                    notes=notes,
                    fatalities=rng.randrange(0, 4),
                    timestamp=1_700_000_000 + number,
                )
            )


def _csv_only(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--strikes", type=float, default=0.5, help="share of kept strikes")
    parser.add_argument("--keep", type=Path, help="also write the generated export here")
    parser.add_argument(
        "--workers",
        type=int,
        help="processes reading the notes besides the importing one (0: none; default: one per "
        "processor but one)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = args.keep or Path(tmp) / "acled.csv"
        generate(export, args.rows, args.strikes)
        baseline = statistics.median(_csv_only(export) for _ in range(args.runs))
        seconds, processor = [], []
        for run in range(args.runs):
            with Store(Path(tmp) / f"run{run}.sqlite") as store:
                start, used = time.perf_counter(), time.process_time()
                report = import_export(
                    export,
                    LAYOUTS["acled"],
                    store,
                    progress=lambda stage, done, _: print(f"  {done:,} {stage}", file=sys.stderr),
                    workers=args.workers,
                )
                seconds.append(time.perf_counter() - start)
                processor.append(time.process_time() - used)
        with Store(Path(tmp) / f"run{args.runs - 1}.sqlite") as store:
            start = time.perf_counter()
            again = import_export(export, LAYOUTS["acled"], store)
            repeat = time.perf_counter() - start
    median = statistics.median(seconds)
    print(
        f"import acled of {args.rows:,} rows ({report.strikes:,} strikes measured and stored, "
        f"{sum(report.skipped.values()):,} left out, {len(report.bad):,} refused): "
        f"median {median:.1f} s over {args.runs} runs ({args.rows / median:,.0f} rows/s; "
        f"{median / baseline:.0f}x reading the rows with csv alone, {baseline:.2f} s); runs: "
        + ", ".join(f"{s:.1f} s" for s in seconds)
    )
    print(
        f"processor time of the importing process: median {statistics.median(processor):.1f} s"
        + (" (all of it: the notes were read in it)" if args.workers == 0 else "")
    )
    print(
        f"the same export again: {repeat:.1f} s, {again.unchanged:,} unchanged, "
        f"{again.added + again.merged + again.updated:,} changed"
    )


if __name__ == "__main__":
    main()
