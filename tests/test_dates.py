"""Date resolution: relative expressions against the publication date; explicit dates win."""

from datetime import date

import pytest

from dashboard.errors import DateError
from dashboard.extraction.dates import best_date, event_dates, find_dates
from dashboard.model import parse_iso_date, period_end, same_period

WEDNESDAY = date(2024, 11, 6)
SATURDAY = date(2023, 8, 5)


def resolved(text: str, published: date) -> list[tuple[str, str]]:
    return [(m.value.isoformat(), m.precision) for m in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The Wednesday attack hit the port.", WEDNESDAY, ("2024-11-06", "day")),
        ("On Tuesday, a drone struck the tower.", SATURDAY, ("2023-08-01", "day")),
        ("Friday saw the most dramatic strike yet.", SATURDAY, ("2023-08-04", "day")),
        ("It was hit on Sunday.", SATURDAY, ("2023-07-30", "day")),
        ("Last weekend's incidents saw buildings targeted.", SATURDAY, ("2023-07-30", "day")),
        ("attacks reported earlier in July", SATURDAY, ("2023-07-01", "month")),
        ("In May, a drone exploded above the Kremlin.", SATURDAY, ("2023-05-01", "month")),
        ("in December the depot burned", SATURDAY, ("2022-12-01", "month")),
        ("a strike last month", WEDNESDAY, ("2024-10-01", "month")),
        ("Last week, drones hit oil terminals", date(2023, 5, 5), ("2023-04-01", "month")),
        ("the depot burned last week", WEDNESDAY, ("2024-10-01", "month")),
        # "two weeks ago" is as loose as "last week": the month it falls in.
        ("A week ago, drones hit the refinery", date(2025, 8, 10), ("2025-08-01", "month")),
        ("struck about two weeks ago", date(2024, 2, 10), ("2024-01-01", "month")),
        ("earlier this month", WEDNESDAY, ("2024-11-01", "month")),
        ("a drone attack recently caused fires", WEDNESDAY, ("2024-11-01", "month")),
        ("on a recent evening, drones attacked", WEDNESDAY, ("2024-11-01", "month")),
        ("drones hit it yesterday", WEDNESDAY, ("2024-11-05", "day")),
        ("Early Wednesday, Nov. 6, drones hit", date(2024, 11, 7), ("2024-11-06", "day")),
        ("on November 6, 2024", date(2025, 1, 1), ("2024-11-06", "day")),
        ("on 6 November", date(2024, 11, 8), ("2024-11-06", "day")),
        ("since February 2022", WEDNESDAY, ("2022-02-01", "month")),
        ("last year's attack", WEDNESDAY, ("2023-01-01", "year")),
    ],
)
def test_expression_resolves_against_publication_date(
    text: str, published: date, expected: tuple[str, str]
) -> None:
    best = best_date(find_dates(text, published))
    assert best is not None
    assert (best.value.isoformat(), best.precision) == expected


def test_recently_followed_by_a_month_is_that_month_only() -> None:
    # "Most recently in March" says when: it is no strike of the report's own month.
    assert resolved("hit several times, most recently in March", WEDNESDAY) == [
        ("2024-03-01", "month")
    ]


def test_explicit_date_wins_over_weekday() -> None:
    # Published on a Thursday: the weekday alone would mean the day before, the date says so too,
    # but when they disagree the explicit date is the one kept.
    mentions = find_dates("Early Wednesday, Nov. 5, drones hit", date(2024, 11, 7))
    best = best_date(mentions)
    assert best is not None and best.value == date(2024, 11, 5) and best.explicit


def test_a_night_from_one_day_to_the_next_is_one_date_its_morning() -> None:
    assert resolved("overnight from Monday to Tuesday, drones hit", WEDNESDAY) == [
        ("2024-11-05", "day")
    ]
    assert resolved("at 02:00 from Saturday to Sunday", date(2023, 5, 28)) == [
        ("2023-05-28", "day")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "drones hit the depot on the night of October 4-5",
        "the depot burned in the night of Oct. 4–5",
        "on the night of 4-5 October the depot burned",
        "drones hit the depot on the night of October 4 to 5",
        "on the night from October 4 to 5 the depot burned",
    ],
)
def test_a_night_named_by_two_days_of_a_month_is_its_morning(text: str) -> None:
    assert resolved(text, WEDNESDAY) == [("2024-10-05", "day")]


@pytest.mark.parametrize(
    "text", ["strikes on October 4-9 hit the depot", "strikes from October 4 to 9 hit the depot"]
)
def test_a_span_of_several_days_is_not_a_night(text: str) -> None:
    assert resolved(text, WEDNESDAY) == [("2024-10-04", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The refinery was hit in March and April.",
            [("2023-03-01", "month"), ("2023-04-01", "month")],
        ),
        # The second month of the pair may be of the next year.
        (
            "Two ships were sunk in December and February.",
            [("2022-12-01", "month"), ("2023-02-01", "month")],
        ),
        ("It was attacked on July 3 and 4.", [("2023-07-03", "day"), ("2023-07-04", "day")]),
        ("Drones struck it on 3 and 4 July.", [("2023-07-03", "day"), ("2023-07-04", "day")]),
        # More days listed under one month, and a verb right after the last day.
        (
            "Blasts shook it on June 30, July 1, 3 and 6.",
            [
                ("2023-06-30", "day"),
                ("2023-07-01", "day"),
                ("2023-07-03", "day"),
                ("2023-07-06", "day"),
            ],
        ),
        (
            "Attacks on July 4 and 12 targeted the regiment.",
            [("2023-07-04", "day"), ("2023-07-12", "day")],
        ),
        # A stretch, a night and a count are no second day.
        ("It was hit between March and July.", []),
        ("It was hit on the night of 3 and 4 July.", [("2023-07-04", "day")]),
        ("On July 3 and 4 drones were downed.", [("2023-07-03", "day")]),
        ("On July 1, 3 people were hurt and 4 homes damaged.", [("2023-07-01", "day")]),
    ],
)
def test_two_days_or_months_joined_by_and_are_two_dates(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(text, SATURDAY) == expected


def test_month_without_year_is_never_after_publication() -> None:
    assert resolved("in December", date(2024, 3, 1)) == [("2023-12-01", "month")]
    assert resolved("Dec. 29", date(2024, 1, 3)) == [("2023-12-29", "day")]


@pytest.mark.parametrize("text", ["in mid-March", "since mid-March", "in mid March"])
def test_the_middle_of_a_month_is_that_month(text: str) -> None:
    assert resolved(f"The refinery was damaged by a drone {text}.", date(2024, 5, 1)) == [
        ("2024-03-01", "month")
    ]


def test_may_as_a_verb_is_not_a_month() -> None:
    assert resolved("officials said the strikes in may be continuing", SATURDAY) == []


def test_no_date_in_plain_text() -> None:
    assert find_dates("Drones hit the refinery and set it ablaze.", SATURDAY) == []


def test_impossible_date_is_skipped() -> None:
    assert resolved("on February 30", SATURDAY) == []


def test_iso_date_parsing_gives_one_line_error() -> None:
    assert parse_iso_date("2024-11-06") == WEDNESDAY
    with pytest.raises(DateError, match="not a date"):
        parse_iso_date("06/11/2024")
    with pytest.raises(ValueError):
        parse_iso_date("2024-13-01")


def test_same_period_uses_the_coarser_precision() -> None:
    assert same_period(date(2023, 5, 3), "day", date(2023, 5, 1), "month")
    assert not same_period(date(2023, 6, 3), "day", date(2023, 5, 1), "month")
    assert same_period(date(2023, 6, 3), "day", date(2023, 1, 1), "year")
    assert not same_period(date(2023, 7, 30), "day", date(2023, 8, 1), "day")


def test_days_counted_back() -> None:
    tuesday = date(2024, 8, 20)
    mentions = find_dates("a blaze on Tuesday, two days after it was set alight", tuesday)
    assert [(m.text, m.value) for m in mentions] == [
        ("Tuesday", date(2024, 8, 20)),
        ("two days after", date(2024, 8, 18)),
    ]
    assert resolved("the depot was hit three days ago", tuesday) == [("2024-08-17", "day")]


def test_last_named_month_is_before_publication() -> None:
    assert resolved("Last October a truck bomb", date(2023, 7, 17)) == [("2022-10-01", "month")]
    assert resolved("last July", date(2023, 7, 17)) == [("2022-07-01", "month")]


def test_a_season_is_dated_to_its_year() -> None:
    assert resolved("Last summer's blasts at the base", date(2023, 9, 25)) == [
        ("2022-01-01", "year")
    ]


def test_a_night_is_dated_by_the_day_it_runs_into() -> None:
    wednesday = date(2024, 3, 13)
    assert resolved("58 drones overnight into Wednesday", wednesday) == [("2024-03-13", "day")]
    assert resolved("on Tuesday night", wednesday) == [("2024-03-12", "day")]


def test_a_week_after_counts_from_the_day_named_or_the_day_told_of() -> None:
    friday = date(2024, 2, 9)
    assert [(m.text, m.value) for m in find_dates("on Friday, a week after the raid", friday)] == [
        ("Friday", date(2024, 2, 9)),
        ("a week after", date(2024, 2, 2)),
    ]
    (counted,) = find_dates("The statement came two days after the raid.", friday, friday)
    assert (counted.value, counted.counted) == (date(2024, 2, 7), True)


def test_a_month_of_last_year() -> None:
    assert resolved("In May last year, drones hit", date(2024, 8, 1)) == [("2023-05-01", "month")]
    assert resolved("in March this year", date(2024, 8, 1)) == [("2024-03-01", "month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Later, on the night of 4-5 March, people in the town heard an attack on the depot.",
        "As locals said, late in the evening of 5 March, a blast shook the depot.",
    ],
)
def test_a_clause_that_only_sets_the_time_dates_the_sentence(sentence: str) -> None:
    found = find_dates(sentence, date(2025, 3, 6))
    assert [m.value for m in event_dates(sentence, found)] == [date(2025, 3, 5)]


def test_a_date_in_a_clause_of_background_does_not_date_the_sentence() -> None:
    sentence = "The depot, which was built in the summer of 1975, burned after the attack."
    found = find_dates(sentence, date(2025, 3, 6))
    assert event_dates(sentence, found) == []


def test_overnight_told_on_an_earlier_day_is_the_night_before_that_day() -> None:
    sentence = "Drones hit four air bases in an overnight operation, a source said yesterday."
    found = find_dates(sentence, date(2024, 8, 15))
    assert [m.value for m in event_dates(sentence, found)] == [date(2024, 8, 14)]


def test_a_day_to_come_is_no_date_of_the_year_before() -> None:
    published = date(2023, 5, 3)
    # Six days after publication: the parade to come, neither May 9 of 2022 nor a month.
    assert find_dates("The strike came ahead of the May 9 parade.", published) == []
    # Far enough after publication to be a day of the year before.
    (mention,) = find_dates("A depot burned on 9 July.", published)
    assert mention.value == date(2022, 7, 9)


def test_a_month_abbreviation_is_a_whole_word() -> None:
    # "14th separate" and "5th marine" are units, not 14 September and 5 March.
    text = "the 14th separate UAV regiment and the 5th marine brigade"
    assert find_dates(text, date(2025, 11, 16)) == []
    assert resolved("on 3 Sep. and Sept 4", date(2025, 11, 16)) == [
        ("2025-09-03", "day"),
        ("2025-09-04", "day"),
    ]


def test_a_period_ends_on_its_last_day() -> None:
    assert period_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert period_end(date(2023, 12, 1), "month") == date(2023, 12, 31)
    assert period_end(date(2022, 1, 1), "year") == date(2022, 12, 31)
    assert period_end(date(2022, 3, 5), "day") == date(2022, 3, 5)
    assert period_end(date(9999, 12, 1), "month") == date(9999, 12, 31)


def test_the_day_before_is_the_day_before_publication() -> None:
    published = date(2025, 11, 16)
    assert resolved("the attack, which took place the day before", published) == [
        ("2025-11-15", "day")
    ]
    assert resolved("targeted the region the previous day", published) == [("2025-11-15", "day")]


@pytest.mark.parametrize(
    "text",
    ["a wave of drones the previous night hit depots", "depots burned the night before"],
)
def test_the_previous_night_is_the_night_before_publication(text: str) -> None:
    assert resolved(text, date(2026, 1, 7)) == [("2026-01-06", "day")]


def test_a_sentence_that_opens_on_a_year_dates_its_days_in_that_year() -> None:
    sentence = "In 2024, the refinery was attacked twice by drones, on 3 February and 11 May."
    found = event_dates(sentence, find_dates(sentence, date(2025, 8, 14)))
    assert [(m.value.isoformat(), m.precision) for m in found] == [
        ("2024-02-03", "day"),
        ("2024-05-11", "day"),
    ]
    # A year in the middle ("built in 1966") is no year the sentence tells of.
    built = "The refinery, built in 1966, was attacked on 3 February."
    assert resolved(built, date(2025, 8, 14))[-1] == ("2025-02-03", "day")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The day the sentence names wins over the stamp the page opens on.
        ("date 2024-11-06 On Monday a drone set a depot alight.", [date(2024, 11, 4)]),
        # With no other day, the stamp still dates what the page reports.
        ("date 2024-11-06 A drone set a depot alight.", [date(2024, 11, 6)]),
        # The day the news was told is nearer the strike than the day the page went out.
        (
            "date 2024-11-06 The mayor said on Tuesday that a drone set a depot alight.",
            [date(2024, 11, 5)],
        ),
        # A month it was told in, with no nearer date, still says when the strike was.
        (
            "date 2024-11-06 Officials said in August, after a drone hit a depot, that it "
            "would be rebuilt.",
            [date(2024, 8, 1)],
        ),
        # A dateline, by its year or by the place it was filed from, is such a stamp too.
        ("November 6, 2024: yesterday a drone set a depot alight.", [date(2024, 11, 5)]),
        (
            "Kyiv [Ukraine], November 6: the mayor said on Tuesday that a drone hit a depot.",
            [date(2024, 11, 5)],
        ),
        # A list's day, with neither, dates its item.
        ("- 4 November: a drone set a depot alight.", [date(2024, 11, 4)]),
    ],
)
def test_the_stamp_a_page_opens_on_dates_only_what_nothing_else_dates(
    sentence: str, expected: list[date]
) -> None:
    found = find_dates(sentence, date(2024, 11, 6))
    assert [m.value for m in event_dates(sentence, found)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said on Saturday that missiles had hit a plant in Luhansk on Friday.",
        # The same, with the day of the telling told first.
        "On Saturday, the Russian ministry said missiles had hit a plant in Luhansk on Friday.",
    ],
)
def test_the_day_a_strike_was_told_gives_way_to_the_day_it_happened(sentence: str) -> None:
    saturday = date(2023, 5, 13)
    found = event_dates(sentence, find_dates(sentence, saturday))
    assert [(m.value.isoformat(), m.precision) for m in found] == [("2023-05-12", "day")]


def test_a_day_told_first_still_dates_a_strike_its_sentence_tells_no_other_day_of() -> None:
    sentence = "On Saturday, the governor said drones had hit an oil depot in Bryansk."
    found = event_dates(sentence, find_dates(sentence, date(2023, 5, 14)))
    assert [m.value for m in found] == [date(2023, 5, 13)]
    # A day told first of the strike itself, the speaker after it, is the strike's.
    sentence = "On Saturday drones hit an oil depot in Bryansk, the governor said on Sunday."
    found = event_dates(sentence, find_dates(sentence, date(2023, 5, 14)))
    assert [m.value for m in found] == [date(2023, 5, 13)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The refinery halted work earlier this year after Ukrainian drone attacks.",
            ("2024-01-01", "year"),
        ),
        ("The plant was repaired after a previous fire in January.", ("2024-01-01", "month")),
    ],
)
def test_a_strike_told_as_earlier_keeps_the_month_or_year_its_sentence_gives(
    sentence: str, expected: tuple[str, str]
) -> None:
    # Not the day of publication: the sentence says the strike was earlier.
    found = event_dates(sentence, find_dates(sentence, date(2024, 5, 17)))
    assert [(m.value.isoformat(), m.precision) for m in found] == [expected]


def test_this_week_is_a_day_of_the_month_of_publication() -> None:
    friday = date(2024, 5, 17)
    assert resolved("A missile earlier this week wrecked two jets", friday) == [
        ("2024-05-01", "month")
    ]
    # A strike told on a named day keeps that day beside "this week".
    sentence = (
        "The army said on Wednesday it had destroyed a radar overnight, its third strike on "
        "radars this week."
    )
    found = event_dates(sentence, find_dates(sentence, date(2024, 5, 16)))
    assert [(m.value.isoformat(), m.precision) for m in found] == [("2024-05-15", "day")]


def test_a_rough_count_of_days_gives_the_month_and_a_fire_counts_back_its_length() -> None:
    wednesday = date(2024, 8, 28)
    (rough,) = find_dates("some 10 days after the raid", wednesday, wednesday)
    assert (rough.value, rough.precision, rough.counted) == (date(2024, 8, 1), "month", True)
    (bound,) = find_dates("less than a week after a strike on the bridge", wednesday, wednesday)
    assert (bound.value, bound.precision) == (date(2024, 8, 1), "month")
    (lasting,) = find_dates("the depot has been burning for six days", wednesday, wednesday)
    assert (lasting.value, lasting.precision, lasting.lasting) == (date(2024, 8, 22), "day", True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The day a source confirmed a past strike, or images showed it, bounds it from after.
        ("On May 14, officials confirmed that a drone had wrecked the radar.", ("05-01", "month")),
        (
            "On May 14, new satellite images showed the burnt hangars at the base.",
            ("05-01", "month"),
        ),
        # A day's tally that confirms the hits of that day still dates them.
        ("On May 14, the army confirmed the hit on the depot.", ("05-14", "day")),
    ],
)
def test_the_day_a_strike_was_confirmed_or_seen_gives_only_its_month(
    sentence: str, expected: tuple[str, str]
) -> None:
    found = event_dates(sentence, find_dates(sentence, date(2024, 5, 16)))
    assert [(m.value.isoformat()[5:], m.precision) for m in found] == [expected]


def test_a_month_strikes_are_counted_over_dates_the_strike_to_the_day_told() -> None:
    friday = date(2025, 2, 28)
    sentence = "The army also hit a refinery, the third time in February it has been hit."
    (counted,) = find_dates(sentence, friday, friday)
    assert (counted.value, counted.precision) == (friday, "day")
    # A month that does not hold the day told stays a month.
    (other,) = find_dates("It was the second time in January.", friday, friday)
    assert (other.value, other.precision) == (date(2025, 1, 1), "month")
    # So does a month not counted over.
    (plain,) = find_dates("The refinery was hit in February.", friday, friday)
    assert (plain.value, plain.precision) == (date(2025, 2, 1), "month")


def test_a_day_closing_a_strike_still_dates_it_when_what_the_strike_did_follows() -> None:
    # The day ends the strike's telling even with its year and the harm done after it.
    sentence = (
        "Drones struck power substations in occupied areas of Luhansk, Donetsk, and "
        "Zaporizhzhia on January 12-13, 2026, leaving 200,000 residents without electricity."
    )
    found = event_dates(sentence, find_dates(sentence, date(2026, 1, 14)))
    assert [(m.value, m.precision) for m in found] == [(date(2026, 1, 13), "day")]
