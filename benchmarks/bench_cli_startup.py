"""How long ``mslint --help`` takes, and where the import time goes.

Runs ``mslint --help`` in fresh processes (median of N), beside ``python -c pass`` as the
interpreter's own floor, then prints the slowest imports from ``python -X importtime``.
Goal: under 0.3 s on the project machine. Usage: ``python benchmarks/bench_cli_startup.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time

HELP = [
    sys.executable,
    "-c",
    "import sys; from mslint.cli import main; sys.argv = ['mslint', '--help']; main()",
]


def wall_times(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out.append(time.perf_counter() - start)
    return out


def import_breakdown(top: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) for the slowest imports two levels deep."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *HELP[1:]], capture_output=True, text=True, check=False
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 4:
            rows.append((int(m.group(2)), m.group(4)))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    floor = wall_times([sys.executable, "-c", "pass"], args.runs)
    helps = wall_times(HELP, args.runs)
    console = shutil.which("mslint")
    script = wall_times([console, "--help"], args.runs) if console else []
    print(f"runs: {args.runs} (medians; the machine is shared, so spread is noisy)")
    print(f"python -c pass           median {statistics.median(floor):.3f} s")
    print(
        f"mslint --help (module)   median {statistics.median(helps):.3f} s   min {min(helps):.3f} s"
    )
    if script:
        print(
            f"mslint --help (script)   median {statistics.median(script):.3f} s   "
            f"min {min(script):.3f} s"
        )
    above = statistics.median(helps) - statistics.median(floor)
    print(f"mslint cost above python median {above:.3f} s")
    print("\nslowest top-level imports (python -X importtime, cumulative):")
    for micros, module in import_breakdown(args.top):
        print(f"  {micros / 1000:8.1f} ms  {module}")


if __name__ == "__main__":
    main()
