"""Other processes for work that keeps a core busy: reading notes, extracting articles."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

#: The settings are read from the environment at each use: a worker is given the caller's.
_SETTINGS_PREFIX = "STRIKEMAP_"


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each started from a clean interpreter."""
    # forkserver: workers start from a clean process, not a copy of one that may run threads.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def settings_environment() -> dict[str, str]:
    """The environment variables the settings are read from, as they stand here."""
    return {k: v for k, v in os.environ.items() if k.startswith(_SETTINGS_PREFIX)}


def use_settings_environment(environment: dict[str, str]) -> None:
    """Make a worker's settings those of :func:`settings_environment` in its caller."""
    for name in [k for k in os.environ if k.startswith(_SETTINGS_PREFIX)]:
        if name not in environment:
            del os.environ[name]
    os.environ.update(environment)
