"""A progress bar on a terminal, and silence elsewhere (cron, logs, tests)."""

from __future__ import annotations

import sys
from typing import Any

from tqdm import tqdm


class TerminalProgress:
    """Show one bar per step of a service's `progress(step, done, total)` calls."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.step = ""
        self.bar: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if step != self.step:
            self.close()
            self.step = step
            self.bar = tqdm(total=total, desc=step, unit="", leave=True, file=sys.stderr)
        self.bar.total = total
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
