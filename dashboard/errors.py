"""The project's exceptions: one base, each subclass also a matching builtin."""


class StrikemapError(Exception):
    """Base of every error strikemap raises on purpose."""


class InputError(StrikemapError, ValueError):
    """An article, date or argument that cannot be used as given."""


class ArticleError(InputError):
    """An article file that is missing, empty, binary or unreadable."""


class ArticleTooLarge(ArticleError):
    """An article over the size an article may have (``STRIKEMAP_MAX_ARTICLE_MB``)."""


class DateError(InputError):
    """A date that cannot be parsed or is out of range."""


class PlaceNotFound(StrikemapError, LookupError):
    """A place name that no enabled geocoder knows."""


class GeocoderError(StrikemapError, RuntimeError):
    """An online geocoder failed (network down, rate limited, bad answer)."""


class DataError(StrikemapError, ValueError):
    """A data file of the project (gazetteer, front line, store) is missing or malformed."""


class MetadataError(InputError):
    """Article metadata (outlet, date, URL, title) with a field that cannot be used."""


class StoreError(StrikemapError, OSError):
    """The store cannot be used as it is now: missing, read-only, locked or vanished."""


class EventNotFound(StrikemapError, LookupError):
    """An event id the store holds no event of (never stored, or deleted)."""
