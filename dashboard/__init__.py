"""strikemap: long-range strikes from news articles as dated, sourced, measured map points."""

__version__ = "0.1.0"
