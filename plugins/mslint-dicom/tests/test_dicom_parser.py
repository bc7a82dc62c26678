"""The DICOM parser: header as plain data, pixels as a lazily decoded PNG image."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from dicom_fixtures import PRIVATE_CREATOR, dataset, plant_phi, text_frame, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mslint_dicom.parser import DicomParser, sniff_dicom
from PIL import Image

from mslint.parser import ParseLimits, ParseOptions, UnreadableFile

DEFAULT_LIMITS = ParseLimits()


def parse(path: Path, limits: ParseLimits = DEFAULT_LIMITS):
    return DicomParser().parse(path, ParseOptions(root=path.parent, limits=limits))


def test_header_elements_sequences_and_private_groups_are_kept(tmp_path: Path) -> None:
    path = write(plant_phi(dataset()), tmp_path / "us.dcm")
    facts = parse(path).attrs["dicom"]
    by_path = {e["path"]: e for e in facts["elements"]}
    assert by_path["PatientName"]["value"] == "SMITH^JOHN"
    assert by_path["RequestAttributesSequence"]["items"] == 1
    assert by_path["RequestAttributesSequence[0].RequestedProcedureID"]["value"] == "RP-20461375"
    assert facts["private"] == [{"group": 0x0009, "creator": PRIVATE_CREATOR, "count": 2}]
    assert facts["modality"] == "US"


def test_pixel_data_becomes_an_image_decoded_to_png_on_demand(tmp_path: Path) -> None:
    frame = text_frame(["SMITH^JOHN"])
    doc = parse(write(dataset(frame=frame), tmp_path / "us.dcm"))
    (image,) = doc.images
    assert (image.width, image.height, image.data) == (640, 480, None)
    assert image.attrs["clinical"] is True
    png = Image.open(io.BytesIO(image.encoded()))
    assert png.size == (640, 480)
    assert np.array_equal(np.asarray(png.convert("L")), frame)


def test_monochrome1_is_inverted_for_display(tmp_path: Path) -> None:
    frame = text_frame(["X"])
    ds = dataset(frame=frame)
    ds.PhotometricInterpretation = "MONOCHROME1"
    (image,) = parse(write(ds, tmp_path / "m1.dcm")).images
    shown = np.asarray(Image.open(io.BytesIO(image.encoded())))
    assert shown[0, 0] == 255 and shown.max() == 255 and shown.min() == 0


def test_file_without_pixel_data_has_no_image(tmp_path: Path) -> None:
    assert parse(write(dataset(), tmp_path / "sr.dcm")).images == []


def test_images_over_the_pixel_limit_are_refused(tmp_path: Path) -> None:
    path = write(dataset(frame=text_frame(["A"])), tmp_path / "big.dcm")
    with pytest.raises(UnreadableFile, match="pixels"):
        parse(path, ParseLimits(max_image_pixels=1000))


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = write(dataset(), tmp_path / "a.dcm")
    with pytest.raises(UnreadableFile, match="limit"):
        parse(path, ParseLimits(max_file_bytes=100))


def test_sniff_accepts_the_dicm_preamble_and_bare_datasets_only(tmp_path: Path) -> None:
    head = write(dataset(), tmp_path / "a.dcm").read_bytes()[:512]
    assert sniff_dicom(head)
    assert sniff_dicom(b"\x08\x00\x05\x00CS\x0a\x00ISO_IR 100")
    assert not sniff_dicom(b"%PDF-1.7\n" + b"\x00" * 200)
    assert not sniff_dicom(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=400))
def test_damaged_files_are_unreadable_never_a_crash(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "bad.dcm"
    path.write_bytes(b"\x00" * 128 + b"DICM" + body)
    try:
        doc = parse(path)
    except UnreadableFile:
        return
    for image in doc.images:
        with pytest.raises(ValueError):
            image.encoded()
