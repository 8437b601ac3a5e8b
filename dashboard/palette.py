"""The dashboard's colours: one per target type and one per outcome, for the map and charts.

The map's markers, its legend and every chart take their colours from here, so a colour
means the same thing on every page. This module knows nothing of folium or Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Outcome, TargetType


@dataclass(frozen=True)
class Style:
    """How one category looks: a colour, a Font Awesome (solid) icon and its label."""

    colour: str
    icon: str
    label: str


#: Colour and icon per target type, in the model's order; the map's legend lists them.
TARGET_STYLES: dict[TargetType, Style] = {
    "naval": Style("#1f5fa8", "ship", "Naval"),
    "airbase": Style("#6a3d9a", "plane", "Air base"),
    "oil": Style("#2b2b2b", "oil-well", "Oil"),
    "power": Style("#d9a400", "bolt", "Power"),
    "ammunition": Style("#d62728", "bomb", "Ammunition"),
    "military": Style("#2e7d32", "shield-halved", "Military"),
    "defense_industry": Style("#8c564b", "industry", "Defense industry"),
    "government": Style("#0f8b8d", "landmark", "Government"),
    "commercial": Style("#d6549e", "store", "Commercial"),
    "residential": Style("#f07f13", "house", "Residential"),
    "transport": Style("#6f7b86", "train", "Transport"),
    "unknown": Style("#a3a3a3", "question", "Unknown"),
}

#: Per outcome, in the model's order, for the timeline's bars and the key. On the map a
#: hit is drawn in its target type's colour and an interception (drones shot down, not a
#: strike) as a hollow marker, so it never passes for a hit.
OUTCOME_STYLES: dict[Outcome, Style] = {
    "hit": Style("#c0392b", "burst", "Hit"),
    "intercepted": Style("#5d6d7e", "shield", "Intercepted (not a strike)"),
    "unknown": Style("#e6a199", "circle-question", "Outcome not reported"),
}

#: What a table, popup or event page shows for a value nobody reported.
MISSING = "\u2014"


def target_colours() -> tuple[list[str], list[str]]:
    """(labels, colours) of the target types, in the model's order, for a chart's scale."""
    return [s.label for s in TARGET_STYLES.values()], [s.colour for s in TARGET_STYLES.values()]


def outcome_colours() -> tuple[list[str], list[str]]:
    """(labels, colours) of the outcomes, in the model's order, for a chart's scale."""
    return [s.label for s in OUTCOME_STYLES.values()], [s.colour for s in OUTCOME_STYLES.values()]


def target_label(target_type: str) -> str:
    """A target type as the legend writes it ("Air base")."""
    style = TARGET_STYLES.get(target_type)  # type: ignore[call-overload]
    return style.label if style is not None else target_type


def outcome_label(outcome: str) -> str:
    """An outcome as the legend writes it."""
    style = OUTCOME_STYLES.get(outcome)  # type: ignore[call-overload]
    return style.label if style is not None else outcome
