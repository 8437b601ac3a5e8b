"""Put the real reports that have no split yet into ``study`` or ``check``, at random.

A report's split, once drawn, never changes: ``tests/realworld/splits.json`` keeps it.
Two thirds go to ``study`` (read and debugged), one third to ``check`` (only measured).
The draw shuffles the new reports with a seed taken from the operating system, so that
nobody picks which reports land where.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from dashboard.evaluate import SPLITS, answer_files

REALWORLD = Path(__file__).resolve().parent.parent / "tests" / "realworld"


def main() -> int:
    path = REALWORLD / SPLITS
    splits: dict[str, str] = json.loads(path.read_text()) if path.is_file() else {}
    new = [a.stem for a in answer_files(REALWORLD) if a.stem not in splits]
    random.SystemRandom().shuffle(new)
    checks = len(new) // 3
    splits.update({name: "check" for name in new[:checks]})
    splits.update({name: "study" for name in new[checks:]})
    path.write_text(json.dumps(dict(sorted(splits.items())), indent=1) + "\n")
    print(f"{len(new)} reports drawn: {len(new) - checks} study, {checks} check", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
