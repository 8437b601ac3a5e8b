"""Loading folders of articles: what a load stores is what loading each article alone
stores, however many are extracted and measured together."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from dashboard import loader as loader_module
from dashboard.articles import read_article
from dashboard.extraction import extract_events
from dashboard.loader import load_paths
from dashboard.store import Store

CORPUS = Path(__file__).resolve().parent / "corpus"


def copy_articles(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir()
    for name in names:
        for file in (CORPUS / f"{name}.txt", CORPUS / f"{name}.json"):
            shutil.copy(file, folder / file.name)
    return [folder / f"{name}.txt" for name in names]


NAMES = sorted(path.stem for path in CORPUS.glob("*.txt"))[:7]


def test_articles_loaded_together_are_stored_as_each_loaded_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = copy_articles(tmp_path / "articles", NAMES)
    with Store(tmp_path / "alone.sqlite") as store:
        for file in files:
            load_paths([file], store)
        alone = [e.to_dict() for e in store.events()]
    # Three at a time: the seven articles end in a batch that is not full.
    monkeypatch.setattr(loader_module, "MEASURED_TOGETHER", 3)
    told: list[int] = []
    with Store(tmp_path / "together.sqlite") as store:
        result = load_paths([tmp_path / "articles"], store, lambda done, _, __: told.append(done))
        together = [e.to_dict() for e in store.events()]
    assert together == alone and len(alone) >= 7
    assert [r.path for r in result.reports] == [str(f) for f in files]
    assert told == list(range(1, 8))


def test_a_copy_met_in_the_same_batch_is_already_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (original,) = copy_articles(tmp_path / "articles", NAMES[:1])
    copy = original.with_name("z_copy.txt")
    shutil.copy(original, copy)
    shutil.copy(original.with_suffix(".json"), copy.with_suffix(".json"))
    monkeypatch.setattr(loader_module, "MEASURED_TOGETHER", 4)
    with Store(tmp_path / "s.sqlite") as store:
        first, second = load_paths([tmp_path / "articles"], store).reports
        assert first.added and not first.already_loaded
        assert second.already_loaded and not second.added and not second.merged


def test_stop_on_error_keeps_the_articles_read_before_the_bad_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    files = copy_articles(folder, NAMES[:4])
    # Between the second and the third article in name order, in a batch of four.
    (folder / f"{NAMES[1]}_bad.txt").write_bytes(b"\x89PNG\x00\x00")
    monkeypatch.setattr(loader_module, "MEASURED_TOGETHER", 4)
    told: list[str] = []
    with Store(tmp_path / "s.sqlite") as store:
        result = load_paths(
            [folder],
            store,
            lambda _, __, file: told.append(file.name),
            stop_on_error=True,
            refused=lambda file, _: told.append(f"refused {file.name}"),
        )
        assert [r.path for r in result.reports] == [str(f) for f in files[:2]]
        assert store.article_count() == 2
    # As the files come: the two articles stored, then the refusal, and nothing after it.
    assert told == [files[0].name, files[1].name, f"refused {NAMES[1]}_bad.txt"]


def test_articles_extracted_in_a_second_process_are_those_extracted_here() -> None:
    # Reversed: the first articles, the second process's share, tell several strikes each.
    articles = [read_article(CORPUS / f"{name}.txt") for name in reversed(NAMES)]
    with loader_module._Extractor(parallel=True) as extractor:
        # The first lot starts the second process; once it has started, lots are shared.
        extractor.begin(articles[:1])()
        assert extractor._started is not None and extractor._started.result(timeout=120) is None
        shared = extractor.begin(articles)()
    assert shared == [extract_events(article) for article in articles]
    assert sum(map(len, shared)) >= len(articles)


def test_a_second_process_that_dies_leaves_the_load_to_this_one() -> None:
    articles = [read_article(CORPUS / f"{name}.txt") for name in reversed(NAMES)]
    with loader_module._Extractor(parallel=True) as extractor:
        extractor.begin(articles[:1])()
        assert extractor._started is not None and extractor._started.result(timeout=120) is None
        assert extractor._pool is not None
        for process in list(extractor._pool._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
            process.join()
        alone = extractor.begin(articles)()
        assert extractor._pool is None
    assert alone == [extract_events(article) for article in articles]


def test_loading_again_what_is_stored_starts_no_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_articles(tmp_path / "articles", NAMES)
    started: list[int] = []
    monkeypatch.setattr(loader_module, "process_pool", lambda n: started.append(n))
    with Store(tmp_path / "s.sqlite") as store:
        load_paths([tmp_path / "articles"], store)
        # A second load long enough to share its extraction, had it any to do.
        monkeypatch.setattr(loader_module, "PARALLEL_FROM", 1)
        again = load_paths([tmp_path / "articles"], store)
    assert all(report.already_loaded for report in again.reports) and started == []
