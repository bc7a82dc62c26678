"""``python -m mslint.cleaning FILE -o OUT [--force]``: the cleaner without the CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mslint.cleaning import CleaningError, clean_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mslint.cleaning")
    parser.add_argument("file", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    try:
        result = clean_file(args.file, args.output, force=args.force)
    except CleaningError as exc:
        print(f"mslint clean: {exc}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
