"""Where the demo speaks (stdout) and writes its artifacts (the --out directory, stable file names)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


class DemoOutput:
    """Prints progress lines and writes artifacts when an output directory was given."""

    def __init__(self, out_dir: Path | None, echo: Callable[[str], None] = print):
        self.out_dir = out_dir
        self.echo = echo
        self.written: list[Path] = []
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)

    def say(self, line: str) -> None:
        self.echo(line)

    def write_json(self, name: str, document) -> None:
        self.write_bytes(name, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))

    def write_bytes(self, name: str, data: bytes) -> None:
        if self.out_dir is None:
            return
        path = self.out_dir / name
        path.write_bytes(data)
        self.written.append(path)
