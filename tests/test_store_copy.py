"""``python -m dashboard copy``: a whole store moved between SQLite and PostgreSQL, either way,
with its articles, sources and history."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.exports import events_to_csv
from dashboard.store import open_store
from tests.factories import two_reports

pytestmark = pytest.mark.postgres


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _content(location: str | Path) -> tuple[str, list[object], list[str]]:
    """What a user sees of a store: its export, its articles, every history line."""
    with open_store(location) as store:
        articles = list(store.stored_articles())
        history = [entry.describe() for entry in store.every_entry()]
        return events_to_csv(store.events()), articles, history


@pytest.mark.parametrize("direction", ["sqlite to postgres", "postgres to sqlite"])
def test_a_store_copied_to_the_other_backend_keeps_events_sources_and_history(
    direction: str, tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_file = str(tmp_path / "s.sqlite")
    source, target = (
        (sqlite_file, postgres_url)
        if direction == "sqlite to postgres"
        else (postgres_url, sqlite_file)
    )
    one, two, town, port = two_reports()
    with open_store(source, analyst="ann") as store:
        store.save_article(one, [town])
        (merged_id,) = store.save_article(two, [port]).merged
        merged = store.require(merged_id)
        store.edit(merged, merged.with_changes(weapon="missile"))
        _, apart = store.split(merged_id)
        store.delete(apart.id)
    status, out, _ = run(capsys, "copy", "--from", source, "--to", target)
    assert status == 0
    assert out.startswith("copied 2 articles, 1 event and 6 history entries from ")
    assert _content(target) == _content(source)
    # The copy goes on where the original stopped: undo reaches the copied changes.
    with open_store(target, analyst="bob") as copied:
        undone = copied.undo_last(apart.id)
        assert undone.action == "deleted" and copied.get(apart.id) == apart
        assert copied.history(apart.id)[-1].seq == 7
    # A second copy into the filled store is refused, and changes nothing.
    before = _content(target)
    status, _, err = run(capsys, "copy", "--from", source, "--to", target)
    assert status == 2 and "is not empty: copy only into a new store" in err
    assert _content(target) == before
