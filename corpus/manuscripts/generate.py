"""Writes the binary files of this set: a clinical photograph whose EXIF still holds the
GPS position, capture time and camera owner (the leak MS301 reports).

Run ``python corpus/manuscripts/generate.py``; the output is committed with this script.
"""

from __future__ import annotations

from pathlib import Path

import piexif
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent


def naevus_photo(path: Path) -> None:
    img = Image.new("RGB", (320, 240), (224, 178, 150))
    draw = ImageDraw.Draw(img)
    draw.ellipse((90, 60, 240, 190), fill=(92, 58, 40))
    draw.ellipse((120, 90, 150, 120), fill=(60, 38, 26))
    exif = {
        "0th": {piexif.ImageIFD.Make: b"ExampleCam", piexif.ImageIFD.Model: b"EC-100",
                piexif.ImageIFD.Artist: b"Clinic photographer"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2023:03:14 10:21:07",
                 piexif.ExifIFD.CameraOwnerName: b"Dermatology Dept",
                 piexif.ExifIFD.BodySerialNumber: b"SN4471902"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (2604, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"W",
                piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (3954, 100))},
    }
    img.save(path, "JPEG", quality=85, exif=piexif.dump(exif))


if __name__ == "__main__":
    naevus_photo(HERE / "figures" / "naevus.jpg")
