"""Scoring extraction against a corpus of articles with answer files.

A corpus folder holds ``NAME.txt`` articles, each with ``NAME.json``: the article's metadata
(``outlet``, ``published``, ``url``, ``title``) and ``events``, the strikes it reports, each
with ``date``, ``date_precision``, ``place``, ``lat``, ``lon``, ``geo_precision``,
``target_type`` and ``weapon``.

Found events are paired with answers one to one, nearest first: a pair must agree on where
(within :data:`PAIR_KM`, or both unlocated) and on when (within :data:`PAIR_DAYS`). A region-level
answer ("Rostov region", geo precision 3) pairs with, and is placed by, an event in that
region whatever the two representative points; an event placed only by its region pairs with
a strike the answers place in that region on the same day. Among the pairs, the table scores place
(within 10 km), date (same day and precision), target type,
weapon, and distance to the front line (within 15 km of the distance measured at the answer's
coordinates on the answer's date).

A development set of real reports (``tests/realworld/``) keeps its answer files at the top and
the report texts, which are third-party and not in git, in ``texts/``; a ``splits.json`` puts
each report in ``study`` or ``check``, and each answer lists the report's ``kinds`` (roundup,
russian_side, translated, negative, ...). :func:`evaluate_groups` scores every split and kind
apart and counts the texts that are missing. Records that extraction marks ``intercepted``
are not strikes: they are neither found nor invented.

:func:`format_error_kinds` sums a group's errors by kind (why a strike was missed, at which
stage of extraction it was lost, where the invented events lie, which attributes of found
strikes are wrong and how): figures only, so that a held-out split can show what remains
without showing its reports.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .articles import read_article
from .errors import InputError
from .extraction.pipeline import LOST_AT, where_lost
from .geo.frontline import distance_to_front_km
from .geo.gazetteer import default_gazetteer
from .geo.geometry import geodesic_distance_km
from .model import GEO_FACILITY, GEO_NONE, GEO_REGION, GEO_TOWN, Event

PAIR_KM = 60.0
PAIR_DAYS = 31
#: How near its region's point an answer that names no region stands to mean that region.
REGION_POINT_KM = 1.0
PLACE_KM = 10.0
FRONT_KM = 15.0


@dataclass(frozen=True)
class Answer:
    """One expected event of an article."""

    article: str
    date: date
    date_precision: str
    place: str | None
    lat: float | None
    lon: float | None
    target_type: str
    weapon: str
    #: For an answer placed only by its region, that region's name in the gazetteer.
    region: str | None = None
    #: An earlier strike the report recalls for context, not its news.
    background: bool = False

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Score:
    """Counts over a corpus; rates are over answers (found, missed) or over pairs."""

    answers: int = 0
    extracted: int = 0
    articles: int = 0
    #: Reports whose answer holds no strike, and the events extraction invented from them.
    negatives: int = 0
    negative_invented: int = 0
    pairs: list[tuple[Answer, Event]] = field(default_factory=list)
    missed: list[Answer] = field(default_factory=list)
    invented: list[tuple[str, Event]] = field(default_factory=list)
    #: Why each missed answer was missed (one of :data:`MISS_REASONS`), by reason.
    missed_reasons: Counter[str] = field(default_factory=Counter)
    #: The stage of extraction that lost each missed answer, when asked (see
    #: :func:`dashboard.extraction.pipeline.where_lost`).
    lost_at: Counter[str] = field(default_factory=Counter)

    def rate(self, check: Callable[[Answer, Event], bool]) -> float:
        if not self.pairs:
            return 0.0
        return sum(check(a, e) for a, e in self.pairs) / len(self.pairs)

    @property
    def found_rate(self) -> float:
        return len(self.pairs) / self.answers if self.answers else 1.0

    @property
    def invented_rate(self) -> float:
        return len(self.invented) / self.extracted if self.extracted else 0.0

    @property
    def invented_per_negative(self) -> float:
        return self.negative_invented / self.negatives if self.negatives else 0.0

    def rates(self) -> dict[str, float]:
        """Every rate of the table, by name."""
        return {
            "found": self.found_rate,
            "invented": self.invented_rate,
            "place_10km": self.rate(place_ok),
            "date_exact": self.rate(date_ok),
            "target_type": self.rate(lambda a, e: a.target_type == e.target_type),
            "weapon": self.rate(lambda a, e: a.weapon == e.weapon),
            "front_15km": self.rate(front_ok),
        }


def _same_region(answer: Answer, event: Event) -> bool:
    """A region's point is a convention: a region answer is met by an event in that region,
    the region itself or a place in it (the report named no more than the region)."""
    return answer.region is not None and event.admin1 == answer.region


def place_ok(answer: Answer, event: Event) -> bool:
    if _same_region(answer, event):
        return True
    if not answer.located:
        return not event.located
    if event.lat is None or event.lon is None:
        return False
    assert answer.lat is not None and answer.lon is not None
    return geodesic_distance_km(answer.lat, answer.lon, event.lat, event.lon) <= PLACE_KM


def date_ok(answer: Answer, event: Event) -> bool:
    return (answer.date, answer.date_precision) == (event.date, event.date_precision)


def front_ok(answer: Answer, event: Event) -> bool:
    if not answer.located:
        return event.distance_to_front_km is None
    if event.distance_to_front_km is None:
        return False
    assert answer.lat is not None and answer.lon is not None
    expected, _ = distance_to_front_km(answer.lat, answer.lon, answer.date)
    return abs(expected - event.distance_to_front_km) <= FRONT_KM


def _pair_cost(answer: Answer, event: Event) -> float | None:
    days = abs((answer.date - event.date).days)
    if days > PAIR_DAYS:
        return None
    if _same_region(answer, event):
        return float(days)
    if answer.located and event.lat is not None and event.lon is not None:
        assert answer.lat is not None and answer.lon is not None
        km = geodesic_distance_km(answer.lat, answer.lon, event.lat, event.lon)
        if km <= PAIR_KM:
            return km + days
        # Paired after every nearer event: the least precise of them.
        return PAIR_KM + PAIR_DAYS if _region_event_of(answer, event) else None
    if not answer.located and not event.located:
        return float(days)
    return None


def _region_event_of(answer: Answer, event: Event) -> bool:
    """Whether ``event``, placed only by its region ("a fuel depot in the Rostov region"), is
    the strike ``answer`` places on the same day in that region: a region's point is a
    convention on either side, so the strike is found, though not placed within 10 km."""
    return (
        event.geo_precision == GEO_REGION
        and event.admin1 is not None
        and answer.date == event.date
        and answer.lat is not None
        and answer.lon is not None
        and _region_near(answer.lat, answer.lon) == event.admin1
    )


# An answer is asked of by every region-level event of its report: its region is found once.
@functools.lru_cache(maxsize=4096)
def _region_near(lat: float, lon: float) -> str | None:
    return default_gazetteer().region_near(lat, lon)


def _region_of(item: dict[str, Any]) -> str | None:
    """The region a region-precise answer stands for: the region it names, or the one at
    whose point it is placed (a village the gazetteer lacks, put at its region's point)."""
    if item.get("geo_precision") != GEO_REGION or not item.get("place"):
        return None
    region = default_gazetteer().region(item["place"])
    if region is None and item.get("lat") is not None and item.get("lon") is not None:
        region = next(
            (
                r
                for r in default_gazetteer().regions
                if r.lat is not None
                and r.lon is not None
                and geodesic_distance_km(item["lat"], item["lon"], r.lat, r.lon) <= REGION_POINT_KM
            ),
            None,
        )
    return region.admin1 if region is not None else None


def read_answers(path: Path) -> tuple[dict[str, Any], list[Answer]]:
    """An answer file's metadata and its expected events."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        answers = [
            Answer(
                article=path.stem,
                date=date.fromisoformat(item["date"]),
                date_precision=item["date_precision"],
                place=item.get("place"),
                lat=item.get("lat"),
                lon=item.get("lon"),
                target_type=item["target_type"],
                weapon=item["weapon"],
                region=_region_of(item),
                background=bool(item.get("background", False)),
            )
            for item in data.get("events", [])
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not an answer file ({error})") from None
    return data, answers


def score_article(
    score: Score,
    name: str,
    answers: list[Answer],
    events: list[Event],
    *,
    attempts_count: bool = False,
) -> None:
    """Pair one article's events with its answers, nearest first, and count.

    With ``attempts_count`` (answers that list intercepted attempts as events, as
    ``tests/corpus`` does), records marked ``intercepted`` are scored like any other event;
    otherwise they are not strikes and are left out.
    """
    if not attempts_count:
        events = [e for e in events if e.outcome != "intercepted"]
    score.articles += 1
    if not answers:
        score.negatives += 1
        score.negative_invented += len(events)
    score.answers += len(answers)
    score.extracted += len(events)
    candidates = sorted(
        (cost, a, e)
        for a, answer in enumerate(answers)
        for e, event in enumerate(events)
        if (cost := _pair_cost(answer, event)) is not None
    )
    used_answers: set[int] = set()
    used_events: set[int] = set()
    for _, a, e in candidates:
        if a in used_answers or e in used_events:
            continue
        used_answers.add(a)
        used_events.add(e)
        score.pairs.append((answers[a], events[e]))
    missed = [answer for a, answer in enumerate(answers) if a not in used_answers]
    score.missed.extend(missed)
    score.missed_reasons.update(miss_reason(answer, events) for answer in missed)
    score.invented.extend((name, event) for e, event in enumerate(events) if e not in used_events)


#: Why a strike was missed, judged from the events extracted from its report, first that holds.
MISS_REASONS = (
    "no event from the report",
    "an event within 10 km on another date",
    "another event of the same day",
    "events, none near and none of that day",
)


def miss_reason(answer: Answer, events: list[Event]) -> str:
    """Why ``answer`` found no event among its report's ``events`` (paired with others or
    not): nothing extracted, its place taken at another date, or its day by another strike
    (often a site lost beside another of the same night)."""
    if not events:
        return MISS_REASONS[0]
    if any(place_ok(answer, e) and e.date != answer.date for e in events):
        return MISS_REASONS[1]
    if any(e.date == answer.date for e in events):
        return MISS_REASONS[2]
    return MISS_REASONS[3]


def evaluate(corpus: Path, extract: Callable[[Any], list[Event]]) -> Score:
    """Score ``extract`` (an article to its events) over every answered article in ``corpus``."""
    return evaluate_groups(corpus, extract).groups[ALL]


#: The group every scored report belongs to.
ALL = "all"
STUDY = "split study"
TEXTS = "texts"
SPLITS = "splits.json"


@dataclass
class Evaluation:
    """Scores of a corpus by group (``all``, each split, each kind) and the texts missing."""

    groups: dict[str, Score] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def _text_of(answer_file: Path) -> Path | None:
    """A report's text: beside its answer (our own corpus) or in ``texts/`` (real reports)."""
    for text in (
        answer_file.with_suffix(".txt"),
        answer_file.parent / TEXTS / f"{answer_file.stem}.txt",
    ):
        if text.is_file():
            return text
    return None


def answer_files(corpus: Path) -> list[Path]:
    """The answer files of a corpus: every ``NAME.json`` but the split table."""
    return sorted(p for p in corpus.glob("*.json") if p.name not in (SPLITS, "articles.json"))


#: A tracer of misses: an article, the answers missed in it and its scored events, to the
#: stage that lost each answer.
LossTracer = Callable[[Any, list[Answer], list[Event]], list[str]]


def extraction_losses(article: Any, missed: list[Answer], events: list[Event]) -> list[str]:
    """The stage of extraction that lost each strike ``missed`` in ``article`` (a key of
    :data:`~dashboard.extraction.pipeline.LOST_AT`), near meaning within 10 km."""
    return where_lost(article, [(a.lat, a.lon, a.date, a.region) for a in missed], events, PLACE_KM)


def evaluate_groups(
    corpus: Path, extract: Callable[[Any], list[Event]], lost_at: LossTracer | None = None
) -> Evaluation:
    """Score ``extract`` on every report of ``corpus`` whose text is present, by group; with
    ``lost_at``, also count the stage that lost each missed strike."""
    return _score_reports(corpus, lambda _name, article: extract(article), lost_at=lost_at)


def second_opinion(corpus: Path, second: Path) -> Evaluation:
    """Score a second set of hand-made answers (``second/NAME.json``, made apart from the
    first) against the corpus's answers, on the reports it holds: how far two analysts
    reading the same reports agree, the most extraction can be asked to match.

    Raises
    ------
    InputError
        If ``second`` holds no answer file, or one the corpus does not have.
    """
    files = {path.stem: path for path in answer_files(second)}
    unknown = sorted(set(files) - {path.stem for path in answer_files(corpus)})
    if not files or unknown:
        raise InputError(f"{second}: no second answers for reports of {corpus} {unknown or ''}")
    return _score_reports(
        corpus, lambda name, _article: events_of_answers(files[name]), only=set(files)
    )


def events_of_answers(path: Path) -> list[Event]:
    """An answer file's strikes as the events extraction would give, measured like them."""
    data, answers = read_answers(path)
    gazetteer = default_gazetteer()
    events = []
    for answer, item in zip(answers, data.get("events", []), strict=True):
        known = gazetteer.best(answer.place) if answer.place else None
        front = (
            distance_to_front_km(answer.lat, answer.lon, answer.date)[0]
            if answer.lat is not None and answer.lon is not None
            else None
        )
        try:
            event = Event.from_dict(
                {
                    "date": item["date"],
                    "date_precision": item["date_precision"],
                    "place": answer.place,
                    "admin1": answer.region or (known.admin1 if known else None),
                    "country": known.country if known else None,
                    "occupied": known.occupied if known else False,
                    "lat": answer.lat,
                    "lon": answer.lon,
                    "geo_precision": item.get("geo_precision", GEO_NONE),
                    "target_type": answer.target_type,
                    "weapon": answer.weapon,
                    "outcome": item.get("outcome", "unknown"),
                    "distance_to_front_km": front,
                }
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"{path}: not an answer file ({error})") from None
        events.append(event)
    return events


def _score_reports(
    corpus: Path,
    events_for: Callable[[str, Any], list[Event]],
    only: set[str] | None = None,
    lost_at: LossTracer | None = None,
) -> Evaluation:
    """Score the events ``events_for`` gives each report (by name and article) by group."""
    splits_file = corpus / SPLITS
    splits: dict[str, str] = (
        json.loads(splits_file.read_text(encoding="utf-8")) if splits_file.is_file() else {}
    )
    evaluation = Evaluation()
    scored = 0
    for answer_file in answer_files(corpus):
        if only is not None and answer_file.stem not in only:
            continue
        text = _text_of(answer_file)
        if text is None:
            evaluation.missing.append(answer_file.stem)
            continue
        meta, answers = read_answers(answer_file)
        article = read_article(
            text,
            published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
            outlet=meta.get("outlet"),
            url=meta.get("url"),
        )
        events = events_for(answer_file.stem, article)
        groups = [ALL]
        if answer_file.stem in splits:
            groups.append(f"split {splits[answer_file.stem]}")
        groups += [f"kind {kind}" for kind in meta.get("kinds", ())]
        # Real-report answers list interceptions apart; our own corpus counts attempts as events.
        attempts_count = "intercepted" not in meta
        for group in groups:
            score_article(
                evaluation.groups.setdefault(group, Score()),
                answer_file.stem,
                answers,
                events,
                attempts_count=attempts_count,
            )
        if lost_at is not None:
            alone = Score()
            score_article(alone, answer_file.stem, answers, events, attempts_count=attempts_count)
            if alone.missed:
                scored_events = [e for _, e in alone.pairs] + [e for _, e in alone.invented]
                stages = Counter(lost_at(article, alone.missed, scored_events))
                for group in groups:
                    evaluation.groups[group].lost_at.update(stages)
        scored += 1
    if not scored and not evaluation.missing:
        raise InputError(f"{corpus}: no articles with answer files (NAME.txt + NAME.json)")
    evaluation.groups.setdefault(ALL, Score())
    return evaluation


def format_table(score: Score) -> str:
    """The score as a plain-text table an analyst reads. A share of nothing (found of no
    answers, accuracy of no strike found) is a dash, not a percentage."""
    rates = score.rates()
    pairs = len(score.pairs)

    def share(rate: str, whole: int, of: str = "") -> str:
        return f"{rates[rate]:.1%}{of}" if whole else "\u2014"

    rows = [
        ("events in the answers", f"{score.answers}"),
        ("events extracted", f"{score.extracted}"),
        ("found", f"{pairs} ({share('found', score.answers)})"),
        ("missed", f"{len(score.missed)}"),
        (
            "invented",
            f"{len(score.invented)} ({share('invented', score.extracted, ' of extracted')})",
        ),
        ("place within 10 km", share("place_10km", pairs, " of found")),
        ("date exact", share("date_exact", pairs, " of found")),
        ("target type", share("target_type", pairs, " of found")),
        ("weapon", share("weapon", pairs, " of found")),
        ("front distance within 15 km", share("front_15km", pairs, " of found")),
    ]
    if score.negatives:
        rows.append(
            (
                "invented per negative report",
                f"{score.invented_per_negative:.2f} ({score.negative_invented} in "
                f"{score.negatives} reports)",
            )
        )
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def format_evaluation(evaluation: Evaluation) -> str:
    """Every group's table, the whole corpus first, then the splits and the kinds."""
    order = sorted(evaluation.groups, key=lambda g: (g != ALL, not g.startswith("split"), g))
    parts = []
    for group in order:
        score = evaluation.groups[group]
        parts.append(f"== {group}: {score.articles} reports ==\n{format_table(score)}")
    if evaluation.missing:
        parts.append(
            f"{len(evaluation.missing)} texts missing (not scored): "
            "see the corpus README to bring them back"
        )
    return "\n\n".join(parts)


_PRECISION_NAMES = {
    GEO_FACILITY: "at a facility",
    GEO_TOWN: "at a town",
    GEO_REGION: "at a region's point",
    GEO_NONE: "with no place",
}


def format_error_kinds(score: Score, most: int = 5) -> str:
    """A group's errors summed by kind: why strikes were missed, where invented events lie,
    and how found strikes are wrong (the ``most`` common confusions of each attribute)."""
    lines = [f"missed  {len(score.missed)}"]
    for reason in MISS_REASONS:
        lines.append(f"  {reason:<44}{score.missed_reasons[reason]:>5}")
    recalled = sum(answer.background for answer in score.missed)
    lines.append(f"  {'of all missed, earlier strikes recalled':<44}{recalled:>5}")
    if score.lost_at:
        lines.append("  where extraction lost them")
        for stage, label in LOST_AT.items():
            lines.append(f"    {label:<42}{score.lost_at[stage]:>5}")
    lines.append(f"invented  {len(score.invented)}")
    where = Counter(event.geo_precision for _, event in score.invented)
    for precision, name in _PRECISION_NAMES.items():
        lines.append(f"  {name:<44}{where[precision]:>5}")
    lines.append(f"wrong among {len(score.pairs)} found")
    far = sum(not place_ok(a, e) for a, e in score.pairs)
    lines.append(f"  {'place beyond 10 km':<44}{far:>5}")
    wrong_day = [(a, e) for a, e in score.pairs if not date_ok(a, e)]
    a_day_off = sum(
        a.date_precision == e.date_precision == "day" and abs((a.date - e.date).days) == 1
        for a, e in wrong_day
    )
    lines.append(f"  {'date':<44}{len(wrong_day):>5}")
    lines.append(f"    {'of which one day off':<42}{a_day_off:>5}")
    lines.append(
        f"    {'of which another precision':<42}"
        f"{sum(a.date_precision != e.date_precision for a, e in wrong_day):>5}"
    )
    for label, of in (("target type", "target_type"), ("weapon", "weapon")):
        confusions = Counter(
            (getattr(a, of), getattr(e, of))
            for a, e in score.pairs
            if getattr(a, of) != getattr(e, of)
        )
        lines.append(f"  {label:<44}{sum(confusions.values()):>5}")
        for (expected, got), count in confusions.most_common(most):
            lines.append(f"    {f'{expected} given as {got}':<42}{count:>5}")
    return "\n".join(lines)


def format_errors(score: Score, limit: int = 40) -> Iterable[str]:
    """One line per missed or invented event, for reading the errors."""
    for answer in score.missed[:limit]:
        yield (
            f"missed    {answer.article}: {answer.date} {answer.place} "
            f"{answer.target_type}/{answer.weapon}"
        )
    for name, event in score.invented[:limit]:
        yield (f"invented  {name}: {event.date} {event.place} {event.target_type}/{event.weapon}")
    for answer, event in score.pairs:
        wrong = [
            label
            for label, ok in (
                ("place", place_ok(answer, event)),
                ("date", date_ok(answer, event)),
                ("target", answer.target_type == event.target_type),
                ("weapon", answer.weapon == event.weapon),
            )
            if not ok
        ]
        if wrong:
            yield (
                f"wrong {'+'.join(wrong):<12} {answer.article}: expected {answer.date} "
                f"{answer.place} {answer.target_type}/{answer.weapon}, got {event.date} "
                f"{event.place} {event.target_type}/{event.weapon}"
            )
