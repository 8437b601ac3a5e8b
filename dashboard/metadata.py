"""Article metadata checked field by field where it enters: sidecars, the command line, the app.

A value that cannot be used is refused with where it came from, the field and why; nothing
is guessed, so nothing wrong is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    StrictStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails

from .errors import MetadataError

#: Long-range strikes begin with the war of 2014: an earlier date is most likely a typo.
EARLIEST_PUBLISHED = date(2014, 1, 1)
#: How to keep a date out of range that is right after all (the app has a checkbox of it).
ANY_DATE_HINT = "allow any date (--allow-any-date) to keep it"
_SHOWN_INPUT_CHARS = 60


class ArticleMeta(BaseModel):
    """An article's outlet, URL, title and publication date, each known good or ``None``.

    Other keys are left alone: the test corpus keeps its answers in the same files.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    outlet: StrictStr | None = None
    url: StrictStr | None = None
    title: StrictStr | None = None
    published: date | None = None

    @field_validator("outlet", "url", "title")
    @classmethod
    def _blank_is_unknown(cls, value: str | None) -> str | None:
        return (value.strip() or None) if value is not None else None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if any(char.isspace() or not char.isprintable() for char in value):
            raise ValueError("holds spaces or control characters")
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise ValueError("not an http:// or https:// address")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> date | None:
        # pydantic alone would take 1700000000 as a timestamp; only dates and ISO text are.
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
            try:
                return datetime.fromisoformat(value.strip()).date()
            except ValueError:
                pass
        raise ValueError("not a date (expected YYYY-MM-DD)")

    @field_validator("published")
    @classmethod
    def _plausible(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None or (info.context or {}).get("allow_any_date"):
            return value
        tomorrow = date.today() + timedelta(days=1)
        if value < EARLIEST_PUBLISHED:
            raise ValueError(f"before {EARLIEST_PUBLISHED.isoformat()}; {ANY_DATE_HINT}")
        if value > tomorrow:
            raise ValueError(f"after tomorrow; {ANY_DATE_HINT}")
        return value


def _reason(error: ErrorDetails) -> str:
    field = ".".join(str(part) for part in error["loc"]) or "metadata"
    message = error["msg"].removeprefix("Value error, ")
    given = error["input"]
    shown = given.isoformat() if isinstance(given, date) else repr(given)
    if len(shown) > _SHOWN_INPUT_CHARS:
        shown = shown[: _SHOWN_INPUT_CHARS - 1] + "…"
    return f"{field} {shown}: {message[:1].lower()}{message[1:]}"


def check_metadata(raw: object, source: str, *, allow_any_date: bool = False) -> ArticleMeta:
    """``raw`` as :class:`ArticleMeta`, or :class:`MetadataError` naming ``source``, the
    field and the reason (every bad field, on one line)."""
    if not isinstance(raw, Mapping):
        raise MetadataError(
            f"{source}: expected an object with outlet, published, url and title, "
            f"got {type(raw).__name__}"
        )
    try:
        return ArticleMeta.model_validate(raw, context={"allow_any_date": allow_any_date})
    except ValidationError as error:
        reasons = "; ".join(_reason(e) for e in error.errors(include_url=False))
        raise MetadataError(f"{source}: {reasons}") from None
