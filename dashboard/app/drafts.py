"""Articles added in the app: the draft of found strikes, corrections, and saving.

No widgets here: the page module is run anew on every rerun, and classes defined there
would not be the same classes on the next run, so what the session keeps lives here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.app.common import label, when_text
from dashboard.articles import Article, article_from_text, read_article
from dashboard.corrections import remeasured, with_place
from dashboard.errors import InputError
from dashboard.geo.gazetteer import Place
from dashboard.model import Event
from dashboard.palette import outcome_label
from dashboard.store import LoadReport, open_store


@dataclass(frozen=True)
class Draft:
    """An article and the strikes found in it, not yet stored."""

    article: Article
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Saved:
    """What saving did, kept for the run after the save."""

    report: LoadReport
    rows: pd.DataFrame


@dataclass(frozen=True)
class Meta:
    """What the user says about the article."""

    published: date | None
    outlet: str | None
    url: str | None
    title: str | None
    allow_any_date: bool = False


def read_upload(name: str, content: bytes, meta: Meta) -> Article:
    """An uploaded text or saved web page as an article; errors name the uploaded file."""
    # read_article checks the encoding and pulls the main text out of a saved web page;
    # it reads files, so the upload goes through a private temporary folder.
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            article = read_article(
                path,
                published=meta.published,
                outlet=meta.outlet,
                url=meta.url,
                title=meta.title,
                allow_any_date=meta.allow_any_date,
            )
        except InputError as error:
            raise type(error)(str(error).replace(str(path), name)) from None
    return replace(article, path=f"upload:{name}")


def article_from(text: str, upload: tuple[str, bytes] | None, meta: Meta) -> Article:
    """The article to read: the uploaded file when there is one, else the pasted text.

    Its metadata is checked field by field, and it must have a publication date (a saved
    web page may carry its own): relative dates resolve against it, so none is guessed.
    """
    if upload is not None:
        article = read_upload(*upload, meta)
    else:
        article = article_from_text(
            text,
            published=meta.published,
            outlet=meta.outlet,
            url=meta.url,
            title=meta.title,
            allow_any_date=meta.allow_any_date,
        )
    if article.published is None:
        raise InputError(
            f"{upload[0] if upload else 'the article'}: no publication date; fill in Published "
            "(dates such as 'Wednesday' are counted from it)"
        )
    return article


def place_text(place: Place) -> str:
    """A gazetteer place as the place picker lists it: name, region, country and kind."""
    where = ", ".join(part for part in (place.admin1, place.country) if part)
    occupied = ", occupied" if place.occupied else ""
    return f"{place.name} ({where}; {place.kind}{occupied})"


def corrected(event: Event, day: date, place: Place | None, target_type: str, weapon: str) -> Event:
    """The event with the user's corrections, re-measured when its date or place changed."""
    fixed = event
    if day != event.date:
        fixed = fixed.with_changes(date=day, date_precision="day")
    if place is not None:
        fixed = with_place(fixed, place)
    if target_type != event.target_type or weapon != event.weapon:
        fixed = fixed.with_changes(target_type=target_type, weapon=weapon)
    if fixed == event:
        return event
    if day != event.date or place is not None:
        fixed = remeasured(fixed)
    # A new id from the corrected date, place and target, as the loader would give it.
    return fixed.with_changes(id="")


def kept_by_default(event: Event) -> bool:
    """Whether the review ticks Keep for a found event: only when the article says it hit."""
    return event.outcome == "hit"


def claims_by_side(event: Event) -> list[tuple[str, str]]:
    """("Attacker", sentence) and ("Defender", sentence) for the claims of each side.

    The side is who speaks in the sentence (see :func:`dashboard.extraction.claims.speakers`).
    """
    return [
        (who, claim)
        for who, claim in (("Attacker", event.attacker_claim), ("Defender", event.defender_claim))
        if claim
    ]


def summary(event: Event) -> str:
    """One line about a found strike: when, where, what, with what, how far from the front,
    and what the article says came of it."""
    when = when_text(event.date, event.date_precision)
    where = event.place or "no place found"
    if event.admin1 and event.admin1 != event.place:
        where += f", {event.admin1}"
    if event.country:
        where += f", {event.country}"
    distance = (
        f"{event.distance_to_front_km:,.0f} km from the front line"
        if event.distance_to_front_km is not None
        else "not on the map"
    )
    return (
        f"{when} · {where} · {label(event.target_type)}"
        f"{' (' + event.target + ')' if event.target else ''} · {label(event.weapon)} · "
        f"{distance} · {outcome_label(event.outcome)}"
    )


def save_draft(draft: Draft, events: list[Event], store: str | Path | None = None) -> Saved:
    """Store the article with the kept strikes; each merges into a stored report of it.

    ``store`` is a SQLite file or a PostgreSQL address, by default the settings' store.
    """
    with open_store(store) as opened:
        report = opened.save_article(draft.article, events)
        stored = [
            (status, opened.get(event_id))
            for status, ids in (("added", report.added), ("merged", report.merged))
            for event_id in ids
        ]
    rows = pd.DataFrame(
        [
            {
                "what": "new strike" if status == "added" else "merged as a new source",
                "date": event.date,
                "place": event.place,
                "target type": label(event.target_type),
                "sources": len(event.sources),
                "id": event.id,
            }
            for status, event in stored
            if event is not None
        ]
    )
    return Saved(report, rows)
