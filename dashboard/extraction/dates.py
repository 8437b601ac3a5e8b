"""Date expressions in strike reports, resolved against the article's publication date.

Explicit dates ("Nov. 6", "November 6, 2024", "6 November") win over relative ones
("Wednesday", "last weekend", "earlier in July", "In May", "last month"). Each match
records how precise it is: a weekday is a day, "In May" is a month, "last year" a year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice, pairwise

from ..model import FIRST_DAY, DatePrecision
from .cues import (
    BOUNDARY_BEFORE_DATE,
    REPORTING_BEFORE_DATE,
    STRIKE_CONTEXT,
    names_weapon,
)
from .lexicon import INTERCEPTION, PREVIOUS_STRIKE
from .scan import ends_before, leads, length_before, per_text, search_from
from .text import PAGE_STAMP_WORD, clause_span

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_NAME})"
_FULL_MONTH_NAME = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
_FULL_MONTH = rf"(?P<month>{_FULL_MONTH_NAME})"
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_COUNT = r"\d{1,2}|" + "|".join(_COUNTS)

# Order matters: the first pattern that matches a span claims it.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("days_ago", rf"\b(?P<n>{_COUNT})\s+days?\s+(?:ago|earlier)\b"),
        ("weeks_ago", rf"\b(?P<n>{_COUNT})\s+weeks?\s+(?:ago|earlier)\b"),
        (
            "day_before",
            r"\bthe\s+(?:day\s+before(?!\s+yesterday)|night\s+before|previous\s+(?:day|night)"
            r"|preceding\s+(?:day|night))\b",
        ),
        # "the night of March 1-2" (or "March 1 to 2") is dated by the morning it ends on, as
        # "1-2 March" is.
        (
            "month_day",
            rf"\b{_MONTH}\s+{_DAY}\b(?:(?:\s*[-–]\s*|\s+(?:to|into)\s+)(?P<night_end>[0-3]?\d)\b)?"
            rf"(?:,?\s+{_YEAR})?",
        ),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
        ("month_year", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
        (
            "month_of_year",
            r"\b(?:in\s+)?" + _FULL_MONTH + r"\s+(?:of\s+)?(?P<which>last|this)\s+year\b",
        ),
        # "overnight from Monday to Tuesday": the night is dated by the morning it ends on.
        (
            "night_into",
            r"\b(?:(?:overnight|(?:on\s+|in\s+)?the\s+night)\s+)?(?:from|between)\s+"
            rf"{_WEEKDAY_NAME}\s+(?:to|into|and)\s+{_WEEKDAY}\b",
        ),
        ("night_into", rf"\b(?:overnight|(?:in the )?night)\s+(?:into|to|on)\s+{_WEEKDAY}\b"),
        ("weekday_night", rf"\b{_WEEKDAY}\s+(?:night|evening|morning)\b"),
        ("relative_day", r"\b(?P<rel>yesterday|today|tonight|this morning|last night|overnight)\b"),
        ("weekend", r"\b(?P<which>last|this|past)\s+weekend\b"),
        ("last_weekday", rf"\b(?:last|past)\s+{_WEEKDAY}\b"),
        ("weekday", rf"\b{_WEEKDAY}(?:'s)?\b"),
        ("last_named_month", r"\blast\s+" + _FULL_MONTH + r"\b"),
        ("last_week", r"\b(?:last|past|previous)\s+week\b"),
        ("this_month", r"\b(?:earlier|later)?\s*this\s+month\b"),
        ("this_week", r"\b(?:earlier\s+)?this\s+week\b"),
        # "a drone attack recently caused fires", "on a recent evening": some day of late,
        # told as such; the month of publication is all a reader can say of it.
        (
            "recently",
            r"\b(?:recently|a\s+recent\s+(?:[\w-]+\s+)?(?:strike|attack|raid|evening|night|day))\b"
            # "most recently in February": the month named says when.
            rf"(?!,?\s+in\s+{_FULL_MONTH_NAME}\b)",
        ),
        ("last_month", r"\blast\s+month\b"),
        (
            "in_month",
            r"\b(?:(?:in|since|during|earlier in|late|early|mid|end of|start of)\s+|mid-)"
            rf"{_FULL_MONTH}\b(?!\s+\d)",
        ),
        ("season", r"\b(?P<which>last|this|past)\s+(?:summer|winter|spring|autumn|fall)(?:'s)?\b"),
        ("this_year", r"\b(?:earlier\s+)?this\s+year\b"),
        ("last_year", r"\blast\s+year(?:'s)?\b"),
        ("year", r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d\d)\b"),
    )
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text: the day it stands for (first day of a month or year)."""

    value: date
    precision: DatePrecision
    start: int
    end: int
    text: str
    explicit: bool
    #: Counted from another day ("two days after"), not named.
    counted: bool = False
    #: Counted back over a fire's length ("burning for ten days"): the strike that lit it.
    lasting: bool = False
    #: The morning a night ends on ("the night of 14-15 August"): the day before is the
    #: same night's too.
    night: bool = False
    #: The second of two days joined by "and" ("on May 3 and 4"): of which of several places
    #: each day is, the sentence does not say.
    joined: bool = False


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _COUNTS[word]


#: "N days after" counts back from a day; so does a fire "burning for N days". "Some N days"
#: and "less than a week" are rough counts, of which only the month survives.
_DAYS_AFTER = re.compile(
    rf"\b(?P<rough>(?:some|about|around|roughly|nearly|almost|(?:less|more)\s+than|over|under|"
    rf"within)\s+)?(?P<n>{_COUNT})\s+"
    rf"(?P<unit>days?|weeks?)\s+after\b"
    rf"|\b(?:burning|raging|blazing|on\s+fire)\s+for\s+(?P<lasted>{_COUNT})\s+days\b",
    re.IGNORECASE,
)


def _days_after(
    text: str, found: list[list[DateMention]], context: date | None = None
) -> list[DateMention]:
    """ "on Tuesday, a week after the attack": the attack's own date, seven days before.

    The anchor is a day named before the phrase in the sentence (of the last kind of date
    :func:`find_dates` looks for that names one there, the nearest), else ``context`` (the
    day the text is telling of). ``found`` holds the dates found, kind by kind, each kind in
    text order. Each mention sits where "N days after" stands, so the clause that follows
    it (the earlier strike) takes the earlier date.
    """
    days = [[m for m in kind if m.precision == "day"] for kind in found]
    ends = [[m.end for m in kind] for kind in days]
    shifted = []
    for match in _DAYS_AFTER.finditer(text):
        anchor = None
        for kind, kind_ends in zip(reversed(days), reversed(ends), strict=True):
            before = bisect_right(kind_ends, match.start())
            if before:
                anchor = kind[before - 1]
                break
        if anchor is not None:
            value, explicit = anchor.value, anchor.explicit
        elif context is not None:
            value, explicit = context, False
        else:
            continue
        if match.group("lasted"):
            count = _count(match.group("lasted"))
        else:
            count = _count(match.group("n")) * (
                7 if match.group("unit").lower().startswith("week") else 1
            )
        try:
            day = value - timedelta(days=count)
        except OverflowError:
            # Before the first day of year 1: no date to give.
            continue
        precision: DatePrecision = "day"
        if match.group("rough"):
            day, precision = day.replace(day=1), "month"
        shifted.append(
            DateMention(
                day,
                precision,
                match.start(),
                match.end(),
                match.group(0),
                explicit,
                counted=True,
                lasting=match.group("lasted") is not None,
            )
        )
    return shifted


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or _MONTH_ABBREVIATIONS[key]


def _year_for_month(month: int, published: date) -> int:
    """The year of a month named without one: the latest not after publication."""
    return published.year if month <= published.month else published.year - 1


def _weekday_on_or_before(weekday: str, published: date) -> date:
    """A bare weekday in a report means the latest such day on or before publication."""
    back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    return published - timedelta(days=back)


#: A day and month named without a year, at most this far after publication, is a day to
#: come (a parade, the end of drills), not that day of the year before.
_UPCOMING = timedelta(days=21)


class _Upcoming(Exception):
    """A date still to come when the report was published: no strike's date."""


#: "In 2024, the refinery was hit on 3 February and 11 May": a sentence that opens on a year
#: tells of that year ("built in 1966" in its middle does not).
_STATED_YEAR = re.compile(
    r"\W*(?:earlier\s+|later\s+|back\s+)?in\s+(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)", re.IGNORECASE
)


def _stated_year(text: str, published: date) -> int | None:
    """The earlier year ``text`` opens on, if it does."""
    match = _STATED_YEAR.match(text)
    if match and (year := int(match.group("year"))) < published.year:
        return year
    return None


def _resolve(
    kind: str, match: re.Match[str], published: date, stated_year: int | None = None
) -> tuple[date, DatePrecision]:
    groups = match.groupdict()
    if kind == "iso":
        return date(int(groups["year"]), int(groups["month"]), int(groups["day"])), "day"
    if kind in ("month_day", "day_month"):
        month, day = _month_number(groups["month"]), int(groups["day"])
        if groups.get("night_end") and int(groups["night_end"]) == day + 1:
            day += 1
        if groups.get("year"):
            return date(int(groups["year"]), month, day), "day"
        if stated_year is not None:
            return date(stated_year, month, day), "day"
        found = date(_year_for_month(month, published), month, day)
        if found > published + timedelta(days=1):
            if found - published <= _UPCOMING:
                # "ahead of the May 9 parade" in a report of May 3: a day to come, not
                # the same day of last year.
                raise _Upcoming
            found = date(found.year - 1, month, day)
        return found, "day"
    if kind == "month_year":
        return date(int(groups["year"]), _month_number(groups["month"]), 1), "month"
    if kind == "month_of_year":
        year = published.year - (1 if groups["which"].lower() == "last" else 0)
        return date(year, _month_number(groups["month"]), 1), "month"
    if kind == "relative_day":
        back = 1 if groups["rel"].lower() == "yesterday" else 0
        return published - timedelta(days=back), "day"
    if kind == "weekend":
        # A weekend is named by its Sunday: the report's "last weekend" ends the week before.
        sunday = _weekday_on_or_before("sunday", published)
        if groups["which"].lower() in ("last", "past") and sunday == published:
            sunday -= timedelta(days=7)
        return sunday, "day"
    if kind == "last_weekday":
        weekday = _weekday_on_or_before(groups["weekday"], published)
        return (weekday - timedelta(days=7) if weekday == published else weekday), "day"
    if kind in ("weekday", "night_into", "weekday_night"):
        return _weekday_on_or_before(groups["weekday"], published), "day"
    if kind == "days_ago":
        return published - timedelta(days=_count(groups["n"])), "day"
    if kind == "day_before":
        return published - timedelta(days=1), "day"
    if kind == "last_named_month":
        month = _month_number(groups["month"])
        year = published.year if month < published.month else published.year - 1
        return date(year, month, 1), "month"
    if kind == "last_week":
        # No precision is a week: the month the week before publication mostly lies in.
        return (published - timedelta(days=7)).replace(day=1), "month"
    if kind == "weeks_ago":
        # "two weeks ago" is as loose as "last week": the month it falls in.
        return (published - timedelta(weeks=_count(groups["n"]))).replace(day=1), "month"
    if kind in ("this_month", "this_week", "recently"):
        return published.replace(day=1), "month"
    if kind == "last_month":
        return (published.replace(day=1) - timedelta(days=1)).replace(day=1), "month"
    if kind == "in_month":
        month = _month_number(groups["month"])
        return date(stated_year or _year_for_month(month, published), month, 1), "month"
    if kind == "season":
        # A season is dated to its year: "last summer" is the year before publication.
        back = 0 if groups["which"].lower() == "this" else 1
        return date(published.year - back, 1, 1), "year"
    if kind == "this_year":
        return date(published.year, 1, 1), "year"
    if kind == "last_year":
        return date(published.year - 1, 1, 1), "year"
    if kind == "year":
        return date(int(groups["year"]), 1, 1), "year"
    raise AssertionError(kind)


_EXPLICIT = {"iso", "month_day", "day_month", "month_year", "year"}


#: The first day of a night told by both its days, before the second: "14-" of "14-15 August".
_NIGHT_START_BEFORE = re.compile(r"\b(?P<first>[0-3]?\d)\s*[-–]\s*$")


def _is_night(kind: str, match: re.Match[str]) -> bool:
    """Whether a day named is the morning a night ends on: "the night of August 14-15", "the
    night of 14-15 August", "overnight into Sunday"."""
    if kind == "month_day":
        night_end = match.group("night_end")
        return night_end is not None and int(night_end) == int(match.group("day")) + 1
    if kind == "day_month":
        first = _NIGHT_START_BEFORE.search(match.string, max(0, match.start() - 8), match.start())
        return first is not None and int(first.group("first")) + 1 == int(match.group("day"))
    return kind == "night_into"


def find_dates(text: str, published: date, context: date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``, in text order.

    Overlapping matches keep the first pattern's (the more explicit one's).
    Impossible dates ("February 30", "yesterday" of 1 January of year 1) are skipped.
    ``context``, the day the surrounding text tells of, anchors "two days after" when the
    sentence names no day before it.
    """
    # The spans taken so far, in text order; they do not overlap, so their ends are in order
    # too and only the last to begin before a match ends can overlap it.
    taken: list[tuple[int, int]] = []
    upcoming: list[tuple[int, int]] = []
    found: list[list[DateMention]] = []
    stated_year = _stated_year(text, published)
    for kind, pattern in _PATTERNS:
        starts = [t_start for t_start, _ in taken]
        of_kind: list[DateMention] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            before_end = bisect_left(starts, end)
            if before_end and start < taken[before_end - 1][1]:
                continue
            if (
                kind == "in_month"
                and match.group("month").lower() == "may"
                and _may_is_verb(text, end)
            ):
                continue
            try:
                value, precision = _resolve(kind, match, published, stated_year)
            except (ValueError, OverflowError):
                # No such day ("February 30"), or none before year 1 or after 9999.
                continue
            except _Upcoming:
                # Its words are no other date either ("May" of "May 9" no month).
                upcoming.append((start, end))
                continue
            of_kind.append(
                DateMention(
                    value,
                    precision,
                    start,
                    end,
                    match.group(0),
                    kind in _EXPLICIT,
                    night=_is_night(kind, match),
                )
            )
        found.append(of_kind)
        taken = sorted(taken + [(m.start, m.end) for m in of_kind] + upcoming)
        upcoming = []
    every = [_counted_over(text, m, context) for of_kind in found for m in of_kind]
    every += _joined_dates(text, every, published)
    return sorted(every + _days_after(text, found, context), key=lambda mention: mention.start)


#: A second month joined to one named: "in March and April", "in December or February".
_JOINED_MONTH_AFTER = re.compile(rf"\s+(?:and|or)\s+{_FULL_MONTH}\b(?!\s+\d)", re.IGNORECASE)
#: More days joined to a month's day: "on May 3 and 4", "on April 1, 3 and 26", "attacks on
#: December 4 and 12 targeted"; not "May 3 and 4 drones", nor "April 1, 3 people".
_JOINED_DAY_AFTER = re.compile(
    r"(?P<more>(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)*),?\s+and\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?=\s*(?:[,.;:)!?]|$|\s+(?:(?:19|20)\d\d|in|at|on|when|as|after|before|respectively"
    r"|[a-z]+ed)\b))",
    re.IGNORECASE,
)
#: A day's number in a list after a month's day ("3" of "April 1, 3 and 26").
_DAY_NUMBER = re.compile(r"[0-3]?\d")
#: A first day joined to a day and month: "3 and" of "on 3 and 4 May".
_JOINED_DAY_BEFORE = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+and\s+$")
#: Words before two dates that make them one stretch or one night, not two days:
#: "between March and August", "the night of 3 and 4 May".
_ONE_STRETCH_BEFORE = re.compile(r"\b(?:between|from|night\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _joined_dates(text: str, found: list[DateMention], published: date) -> list[DateMention]:
    """The second of two days or months joined by "and" that share one word for the month
    ("in March and April", "on May 3 and 4", "on 3 and 4 May"): each is a day of its own."""
    joined = []
    for mention in found:
        if mention.precision == "month" and not mention.explicit:
            after = _JOINED_MONTH_AFTER.match(text, mention.end)
            if after is None or _ONE_STRETCH_BEFORE.search(text, 0, mention.start):
                continue
            month = _month_number(after.group("month"))
            year = mention.value.year + (month < mention.value.month)
            if date(year, month, 1) > published:
                continue
            joined.append(
                DateMention(
                    date(year, month, 1),
                    "month",
                    after.start("month"),
                    after.end(),
                    after.group("month"),
                    False,
                    joined=True,
                )
            )
        elif mention.precision == "day" and mention.explicit and not mention.night:
            after = _JOINED_DAY_AFTER.match(text, mention.end)
            before = _JOINED_DAY_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            other = after or before
            if other is None:
                continue
            first = mention.start if after else other.start()
            if _ONE_STRETCH_BEFORE.search(text, max(0, first - 20), first):
                continue
            listed = _DAY_NUMBER.finditer(text, *after.span("more")) if after else iter(())
            numbers = [*(m.span() for m in listed), other.span("day")]
            days: list[DateMention] = []
            for start, end in numbers:
                try:
                    day = mention.value.replace(day=int(text[start:end]))
                except ValueError:
                    break
                if (after and day <= (days[-1].value if days else mention.value)) or (
                    before and day >= mention.value
                ):
                    break
                days.append(DateMention(day, "day", start, end, text[start:end], True, joined=True))
            else:
                joined.extend(days)
    return joined


#: "the second time in February it has been hit", "for the third time this month": the
#: stretch over which strikes are counted, not the day of the one told.
_TIMES_COUNTED = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
    r"|last|another)\s+time\s+$",
    re.IGNORECASE,
)


def _counted_over(text: str, mention: DateMention, context: date | None) -> DateMention:
    """A month over which strikes are counted ("the second time in February") dates the
    strike told to the day the text tells of, when that day lies in it."""
    if (
        mention.precision == "month"
        and context is not None
        and context.replace(day=1) == mention.value
        and ends_before(_TIMES_COUNTED, text, mention.start)
    ):
        return replace(mention, value=context, precision="day")
    return mention


def _may_is_verb(text: str, end: int) -> bool:
    """ "in May" is a month, but "... may be" after "in" is rare; check what follows."""
    following = text[end : end + 12].lower()
    return bool(re.match(r"\s+(be|have|not|also|well|soon)\b", following))


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The mention that dates an event: an explicit date wins, then the most precise."""
    if not mentions:
        return None
    rank = {"day": 0, "month": 1, "year": 2}
    return min(mentions, key=lambda m: (not m.explicit, rank[m.precision], m.start))


_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b", re.I)

_CLAUSE_STOP = re.compile(r"[;:()]|\s[-–—]{1,2}\s")


#: Words that date by the day of publication unless something better says which day.
VAGUE_DAYS = frozenset({"overnight", "last night", "tonight", "this morning", "today"})


def event_dates(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """Of the dates ``found`` in a sentence, those that date a strike in it, not its
    background.

    A date of reporting ("officials said on Thursday that ...") dates the strike only when the
    sentence has no other: news reports the day's strikes.
    """
    kept: list[DateMention] = []
    reporting: list[DateMention] = []
    # Dates that date nothing in their own clause.
    unclaimed: list[DateMention] = []
    # Whether a clause only lists dates, read once per clause: a clause may hold many.
    clause_of_dates: dict[tuple[int, int], bool] = {}
    found_starts = [m.start for m in found]

    def only_dates(left: int, right: int) -> bool:
        if (left, right) not in clause_of_dates:
            clause_of_dates[left, right] = _only_dates(sentence, left, right, found, found_starts)
        return clause_of_dates[left, right]

    for mention in found:
        if (
            bounds_time(sentence, mention)
            or _picture_taken(sentence, mention)
            or _war_began(sentence, mention)
        ):
            continue
        if (
            ends_before(REPORTING_BEFORE_DATE, sentence, mention.start)
            or page_stamp(sentence, mention)
            or (leads(sentence, mention.start) and _SPEAKER_TELLS.match(sentence, mention.end))
        ):
            # "The UN said in August, following a drone strike on Moscow": the month it
            # was told is the nearest the sentence comes to the strike's.
            if mention.precision in ("day", "month"):
                reporting.append(mention)
            continue
        left, right = date_span(sentence, mention)
        if mention.lasting:
            # A fire's length dates the strike that lit it, told anywhere in the sentence.
            left = 0
        elif mention.counted:
            # "two days after X": X is what the counted day dates, not the clause's own news.
            left = mention.end
        # "Early Wednesday, Nov. 6, drones hit": a clause that is only a date dates the
        # sentence; "completed in 2018" is background.
        short = mention.precision != "year" and (
            _at_most_words(sentence, left, right, 5)
            or _only_time(sentence, left, right, mention.text)
            or only_dates(left, right)
        )
        if (
            leads(sentence, mention.start)
            or short
            or search_from(STRIKE_CONTEXT, sentence, left, right)
            or ends_before(_OF_AN_ATTACK, sentence, mention.start) is not None
            or names_weapon(sentence, left, right)
            or _closes_strike(sentence, mention, left)
        ):
            kept.append(mention)
        else:
            unclaimed.append(mention)
    if not kept and not reporting and len(unclaimed) == 1:
        # "On May 13, as the region marked a holiday, drones hit the substation": the only
        # date of a sentence, set off before the strike it tells, dates that strike.
        kept = [m for m in unclaimed if _dates_what_follows(sentence, m)] or [
            # "forced to halt earlier this year after drone attacks", "after a previous fire
            # in January": a month or year the sentence tells is not the day it was told.
            m
            for m in unclaimed
            if m.precision in ("month", "year")
            and (PREVIOUS_STRIKE.search(sentence) or _AFTER_STRIKES.search(sentence))
        ]
    # "this week" names some day before the report: less than the day a report was told.
    firm = [m for m in kept if not _THIS_WEEK.search(m.text)]
    # "date 2024-02-04 The governor said on Sunday that ...": the day the news was told is
    # nearer the strike than the day the page went out.
    told = sorted(reporting, key=lambda m: page_stamp(sentence, m))[:1]
    if reporting and not any(m.precision in ("day", "month") for m in firm):
        kept = told
    elif reporting and all(m.text.lower() in VAGUE_DAYS for m in firm):
        # "in an overnight operation, a source said yesterday": the night before the day
        # it was told, not the day of publication.
        kept = told
    else:
        # "Russia said on Monday that drones attacked two bases, and on Tuesday ...": a
        # reporting date still dates the strike its own clause tells of.
        # Where the kept dates stand, and the reporting dates kept here (in text order too).
        starts: tuple[list[int], list[int]] = ([k.start for k in kept], [])
        for mention in reporting:
            left, right = clause_span(sentence, mention.start, mention.end)
            alone = all(bisect_left(s, left) == bisect_left(s, right) for s in starts)
            if alone and search_from(STRIKE_CONTEXT, sentence, mention.end, right):
                kept.append(mention)
                starts[1].append(mention.start)
        kept.sort(key=lambda m: m.start)
    explicit_days = [m for m in kept if m.explicit and m.precision == "day"]
    if explicit_days:
        kept = explicit_days
    kept = [_month_of(m) if _day_seen(sentence, m) else m for m in kept]
    unique: dict[tuple[date, str], DateMention] = {}
    for mention in kept:
        unique.setdefault((mention.value, mention.precision), mention)
    return list(unique.values())


_THIS_WEEK = re.compile(r"\bweek\b", re.IGNORECASE)

#: A date told first, of the telling: "On Saturday, the Russian ministry said the missiles
#: had hit a plant on Friday" (a speaker of a few words, then a verb of telling).
_SPEAKER_TELLS = re.compile(
    r"\s*,?\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,6}?(?:said|says|told|reported|announced|wrote|"
    r"stated|claimed)\b",
    re.IGNORECASE,
)

#: What a month or year was after: "halted earlier this year after drone attacks".
_AFTER_STRIKES = re.compile(r"\bafter\s+(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?)\b", re.I)

#: A clause that starts a stretch of time: "since the offensive began in June".
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


def _dates_what_follows(sentence: str, mention: DateMention) -> bool:
    """Whether a date is told before a strike later in its sentence, not as the start of a
    stretch of time ("since ... in June") nor before drones only shot down (a tally, which
    names no strike). A year says too little of when to date one."""
    left, _ = clause_span(sentence, mention.start, mention.end)
    return (
        mention.precision != "year"
        and search_from(_SINCE, sentence, left, mention.start) is None
        and search_from(STRIKE_CONTEXT, sentence, mention.end, len(sentence)) is not None
        and INTERCEPTION.search(sentence) is None
    )


#: "The previous attack, carried out on Feb. 17, ...", "the strike on the depot, which took
#: place the day before": a clause set off after an attack that tells when it happened.
_OF_AN_ATTACK = re.compile(
    r"\b(?:attacks?|strikes?|raids?)(?:\s+(?:on|against|at|in)\s+[^,;:]{1,60}?)?,\s+"
    r"(?:which\s+(?:was\s+|were\s+)?)?(?:took\s+place|happened|occurred|carried\s+out"
    r"|launched|conducted)\b[^,;:]{0,40}$",
    re.IGNORECASE,
)

#: Nothing but the sentence's closing marks.
_SENTENCE_TAIL = re.compile(
    # What the strike did may close the sentence after its day: ", leaving 5,000 without
    # power", ", killing two".
    r"(?:,\s+(?:leaving|killing|injuring|wounding|causing|sparking|setting|damaging|cutting|"
    r"destroying|forcing)\b[^.;]*)?[\s.!?\"”’')\]]*"
)
#: A side clause: "since the war began on February 24" dates no strike of the sentence.
_SIDE_CLAUSE = re.compile(r"\W*(?:since|after|before|who|which|whereas)\b", re.IGNORECASE)


def _closes_strike(sentence: str, mention: DateMention, left: int) -> bool:
    """ "Drones destroyed a depot in X, as well as a ferry in Y on Sept. 10.": a named day
    that ends a sentence telling of a strike dates its main verb, however many commas
    stand between them (``left``: where the day's own clause begins)."""
    return (
        mention.explicit
        and mention.precision == "day"
        and _SENTENCE_TAIL.fullmatch(sentence, mention.end) is not None
        and _SIDE_CLAUSE.match(sentence, left) is None
        and (
            search_from(STRIKE_CONTEXT, sentence, 0, len(sentence)) is not None
            or names_weapon(sentence, 0, len(sentence))
        )
    )


#: "On Sept. 29, sources confirmed that a drone struck ...", "On September 22, satellite
#: images revealed the damage": the day something done before was confirmed or seen. (Not
#: "the General Staff confirmed the hit on X", its daily tally of the day's strikes.)
_SEEN_AFTER_DATE = re.compile(
    r",?\s+(?:[\w'’().-]+\s+){0,8}?(?:"
    r"(?:confirmed|revealed|showed|verified)\s+that"
    r"|(?:images|imagery|photos|footage)\s+(?:confirmed|revealed|showed|verified))\b",
    re.IGNORECASE,
)


def _day_seen(sentence: str, mention: DateMention) -> bool:
    """Whether a day leads a clause that tells only when a strike was confirmed or seen."""
    return (
        mention.precision == "day"
        and leads(sentence, mention.start)
        and _SEEN_AFTER_DATE.match(sentence, mention.end) is not None
    )


#: A picture's caption: "A satellite image shows ...", "Screen capture from video ...".
_CAPTION = re.compile(
    r"\s*(?:(?:this|a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:photos?|images?|pictures?|screen\s*(?:shots?|captures?|grabs?)|video\s+grabs?|stills?)"
    r"\b",
    re.IGNORECASE,
)
#: The day a picture was taken: "captured on May 17", "in this image taken on December 16".
_TAKEN_BEFORE = re.compile(r"\b(?:captured|taken|photographed|filmed)\s+(?:on\s+)?$", re.IGNORECASE)


def _picture_taken(sentence: str, mention: DateMention) -> bool:
    """Whether a date tells when a picture was taken ("captured on May 17"), or closes a
    caption ("Screen capture from video showing the bridge ..., July 27, 2022."): the day of
    the picture, not of a strike, which it may show from before or after."""
    if ends_before(_TAKEN_BEFORE, sentence, mention.start) is not None:
        return True
    return (
        _CAPTION.match(sentence) is not None
        and _SENTENCE_TAIL.fullmatch(sentence, mention.end) is not None
        and sentence[: mention.start].rstrip().endswith(",")
    )


#: "in early August", "mid-November 2025", "at the end of May": a part of a month, and the
#: days it spans (a rough third each).
_MONTH_PART = re.compile(
    r"\b(?P<part>early|mid|late|(?:beginning|start|middle|end)(?=\s+of\b))(?:\s+of)?[\s-]+"
    + _FULL_MONTH,
    re.IGNORECASE,
)
_PART_DAYS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
              "middle": (11, 20), "late": (21, 31), "end": (21, 31)}  # fmt: skip


def outside_part_told(quote: str, month: date, day: date) -> bool:
    """Whether ``quote`` tells ``month`` by a part of it ("in early August") that ``day``,
    a day of that month, lies outside: the month told is of another strike than the day's
    ("in mid-November" beside "November 25")."""
    for match in _MONTH_PART.finditer(quote):
        if MONTHS[match["month"].lower()] != month.month:
            continue
        first, last = _PART_DAYS[match["part"].lower()]
        return not first <= day.day <= last
    return False


#: A week told as gone by: "last week", "two weeks ago" (not "the past week", which runs to
#: the day of writing).
_WEEKS_BACK = re.compile(
    rf"\b(?:(?:last|previous)\s+week|(?:{_COUNT})\s+weeks?\s+(?:ago|earlier))\b", re.IGNORECASE
)


def outside_weeks_told(quote: str, published: date, day: date) -> bool:
    """Whether ``quote`` tells its strike as a week or more gone by ("last week, drones also
    attacked a refinery in Ufa") and ``day`` is the day of writing or the one before: the
    week told is of another strike than the night's."""
    return _WEEKS_BACK.search(quote) is not None and day >= published - timedelta(days=1)


def _month_of(mention: DateMention) -> DateMention:
    """A day that only bounds a strike from after: the strike is known only by its month."""
    return replace(mention, value=mention.value.replace(day=1), precision="month")


_WORDS = re.compile(r"\w+")


def _at_most_words(text: str, start: int, end: int, count: int) -> bool:
    return next(islice(_WORDS.finditer(text, start, end), count, None), None) is None


#: Words that only place a date in its day: "on the night of 12-13 August", "late on Monday".
#: (A digit at a time, not a run of them: a run could be split in as many ways as it has
#: digits before a word that is no time word ends the reading.)
_TIME_WORDS = re.compile(
    r"(?:\b(?:in|on|at|of|the|night|nights|evening|morning|afternoon|early|late|overnight|"
    r"particular|hours?|around|about|between|and)\b|\d|[\W_])*",
    re.IGNORECASE,
)
_WORD_CHARS = re.compile(r"\w*")


def _only_time(sentence: str, left: int, right: int, date_text: str) -> bool:
    """Whether what is left of the clause ``left:right`` once its date (``date_text``,
    wherever it stands) is taken out only sets the time.

    Each piece of the clause between two words reads alone, so the first word of the clause
    that is no time word (:func:`_first_other_word`) stays one unless the date's text
    touches it; only then is the clause read whole.
    """
    other = _first_other_word(sentence, left, right)
    if other is not None:
        # The date's text wherever it begins close enough to touch the word or its edges.
        start, end = max(left, other[0] - 1), min(right, other[1] + 1)
        near = sentence.find(
            date_text,
            max(left, start - len(date_text) + 1),
            min(right, end + len(date_text) - 1),
        )
        if near == -1:
            return False
    return _only_time_without(sentence, left, right, date_text)


# The dates of one clause each ask of it.
@per_text(maxsize=64)
def _first_other_word(sentence: str, left: int, right: int) -> tuple[int, int] | None:
    """Where the clause ``left:right`` has its first run of letters and digits that is no
    time word; ``None`` when it has none, or when its first word runs on from before the
    clause (the clause alone reads that word otherwise)."""
    stop = _TIME_WORDS.match(sentence, left, right)
    reached = stop.end() if stop else left
    if reached == right:
        return None
    # Digits before it belong to the word: "12th".
    start = reached - length_before(_WORD_CHARS, sentence, reached, left)
    if start == left and left > 0 and _WORD_CHARS.fullmatch(sentence, left - 1, left + 1):
        return None
    end = _WORD_CHARS.match(sentence, reached, right)
    return start, end.end() if end else reached


@per_text(maxsize=64)
def _only_time_without(sentence: str, left: int, right: int, date_text: str) -> bool:
    return _TIME_WORDS.fullmatch(sentence[left:right].replace(date_text, " ")) is not None


def _only_dates(
    sentence: str, left: int, right: int, found: list[DateMention], starts: list[int]
) -> bool:
    """Whether the clause ``left:right`` is a list of dates ("on 3 February and 11 May").
    ``found`` is in text order, ``starts`` its starts."""
    inside = [
        m for m in found[bisect_left(starts, left) : bisect_left(starts, right)] if m.end <= right
    ]
    if len(inside) < 2:
        return False
    pieces = [sentence[left : inside[0].start]]
    pieces += [sentence[a.end : b.start] for a, b in pairwise(inside)]
    pieces.append(sentence[inside[-1].end : right])
    return _TIME_WORDS.fullmatch(" ".join(pieces)) is not None


#: The stamp a stored page opens on ("date 2024-05-17 Drones hit ..."): the day the page was
#: published, which dates a strike only as a report of it does.
_PAGE_STAMP = re.compile(rf"{PAGE_STAMP_WORD}$", re.IGNORECASE)


#: A dateline: "March 2, 2022: yesterday a missile ...", "Kyiv [Ukraine], August 4: the
#: military said ...": the day the report was filed, with its year or its place before it.
#: (Not a list's "- 13 May: an attack on ...", which dates its item.)
_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w .'-]*\[[\w .'-]+\],\s*")
_DATELINE_END = re.compile(r"\s*:")
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")


def _opens_a_stored_page(sentence: str, mention: DateMention) -> bool:
    return _PAGE_STAMP.fullmatch(sentence, 0, mention.start) is not None


def stale_page_stamp(sentence: str, mention: DateMention, published: date | None) -> bool:
    """Whether ``mention`` is a stored page's stamp that gives another day than the known
    day of publication: the day the page was stored or updated, which dates nothing."""
    return (
        published is not None
        and mention.value != published
        and _opens_a_stored_page(sentence, mention)
    )


def page_stamp(sentence: str, mention: DateMention) -> bool:
    """Whether ``mention`` is the publication stamp that opens a stored page, or the
    dateline a report opens on."""
    if _opens_a_stored_page(sentence, mention):
        return True
    return (
        mention.precision == "day"
        and _DATELINE_END.match(sentence, mention.end) is not None
        and (
            _DATELINE_PLACE.fullmatch(sentence, 0, mention.start) is not None
            or (_YEAR_IN.search(mention.text) is not None and not sentence[: mention.start].strip())
        )
    )


#: "under Russian control since Feb. 27", "has occupied the city since May 2022": the day
#: an occupation began, with the "since" before the date or the first word of it.
_HELD = r"\b(?:occupied|occupation|occupies|control|controlled|annexed|seized|captured)\b"
_HELD_SINCE = re.compile(_HELD + r"[^,;:.]{0,40}?\bsince\s+$", re.IGNORECASE)
_HELD_BEFORE = re.compile(_HELD + r"[^,;:.]{0,40}?\s$", re.IGNORECASE)


#: The war itself, in a sentence that dates its start: "On February 24, 2022 Russia launched a
#: special military operation", "since the beginning of the attack on Ukraine on February 24".
_WAR_NAMED = re.compile(
    r"\b(?:invasion|invaded|invade|special military operation|full-scale war|"
    r"(?:war|attack|offensive)\s+(?:on|against)\s+Ukraine|war\s+(?:began|started|broke out))\b",
    re.IGNORECASE,
)


def _war_began(sentence: str, mention: DateMention) -> bool:
    """Whether a date is the war's first day told as such ("On February 24, 2022 Russia
    launched a special military operation"): the war's background, no strike's day. (The
    month is not: "in February 2022, in the first days of the invasion, missiles struck
    the airfield" dates a strike.)"""
    return (mention.value, mention.precision) == (FIRST_DAY, "day") and _WAR_NAMED.search(
        sentence
    ) is not None


def bounds_time(sentence: str, mention: DateMention) -> bool:
    """ "until Monday": the date ends a stretch of time, it does not date a strike; nor
    does the day since which a place has been held, which began it."""
    if ends_before(BOUNDARY_BEFORE_DATE, sentence, mention.start) is not None:
        return True
    if mention.text[:6].lower() == "since ":
        return ends_before(_HELD_BEFORE, sentence, mention.start) is not None
    return ends_before(_HELD_SINCE, sentence, mention.start) is not None


def date_span(text: str, mention: DateMention) -> tuple[int, int]:
    """Where a date's own clause runs; "in November, when drones hit X" runs on into the
    "when" clause that tells what happened then."""
    left, right = clause_span(text, mention.start, mention.end)
    when = _WHEN_CLAUSE.match(text, mention.end)
    if when:
        # commas inside a when-clause list what happened ("when drones hit X, Y and Z")
        stop = search_from(_CLAUSE_STOP, text, when.end(), len(text))
        right = stop.start() if stop else len(text)
    return left, right
