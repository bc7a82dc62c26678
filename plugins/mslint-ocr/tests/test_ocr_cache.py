"""The OCR cache: a second run over the same images reads none of them again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import mslint_ocr.plugin
import pytest
from mslint_ocr.cache import CACHE_ENV, OcrCache, cache_key, default_cache_dir
from mslint_ocr.engine import ImageReading, OcrLine, get_engine
from mslint_ocr.reader import ImageReader
from PIL import ImageDraw
from ultrasound_images import font, png_bytes, speckle_sector

from mslint.config import Settings
from mslint.engine import Engine
from mslint.model import EmbeddedImage, Location
from mslint.plugins import Plugins


def small_scan(i: int) -> bytes:
    img = speckle_sector(seed=100 + i, width=320, height=240)
    ImageDraw.Draw(img).text((8, 6), f"SCAN {i:02d}", fill="white", font=font(20))
    return png_bytes(img)


def twenty_image_manuscript(root: Path) -> Path:
    figures = root / "figures"
    figures.mkdir()
    lines = ["# Case report", ""]
    for i in range(20):
        (figures / f"scan{i:02d}.png").write_bytes(small_scan(i))
        lines += [f"![Figure {i + 1}. Ultrasound {i}.](figures/scan{i:02d}.png)", ""]
    paper = root / "paper.md"
    paper.write_text("\n".join(lines), encoding="utf-8")
    return paper


def run_check(paper: Path) -> int:
    """One run as the CLI does it: a new engine and plugin set; returns OCR engine calls."""
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_ocr.plugin, name="mslint-ocr")
    engine = Engine(Settings(root=paper.parent, select=("MS302",)), plugins)
    before = get_engine().calls
    result = engine.check_file(paper)
    assert result.error is None
    return get_engine().calls - before


def test_twenty_image_manuscript_is_not_read_twice_across_two_runs(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    paper = twenty_image_manuscript(tmp_path)
    first = run_check(paper)
    second = run_check(paper)
    assert first >= 20
    assert second == 0
    assert len(list(ocr_cache_dir.glob("*/*.json"))) == 20


def test_cache_entries_are_private_to_the_user(tmp_path: Path) -> None:
    cache = OcrCache(tmp_path / "c")
    cache.put("ab" * 32, ImageReading((OcrLine("SMITH", 0.9, (1, 2, 3, 4)),), graphic=False))
    (entry,) = (tmp_path / "c").glob("*/*.json")
    assert entry.stat().st_mode & 0o077 == 0
    assert (tmp_path / "c").stat().st_mode & 0o077 == 0


def test_damaged_cache_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    image = EmbeddedImage(id="s.png", format="png", location=Location(), data=small_scan(1))
    cache = OcrCache(tmp_path / "c")
    reader = ImageReader(cache=cache)
    reading = reader.read(image)
    assert reading is not None
    (entry,) = (tmp_path / "c").glob("*/*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get(entry.stem) is None
    assert reader.read(image) == reading
    assert json.loads(entry.read_text(encoding="utf-8"))["lines"]


def test_cache_key_changes_with_the_engine() -> None:
    assert cache_key("abc", "rapidocr-3.10/a") != cache_key("abc", "rapidocr-3.11/a")


@pytest.mark.parametrize("off", ["off", "", "none"])
def test_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, off: str) -> None:
    monkeypatch.setenv(CACHE_ENV, off)
    assert default_cache_dir() is None


def test_cache_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "mslint" / "ocr"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "mslint" / "ocr"
