"""Image metadata reading: every planted field is found, with the right kind, from bytes."""

from __future__ import annotations

import io
import struct
import zlib

import piexif
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from mslint.imagemeta import FieldKind, jpeg_layout, read_image_metadata


def _jpeg(exif: bytes | None = None, size: tuple[int, int] = (48, 32)) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", size, (40, 140, 90))
    img.save(buf, "JPEG", **({"exif": exif} if exif else {}))
    return buf.getvalue()


def _insert_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """Put a marker segment right after SOI."""
    return jpeg[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload \
        + jpeg[2:]


def _full_exif() -> bytes:
    user_comment = b"ASCII\x00\x00\x00Patient Jane Roe, ward 7"
    return piexif.dump({
        "0th": {
            piexif.ImageIFD.Make: b"Canon",
            piexif.ImageIFD.Model: b"EOS 5D",
            piexif.ImageIFD.Artist: b"Dr Alice Example",
            piexif.ImageIFD.Copyright: b"St Elsewhere Hospital",
            piexif.ImageIFD.ImageDescription: b"Leg ulcer, bed 12",
        },
        "Exif": {
            piexif.ExifIFD.DateTimeOriginal: b"2023:04:05 10:11:12",
            piexif.ExifIFD.DateTimeDigitized: b"2023:04:05 10:11:12",
            piexif.ExifIFD.BodySerialNumber: b"SN-0042-7781",
            piexif.ExifIFD.LensSerialNumber: b"LENS-9911",
            piexif.ExifIFD.CameraOwnerName: b"Bob Owner",
            piexif.ExifIFD.UserComment: user_comment,
            piexif.ExifIFD.MakerNote: b"\x01\x02vendor-blob" * 4,
        },
        "GPS": {
            piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (2640, 100)),
            piexif.GPSIFD.GPSLongitudeRef: b"W",
            piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (3960, 100)),
            piexif.GPSIFD.GPSDateStamp: b"2023:04:05",
        },
    })


def _by_name(data: bytes) -> dict[str, tuple[FieldKind, str]]:
    meta = read_image_metadata(data)
    assert meta.problems == []
    return {f.name: (f.kind, f.value) for f in meta.fields}


def test_exif_fields_are_found_with_their_kind() -> None:
    fields = _by_name(_jpeg(_full_exif()))
    assert fields["GPSLatitude/GPSLongitude"][0] is FieldKind.LOCATION
    assert fields["GPSLatitude/GPSLongitude"][1].startswith("51.507")
    assert "W" in fields["GPSLatitude/GPSLongitude"][1]
    assert fields["GPSDateStamp"] == (FieldKind.CAPTURE_DATE, "2023:04:05")
    assert fields["DateTimeOriginal"] == (FieldKind.CAPTURE_DATE, "2023:04:05 10:11:12")
    assert fields["DateTimeDigitized"][0] is FieldKind.CAPTURE_DATE
    assert fields["BodySerialNumber"] == (FieldKind.SERIAL, "SN-0042-7781")
    assert fields["LensSerialNumber"] == (FieldKind.SERIAL, "LENS-9911")
    assert fields["CameraOwnerName"] == (FieldKind.PERSON, "Bob Owner")
    assert fields["Artist"] == (FieldKind.PERSON, "Dr Alice Example")
    assert fields["Copyright"] == (FieldKind.FREE_TEXT, "St Elsewhere Hospital")
    assert fields["ImageDescription"] == (FieldKind.FREE_TEXT, "Leg ulcer, bed 12")
    assert fields["UserComment"] == (FieldKind.FREE_TEXT, "Patient Jane Roe, ward 7")
    assert fields["MakerNote"][0] is FieldKind.OPAQUE
    assert fields["Make"] == (FieldKind.DEVICE, "Canon")
    assert fields["Model"] == (FieldKind.DEVICE, "EOS 5D")


def test_gps_without_a_fix_is_not_a_location() -> None:
    exif = piexif.dump({"GPS": {piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
                                piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1))}})
    meta = read_image_metadata(_jpeg(exif))
    assert meta.of_kind(FieldKind.LOCATION) == []


def test_image_without_metadata_has_no_fields() -> None:
    assert read_image_metadata(_jpeg()).fields == []
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    assert read_image_metadata(buf.getvalue()).fields == []


XMP = b"""<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
  xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
  photoshop:DateCreated="2022-11-03" photoshop:City="Springfield"
  xmpMM:DocumentID="xmp.did:1234">
 <dc:creator><rdf:Seq><rdf:li>Carol Clinician</rdf:li></rdf:Seq></dc:creator>
 <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Dan Patient</rdf:li></rdf:Bag>
 </Iptc4xmpExt:PersonInImage>
 <photoshop:PatientID>MRN 7654321</photoshop:PatientID>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"""


def test_xmp_in_a_jpeg_is_read_and_classified() -> None:
    data = _insert_segment(_jpeg(), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP)
    fields = _by_name(data)
    assert fields["dc:creator"] == (FieldKind.PERSON, "Carol Clinician")
    assert fields["photoshop:DateCreated"] == (FieldKind.CAPTURE_DATE, "2022-11-03")
    assert fields["photoshop:City"] == (FieldKind.LOCATION, "Springfield")
    assert fields["Iptc4xmpExt:PersonInImage"] == (FieldKind.PERSON, "Dan Patient")
    assert fields["photoshop:PatientID"] == (FieldKind.SERIAL, "MRN 7654321")
    assert fields["xmpMM:DocumentID"][0] is FieldKind.TRACKING_ID


def test_xmp_with_an_entity_is_refused_not_expanded() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&e;</x:xmpmeta>')
    meta = read_image_metadata(_insert_segment(_jpeg(), 0xE1,
                                               b"http://ns.adobe.com/xap/1.0/\x00" + evil))
    assert meta.fields == []
    assert meta.problems and "root" not in " ".join(meta.problems)


def _iptc(datasets: list[tuple[int, bytes]]) -> bytes:
    iim = b"".join(b"\x1c\x02" + bytes([ds]) + struct.pack(">H", len(v)) + v for ds, v in datasets)
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    if len(iim) % 2:
        resource += b"\x00"
    return b"Photoshop 3.0\x00" + resource


def test_iptc_by_line_city_and_caption_are_found() -> None:
    data = _insert_segment(_jpeg(), 0xED, _iptc([(80, b"Erin Photographer"),
                                                 (90, b"Shelbyville"),
                                                 (55, b"20230405"),
                                                 (120, b"Burn on the left hand")]))
    fields = _by_name(data)
    assert fields["By-line"] == (FieldKind.PERSON, "Erin Photographer")
    assert fields["City"] == (FieldKind.LOCATION, "Shelbyville")
    assert fields["DateCreated"] == (FieldKind.CAPTURE_DATE, "20230405")
    assert fields["Caption-Abstract"] == (FieldKind.FREE_TEXT, "Burn on the left hand")


def test_jpeg_comment_is_free_text_unless_a_program_wrote_it() -> None:
    data = _insert_segment(_jpeg(), 0xFE, b"Mr Frank Smith MRN 1234567")
    data = _insert_segment(data, 0xFE, b"Created with GIMP")
    data = _insert_segment(data, 0xFE, b"Created by Dr Jane Roe")
    kinds = {f.value: f.kind for f in read_image_metadata(data).fields}
    assert kinds == {"Mr Frank Smith MRN 1234567": FieldKind.FREE_TEXT,
                     "Created with GIMP": FieldKind.DEVICE,
                     "Created by Dr Jane Roe": FieldKind.FREE_TEXT}


def test_png_text_chunks_of_all_three_kinds_are_read() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Grace Author")
    info.add_text("Comment", "patient record 998877", zip=True)
    info.add_itxt("Description", "Wound photo of Heidi", lang="en", zip=False)
    info.add_text("Software", "ImageMagick")
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG", pnginfo=info)
    fields = _by_name(buf.getvalue())
    assert fields["Author"] == (FieldKind.PERSON, "Grace Author")
    assert fields["Comment"] == (FieldKind.FREE_TEXT, "patient record 998877")
    assert fields["Description"] == (FieldKind.FREE_TEXT, "Wound photo of Heidi")
    assert fields["Software"] == (FieldKind.DEVICE, "ImageMagick")


def test_png_text_after_the_pixels_is_found_too() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    data = buf.getvalue()
    body = b"Comment\x00late comment Ivan"
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(
        ">I", zlib.crc32(b"tEXt" + body))
    iend = data.rindex(b"IEND") - 4
    late = data[:iend] + chunk + data[iend:]
    assert _by_name(late)["Comment"] == (FieldKind.FREE_TEXT, "late comment Ivan")


def test_ztxt_bomb_is_read_only_up_to_the_bound() -> None:
    body = b"Comment\x00\x00" + zlib.compress(b"A" * (8 << 20), 9)
    chunk = struct.pack(">I", len(body)) + b"zTXt" + body + b"\x00\x00\x00\x00"
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG")
    data = buf.getvalue()
    data = data[:33] + chunk + data[33:]
    (field,) = read_image_metadata(data).fields
    assert len(field.value) <= 1 << 20


def test_png_exif_and_xmp_itxt_are_read() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "PNG", pnginfo=info, exif=_full_exif())
    fields = _by_name(buf.getvalue())
    assert fields["dc:creator"][0] is FieldKind.PERSON
    assert fields["GPSLatitude/GPSLongitude"][0] is FieldKind.LOCATION


@pytest.mark.parametrize("fmt", ["TIFF", "WEBP"])
def test_exif_in_tiff_and_webp_is_read_through_pillow(fmt: str) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (1, 2, 3)).save(buf, fmt, exif=_full_exif())
    fields = _by_name(buf.getvalue())
    assert fields["Artist"] == (FieldKind.PERSON, "Dr Alice Example")
    assert fields["GPSLatitude/GPSLongitude"][0] is FieldKind.LOCATION


def test_gif_comment_is_read() -> None:
    buf = io.BytesIO()
    Image.new("P", (8, 8)).save(buf, "GIF", comment=b"scan of Judy Doe")
    assert _by_name(buf.getvalue())["Comment"] == (FieldKind.FREE_TEXT, "scan of Judy Doe")


def test_exif_block_in_an_unknown_container_is_found_by_scanning() -> None:
    exif = _full_exif()
    heic_like = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40 + b"\x00\x00\x00\x06" + exif
    fields = _by_name(heic_like)
    assert fields["CameraOwnerName"] == (FieldKind.PERSON, "Bob Owner")


def test_second_image_after_the_end_of_a_jpeg_is_reported() -> None:
    data = _jpeg() + _jpeg(size=(300, 200))
    meta = read_image_metadata(data)
    assert [f.name for f in meta.of_kind(FieldKind.HIDDEN_IMAGE)] == ["TrailingData"]


def test_exif_thumbnail_is_reported_as_a_hidden_image() -> None:
    thumb = _jpeg(size=(16, 12))
    exif = piexif.dump({"0th": {}, "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0,
                                           piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
                        "thumbnail": thumb})
    meta = read_image_metadata(_jpeg(exif))
    assert [f.name for f in meta.of_kind(FieldKind.HIDDEN_IMAGE)] == ["Thumbnail"]


def test_jpeg_layout_walks_past_the_scan_to_eoi() -> None:
    data = _jpeg()
    layout = jpeg_layout(data)
    assert layout.end_of_image == len(data)
    assert layout.segments[-1].marker == 0xDA


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([b"", b"\xff\xd8", b"\x89PNG\r\n\x1a\n",
                                                 b"II*\x00", b"RIFF\x10\x00\x00\x00WEBP"]))
def test_arbitrary_bytes_never_raise(tail: bytes, head: bytes) -> None:
    meta = read_image_metadata(head + tail)
    assert all(isinstance(f.value, str) for f in meta.fields)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(_jpeg(_full_exif())) - 1))
def test_truncated_jpeg_never_raises(cut: int) -> None:
    read_image_metadata(_jpeg(_full_exif())[:cut])
