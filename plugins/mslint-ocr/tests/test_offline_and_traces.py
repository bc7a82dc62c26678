"""OCR runs with the network refused and leaves no file outside the cache it was given."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from ultrasound_images import png_bytes, ultrasound_image

SCRIPT = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise OSError("network use attempted")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from mslint.model import EmbeddedImage, Location
    from mslint_ocr.reader import ImageReader
    data = open(sys.argv[1], "rb").read()
    image = EmbeddedImage(id="us.png", format="png", location=Location(), data=data)
    print(ImageReader().read(image).text)
""")


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_ocr_reads_offline_and_writes_only_its_cache(tmp_path: Path) -> None:
    image = tmp_path / "us.png"
    image.write_bytes(png_bytes(ultrasound_image("top-right")))
    home, cache = tmp_path / "home", tmp_path / "cache"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CACHE_HOME", "ORT_DISABLE_TELEMETRY")}
    env.update(HOME=str(home), MSLINT_OCR_CACHE_DIR=str(cache), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(image)], env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "Maria Garcia" in out.stdout
    assert files_under(home) == set()
    assert files_under(tmp_path / "tmp") == set()
    assert len(files_under(cache)) == 1


def test_the_models_ship_inside_the_installed_rapidocr_package() -> None:
    from mslint_ocr.engine import CLS_MODEL, DET_MODEL, REC_MODEL, models_dir

    folder = models_dir()
    for name in (DET_MODEL, REC_MODEL, CLS_MODEL):
        model = folder / name
        assert model.is_file() and model.stat().st_size > 100_000, name
    assert "site-packages" in folder.parts or "dist-packages" in folder.parts
